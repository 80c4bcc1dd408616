import Foundation
import Numerics
import WirelessIO
import WirelessPathLoss

/// The text readers on large inputs (issue 12, class 8). Targets (release build): a 100,000-row campaign
/// CSV parses in < 0.2 s, a SigMF meta with 40,000 annotations in < 0.2 s. The `(before)` rows run the
/// pre-issue-12 code (`LegacyReaders.swift`) on the same input, in the same run.
let readerBenchmarks = BenchmarkGroup(name: "readers") {
    [
        Benchmark(name: "campaign CSV 100k rows (before)", samples: 5) {
            let bytes = ReaderInputs.campaignCSV(rows: 100_000)
            return {
                let text = String(decoding: bytes, as: UTF8.self)
                let campaign = try! LegacyCampaignCSV.parse(text, file: "bench.csv")
                precondition(campaign.links.count == 100_000)
            }
        },
        Benchmark(name: "campaign CSV 100k rows", baseline: "campaign CSV 100k rows (before)", samples: 11) {
            let bytes = ReaderInputs.campaignCSV(rows: 100_000)
            return {
                let campaign = try! CampaignCSV.parse(bytes: bytes, file: "bench.csv")
                precondition(campaign.links.count == 100_000)
            }
        },
        Benchmark(name: "CSVReader 100k rows", samples: 11) {
            let bytes = ReaderInputs.campaignCSV(rows: 100_000)
            return { _ = try! CSVReader.parse(bytes, file: "bench.csv") }
        },
        Benchmark(name: "SigMF meta JSON 40k annotations (before)", samples: 5) {
            let meta = ReaderInputs.sigMFMeta(annotations: 40_000)
            return { _ = try! JSONDecoder().decode(JSONValue.self, from: meta) }
        },
        Benchmark(
            name: "SigMF meta JSON 40k annotations", baseline: "SigMF meta JSON 40k annotations (before)", samples: 11
        ) {
            let meta = ReaderInputs.sigMFMeta(annotations: 40_000)
            return { _ = try! JSONValue(parsing: meta, file: "bench.sigmf-meta") }
        },
        Benchmark(name: "SigMFRecording.read 40k annotations", samples: 11) {
            let base = ReaderInputs.sigMFRecording(annotations: 40_000)
            return {
                let recording = try! SigMFRecording.read(from: base)
                precondition(recording.annotations.count == 40_000)
            }
        },
    ]
}

/// Inputs of the reader benchmarks, generated in memory (and a temporary folder for the SigMF files).
enum ReaderInputs {
    /// A campaign CSV with every schema column, rows cycling through the synthetic replica's links.
    static func campaignCSV(rows: Int) -> [UInt8] {
        let replica = try! SyntheticCampaignGenerator().generate().campaign
        var links: [PathLossLink] = []
        links.reserveCapacity(rows)
        for k in 0..<rows {
            var link = replica.links[k % replica.links.count]
            link.linkID = "L\(k)"
            link.floor = 1 + k % 7
            link.lineOfSight = k % 3 == 0
            link.txHeightMeters = 10 + Double(k % 13)
            link.rxHeightMeters = 1.5
            links.append(link)
        }
        let campaign = PathLossCampaign(links: links, isSynthetic: false, source: "bench")
        return Array(CampaignCSV.render(campaign).utf8)
    }

    /// The meta JSON of a recording with `annotations` annotations (start, count, both band edges, a label).
    static func sigMFMeta(annotations: Int) -> Data {
        try! recording(annotations: annotations).metaJSON()
    }

    /// Writes a recording with `annotations` annotations and 4,096 samples to a temporary folder; returns its base.
    static func sigMFRecording(annotations: Int) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wtk-reader-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = folder.appendingPathComponent("capture")
        _ = try! recording(annotations: annotations).write(to: base)
        return base
    }

    private static func recording(annotations: Int) -> SigMFRecording {
        let items = (0..<annotations).map { k in
            SigMFAnnotation(
                sampleStart: k % 4000, sampleCount: 64, frequencyLowerEdgeHz: -1e6 + Double(k),
                frequencyUpperEdgeHz: 2e6,
                label: k % 2 == 0 ? "wifi" : "lte")
        }
        return SigMFRecording(
            samples: [Complex<Float>](repeating: Complex(1, -1), count: 4096), sampleRateHz: 20e6,
            centerFrequencyHz: 2.4e9, annotations: items)
    }
}

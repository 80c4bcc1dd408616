import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

/// Labelled recordings with sizes and values from a hostile file (issue 12).
@Suite struct HostileRecordingTests {
    @Test func anAnnotationWhoseEndOverflowsEndsWithTheRecording() throws {
        // A recording built in code (the SigMF reader refuses such an annotation): before, start + count trapped.
        let extractor = try SpectrumFeatureExtractor(fftCount: 1, bins: 8)
        let samples = (0..<16).map { Complex<Float>(Float($0 % 3) - 1, 0.5) }
        let recording = SigMFRecording(
            samples: samples, sampleRateHz: 20e6,
            annotations: [
                SigMFAnnotation(
                    sampleStart: 3, sampleCount: .max, frequencyLowerEdgeHz: -1e6, frequencyUpperEdgeHz: 1e6)
            ])
        let (dataset, skipped) = try LabelledRecording.dataset(from: recording, extractor: extractor)
        #expect(skipped == 0)
        #expect(dataset.count == 2)
        // The label covers both windows (it starts in the first and runs to the end).
        #expect(dataset.labels[0..<8].contains(1) && dataset.labels[8..<16].contains(1))
    }

    /// One example of the authors' format in a fresh folder.
    func authorsFolder(samples: Int, meta: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes = Data()
        for k in 0..<samples {
            withUnsafeBytes(of: Double(k % 5).bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: Double(1).bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        try bytes.write(to: folder.appendingPathComponent("data.dat"))
        try Data(meta.utf8).write(to: folder.appendingPathComponent("meta-data.json"))
        return folder
    }

    @Test func authorsFrequenciesOutOfRangeAreRefusedNamingTheEntry() throws {
        // Before: fc = 1.7e308 with bw = -1.7e308 made an infinite upper edge.
        for (meta, column) in [
            (#"{"fc": 1.7e308, "bw": 1e6}"#, "fc"),
            (#"[{"fc": 1e6, "bw": 1e6}, {"fc": 1e6, "bw": -1.7e308}]"#, "[1]bw"),
        ] {
            let folder = try authorsFolder(samples: 4, meta: meta)
            defer { try? FileManager.default.removeItem(at: folder) }
            let meta = folder.appendingPathComponent("meta-data.json")
            #expect {
                try AuthorsDatasetImporter.read(dataURL: folder.appendingPathComponent("data.dat"), metaURL: meta)
            } throws: { error in
                guard case IOError.malformedInput(let file, _, let found, _) = error else { return false }
                return file == meta.path && found == column
            }
        }
    }

    @Test func anEmptyAuthorsDataFileIsToldAsEmpty() throws {
        let folder = try authorsFolder(samples: 0, meta: #"{"fc": 1e6, "bw": 1e6}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data.dat")
        // Before: a recording of no samples.
        #expect(throws: IOError.truncated(file: data.path, expectedBytes: 16, actualBytes: 0)) {
            try AuthorsDatasetImporter.read(dataURL: data, metaURL: folder.appendingPathComponent("meta-data.json"))
        }
    }
}

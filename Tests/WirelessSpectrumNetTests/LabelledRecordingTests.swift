import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

@Suite struct LabelledRecordingTests {
    /// Windows never straddle a capture (each capture is cut from its own start; its trailing partial window
    /// is left out of training), and a label's RF edges map through the centre of its window's capture: the
    /// same 2.001–2.002 GHz label is 1–2 MHz baseband under a 2 GHz capture and out of band under a 1 GHz one.
    @Test func windowsAndLabelsFollowCaptures() throws {
        let extractor = try SpectrumFeatureExtractor(fftCount: 2, bins: 1024, window: .rectangular)
        let w = extractor.windowSamples  // 2048
        var generator = Xoshiro256StarStar(seed: 2)
        let samples = (0..<(3 * w + 700)).map { _ in
            Complex<Float>(Float(generator.nextUnitDouble() - 0.5), Float(generator.nextUnitDouble() - 0.5))
        }
        let recording = SigMFRecording(
            samples: samples, sampleRateHz: 20e6, centerFrequencyHz: 1e9,
            annotations: [
                SigMFAnnotation(
                    sampleStart: 0, sampleCount: samples.count, frequencyLowerEdgeHz: 2.001e9,
                    frequencyUpperEdgeHz: 2.002e9)
            ],
            captures: [
                SigMFCapture(sampleStart: 0, frequencyHz: 1e9), SigMFCapture(sampleStart: w + 300, frequencyHz: 2e9),
            ])
        let starts = LabelledRecording.windowStarts(of: recording, windowSamples: w)
        #expect(starts.map(\.start) == [0, w + 300, 2 * w + 300])
        #expect(starts.map(\.capture) == [0, 1, 1])
        let (dataset, _) = try LabelledRecording.dataset(from: recording, extractor: extractor)
        #expect(dataset.count == 3)
        let occupied = (0..<3).map { dataset.mask($0).filter { $0 }.count }
        #expect(occupied[0] == 0)  // 2.001 GHz is 1 GHz away from the first capture's centre
        let expected = SpectrumLabels.mask(intervalsHz: [(1e6, 2e6)], bins: 1024, sampleRateHz: 20e6)
        #expect(dataset.mask(1) == expected && dataset.mask(2) == expected)
    }

    @Test func generatedExamplesRoundTripThroughSigMFLabels() throws {
        // Generator → SigMF file with annotations (RF edges) → reader → the generator's own masks.
        var config = WidebandGeneratorConfiguration()
        config.windowSamples = 2048
        let generator = try WidebandGenerator(configuration: config, seed: 8)
        let examples = (0..<3).map { generator.generate(snrDB: 5, snrIndex: 0, index: $0) }
        let centre = 915e6
        var annotations: [SigMFAnnotation] = []
        for (k, example) in examples.enumerated() {
            for interval in example.intervalsHz(labelWidth: .nominal) {
                annotations.append(
                    SigMFAnnotation(
                        sampleStart: k * 2048, sampleCount: 2048,
                        frequencyLowerEdgeHz: centre + interval.lower,
                        frequencyUpperEdgeHz: centre + interval.upper, label: "signal"))
            }
        }
        annotations.append(SigMFAnnotation(sampleStart: 0, sampleCount: 10, label: "no edges: ignored"))
        annotations.append(
            SigMFAnnotation(
                sampleStart: 0, sampleCount: 10, frequencyLowerEdgeHz: 2e9,
                frequencyUpperEdgeHz: 2.001e9, label: "out of band: skipped"))
        let recording = SigMFRecording(
            samples: examples.flatMap(\.samples), sampleRateHz: 20e6,
            centerFrequencyHz: centre, annotations: annotations)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labelled-\(UUID().uuidString)")
        let files = try recording.write(to: url)
        defer {
            try? FileManager.default.removeItem(at: files.meta)
            try? FileManager.default.removeItem(at: files.data)
        }
        let read = try SigMFRecording.read(from: url)
        let extractor = try SpectrumFeatureExtractor(fftCount: 2, bins: 1024)
        let (dataset, skipped) = try LabelledRecording.dataset(from: read, extractor: extractor)
        #expect(dataset.count == 3 && skipped == 1)
        for (k, example) in examples.enumerated() {
            let expected = SpectrumLabels.mask(
                intervalsHz: example.intervalsHz(labelWidth: .nominal), bins: 1024,
                sampleRateHz: 20e6)
            #expect(dataset.mask(k) == expected)
        }
    }

    @Test func badAnnotationsAndRates() throws {
        let samples = [Complex<Float>](repeating: Complex(1, 0), count: 4096)
        let extractor = try SpectrumFeatureExtractor(fftCount: 2, bins: 1024)
        let oneEdge = SigMFRecording(
            samples: samples, sampleRateHz: 20e6,
            annotations: [SigMFAnnotation(sampleStart: 0, sampleCount: 1, frequencyLowerEdgeHz: 1e6)])
        #expect(throws: SpectrumNetError.invalidAnnotation(index: 0, reason: "only one frequency edge")) {
            _ = try LabelledRecording.dataset(from: oneEdge, extractor: extractor)
        }
        let reversed = SigMFRecording(
            samples: samples, sampleRateHz: 20e6,
            annotations: [
                SigMFAnnotation(sampleStart: 0, sampleCount: 1, frequencyLowerEdgeHz: 2e6, frequencyUpperEdgeHz: 1e6)
            ])
        #expect(throws: SpectrumNetError.self) {
            _ = try LabelledRecording.dataset(from: reversed, extractor: extractor)
        }
        let slow = SigMFRecording(samples: samples, sampleRateHz: 10e6)
        #expect(throws: SpectrumNetError.sampleRateMismatch(expectedHz: 20e6, foundHz: 10e6)) {
            _ = try LabelledRecording.dataset(from: slow, extractor: extractor)
        }
    }
}

@Suite struct AuthorsDatasetImporterTests {
    @Test func readsComplex128AndObjectOrListMetadata() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Data()
        for k in 0..<8 {
            for value in [Double(k), -Double(k) / 2] {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        let data = folder.appendingPathComponent("data.dat")
        let meta = folder.appendingPathComponent("meta-data.json")
        try bytes.write(to: data)
        try Data(#"{"fc": 1000000, "bw": 200000, "mod": "QPSK", "txPower": 7, "noisePower": 0.5}"#.utf8).write(to: meta)
        let single = try AuthorsDatasetImporter.read(dataURL: data, metaURL: meta)
        #expect(single.samples.count == 8 && single.samples[3] == Complex(3, -1.5))
        #expect(single.annotations.count == 1 && single.annotations[0].frequencyLowerEdgeHz == 900_000)
        try Data(#"[{"fc": -2e6, "bw": 1e6, "mod": "GMSK"}, {"fc": 3e6, "bw": 5e5}]"#.utf8).write(to: meta)
        #expect(try AuthorsDatasetImporter.read(dataURL: data, metaURL: meta).annotations.count == 2)
        try bytes.prefix(20).write(to: data)
        #expect(throws: IOError.self) { _ = try AuthorsDatasetImporter.read(dataURL: data, metaURL: meta) }
    }
}

import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

/// Hostile examples of the authors' folder format (`data.dat` complex128 + `meta-data.json`), read
/// with `AuthorsDatasetImporter.read` as `wtk spectrum … --captures <folder>` does (issue 12). Each
/// is read, or refused as bad data (65; 74 for a file that cannot be opened) with an error that names
/// the file at fault; none traps or yields a sample the float32 pipeline cannot hold.
@Suite struct HostileAuthorsFolderTests {
    /// Little-endian bytes of complex128 samples given as (re, im) float64 values.
    static func complex128(_ samples: [(Double, Double)]) -> [UInt8] {
        samples.flatMap { re, im in
            withUnsafeBytes(of: re.bitPattern.littleEndian) { Array($0) }
                + withUnsafeBytes(of: im.bitPattern.littleEndian) { Array($0) }
        }
    }

    static let fourSamples = complex128([(1, 0), (0, 1), (-1, 0), (0, -1)])
    static let validMeta = #"{"fc": 1e6, "bw": 2e6, "mod": "qpsk"}"#

    /// Which file a refusal must name.
    enum Culprit: Sendable {
        case data, meta
    }

    /// How a hostile example must end.
    enum Outcome: Sendable {
        /// Read: this many samples and annotations.
        case read(samples: Int, annotations: Int)
        /// Refused as bad data (65) naming this file.
        case refused(Culprit)
    }

    /// (what is hostile, meta-data.json text, data.dat bytes, outcome).
    static let cases: [(name: String, meta: String, data: [UInt8], outcome: Outcome)] = [
        ("valid example", validMeta, fourSamples, .read(samples: 4, annotations: 1)),
        ("empty meta", "", fourSamples, .refused(.meta)),
        ("meta not JSON", "{", fourSamples, .refused(.meta)),
        ("meta a number", "42", fourSamples, .refused(.meta)),
        ("meta a string", #""fc""#, fourSamples, .refused(.meta)),
        ("meta null", "null", fourSamples, .refused(.meta)),
        ("meta without bw", #"{"fc": 1e6}"#, fourSamples, .refused(.meta)),
        ("fc as a string", #"{"fc": "1e6", "bw": 1e6}"#, fourSamples, .refused(.meta)),
        ("mod as a number", #"{"fc": 1e6, "bw": 1e6, "mod": 5}"#, fourSamples, .refused(.meta)),
        ("fc 1e400 (beyond float64)", #"{"fc": 1e400, "bw": 1e6}"#, fourSamples, .refused(.meta)),
        ("fc 1.7e308", #"{"fc": 1.7e308, "bw": 1e6}"#, fourSamples, .refused(.meta)),
        ("fc NaN (not JSON)", #"{"fc": NaN, "bw": 1e6}"#, fourSamples, .refused(.meta)),
        ("negative bw", #"{"fc": 1e6, "bw": -1}"#, fourSamples, .refused(.meta)),
        ("bw 1e14", #"{"fc": 0, "bw": 1e14}"#, fourSamples, .refused(.meta)),
        ("a bad second entry", #"[{"fc": 1e6, "bw": 1e6}, {"fc": 1e6, "bw": -1.7e308}]"#, fourSamples, .refused(.meta)),
        ("nested list", #"[[{"fc": 1e6, "bw": 1e6}]]"#, fourSamples, .refused(.meta)),
        ("empty list: no signal", "[]", fourSamples, .read(samples: 4, annotations: 0)),
        (
            "unknown extra fields", #"{"fc": 1e6, "bw": 1e6, "snr": 3, "x": [1]}"#, fourSamples,
            .read(samples: 4, annotations: 1)
        ),
        ("empty data", validMeta, [], .refused(.data)),
        ("data of 8 bytes: half a sample", validMeta, Array(fourSamples.prefix(8)), .refused(.data)),
        ("data of 17 bytes", validMeta, Array(fourSamples.prefix(17)), .refused(.data)),
        ("NaN sample", validMeta, complex128([(1, 0), (.nan, 0)]), .refused(.data)),
        ("infinite sample", validMeta, complex128([(1, -.infinity)]), .refused(.data)),
        (
            "1e300: finite in float64, infinite in float32", validMeta, complex128([(1, 0), (0, 1e300)]),
            .refused(.data)
        ),
        ("−3.5e38: just beyond float32", validMeta, complex128([(-3.5e38, 0)]), .refused(.data)),
        ("3.4e38: within float32", validMeta, complex128([(3.4e38, -3.4e38)]), .read(samples: 1, annotations: 1)),
        (
            "the smallest subnormal float64: zero in float32", validMeta, complex128([(.leastNonzeroMagnitude, 1)]),
            .read(samples: 1, annotations: 1)
        ),
    ]

    @Test(arguments: cases.indices)
    func aHostileExampleIsReadOrRefusedNamingTheFile(_ index: Int) throws {
        let (name, meta, data, outcome) = Self.cases[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataURL = folder.appendingPathComponent("data.dat")
        let metaURL = folder.appendingPathComponent("meta-data.json")
        try Data(data).write(to: dataURL)
        try Data(meta.utf8).write(to: metaURL)
        do {
            let recording = try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL)
            guard case .read(let samples, let annotations) = outcome else {
                Issue.record("\(name): read \(recording.samples.count) samples, expected a refusal")
                return
            }
            #expect(recording.samples.count == samples, "\(name)")
            #expect(recording.annotations.count == annotations, "\(name)")
            #expect(recording.samples.allSatisfy { $0.real.isFinite && $0.imaginary.isFinite }, "\(name)")
        } catch {
            guard case .refused(let culprit) = outcome else {
                Issue.record("\(name): refused: \(error)")
                return
            }
            let categorized = try #require(error as? any CategorizedError, "\(name): untyped \(error)")
            #expect(categorized.category == .invalidData, "\(name): \(error)")
            let file = culprit == .data ? dataURL.path : metaURL.path
            #expect(categorized.description.hasPrefix(file), "\(name): \(error)")
        }
    }

    @Test func aSampleBeyondFloat32IsNamedWithItsIndexAndPart() throws {
        // Before: 1e300 passed the float64 finiteness check and became +∞ in the float32 recording.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataURL = folder.appendingPathComponent("data.dat")
        let metaURL = folder.appendingPathComponent("meta-data.json")
        try Data(Self.complex128([(1, 0), (0, 1), (0, 1e300)])).write(to: dataURL)
        try Data(Self.validMeta.utf8).write(to: metaURL)
        #expect {
            try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL)
        } throws: { error in
            guard case IOError.malformedInput(let file, nil, let column, let reason) = error else { return false }
            return file == dataURL.path && column == "sample 2 (quadrature)" && reason.contains("float32")
        }
    }

    @Test func missingOrUnopenableFilesAreInputOutputErrorsNamingThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataURL = folder.appendingPathComponent("data.dat")
        let metaURL = folder.appendingPathComponent("meta-data.json")
        try Data(Self.validMeta.utf8).write(to: metaURL)
        #expect(throws: IOError.missingFile(path: dataURL.path)) {
            try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL)
        }
        try FileManager.default.createDirectory(at: dataURL, withIntermediateDirectories: true)
        #expect(throws: IOError.unreadable(path: dataURL.path, reason: "it is a directory, not a file")) {
            try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL)
        }
        try FileManager.default.removeItem(at: dataURL)
        try Data(Self.fourSamples).write(to: dataURL)
        try FileManager.default.removeItem(at: metaURL)
        #expect(throws: IOError.missingFile(path: metaURL.path)) {
            try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL)
        }
    }
}

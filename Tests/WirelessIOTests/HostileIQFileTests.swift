import Foundation
import Testing

@testable import WirelessIO

/// Hostile headerless I/Q data (issue 12): `.cf32` files (`RawCF32File.read`, as `wtk psd --input
/// x.cf32`) and `ci16_le` SigMF data, byte patterns a broken recorder or an attacker writes. A file
/// that is not a whole number of samples is `truncated`, a NaN or infinity is `nonFiniteValue` naming
/// the sample and its part, and every finite pattern is read; all refusals are bad data (exit 65)
/// naming the file. (Directories, devices, pipes and unreadable files: `HostileFileTests`.)
@Suite struct HostileIQFileTests {
    /// Little-endian bytes of float32 bit patterns.
    static func cf32(_ patterns: [UInt32]) -> [UInt8] {
        patterns.flatMap { pattern in withUnsafeBytes(of: pattern.littleEndian) { Array($0) } }
    }

    /// How a hostile file must end.
    enum Outcome: Sendable, Equatable {
        /// Read: this many samples.
        case samples(Int)
        /// `truncated`, expecting this many bytes.
        case truncated(expected: Int)
        /// `nonFiniteValue` at this `sample N (part)` column.
        case nonFinite(String)
    }

    static let one: UInt32 = 0x3F80_0000  // 1.0

    /// (what is hostile, the .cf32 file's bytes, the outcome).
    static let cf32Cases: [(name: String, bytes: [UInt8], outcome: Outcome)] = [
        ("empty", [], .truncated(expected: 8)),
        ("1 byte", [0x01], .truncated(expected: 8)),
        ("4 bytes: one component only", cf32([one]), .truncated(expected: 8)),
        ("7 bytes", Array(cf32([one, one]).prefix(7)), .truncated(expected: 8)),
        ("9 bytes", cf32([one, one]) + [0], .truncated(expected: 16)),
        ("15 bytes", Array(cf32([one, one, one, one]).prefix(15)), .truncated(expected: 16)),
        ("quiet NaN, in-phase", cf32([0x7FC0_0000, one]), .nonFinite("sample 0 (in-phase)")),
        ("quiet NaN, quadrature", cf32([one, 0x7FC0_0000]), .nonFinite("sample 0 (quadrature)")),
        ("signalling NaN", cf32([one, one, 0x7F80_0001, one]), .nonFinite("sample 1 (in-phase)")),
        ("negative NaN", cf32([one, 0xFFC0_0000]), .nonFinite("sample 0 (quadrature)")),
        ("NaN with every payload bit", cf32([0x7FFF_FFFF, one]), .nonFinite("sample 0 (in-phase)")),
        ("+infinity", cf32([0x7F80_0000, one]), .nonFinite("sample 0 (in-phase)")),
        (
            "−infinity in the last sample", cf32([one, one, one, one, one, 0xFF80_0000]),
            .nonFinite("sample 2 (quadrature)")
        ),
        ("largest finite magnitude", cf32([0x7F7F_FFFF, 0xFF7F_FFFF]), .samples(1)),
        ("smallest subnormal", cf32([0x0000_0001, 0x8000_0001]), .samples(1)),
        ("negative zero", cf32([0x8000_0000, 0x8000_0000]), .samples(1)),
        ("all-zero bytes", [UInt8](repeating: 0, count: 64), .samples(8)),
        ("all-ones bytes (NaN)", [UInt8](repeating: 0xFF, count: 8), .nonFinite("sample 0 (in-phase)")),
    ]

    @Test(arguments: cf32Cases.indices)
    func aHostileCF32FileIsReadOrRefusedAsBadData(_ index: Int) throws {
        let (name, bytes, outcome) = Self.cf32Cases[index]
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = folder.file("hostile.cf32")
        try Data(bytes).write(to: url)
        switch outcome {
        case .samples(let count):
            #expect(try RawCF32File.read(from: url).count == count, "\(name)")
        case .truncated(let expected):
            #expect(throws: IOError.truncated(file: url.path, expectedBytes: expected, actualBytes: bytes.count)) {
                try RawCF32File.read(from: url)
            }
        case .nonFinite(let column):
            #expect(throws: IOError.nonFiniteValue(file: url.path, line: nil, column: column)) {
                try RawCF32File.read(from: url)
            }
        }
    }

    /// `ci16_le` data of `bytes` under a valid SigMF meta; returns the meta's base URL.
    func ci16Recording(_ bytes: [UInt8], in folder: TemporaryDirectory) throws -> URL {
        try Data(#"{"global":{"core:datatype":"ci16_le","core:sample_rate":1000000,"core:version":"1.2.0"}}"#.utf8)
            .write(to: folder.file("rec.sigmf-meta"))
        try Data(bytes).write(to: folder.file("rec.sigmf-data"))
        return folder.file("rec")
    }

    @Test(arguments: [1, 2, 3, 5, 7])
    func ci16DataThatIsNotAWholeNumberOfSamplesIsTruncated(_ count: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let base = try ci16Recording([UInt8](repeating: 0x11, count: count), in: folder)
        let data = folder.file("rec.sigmf-data").path
        #expect(throws: IOError.truncated(file: data, expectedBytes: (count / 4 + 1) * 4, actualBytes: count)) {
            try SigMFRecording.read(from: base)
        }
    }

    @Test func ci16FullScaleIsReadWithinTheUnitSquare() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // −32768 and 32767 in both parts: every int16 is a finite sample in [−1, 1).
        let base = try ci16Recording([0x00, 0x80, 0xFF, 0x7F, 0xFF, 0x7F, 0x00, 0x80], in: folder)
        let samples = try SigMFRecording.read(from: base).samples
        #expect(samples.count == 2)
        #expect(samples[0].real == -1 && samples[1].imaginary == -1)
        #expect(samples[0].imaginary == 32767 / 32768 && samples[1].real == 32767 / 32768)
    }

    @Test func refusalsAreBadDataNamingTheFile() {
        for error in [
            IOError.truncated(file: "x.cf32", expectedBytes: 8, actualBytes: 3),
            IOError.nonFiniteValue(file: "x.cf32", line: nil, column: "sample 4 (quadrature)"),
        ] {
            #expect(error.category == .invalidData)
            #expect(error.description.hasPrefix("x.cf32"))
        }
    }
}

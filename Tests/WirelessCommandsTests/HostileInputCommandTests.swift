import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessSpectrumNet

@testable import WirelessCommands

/// Hostile input files given to the commands (issue 12): each gives the documented exit code (65
/// bad data, 74 unreadable) and a message that names the file and says what is wrong in words;
/// none traps, allocates from a size it has not checked, or writes an output.
@Suite struct HostileInputCommandTests {
    /// Exit code of `wtk <arguments>` (through `run()`, as the executable), and the message of the error
    /// that `execute()` throws (what `run()` prints after "error: ").
    func failure(_ arguments: [String]) throws -> (code: Int32, message: String) {
        let code = runWTK(arguments)
        var message = ""
        let command = try WTK.parseAsRoot(arguments)
        do {
            try #require(command as? any WTKCommand).execute()
        } catch let error as CategorizedError {
            message = error.description
        } catch {
            message = "\(error)"
        }
        return (code, message)
    }

    /// The checkpoint at `url` with `configuration[key] = value`, the CRC recomputed (a deliberate edit).
    func editedModel(_ url: URL, _ key: String, _ value: Any, to target: URL) throws -> URL {
        let raw = [UInt8](try Data(contentsOf: url))
        let length = Int(raw[12]) | Int(raw[13]) << 8 | Int(raw[14]) << 16 | Int(raw[15]) << 24
        var header = try #require(
            try JSONSerialization.jsonObject(with: Data(raw[16..<(16 + length)])) as? [String: Any])
        var configuration = try #require(header["configuration"] as? [String: Any])
        configuration[key] = value
        header["configuration"] = configuration
        let json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        var out = Array(raw[0..<12])
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { out += $0 }
        out += json + raw[(16 + length)..<(raw.count - 4)]
        withUnsafeBytes(of: CRC32.checksum(out).littleEndian) { out += $0 }
        try Data(out).write(to: target)
        return target
    }

    /// One 20 MS/s window of noise as SigMF (`base.sigmf-meta` + `.sigmf-data`).
    func recording(at base: URL, annotations: [SigMFAnnotation] = []) throws -> URL {
        var generator = Xoshiro256StarStar(seed: 3)
        let samples = (0..<16_384).map { _ in
            Complex<Float>(Float(generator.nextUnitDouble() - 0.5), Float(generator.nextUnitDouble() - 0.5))
        }
        try SigMFRecording(samples: samples, sampleRateHz: 20e6, annotations: annotations).write(to: base)
        return base
    }

    @Test func anOutOfRangeModelConfigurationIsBadDataNamingTheModel() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try recording(at: folder.appendingPathComponent("rec"))
        let tiny = try tinyModel(in: folder)
        let out = folder.appendingPathComponent("out")
        // Before: 64 and "see --help" (N = 2³¹ reached the FFT planner); larger widths allocated gigabytes.
        for (key, value) in [("bins", 1 << 31 as Any), ("widths", [1 << 20, 2, 2, 2]), ("fftCount", 1 << 20)] {
            let model = try editedModel(tiny, key, value, to: folder.appendingPathComponent("hostile-\(key).cmsn"))
            let (code, message) = try failure([
                "spectrum", "segment", input.path, "--model", model.path, "--out-dir", out.path, "--quiet",
            ])
            #expect(code == 65, "\(key): exit \(code)")
            #expect(
                message.hasPrefix(model.path + ": malformed checkpoint header: network configuration"), "\(message)")
        }
        #expect(listing(out).isEmpty)
    }

    @Test func aModelThatIsADirectoryOrEmptyIsToldInWords() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try recording(at: folder.appendingPathComponent("rec"))
        let directory = folder.appendingPathComponent("model.cmsn")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out")
        // Before: "The operation could not be completed. (NSCocoaErrorDomain error 256.)"
        let asDirectory = try failure([
            "spectrum", "segment", input.path, "--model", directory.path, "--out-dir", out.path, "--quiet",
        ])
        #expect(asDirectory.code == 74)
        #expect(asDirectory.message == "\(directory.path): cannot read: it is a directory, not a file")
        // Before: "not a CMuSeNet checkpoint (bad magic)".
        let asNull = try failure([
            "spectrum", "segment", input.path, "--model", "/dev/null", "--out-dir", out.path, "--quiet",
        ])
        #expect(asNull.code == 65)
        #expect(asNull.message.hasPrefix("/dev/null: the checkpoint file is empty"), "\(asNull.message)")
        #expect(listing(out).isEmpty)
    }

    @Test func anAnnotationWhoseEndOverflowsExits65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let label = SigMFAnnotation(
            sampleStart: 1, sampleCount: 12_345, frequencyLowerEdgeHz: 1e6, frequencyUpperEdgeHz: 2e6)
        let base = try recording(at: folder.appendingPathComponent("capture"), annotations: [label])
        let meta = SigMFRecording.files(for: base).meta
        let text = try String(contentsOf: meta, encoding: .utf8)
        // The label's count becomes Int64.max: start + count overflows.
        try Data(text.replacingOccurrences(of: "12345", with: "9223372036854775807").utf8).write(to: meta)
        #expect(try String(contentsOf: meta, encoding: .utf8).contains("9223372036854775807"))
        let out = folder.appendingPathComponent("out")
        // Before: accepted by the reader, then start + count trapped (exit 132).
        let (code, message) = try failure([
            "spectrum", "evaluate", "--captures", base.path, "--model", model.path, "--out-dir", out.path, "--quiet",
        ])
        #expect(code == 65)
        #expect(message.hasPrefix(meta.path), "\(message)")
        #expect(listing(out).isEmpty)
    }

    @Test func psdRefusesASampleRateNoInstrumentRecords() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try recording(at: folder.appendingPathComponent("rec"))
        let meta = SigMFRecording.files(for: base).meta
        let text = try String(contentsOf: meta, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "20000000", with: "5e-324").utf8).write(to: meta)
        let out = folder.appendingPathComponent("out")
        // Before: exit 0 with 1,024 Inf cells.
        let (code, message) = try failure(["psd", base.path, "--out-dir", out.path, "--quiet"])
        #expect(code == 65)
        #expect(message.hasPrefix(meta.path + ", column 'core:sample_rate'"), "\(message)")
        #expect(listing(out).isEmpty)
        // The same range holds for the option.
        #expect(runWTK(["psd", base.path, "--sample-rate", "5e-324", "--out-dir", out.path, "--quiet"]) == 64)
    }

    @Test func psdOnAnEmptyFileSaysItIsEmpty() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("null.cf32")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        let out = folder.appendingPathComponent("out")
        // Before: "the recording has 0 samples, fewer than one segment".
        let (code, message) = try failure(["psd", link.path, "--sample-rate", "1e6", "--out-dir", out.path, "--quiet"])
        #expect(code == 65)
        #expect(message.hasPrefix(link.path + ": the file is empty"), "\(message)")
    }

    @Test func isacEstimateNamesTheFileForEmptyOversizedAndNaNTensors() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        func estimate(_ path: String) throws -> (code: Int32, message: String) {
            try failure(["isac", "estimate", "--input", path, "--out-dir", out.path, "--quiet"])
        }
        // Before: "not an NPY file".
        let empty = try estimate("/dev/null")
        #expect(empty.code == 65)
        #expect(empty.message.hasPrefix("/dev/null: the file is empty"), "\(empty.message)")
        // Before: a 128-byte file with shape (2³², 2³², 1) trapped on the shape product (exit 132).
        var header = Array("{'descr': '<c16', 'fortran_order': False, 'shape': (4294967296, 4294967296, 1), }".utf8)
        header += [UInt8](repeating: 0x20, count: (64 - (10 + header.count + 1) % 64) % 64) + [0x0A]
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.count), 0] + header
        bytes += [UInt8](repeating: 0, count: 128 - bytes.count)
        let huge = folder.appendingPathComponent("huge.npy")
        try Data(bytes).write(to: huge)
        let oversized = try estimate(huge.path)
        #expect(oversized.code == 65)
        #expect(oversized.message.hasPrefix(huge.path), "\(oversized.message)")
        // Before: "non-finite sample at column-major index …", without the file.
        var tensor = ChannelTensor(dimensions: [16, 180, 560])
        tensor.elements[0] = Complex(1, 0)
        tensor[3, 7, 11, 0] = Complex(0, .infinity)
        let nan = folder.appendingPathComponent("inf.npy")
        try tensor.write(to: nan, dataType: .complex64)
        let nonFinite = try estimate(nan.path)
        #expect(nonFinite.code == 65)
        #expect(nonFinite.message.hasPrefix(nan.path + ", element (3, 7, 11) (imaginary part)"), "\(nonFinite.message)")
        #expect(listing(out).isEmpty)
    }

    @Test func aCampaignThatIsADirectoryIsToldInWords() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.appendingPathComponent("links.csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out")
        // Before: "cannot read the file as UTF-8 text".
        let (code, message) = try failure([
            "pathloss", "multifrequency", "--input", directory.path, "--out-dir", out.path, "--quiet",
        ])
        #expect(code == 74)
        #expect(message.contains(directory.path) && message.contains("it is a directory"), "\(message)")
    }
}

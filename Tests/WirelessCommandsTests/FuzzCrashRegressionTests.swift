import ArgumentParser
import Foundation
import Testing
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessPathLoss
import WirelessSpectrumNet

@testable import WirelessCommands

/// Every fuzz crash input committed under `Tests/Fuzz/crashes/<target>/` (issue 12), fed to its
/// reader exactly as the libFuzzer target of that name does (`Fuzz/Sources/WirelessFuzzTargets`):
/// the same entry points, in the same order, with the same bytes. Each file input must end in thrown
/// typed errors of the bad-data category (exit 65), never a trap, an unbounded allocation or a silent
/// success; an argument vector (`cli/`) must parse or be a usage error (64).
///
/// Why it fails on the pre-fix code (`e33142c`) by construction: the files are the inputs that made
/// those very entry points crash there — the `.npy` shape product and the checkpoint tensor size
/// overflow (a Swift overflow trap, SIGILL, kills the test process), the SigMF annotation's
/// `start + count` overflows in `LabelledRecording.dataset` (same trap), and the width-100 000
/// checkpoint asks `makeNetwork()` for 120 GB (an allocation failure or the OOM killer). All these
/// APIs exist unchanged at `e33142c`, so the suite compiles there and dies on the first input.
///
/// A new crash input is covered as soon as its file lands in its target's folder; a folder this
/// suite has no harness for fails `everyCrashFolderIsAKnownTarget`, so none is skipped silently.
@Suite struct FuzzCrashRegressionTests {
    /// `Tests/Fuzz/crashes`, found from this file (the folder is not part of any target).
    static let crashes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fuzz/crashes", isDirectory: true)

    /// The fuzz targets that have a harness here (the names of `scripts/fuzz --list`).
    static let targets = ["campaign-csv", "sigmf", "raw-iq", "authors", "npy", "checkpoint", "cli"]

    /// One committed crash input: its target folder and file name.
    struct CrashInput: CustomTestStringConvertible, Sendable {
        let target: String
        let name: String
        var url: URL { FuzzCrashRegressionTests.crashes.appendingPathComponent(target).appendingPathComponent(name) }
        var testDescription: String { "\(target)/\(name)" }
    }

    /// Every regular file of every target folder (dot files and the README excluded).
    static let inputs: [CrashInput] = targets.flatMap { target in
        listing(crashes.appendingPathComponent(target))
            .filter { !$0.hasPrefix(".") }
            .map { CrashInput(target: target, name: $0) }
    }

    @Test func theCrashInputsAreFound() {
        // The five inputs of the pre-fix code (npy ×2, sigmf, checkpoint ×2) at least.
        #expect(Self.inputs.count >= 5, "found \(Self.inputs.map(\.testDescription)) under \(Self.crashes.path)")
    }

    @Test func everyCrashFolderIsAKnownTarget() {
        let folders = listing(Self.crashes).filter { name in
            var isDirectory: ObjCBool = false
            let path = Self.crashes.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        for folder in folders {
            #expect(Self.targets.contains(folder), "Tests/Fuzz/crashes/\(folder) has no harness in this suite")
        }
    }

    @Test(arguments: inputs)
    func aCrashInputIsATypedErrorOfItsCategory(_ input: CrashInput) throws {
        let data = try Data(contentsOf: input.url)
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        if input.target == "cli" {
            // Parsing either succeeds or is a usage error; the outcome is rendered as wtk would.
            let code = Self.parseCommandLine(data)
            #expect(code == 0 || code == ExitCode.validationFailure.rawValue, "\(input.testDescription): exit \(code)")
            return
        }
        let errors = try Self.runReader(input.target, on: data, in: folder)
        #expect(!errors.isEmpty, "\(input.testDescription) must be refused")
        for error in errors {
            let categorized = try #require(error as? any CategorizedError, "untyped error \(error)")
            #expect(categorized.category == .invalidData, "\(input.testDescription): \(categorized)")
            #expect(!categorized.description.isEmpty)
        }
    }

    // MARK: - The harnesses (as in Fuzz/Sources/WirelessFuzzTargets, keeping the errors)

    /// Runs the reader chain of `target` on one fuzz input and returns the errors thrown, step by
    /// step as the target does: a later step runs only where the target's runs too (after a step
    /// that succeeded, or after one whose failure the target ignores with `try?`).
    static func runReader(_ target: String, on data: Data, in folder: URL) throws -> [any Error] {
        var errors: [any Error] = []
        /// One step: its value, or nil with the error recorded.
        func step<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch {
                errors.append(error)
                return nil
            }
        }
        switch target {
        case "campaign-csv":
            // CampaignCSVFuzz: strict for an even length, --drop-invalid-rows for an odd one; bytes that
            // are not UTF-8 also through CSVReader's own decoding.
            let url = folder.appendingPathComponent("campaign.csv")
            try data.write(to: url)
            _ = step { try CampaignCSV.read(contentsOf: url, options: .init(dropInvalidRows: data.count % 2 == 1)) }
            if String(validating: data, as: UTF8.self) == nil {
                _ = step { try CSVReader.parse(data, file: "fuzz.csv") }
            }
        case "sigmf":
            // SigMFFuzz: meta ␀ data, SigMFRecording.read, then the labelled windows at the file's rate.
            let (meta, samples) = splitAtFirstNUL(data)
            try samples.write(to: folder.appendingPathComponent("rec.sigmf-data"))
            let url = folder.appendingPathComponent("rec.sigmf-meta")
            try meta.write(to: url)
            if let recording = step({ try SigMFRecording.read(from: url) }) {
                _ = step { try label(recording) }
            }
        case "authors":
            // AuthorsFuzz: meta-data.json ␀ data.dat, AuthorsDatasetImporter.read, then the labelled windows.
            let (meta, samples) = splitAtFirstNUL(data)
            let dataURL = folder.appendingPathComponent("data.dat")
            let metaURL = folder.appendingPathComponent("meta-data.json")
            try samples.write(to: dataURL)
            try meta.write(to: metaURL)
            if let recording = step({ try AuthorsDatasetImporter.read(dataURL: dataURL, metaURL: metaURL) }) {
                _ = step { try label(recording) }
            }
        case "raw-iq":
            // RawIQFuzz: selector byte (even cf32 file, odd ci16 data under a fixed valid meta).
            guard let selector = data.first else { break }
            let payload = Data(data.dropFirst())
            if selector % 2 == 0 {
                let url = folder.appendingPathComponent("raw.cf32")
                try payload.write(to: url)
                _ = step { try RawCF32File.read(from: url) }
            } else {
                try payload.write(to: folder.appendingPathComponent("ci16.sigmf-data"))
                let url = folder.appendingPathComponent("ci16.sigmf-meta")
                try Data(
                    #"{"global":{"core:datatype":"ci16_le","core:sample_rate":1000000,"core:version":"1.2.0"}}"#.utf8
                ).write(to: url)
                _ = step { try SigMFRecording.read(from: url) }
            }
        case "npy":
            // NPYFuzz: decode, then the ISAC channel tensor.
            if let array = step({ try NPYArray.decode(data, file: "fuzz.npy") }) {
                _ = step { try ChannelTensor(npy: array) }
            }
        case "checkpoint":
            // CheckpointFuzz: the trailing CRC-32 rewritten, decode, network, then (each whatever the
            // other gives) the feature extractor and the resumable session.
            if let checkpoint = step({ try checkpointWithFixedCRC(data) }),
                var network = step({ try checkpoint.makeNetwork() })
            {
                _ = step { try SpectrumFeatureExtractor(for: checkpoint.header.configuration) }
                _ = step { try checkpoint.session(for: &network) }
            }
        default:
            Issue.record("no harness for fuzz target \(target)")
        }
        return errors
    }

    /// `Checkpoint.decode` of `data` with its last four bytes replaced by the CRC-32 of the rest (for
    /// 20 bytes or more), as the checkpoint target does so that mutations reach the header.
    static func checkpointWithFixedCRC(_ data: Data) throws -> Checkpoint {
        var bytes = [UInt8](data)
        if bytes.count >= 20 {
            let crc = CRC32.checksum(bytes[0..<(bytes.count - 4)])
            for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        }
        return try Checkpoint.decode(Data(bytes))
    }

    /// The labelled windows of `recording` at its own rate with M = 2, N = 8 (the SigMF target's extractor).
    static func label(_ recording: SigMFRecording) throws {
        let extractor = try SpectrumFeatureExtractor(fftCount: 2, bins: 8)
        _ = try LabelledRecording.dataset(
            from: recording, extractor: extractor, modelSampleRateHz: recording.sampleRateHz)
    }

    /// (before, after) the first NUL byte; without one, after is empty.
    static func splitAtFirstNUL(_ data: Data) -> (Data, Data) {
        guard let index = data.firstIndex(of: 0) else { return (data, Data()) }
        return (Data(data[data.startIndex..<index]), Data(data[data.index(after: index)...]))
    }

    /// The exit code `wtk` gives for an argument vector (one argument per line or NUL-separated),
    /// parsing only and rendering the message as the option-parser target does; 0 if it parses.
    static func parseCommandLine(_ data: Data) -> Int32 {
        let text = String(decoding: data, as: UTF8.self)
        var arguments = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\0" })
            .map(String.init)
        if arguments.last == "" { arguments.removeLast() }
        do {
            _ = try WTK.parseAsRoot(arguments)
            return 0
        } catch {
            _ = WTK.fullMessage(for: error)
            return WTK.exitCode(for: error).rawValue
        }
    }
}

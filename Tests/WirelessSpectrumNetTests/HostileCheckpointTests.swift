import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

/// Checkpoints whose header was edited and whose CRC was recomputed (issue 12): every size and
/// every configuration field is checked before anything is allocated, and a bad one is bad data
/// (`malformedCheckpoint`, exit 65), never a trap, a huge allocation or a usage error.
@Suite struct HostileCheckpointTests {
    /// A valid small checkpoint (M = 2, N = 32, widths 2/3/3/4, two context blocks).
    func validCheckpoint() throws -> Data {
        var generator = Xoshiro256StarStar(seed: 4)
        var network = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 2, bins: 32, widths: [2, 3, 3, 4], contextDilations: [1, 2]),
            using: &generator)
        var state = TrainingState()
        state.stage = 1
        var training = TrainingConfiguration()
        training.batchSize = 8
        return try Checkpoint(network: &network, training: state, trainingConfiguration: training).encoded()
    }

    /// `bytes` with its JSON header edited by `edit` and the CRC recomputed, as a hostile user would.
    func reheadered(_ bytes: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        let raw = [UInt8](bytes)
        let length = Int(raw[12]) | Int(raw[13]) << 8 | Int(raw[14]) << 16 | Int(raw[15]) << 24
        var header = try #require(
            try JSONSerialization.jsonObject(with: Data(raw[16..<(16 + length)])) as? [String: Any])
        edit(&header)
        let json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        var out = Array(raw[0..<12])
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { out += $0 }
        out += json
        out += raw[(16 + length)..<(raw.count - 4)]
        withUnsafeBytes(of: CRC32.checksum(out).littleEndian) { out += $0 }
        return Data(out)
    }

    /// Edits `configuration[key]`.
    func withConfiguration(_ key: String, _ value: Any) throws -> Data {
        try reheadered(try validCheckpoint()) { header in
            var configuration = header["configuration"] as! [String: Any]
            configuration[key] = value
            header["configuration"] = configuration
        }
    }

    /// Expects `malformedCheckpoint` whose reason contains `text`, categorised as bad data.
    func expectMalformed(
        _ data: Data, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            try Checkpoint.decode(data)
        } throws: { error in
            guard let error = error as? SpectrumNetError, case .malformedCheckpoint(let reason) = error else {
                return false
            }
            return reason.contains(text) && error.category == .invalidData
        }
    }

    @Test func theHelperKeepsAValidCheckpointValid() throws {
        let edited = try reheadered(try validCheckpoint()) { _ in }
        #expect(try Checkpoint.decode(edited).header.configuration.bins == 32)
    }

    @Test func tensorShapesWhoseSizeOverflowsAreMalformedNotATrap() throws {
        // Before: 4 · Σ Π shape overflowed before the CRC was checked (exit 132).
        for shape in [[1 << 32, 1 << 32], [1 << 62, 4], [Int.max, 2]] {
            let data = try reheadered(try validCheckpoint()) { header in
                var tensors = header["tensors"] as! [[String: Any]]
                tensors[0]["shape"] = shape
                header["tensors"] = tensors
            }
            expectMalformed(data, mentioning: "larger than any checkpoint can hold")
        }
    }

    @Test func aNegativeShapeIsToldAsSuchNotAsItsDtype() throws {
        // Before: "tensor stem.weight.re has dtype f32".
        let data = try reheadered(try validCheckpoint()) { header in
            var tensors = header["tensors"] as! [[String: Any]]
            tensors[0]["shape"] = [-3, 2]
            header["tensors"] = tensors
        }
        expectMalformed(data, mentioning: "negative dimension in shape [-3, 2]")
        let other = try reheadered(try validCheckpoint()) { header in
            var tensors = header["tensors"] as! [[String: Any]]
            tensors[1]["dtype"] = "f64"
            header["tensors"] = tensors
        }
        expectMalformed(other, mentioning: "dtype 'f64'")
    }

    @Test func networkConfigurationsOutOfRangeAreBadDataAtDecode() throws {
        // Before: all decoded; `spectrum segment` then allocated gigabytes, aborted on a huge
        // allocation, trapped in fftwf_malloc, or exited 64 ("see --help").
        expectMalformed(try withConfiguration("bins", 1 << 31), mentioning: "N = 2147483648")
        expectMalformed(try withConfiguration("bins", 1 << 40), mentioning: "N = ")
        expectMalformed(try withConfiguration("fftCount", 100_000), mentioning: "M = 100000")
        expectMalformed(try withConfiguration("fftCount", -1), mentioning: "M = -1")
        expectMalformed(try withConfiguration("widths", [100_000, 3, 3, 4]), mentioning: "widths")
        expectMalformed(try withConfiguration("widths", [2, 3, 3]), mentioning: "four positive widths")
        expectMalformed(try withConfiguration("widths", [2, 0, 3, 4]), mentioning: "widths")
        expectMalformed(
            try withConfiguration("contextDilations", Array(repeating: 1, count: 50)), mentioning: "context")
        expectMalformed(try withConfiguration("contextDilations", [1 << 50]), mentioning: "context dilations")
        expectMalformed(try withConfiguration("bins", 12), mentioning: "divisible by 8")
    }

    @Test func aConfigurationLargerThanTheStoredTensorsIsRefusedBeforeBuildingIt() throws {
        // In range, but the tensors stored hold far fewer elements than such a network has.
        expectMalformed(try withConfiguration("widths", [512, 512, 512, 512]), mentioning: "needs at least")
    }

    @Test func trainingConfigurationAndStateOutOfRangeAreBadData() throws {
        let base = try validCheckpoint()
        func editTraining(_ key: String, _ value: Any) throws -> Data {
            try reheadered(base) { header in
                var training = header["trainingConfiguration"] as! [String: Any]
                training[key] = value
                header["trainingConfiguration"] = training
            }
        }
        expectMalformed(try editTraining("batchSize", 1 << 40), mentioning: "batch size")
        expectMalformed(try editTraining("batchSize", 0), mentioning: "batch size")
        expectMalformed(try editTraining("learningRates", [Double]()), mentioning: "stages")
        expectMalformed(try editTraining("patience", -2), mentioning: "patience")
        expectMalformed(try editTraining("maximumEpochsPerStage", 1 << 40), mentioning: "epoch caps")
        let negativeStage = try reheadered(base) { header in
            var state = header["training"] as! [String: Any]
            state["stage"] = -1
            header["training"] = state
        }
        // Before: decoded, and resuming indexed learningRates[-1].
        expectMalformed(negativeStage, mentioning: "stage = -1")
    }

    @Test func anEmptyOrCutFileIsToldAsSuch() throws {
        #expect(throws: SpectrumNetError.truncated(expectedBytes: 20, foundBytes: 0)) { try Checkpoint.decode(Data()) }
        #expect(SpectrumNetError.truncated(expectedBytes: 20, foundBytes: 0).description.contains("empty"))
        #expect(throws: SpectrumNetError.truncated(expectedBytes: 20, foundBytes: 5)) {
            try Checkpoint.decode(Data("CMSNC".utf8))
        }
        #expect(throws: SpectrumNetError.badMagic) { try Checkpoint.decode(Data("hello".utf8)) }
    }

    @Test func aDirectoryIsAnIOErrorInWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ckpt-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Before: "The operation could not be completed. (NSCocoaErrorDomain error 256.)"
        #expect(throws: SpectrumNetError.io(.unreadable(path: folder.path, reason: "it is a directory, not a file"))) {
            try Checkpoint.read(from: folder)
        }
    }

    /// `minimumParameterElements` must never exceed the real count, or valid checkpoints would be refused.
    @Test(arguments: [
        NetworkConfiguration.compact(fftCount: 2, bins: 32, widths: [2, 3, 3, 4], contextDilations: [1, 2]),
        .compact(fftCount: 4, bins: 64, widths: [5, 1, 7, 2], contextDilations: []),
        .compactReal(fftCount: 2, bins: 64, widths: [3, 4, 5, 6], contextDilations: [1]),
        NetworkConfiguration(
            architecture: .compact, isComplex: true, fftCount: 1, bins: 16, widths: [3, 2, 2, 2], activation: .modrelu,
            head: .gapDense, batchNorm: .naive),
        .paper1D(fftCount: 1, bins: 64, isComplex: true, widths: [2, 3, 4, 5]),
        .paper1D(fftCount: 2, bins: 64, isComplex: false, widths: [4, 3, 2, 1]),
    ])
    func parameterLowerBoundHoldsForEveryArchitecture(configuration: NetworkConfiguration) throws {
        var network = try SegmentationNetwork<Float>(configuration: configuration)
        let stored = network.parameterList().reduce(0) { $0 + $1.count }
        #expect(configuration.minimumParameterElements <= stored)
        #expect(configuration.minimumParameterElements * 8 >= stored, "the bound should stay tight")
    }

    @Test func theProjectsArchitecturesAreWithinTheLimits() throws {
        try NetworkConfiguration.compact().validate()
        try NetworkConfiguration.compactReal().validate()
        try NetworkConfiguration.paper1D().validate()
        try NetworkConfiguration.paper1D(isComplex: false, widths: [106, 212, 425, 849]).validate()
        try TrainingConfiguration().validate()
    }
}

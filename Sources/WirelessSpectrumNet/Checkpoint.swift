import Foundation
import Numerics
import WirelessCore
import WirelessIO

/// A versioned binary network checkpoint (docs/SPECTRUM.md#checkpoint-format), little-endian:
///
///     "CMSNCKPT" | u32 version (1) | u32 H | H bytes canonical JSON header |
///     tensors (f32, in header order; Re and Im are separate tensors) | u32 CRC-32 over all before it
///
/// The header holds the network configuration, the tensor table (name, shape) and optionally the
/// training state; tensors are the parameters and batch-norm running statistics, optionally the
/// Adam moments (`adam.m/…`, `adam.v/…`) and the stage's best weights (`best/…`) for resuming.
/// Loading checks magic, version, length (with checked arithmetic on every shape), CRC, header,
/// shapes and dtypes, the configurations' documented ranges and the network's size against the
/// tensors stored, then finiteness, in that order; nothing is allocated from a size that has not
/// passed these checks, and every failure is bad data (exit 65).
public struct Checkpoint: Sendable {
    /// The JSON header.
    public struct Header: Sendable, Equatable, Codable {
        public struct TensorEntry: Sendable, Equatable, Codable {
            public var name: String
            public var shape: [Int]
            public var dtype: String
        }
        public var configuration: NetworkConfiguration
        public var tensors: [TensorEntry]
        public var training: TrainingState?
        public var trainingConfiguration: TrainingConfiguration?
        /// Free-form provenance (command line, seed, data description).
        public var provenance: [String: String]
    }

    public static let magic = Array("CMSNCKPT".utf8)
    public static let version: UInt32 = 1

    public var header: Header
    /// Tensor values in header order.
    public var values: [[Float]]

    /// A checkpoint of `network` (and optionally the resumable training state).
    public init(
        network: inout SegmentationNetwork<Float>, training: TrainingState? = nil,
        trainingConfiguration: TrainingConfiguration? = nil,
        optimizer: AdamOptimizer<Float>? = nil, bestWeights: [Parameter<Float>]? = nil,
        provenance: [String: String] = [:]
    ) {
        var entries: [Header.TensorEntry] = []
        var values: [[Float]] = []
        let parameters = network.parameterList()
        for p in parameters {
            entries.append(.init(name: p.name, shape: p.shape, dtype: "f32"))
            values.append(p.value)
        }
        if let optimizer, !optimizer.firstMoments.isEmpty {
            let trainable = parameters.filter(\.isTrainable)
            for (k, p) in trainable.enumerated() {
                entries.append(.init(name: "adam.m/" + p.name, shape: p.shape, dtype: "f32"))
                values.append(optimizer.firstMoments[k])
                entries.append(.init(name: "adam.v/" + p.name, shape: p.shape, dtype: "f32"))
                values.append(optimizer.secondMoments[k])
            }
        }
        if let bestWeights {
            for p in bestWeights {
                entries.append(.init(name: "best/" + p.name, shape: p.shape, dtype: "f32"))
                values.append(p.value)
            }
        }
        header = Header(
            configuration: network.configuration, tensors: entries, training: training,
            trainingConfiguration: trainingConfiguration, provenance: provenance)
        self.values = values
    }

    init(header: Header, values: [[Float]]) {
        self.header = header
        self.values = values
    }

    /// The serialised bytes.
    public func encoded() throws(SpectrumNetError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json: Data
        do {
            json = try encoder.encode(header)
        } catch {
            throw SpectrumNetError.malformedCheckpoint(reason: "header could not be encoded: \(error)")
        }
        var bytes: [UInt8] = Self.magic
        func appendU32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        appendU32(Self.version)
        appendU32(UInt32(json.count))
        bytes.append(contentsOf: json)
        for tensor in values {
            bytes.reserveCapacity(bytes.count + 4 * tensor.count)
            for v in tensor { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        appendU32(CRC32.checksum(bytes))
        return Data(bytes)
    }

    /// Writes atomically (temporary file + rename).
    ///
    /// - Throws: `SpectrumNetError.io` when the file cannot be written, `.malformedCheckpoint` when the
    ///   header cannot be encoded.
    public func write(to url: URL) throws(SpectrumNetError) {
        let bytes = try encoded()
        do { try AtomicFileWriter.write(bytes, to: url) } catch { throw .io(error) }
    }

    /// Parses and verifies checkpoint bytes.
    ///
    /// Every size in the file is checked before it is used: the header length and each tensor's
    /// shape with checked arithmetic against the bytes really present, the configurations against
    /// their documented ranges (`NetworkConfiguration.Limits`, `TrainingConfiguration.Limits`), and
    /// the network's size against the tensors stored (`NetworkConfiguration.minimumParameterElements`),
    /// all before any tensor or network is allocated. Nothing read from the file can make loading
    /// allocate more than a small multiple of the file's size.
    ///
    /// - Throws: `SpectrumNetError.badMagic`, `.unsupportedVersion`, `.truncated` (an empty file has 0
    ///   bytes), `.checksumMismatch`, `.malformedCheckpoint` (undecodable header, a tensor with a
    ///   negative or oversized shape or a dtype other than f32, a configuration out of range, trailing
    ///   bytes), `.nonFiniteParameter`. All are bad data (exit 65), never a usage error.
    public static func decode(_ data: Data) throws(SpectrumNetError) -> Checkpoint {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else {
            if magic.starts(with: bytes) {
                throw SpectrumNetError.truncated(expectedBytes: 20, foundBytes: bytes.count)
            }
            throw SpectrumNetError.badMagic
        }
        guard Array(bytes[0..<8]) == magic else { throw SpectrumNetError.badMagic }
        guard bytes.count >= 16 else { throw SpectrumNetError.truncated(expectedBytes: 20, foundBytes: bytes.count) }
        func u32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        let version = u32(8)
        guard version == Self.version else { throw SpectrumNetError.unsupportedVersion(Int(version)) }
        let headerLength = Int(u32(12))  // < 2³², so 16 + H + 4 cannot overflow
        guard bytes.count >= 16 + headerLength + 4 else {
            throw SpectrumNetError.truncated(expectedBytes: 16 + headerLength + 4, foundBytes: bytes.count)
        }
        let headerBytes = Data(bytes[16..<(16 + headerLength)])
        // The tensor table gives the expected length; decode it first, verify the CRC before trusting values.
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded: Result<Header, any Error> = Result { try decoder.decode(Header.self, from: headerBytes) }
        let tensorCounts = (try? decoded.get()).map { Self.elementCounts(of: $0.tensors) }
        if case .success(let counts)? = tensorCounts {
            let tensorBytes = counts.reduce(0, +) * 4  // Σ ≤ 2⁶⁰ (checked): 4·Σ + 2³² + 20 fits in Int
            let expected = 16 + headerLength + tensorBytes + 4
            guard bytes.count >= expected else {
                throw SpectrumNetError.truncated(expectedBytes: expected, foundBytes: bytes.count)
            }
        }
        let stored = u32(bytes.count - 4)
        let computed = CRC32.checksum(bytes[0..<(bytes.count - 4)])
        guard stored == computed else { throw SpectrumNetError.checksumMismatch(stored: stored, computed: computed) }
        let header: Header
        switch decoded {
        case .success(let value): header = value
        case .failure(let error):
            throw SpectrumNetError.malformedCheckpoint(
                reason: "header JSON does not decode: \(DecodingProblem.text(error))")
        }
        let counts: [Int]
        switch tensorCounts {
        case .success(let value)?: counts = value
        case .failure(let error)?: throw error
        case nil: throw SpectrumNetError.malformedCheckpoint(reason: "header JSON does not decode")
        }
        for entry in header.tensors where entry.dtype != "f32" {
            throw SpectrumNetError.malformedCheckpoint(
                reason: "tensor \(entry.name) has dtype '\(entry.dtype.prefix(20))'; only 'f32' is supported")
        }
        try validateConfigurations(of: header, tensorElements: counts.reduce(0, +))
        var offset = 16 + headerLength
        var values: [[Float]] = []
        values.reserveCapacity(counts.count)
        for (entry, count) in zip(header.tensors, counts) {
            // `count` elements are present: checked against the file size above.
            var tensor = [Float](repeating: 0, count: count)
            for k in 0..<count {
                tensor[k] = Float(bitPattern: u32(offset))
                offset += 4
            }
            guard tensor.allSatisfy({ $0.isFinite }) else {
                throw SpectrumNetError.nonFiniteParameter(name: entry.name)
            }
            values.append(tensor)
        }
        guard offset == bytes.count - 4 else {
            throw SpectrumNetError.malformedCheckpoint(
                reason: "\(bytes.count - 4 - offset) trailing bytes after the tensors")
        }
        return Checkpoint(header: header, values: values)
    }

    /// Largest number of elements the tensor table may declare in all: 2⁶⁰ (so that 4 bytes each
    /// plus the header still fit in `Int`); a real checkpoint holds far fewer, as the file must.
    static let maximumTensorElements = 1 << 60

    /// Each tensor's element count Π shape, with checked arithmetic.
    /// - Returns: `.failure(.malformedCheckpoint)` naming the first tensor with a negative dimension,
    ///   or whose elements (alone or with those before it) exceed `maximumTensorElements`.
    static func elementCounts(of tensors: [Header.TensorEntry]) -> Result<[Int], SpectrumNetError> {
        var counts: [Int] = []
        counts.reserveCapacity(tensors.count)
        var total = 0
        for entry in tensors {
            if entry.shape.contains(where: { $0 < 0 }) {
                return .failure(
                    .malformedCheckpoint(
                        reason: "tensor \(entry.name) has a negative dimension in shape \(entry.shape)"))
            }
            var count = 1
            for extent in entry.shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard !overflow, product <= maximumTensorElements else {
                    return .failure(
                        .malformedCheckpoint(
                            reason:
                                "tensor \(entry.name) of shape \(entry.shape) is larger than any checkpoint can hold"))
                }
                count = product
            }
            total += count
            guard total <= maximumTensorElements else {
                return .failure(
                    .malformedCheckpoint(
                        reason: "the tensors up to \(entry.name) are larger than any checkpoint can hold"))
            }
            counts.append(count)
        }
        return .success(counts)
    }

    /// Checks the stored configurations against their documented ranges and the network's size
    /// against the tensors present, so that building the network cannot allocate more than the file
    /// holds (up to a small factor).
    /// - Throws: `SpectrumNetError.malformedCheckpoint` (bad data, exit 65) with the range broken.
    static func validateConfigurations(of header: Header, tensorElements: Int) throws(SpectrumNetError) {
        func stored(_ what: String, _ check: () throws(SpectrumNetError) -> Void) throws(SpectrumNetError) {
            do {
                try check()
            } catch .invalidConfiguration(let reason) {
                throw .malformedCheckpoint(reason: "\(what): \(reason)")
            } catch {
                throw error
            }
        }
        let network = header.configuration
        try stored("network configuration", network.validate)
        guard network.minimumParameterElements <= tensorElements else {
            throw SpectrumNetError.malformedCheckpoint(
                reason:
                    "network configuration \(network.summary) needs at least \(network.minimumParameterElements) parameters but the checkpoint stores \(tensorElements)"
            )
        }
        if let training = header.trainingConfiguration {
            try stored("training configuration", training.validate)
        }
        if let state = header.training {
            try stored("training state", state.validate)
        }
    }

    /// Reads and verifies a checkpoint file.
    /// - Throws: `SpectrumNetError.io` with `IOError.missingFile`, `.unreadable` (a directory, no
    ///   permission; in words), and the errors of `decode`.
    public static func read(from url: URL) throws(SpectrumNetError) -> Checkpoint {
        let bytes: Data
        do { bytes = try FileContents.read(url) } catch { throw .io(error) }
        return try decode(bytes)
    }

    /// The values of the tensor named `name`, if present.
    public func tensor(named name: String) -> [Float]? {
        header.tensors.firstIndex { $0.name == name }.map { values[$0] }
    }

    /// Builds the network stored in the checkpoint.
    ///
    /// - Parameter expected: when given, the configuration the caller needs; any difference throws
    ///   `architectureMismatch` before anything is loaded.
    /// - Throws: `SpectrumNetError.architectureMismatch`, `.malformedCheckpoint` (missing tensor or shape).
    public func makeNetwork(expecting expected: NetworkConfiguration? = nil) throws(SpectrumNetError)
        -> SegmentationNetwork<Float>
    {
        if let expected, expected != header.configuration {
            throw SpectrumNetError.architectureMismatch(expected: expected.summary, found: header.configuration.summary)
        }
        var network = try SegmentationNetwork<Float>(configuration: header.configuration)
        try load(into: &network, prefix: "")
        return network
    }

    /// Copies the tensors named `prefix + parameter name` into `network` (all or nothing).
    func load(into network: inout SegmentationNetwork<Float>, prefix: String) throws(SpectrumNetError) {
        var list = network.parameterList()
        for k in list.indices {
            guard let index = header.tensors.firstIndex(where: { $0.name == prefix + list[k].name }) else {
                throw SpectrumNetError.architectureMismatch(
                    expected: network.configuration.summary, found: "checkpoint without tensor \(prefix + list[k].name)"
                )
            }
            guard header.tensors[index].shape.reduce(1, *) == list[k].count else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "\(list[k].name) \(list[k].shape)", found: "\(header.tensors[index].shape)")
            }
            list[k].value = values[index]
        }
        network.setParameterValues(list)
    }

    /// The Adam optimiser state stored for resuming, if any.
    func optimizer(for network: inout SegmentationNetwork<Float>, learningRate: Double, step: Int) -> AdamOptimizer<
        Float
    >? {
        var optimizer = AdamOptimizer<Float>(learningRate: learningRate)
        var first: [[Float]] = []
        var second: [[Float]] = []
        for p in network.parameterList() where p.isTrainable {
            guard let m = tensor(named: "adam.m/" + p.name), let v = tensor(named: "adam.v/" + p.name) else {
                return nil
            }
            first.append(m)
            second.append(v)
        }
        optimizer.firstMoments = first
        optimizer.secondMoments = second
        optimizer.restoreStep(step)
        return optimizer
    }
}

extension Checkpoint {
    /// Rebuilds the resumable session (state, Adam moments, best weights) stored with the network.
    public func session(for network: inout SegmentationNetwork<Float>) throws(SpectrumNetError)
        -> SpectrumTrainer.Session
    {
        var session = SpectrumTrainer.Session()
        guard let state = header.training else { return session }
        session.state = state
        if !state.finished, let configuration = header.trainingConfiguration,
            state.stage < configuration.learningRates.count
        {
            session.optimizer = optimizer(
                for: &network, learningRate: configuration.learningRates[state.stage],
                step: state.adamStep)
        }
        if header.tensors.contains(where: { $0.name.hasPrefix("best/") }) {
            var best = try SegmentationNetwork<Float>(configuration: header.configuration)
            try load(into: &best, prefix: "best/")
            session.bestWeights = best.parameterList()
        }
        return session
    }
}

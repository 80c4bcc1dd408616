import Foundation
import Numerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads interleaved I/Q samples (`cf32_le` or `ci16_le`, the encodings of `IQSampleCodec`) from a file or
/// standard input a chunk at a time, through one byte buffer of fixed capacity: memory does not grow with
/// the length of the stream.
///
///     var reader = try IQStreamReader(url: data, datatype: .ci16LE)     // or IQStreamReader(standardInput:…)
///     var chunk: [Complex<Float>] = []
///     while try reader.read(into: &chunk, maxCount: 65_536) > 0 { … ; chunk.removeAll(keepingCapacity: true) }
///
/// Errors name the file (`-` for standard input): a stream that ends inside a sample is `IOError.truncated`;
/// a NaN/±∞ cf32 component `IOError.nonFiniteValue` naming its 0-based sample index in the stream; an empty
/// stream `IOError.truncated` with 0 bytes ("the file is empty").
public final class IQStreamReader: IQSampleSource {
    /// The encoding read.
    public let datatype: SigMFRecording.Datatype
    /// The file read (`-` for standard input), for messages.
    public let name: String
    /// Capacity of the byte buffer [bytes]: the most this reader ever holds.
    public let bufferCapacityBytes: Int
    /// Samples decoded so far.
    public private(set) var samplesRead = 0
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var bytes: [UInt8]
    /// Bytes of an incomplete sample carried to the next read.
    private var carried = 0
    private var ended = false

    /// Default buffer capacity [bytes] (1 MiB).
    public static let defaultBufferCapacityBytes = 1 << 20

    /// Opens the file at `url` (a regular file, a FIFO, `/dev/stdin`).
    /// - Throws: `IOError.missingFile`, `.unreadable` (a directory, no permission).
    public convenience init(
        url: URL, datatype: SigMFRecording.Datatype, bufferCapacityBytes: Int = defaultBufferCapacityBytes
    ) throws(IOError) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileContents.error(errno, path: url.path) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw .unreadable(path: url.path, reason: "it is a directory, not a file")
        }
        self.init(
            descriptor: descriptor, owns: true, name: url.path, datatype: datatype,
            bufferCapacityBytes: bufferCapacityBytes)
    }

    /// Reads standard input (named `-` in messages); the descriptor is not closed.
    public convenience init(
        standardInputWith datatype: SigMFRecording.Datatype, bufferCapacityBytes: Int = defaultBufferCapacityBytes
    ) {
        self.init(
            descriptor: STDIN_FILENO, owns: false, name: "-", datatype: datatype,
            bufferCapacityBytes: bufferCapacityBytes)
    }

    private init(
        descriptor: Int32, owns: Bool, name: String, datatype: SigMFRecording.Datatype, bufferCapacityBytes: Int
    ) {
        precondition(bufferCapacityBytes >= 8, "the buffer must hold one sample")
        self.descriptor = descriptor
        self.ownsDescriptor = owns
        self.name = name
        self.datatype = datatype
        // A whole number of samples.
        self.bufferCapacityBytes = bufferCapacityBytes - bufferCapacityBytes % datatype.bytesPerSample
        self.bytes = [UInt8](repeating: 0, count: self.bufferCapacityBytes)
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Appends up to `maxCount` samples (at most one buffer's worth per call) to `buffer`; 0 at the end.
    /// - Throws: `IOError.truncated` (the stream ends inside a sample, or is empty), `.nonFiniteValue`,
    ///   `.unreadable` (an I/O error).
    public func read(into buffer: inout [Complex<Float>], maxCount: Int) throws(IOError) -> Int {
        let size = datatype.bytesPerSample
        let wanted = min(max(0, maxCount), bufferCapacityBytes / size) * size
        guard wanted > 0, !ended else { return 0 }
        var filled = carried
        // Fill until at least one whole sample (or the end); stop at the first short read after that so
        // that a pipe's samples are handed on as they arrive.
        while filled < wanted {
            let got = bytes.withUnsafeMutableBytes { raw in
                POSIXDescriptor.read(descriptor, raw.baseAddress! + filled, wanted - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileContents.error(errno, path: name)
            }
            if got == 0 {
                ended = true
                break
            }
            filled += got
            if filled >= size { break }
        }
        let whole = filled / size
        if ended && whole == 0 {
            if filled > 0 || samplesRead == 0 {
                throw .truncated(
                    file: name, expectedBytes: (samplesRead + 1) * size, actualBytes: samplesRead * size + filled)
            }
            return 0
        }
        let first = samplesRead
        bytes.withUnsafeBytes { raw in
            buffer.reserveCapacity(buffer.count + whole)
            switch datatype {
            case .cf32LE: for k in 0..<whole { buffer.append(IQSampleCodec.cf32Sample(raw, at: k * size)) }
            case .ci16LE: for k in 0..<whole { buffer.append(IQSampleCodec.ci16Sample(raw, at: k * size)) }
            }
        }
        if datatype == .cf32LE {
            try IQSampleCodec.checkFinite(buffer[(buffer.count - whole)...], firstIndex: first, file: name)
        }
        // Keep the bytes of an incomplete sample at the front.
        carried = filled - whole * size
        for k in 0..<carried { bytes[k] = bytes[whole * size + k] }
        if ended && carried > 0 {
            throw .truncated(
                file: name, expectedBytes: (first + whole + 1) * size, actualBytes: (first + whole) * size + carried)
        }
        samplesRead += whole
        return whole
    }
}

import Foundation
import Numerics

/// Headerless complex baseband files: interleaved little-endian float32 I/Q (`.cf32`, GNU Radio's
/// `gr_complex` file sink on little-endian hosts), 8 bytes per sample.
public enum RawCF32File {
    /// Reads every sample of the file at `url`.
    /// - Throws: `IOError.missingFile`, `.unreadable`, `.truncated` (size not a multiple of 8 bytes),
    ///   `.nonFiniteValue` (naming the 0-based sample index); an empty file (such as `/dev/null`) is
    ///   `.truncated` with 0 bytes ("the file is empty").
    public static func read(from url: URL) throws(IOError) -> [Complex<Float>] {
        let data = try FileContents.read(url)
        if data.isEmpty { throw .truncated(file: url.path, expectedBytes: 8, actualBytes: 0) }
        return try IQSampleCodec.decodeCF32(data, file: url.path)
    }

    /// `samples` as cf32_le bytes (a chunk of a file written piece by piece).
    /// - Throws: `IOError.nonFiniteValue` naming `file` if a sample is NaN/±∞.
    public static func encode(_ samples: ArraySlice<Complex<Float>>, file: String) throws(IOError) -> Data {
        let chunk = Array(samples)
        try IQSampleCodec.checkFinite(chunk, file: file)
        return IQSampleCodec.encodeCF32(chunk)
    }

    /// Atomically writes `samples` to `url`.
    /// - Throws: `IOError.nonFiniteValue` if a sample is NaN/±∞ (nothing is written); `IOError.unwritable`.
    public static func write(_ samples: [Complex<Float>], to url: URL) throws(IOError) {
        try IQSampleCodec.checkFinite(samples, file: url.path)
        try AtomicFileWriter.write(IQSampleCodec.encodeCF32(samples), to: url)
    }
}

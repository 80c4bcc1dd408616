import Foundation
import Numerics

/// Headerless complex baseband files: interleaved little-endian float32 I/Q (`.cf32`, GNU Radio's
/// `gr_complex` file sink on little-endian hosts), 8 bytes per sample.
public enum RawCF32File {
    /// Reads every sample of the file at `url`.
    /// - Throws: `IOError.missingFile`, `.unreadable`, `.truncated` (size not a multiple of 8 bytes),
    ///   `.nonFiniteValue` (naming the 0-based sample index).
    public static func read(from url: URL) throws(IOError) -> [Complex<Float>] {
        try IQSampleCodec.decodeCF32(FileContents.read(url), file: url.path)
    }

    /// Atomically writes `samples` to `url`.
    /// - Throws: `IOError.nonFiniteValue` if a sample is NaN/±∞ (nothing is written); `IOError.unwritable`.
    public static func write(_ samples: [Complex<Float>], to url: URL) throws(IOError) {
        try IQSampleCodec.checkFinite(samples, file: url.path)
        try AtomicFileWriter.write(IQSampleCodec.encodeCF32(samples), to: url)
    }
}

import Foundation
import Numerics

/// Little-endian interleaved I/Q encodings shared by SigMF and raw `.cf32` files.
///
///     cf32_le: [I₀ Q₀ I₁ Q₁ …] as IEEE-754 binary32, little-endian, 8 bytes per sample
///     ci16_le: [I₀ Q₀ I₁ Q₁ …] as two's-complement int16, little-endian, 4 bytes per sample;
///              decoded as value / 32768, so full scale maps to [−1, 1 − 2⁻¹⁵]
///
/// Decoding rejects a byte count that is not a whole number of samples (`IOError.truncated`, expecting
/// the next whole sample) and NaN/±∞ components (`IOError.nonFiniteValue`, naming the 0-based sample index).
enum IQSampleCodec {
    /// Scale between ci16 integers and floats: x_float = x_int / 32768.
    static let ci16Scale: Float = 32768

    static func checkWholeSamples(_ byteCount: Int, bytesPerSample: Int, file: String) throws(IOError) {
        let remainder = byteCount % bytesPerSample
        if remainder != 0 {
            throw .truncated(file: file, expectedBytes: byteCount - remainder + bytesPerSample, actualBytes: byteCount)
        }
    }

    static func sampleColumn(_ index: Int, imaginary: Bool) -> String {
        "sample \(index) (\(imaginary ? "quadrature" : "in-phase"))"
    }

    static func decodeCF32(_ data: Data, file: String) throws(IOError) -> [Complex<Float>] {
        try decode(data, bytesPerSample: 8, file: file, sample: cf32Sample)
    }

    static func decodeCI16(_ data: Data, file: String) throws(IOError) -> [Complex<Float>] {
        try decode(data, bytesPerSample: 4, file: file, sample: ci16Sample)
    }

    /// The cf32_le sample at `offset` of `raw` (8 bytes: I then Q, binary32 little-endian).
    @inline(__always)
    static func cf32Sample(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Complex<Float> {
        let re = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let im = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
        return Complex(re, im)
    }

    /// The ci16_le sample at `offset` of `raw` (4 bytes: I then Q, int16 little-endian), divided by `ci16Scale`.
    @inline(__always)
    static func ci16Sample(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Complex<Float> {
        let re = Int16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
        let im = Int16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 2, as: UInt16.self)))
        return Complex(Float(re) / ci16Scale, Float(im) / ci16Scale)
    }

    /// The samples of `data`, `bytesPerSample` bytes each, decoded by `sample(bytes, byteOffset)`; checks the
    /// length is whole samples and every decoded value is finite (errors naming `file`).
    @inline(__always)
    static func decode(
        _ data: Data, bytesPerSample: Int, file: String,
        sample: (UnsafeRawBufferPointer, _ at: Int) -> Complex<Float>
    ) throws(IOError) -> [Complex<Float>] {
        try checkWholeSamples(data.count, bytesPerSample: bytesPerSample, file: file)
        let count = data.count / bytesPerSample
        var samples = [Complex<Float>](repeating: .zero, count: count)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for k in 0..<count { samples[k] = sample(raw, bytesPerSample * k) }
        }
        try checkFinite(samples, file: file)
        return samples
    }

    /// Throws for the first NaN/±∞ component of `samples`, naming it as sample `firstIndex + k` of `file`.
    static func checkFinite(_ samples: some Sequence<Complex<Float>>, firstIndex: Int = 0, file: String) throws(IOError)
    {
        // `rawStorage`: `Complex.real`/`.imaginary` report NaN for both parts of any non-finite value.
        for (k, sample) in zip(firstIndex..., samples) {
            let (re, im) = sample.rawStorage
            if !re.isFinite { throw .nonFiniteValue(file: file, line: nil, column: sampleColumn(k, imaginary: false)) }
            if !im.isFinite { throw .nonFiniteValue(file: file, line: nil, column: sampleColumn(k, imaginary: true)) }
        }
    }

    static func encodeCF32(_ samples: [Complex<Float>]) -> Data {
        var data = Data(count: samples.count * 8)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            for (k, sample) in samples.enumerated() {
                let (re, im) = sample.rawStorage
                raw.storeBytes(of: re.bitPattern.littleEndian, toByteOffset: 8 * k, as: UInt32.self)
                raw.storeBytes(of: im.bitPattern.littleEndian, toByteOffset: 8 * k + 4, as: UInt32.self)
            }
        }
        return data
    }

    /// ci16 encoding: round(x · 32768) to nearest (ties away from zero), saturated to [−32768, 32767].
    static func encodeCI16(_ samples: [Complex<Float>]) -> Data {
        func quantize(_ x: Float) -> UInt16 {
            let scaled = x.isNaN ? 0 : (x * ci16Scale).rounded(.toNearestOrAwayFromZero)
            let clamped = min(max(scaled, -32768), 32767)
            return UInt16(bitPattern: Int16(clamped)).littleEndian
        }
        var data = Data(count: samples.count * 4)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            for (k, sample) in samples.enumerated() {
                let (re, im) = sample.rawStorage
                raw.storeBytes(of: quantize(re), toByteOffset: 4 * k, as: UInt16.self)
                raw.storeBytes(of: quantize(im), toByteOffset: 4 * k + 2, as: UInt16.self)
            }
        }
        return data
    }
}

import Foundation
import Numerics
import WirelessIO

/// Reads one example of the authors' MATLAB generator (docs/SPECTRUM.md#synthetic-generator step 7): `data.dat`
/// (complex128,
/// little-endian interleaved I/Q, 16 B/sample) and `meta-data.json` ({fc, bw, mod, txPower,
/// noisePower}, a bare object when n = 1, a list otherwise), as a SigMF recording whose annotations
/// carry the labels (baseband edges fc ± bw/2 over the whole recording).
public enum AuthorsDatasetImporter {
    struct Entry: Decodable {
        var fc: Double
        var bw: Double
        var mod: String?
        var txPower: Double?
        var noisePower: Double?
    }

    /// Valid `fc` (signed baseband centre) and `bw` (≥ 0) [Hz]: |fc| ≤ 10 THz, bw ≤ 10 THz (the range
    /// of `SigMFRecording.frequencyRangeHz`, so the edges fc ± bw/2 stay finite).
    public static let frequencyRangeHz = SigMFRecording.frequencyRangeHz

    /// - Parameters:
    ///   - dataURL: `data.dat`.  metaURL: `meta-data.json`.
    ///   - sampleRateHz: fs [Hz] (20 MHz; not stored by the authors).
    /// - Throws: `IOError.missingFile`, `.unreadable` (a directory, no permission), `.truncated` (size not
    ///   a multiple of 16 B; an empty file), `.malformedInput` (JSON; `fc` or `bw` out of range, naming
    ///   the entry; a sample beyond float32's range, naming `data.dat` and the sample), `.nonFiniteValue`
    ///   (a NaN or infinite sample, naming `data.dat` and the sample).
    public static func read(dataURL: URL, metaURL: URL, sampleRateHz: Double = 20e6) throws(IOError) -> SigMFRecording {
        for url in [dataURL, metaURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw IOError.missingFile(path: url.path)
        }
        let bytes = try FileContents.read(dataURL)
        guard !bytes.isEmpty, bytes.count % 16 == 0 else {
            throw IOError.truncated(
                file: dataURL.path, expectedBytes: (bytes.count / 16 + 1) * 16, actualBytes: bytes.count)
        }
        var samples = [Complex<Float>](repeating: .zero, count: bytes.count / 16)
        let failure: IOError? = bytes.withUnsafeBytes { raw in
            do throws(IOError) {
                for k in 0..<samples.count {
                    let re = Double(
                        bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16 * k, as: UInt64.self)))
                    let im = Double(
                        bitPattern: UInt64(
                            littleEndian: raw.loadUnaligned(fromByteOffset: 16 * k + 8, as: UInt64.self)))
                    samples[k] = Complex(
                        try float32(re, file: dataURL.path, sample: k, part: "in-phase"),
                        try float32(im, file: dataURL.path, sample: k, part: "quadrature"))
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        let json = try FileContents.read(metaURL)
        let entries: [Entry]
        if let list = try? JSONDecoder().decode([Entry].self, from: json) {
            entries = list
        } else if let single = try? JSONDecoder().decode(Entry.self, from: json) {
            entries = [single]
        } else {
            throw IOError.malformedInput(
                file: metaURL.path, line: nil, column: nil,
                reason: json.isEmpty
                    ? "the file is empty; expected an object or a list of objects with fc and bw"
                    : "expected an object or a list of objects with fc and bw")
        }
        for (k, entry) in entries.enumerated() {
            let place = entries.count == 1 ? "" : "[\(k)]"
            guard frequencyRangeHz.contains(entry.fc) else {
                throw IOError.malformedInput(
                    file: metaURL.path, line: nil, column: "\(place)fc",
                    reason: "\(entry.fc) Hz is outside ±\(frequencyRangeHz.upperBound) Hz")
            }
            guard entry.bw >= 0, entry.bw <= frequencyRangeHz.upperBound else {
                throw IOError.malformedInput(
                    file: metaURL.path, line: nil, column: "\(place)bw",
                    reason: "\(entry.bw) Hz is not a bandwidth from 0 to \(frequencyRangeHz.upperBound) Hz")
            }
        }
        let annotations = entries.map {
            SigMFAnnotation(
                sampleStart: 0, sampleCount: samples.count, frequencyLowerEdgeHz: $0.fc - $0.bw / 2,
                frequencyUpperEdgeHz: $0.fc + $0.bw / 2, label: $0.mod)
        }
        var extra: [String: JSONValue] = [
            "core:description": .string("imported from the authors' data.dat + meta-data.json")
        ]
        if let noise = entries.first?.noisePower { extra["wtk:noise_power"] = .number(noise) }
        return SigMFRecording(
            samples: samples, sampleRateHz: sampleRateHz, annotations: annotations, extraGlobalFields: extra)
    }

    /// One float64 sample component as the float32 the toolkit computes in.
    ///
    /// - Throws: `IOError.nonFiniteValue` for NaN/±∞, `IOError.malformedInput` for a finite value beyond
    ///   ±`Float.greatestFiniteMagnitude` (≈ 3.4e38), which float32 would turn into ±∞; both name the
    ///   file and `sample k (part)`. Values below float32's smallest subnormal round to ±0.
    static func float32(_ value: Double, file: String, sample k: Int, part: String) throws(IOError) -> Float {
        let column = "sample \(k) (\(part))"
        guard value.isFinite else { throw .nonFiniteValue(file: file, line: nil, column: column) }
        let narrowed = Float(value)
        guard narrowed.isFinite else {
            throw .malformedInput(
                file: file, line: nil, column: column,
                reason:
                    "\(value) is beyond the float32 range (±\(Float.greatestFiniteMagnitude)) samples are processed in")
        }
        return narrowed
    }
}

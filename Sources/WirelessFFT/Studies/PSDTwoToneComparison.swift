import Foundation
import WirelessCore

/// The closed-form expectations of Welch's method on a recording of tones in white noise beside two
/// `psd` tables: the table that ends the `psd-two-tone` figure report.
public enum PSDTwoToneComparison {
    /// The recording's known tone powers and noise floor beside the two estimates.
    /// - Parameters:
    ///   - tones: Each tone's baseband frequency [Hz] and power [dB re full scale].
    ///   - noiseFloorDBPerHz: The noise density, per-sample noise power over fs [dB/Hz].
    ///   - records: The rows of `psd.csv` and `psd-blackman-harris.csv`, by file name.
    /// - Throws: What `records` throws.
    public static func table(
        _ tones: [(frequencyHz: Double, powerDB: Double)], noiseFloorDBPerHz expected: Double,
        records: (String) throws -> [TableRecord]
    ) throws -> ReferenceComparison {
        let f = ReferenceComparison.fixed
        var table = ReferenceComparison()
        for (file, label) in [("psd.csv", "Hann, N = 1024"), ("psd-blackman-harris.csv", "Blackman–Harris, N = 4096")] {
            let records = try records(file)
            let frequencies = records.compactMap { $0.number("frequency_hz") }
            let densities = records.compactMap { $0.number("psd_db_per_hz") }
            guard frequencies.count == densities.count, frequencies.count > 2 else { continue }
            let binWidth = frequencies[1] - frequencies[0]
            // Tone power: the PSD integrated over ±8 bins around the tone (both windows' main lobes and
            // near side lobes), less the noise in those bins.
            var noise = densities.enumerated().filter { i, _ in
                tones.allSatisfy { abs(frequencies[i] - $0.frequencyHz) > 20 * binWidth }
            }.map(\.element).sorted()
            let floor = noise.isEmpty ? nil : noise[noise.count / 2]
            noise.removeAll()
            for tone in tones {
                let bins = frequencies.indices.filter { abs(frequencies[$0] - tone.frequencyHz) <= 8 * binWidth }
                let noiseDensity = floor.map { pow(10, $0 / 10) } ?? 0
                let power = bins.reduce(0.0) { $0 + (pow(10, densities[$1] / 10) - noiseDensity) * binWidth }
                table.add(
                    "\(label): power of the tone at \(f(tone.frequencyHz / 1e3, 0)) kHz [dB]",
                    paper: f(tone.powerDB, 1), measured: f(10 * log10(power), 2),
                    deviation:
                        "the window's noise-equivalent bandwidth is normalised out, so the integral is unbiased; "
                        + "what remains is the noise inside the 17 bins and Welch's variance")
            }
            table.add(
                "\(label): median noise floor away from the tones [dB/Hz]", paper: f(expected, 1),
                measured: f(floor, 2),
                deviation:
                    "the median of a χ² PSD estimate with 2K degrees of freedom lies below its mean by a fraction of a "
                    + "dB (K segments averaged); leakage from the tones is excluded ±20 bins away")
        }
        return table
    }
}

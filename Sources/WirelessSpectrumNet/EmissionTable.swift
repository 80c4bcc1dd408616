import Foundation

/// The emissions table of `wtk spectrum segment` (`<name>-emissions.csv`): one row per emission, its columns
/// as written (one definition for the study's table and the command's rows written as emissions close).
///
///     capture, start_s, stop_s, start_utc, freq_lower_hz, freq_upper_hz, bandwidth_hz, peak_power_dbfs,
///     mean_power_dbfs, snr_db, windows, first_window, last_window, sample_start, sample_end, padded_window
///
/// Times are sample times from the stream start [s]; `start_utc` is the capture's `core:datetime` plus the
/// start time (empty when the capture has none); powers in dBFS and SNR in dB with two decimals (SNR empty
/// when the band power does not exceed the noise estimate); `padded_window` is `true` when one of the
/// emission's windows was a zero-padded trailing window.
public enum EmissionTable {
    /// Column names (units in the names).
    public static let header = [
        "capture", "start_s", "stop_s", "start_utc", "freq_lower_hz", "freq_upper_hz", "bandwidth_hz",
        "peak_power_dbfs", "mean_power_dbfs", "snr_db", "windows", "first_window", "last_window", "sample_start",
        "sample_end", "padded_window",
    ]

    /// The row of `e`, as text.
    public static func fields(_ e: Emission) -> [String] {
        [
            String(e.capture), String(e.startSeconds), String(e.stopSeconds),
            e.startDate.map { SigMFCaptureTime.text($0) } ?? "", String(e.lowerEdgeHz), String(e.upperEdgeHz),
            String(e.bandwidthHz), String(format: "%.2f", e.peakPowerDBFS), String(format: "%.2f", e.meanPowerDBFS),
            e.snrDB.map { String(format: "%.2f", $0) } ?? "", String(e.windows), String(e.firstWindow),
            String(e.lastWindow), String(e.sampleStart), String(e.sampleEnd), e.includesPaddedWindow ? "true" : "false",
        ]
    }

    /// One CSV line (no field needs quoting: numbers, ISO dates, booleans), with its newline.
    public static func line(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }
}

/// ISO 8601 text of an emission's start date (UTC, microseconds).
enum SigMFCaptureTime {
    static func text(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let micro = Int(((seconds - whole) * 1e6).rounded())
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let base = formatter.string(from: Date(timeIntervalSince1970: whole + (micro == 1_000_000 ? 1 : 0)))
        return base.replacingOccurrences(of: "Z", with: String(format: ".%06dZ", micro % 1_000_000))
    }
}

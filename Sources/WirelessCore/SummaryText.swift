import Foundation

/// Numbers in the one-line summaries studies and commands print on stderr: a few significant digits
/// and the unit (`κ = 1.33`, `distance 111.0 m`, `500 Mbit/s`). Tables keep full precision; this is
/// only for text a person reads.
///
///     SummaryText.number(4.0 / 3, digits: 3)               // "1.33"
///     SummaryText.quantity(111.039_010_854, "m")            // "111.0 m"
///     SummaryText.quantity(5e8, "bit/s", prefixed: true)    // "500.0 Mbit/s"
///     SummaryText.quantity(-3, "dB", decimals: 1)           // "-3.0 dB"
///
/// Rules: `digits` significant digits (1…17), trailing zeros kept so the precision shows; positional
/// notation for 10⁻⁴ ≤ |x| < 10⁶, scientific (`1.23e-07`) otherwise; `0` for zero; `∞`, `-∞` and `NaN`
/// spelled out. Locale-free (always `.` as the decimal point).
public enum SummaryText {
    /// `value` to `digits` significant digits (see the type's rules).
    /// - Precondition: 1 ≤ `digits` ≤ 17.
    public static func number(_ value: Double, digits: Int = 4) -> String {
        precondition((1...17).contains(digits), "SummaryText digits must be in 1...17, got \(digits)")
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == 0 { return "0" }
        // %e is correctly rounded; its exponent tells the magnitude after rounding (9.9996 → 1.000e+01).
        let scientific = String(format: "%.\(digits - 1)e", value)
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...])
        else { return scientific }
        if exponent < -4 || exponent >= 6 {
            let mantissa = scientific[..<e]
            let sign = exponent < 0 ? "-" : "+"
            let magnitude = abs(exponent)
            return "\(mantissa)e\(sign)\(magnitude < 10 ? "0" : "")\(magnitude)"
        }
        if exponent >= digits - 1 {
            // An integer with more places than significant digits: the rounded digits, then zeros (123500).
            let significant = scientific[..<e].filter(\.isNumber)
            return (value < 0 ? "-" : "") + significant + String(repeating: "0", count: exponent - (digits - 1))
        }
        return String(format: "%.\(digits - 1 - exponent)f", value)
    }

    /// `value` and its unit: `number(value, digits:) + " " + unit`; with `prefixed`, the value is scaled by
    /// an SI prefix (k, M, G, T; m, µ, n below 1) so that 1 ≤ |scaled| < 1000 (`500.0 Mbit/s`, `2.40 GHz`).
    /// - Precondition: 1 ≤ `digits` ≤ 17.
    public static func quantity(_ value: Double, _ unit: String, digits: Int = 4, prefixed: Bool = false) -> String {
        guard prefixed, value.isFinite, value != 0 else { return number(value, digits: digits) + " " + unit }
        let prefixes: [(Double, String)] = [
            (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"),
        ]
        // The prefix is chosen on the rounded value, so 999.96e3 reads "1.000 M…", not "1000 k…".
        for (scale, prefix) in prefixes {
            let scaled = value / scale
            if abs(Double(number(scaled, digits: digits)) ?? 0) >= 1 || scale == 1e-9 {
                return number(scaled, digits: digits) + " " + prefix + unit
            }
        }
        return number(value, digits: digits) + " " + unit
    }

    /// `value` with exactly `decimals` decimals (`-3.0` for dB, `0.25`): for quantities whose natural
    /// resolution is absolute rather than relative. Non-finite values as in `number`.
    /// - Precondition: 0 ≤ `decimals` ≤ 17.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition((0...17).contains(decimals), "SummaryText decimals must be in 0...17, got \(decimals)")
        if !value.isFinite { return number(value) }
        return String(format: "%.\(decimals)f", value)
    }

    /// `fixed(value, decimals:) + " " + unit` (`-3.0 dB`).
    public static func quantity(_ value: Double, _ unit: String, decimals: Int) -> String {
        fixed(value, decimals: decimals) + " " + unit
    }

    /// A list of quantities with their unit once: `-3, 0, 3 dB`.
    public static func list(_ values: [Double], _ unit: String, digits: Int = 4) -> String {
        values.map { number($0, digits: digits) }.joined(separator: ", ") + (unit.isEmpty ? "" : " " + unit)
    }
}

import Foundation

/// How a `Double` becomes CSV text. The output is a pure function of the value's bits: locale-free
/// and byte-identical across runs and machines.
///
/// Rendering rules (both styles), for a value written as `d₁.d₂d₃… × 10^e`:
///
///     -5 ≤ e < 16   positional, no exponent, trailing zeros dropped:  1234.5   0.00012   -3
///     otherwise     scientific, signed exponent, no padding:          1.5e-7   6.02214076e+23
///     ±0            "0" / "-0"  (the sign of zero is kept so the value round-trips)
///
/// Non-finite values (policy): written as the tokens `NaN`, `Inf` and `-Inf`. `CSVDocument`
/// rejects them with `IOError.nonFiniteValue` unless the caller passes `allowNonFinite: true`,
/// so a NaN that leaks into an output is caught when the file is read back. Python's `float()`
/// and pandas read these tokens.
public enum CSVNumberFormat: Sendable, Equatable, Hashable {
    /// The shortest decimal that parses back to exactly the same `Double` (round-trip exact).
    /// Digits come from the Swift standard library's shortest-digit conversion (`Double.description`,
    /// SwiftDtoa, platform independent); this type only re-renders them by the rules above.
    case shortestRoundTrip
    /// The value correctly rounded to `n` significant decimal digits (1 ≤ n ≤ 17), trailing zeros dropped.
    /// Not round-trip exact for n < 17.
    case significantDigits(Int)

    /// The CSV text for `value`.
    public func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        let source: String
        switch self {
        case .shortestRoundTrip:
            source = value.description
        case .significantDigits(let n):
            precondition((1...17).contains(n), "significantDigits must be in 1...17, got \(n)")
            // %e is correctly rounded by glibc; only its digits and exponent are used below,
            // so a locale-specific decimal separator cannot leak into the output.
            source = String(format: "%.\(n - 1)e", value)
        }
        return Self.render(source, negative: value.sign == .minus)
    }

    /// Re-renders a decimal string (`[-]digits[.digits][e±exp]`, any single non-digit as the point).
    static func render(_ text: String, negative: Bool) -> String {
        var mantissaDigits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissaDigits.append(byte)
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)) ?? 0
                break
            } else {
                pointPosition = mantissaDigits.count
            }
            bytes = bytes.dropFirst()
        }
        let integerDigitCount = pointPosition ?? mantissaDigits.count
        let leadingZeros = mantissaDigits.prefix { $0 == UInt8(ascii: "0") }.count
        var digits = Array(mantissaDigits.dropFirst(leadingZeros))
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0" }
        // value = d1.d2d3... × 10^e
        let e = integerDigitCount - leadingZeros - 1 + exponent
        let zero = UInt8(ascii: "0")
        var out: [UInt8] = []
        if e >= -5 && e < 16 {
            if e >= 0 {
                let integerPart = digits.prefix(e + 1)
                out.append(contentsOf: integerPart)
                out.append(contentsOf: repeatElement(zero, count: e + 1 - integerPart.count))
                let fraction = digits.dropFirst(e + 1)
                if !fraction.isEmpty {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: fraction)
                }
            } else {
                out.append(contentsOf: [zero, UInt8(ascii: ".")])
                out.append(contentsOf: repeatElement(zero, count: -e - 1))
                out.append(contentsOf: digits)
            }
        } else {
            out.append(digits[0])
            if digits.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits.dropFirst())
            }
            out.append(contentsOf: Array((e < 0 ? "e-" : "e+").utf8))
            out.append(contentsOf: Array(String(abs(e)).utf8))
        }
        return sign + String(decoding: out, as: UTF8.self)
    }
}

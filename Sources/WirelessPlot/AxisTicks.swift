import Foundation

/// One labelled tick of an axis.
public struct AxisTick: Sendable, Equatable, Hashable, Codable {
    /// Position [data unit].
    public var value: Double
    /// Plain-text label, deterministic and locale-free: "0.25", "-3", "2.5e6", or for log
    /// decades "1e-3" (drawn in the SVG as 10 with a raised exponent).
    public var label: String
    /// For log-axis decade ticks, k in 10^k; `nil` otherwise.
    public var decadeExponent: Int?

    public init(value: Double, label: String, decadeExponent: Int? = nil) {
        self.value = value
        self.label = label
        self.decadeExponent = decadeExponent
    }
}

/// Tick positions and labels for one axis, and the axis range they imply.
///
/// Linear axes use the "nice numbers" rule (Heckbert, "Nice numbers for graph labels",
/// Graphics Gems, 1990) with steps m·10^k, m ∈ {1, 2, 2.5, 5}:
///
///     raw  = span / targetCount,  k = ⌊log10 raw⌋
///     step = m·10^k with m ∈ {1, 2, 2.5, 5, 10} minimising |ln(m / (raw/10^k))|
///            (the interval count closest to the target; ties → the smaller step)
///     ticks = { j·step : lower ≤ j·step ≤ upper, j ∈ ℤ }
///
/// Log10 axes put major ticks on decades 10^k and minor ticks on m·10^k, m = 2…9.
///
/// Degenerate input is handled without failing: a zero-width range [v, v] is widened to
/// [v − 0.1|v|, v + 0.1|v|] ([−1, 1] for v = 0; [v/10, 10v] on a log axis); non-finite or
/// (log) non-positive bounds fall back to [0, 1] (log: [1, 10]).
public struct AxisTicks: Sendable, Equatable, Codable {
    /// Axis lower bound [data unit] (widened to a tick or decade when expansion was asked for).
    public var lower: Double
    /// Axis upper bound [data unit].
    public var upper: Double
    /// Labelled ticks, ascending.
    public var major: [AxisTick]
    /// Unlabelled minor tick positions, ascending (log axes only; empty for linear axes).
    public var minor: [Double]

    public init(lower: Double, upper: Double, major: [AxisTick], minor: [Double]) {
        self.lower = lower
        self.upper = upper
        self.major = major
        self.minor = minor
    }

    // MARK: Linear

    /// The nice step m·10^k, m ∈ {1, 2, 2.5, 5}, that splits `span` into a number of intervals
    /// closest to `targetCount`.
    /// - Parameters:
    ///   - span: Range width [data unit], > 0 and finite (otherwise 1 is returned).
    ///   - targetCount: Desired number of intervals, ≥ 1 (smaller values are treated as 1).
    public static func niceStep(span: Double, targetCount: Int) -> Double {
        niceStepParts(span: span, targetCount: targetCount).step
    }

    /// Step split into mantissa m and exponent k, step = m·10^k.
    static func niceStepParts(span: Double, targetCount: Int) -> (mantissa: Double, exponent: Int, step: Double) {
        guard span.isFinite, span > 0 else { return (1, 0, 1) }
        let raw = span / Double(max(targetCount, 1))
        var exponent = Int(Foundation.floor(Foundation.log10(raw)))
        var fraction = raw / powerOfTen(exponent)
        // Guard the floor against log10 rounding at exact powers of ten.
        if fraction >= 10 * (1 - 1e-12) {
            exponent += 1
            fraction /= 10
        }
        if fraction < 1 - 1e-12 {
            exponent -= 1
            fraction *= 10
        }
        // The candidate whose interval count span/step is closest to the target (in ratio).
        var mantissa = 1.0
        var bestDistance = Double.infinity
        for candidate in [1.0, 2.0, 2.5, 5.0, 10.0] {
            let distance = abs(Foundation.log(candidate / fraction))
            if distance < bestDistance - 1e-9 {
                bestDistance = distance
                mantissa = candidate
            }
        }
        if mantissa == 10 {
            mantissa = 1
            exponent += 1
        }
        return (mantissa, exponent, mantissa * powerOfTen(exponent))
    }

    /// Nice ticks for a linear axis over the data range `dataLower...dataUpper`.
    ///
    /// - Parameters:
    ///   - dataLower: Smallest data value [data unit].
    ///   - dataUpper: Largest data value [data unit]; if smaller than `dataLower` they are swapped.
    ///   - targetCount: Desired number of intervals between ticks, ≥ 1 (about 5 on a 480 px axis).
    ///   - expandToTicks: `true` widens the range outward to the nearest ticks (automatic axes);
    ///     `false` keeps the range and returns the ticks inside it (explicit axes).
    public static func linear(
        dataLower: Double, dataUpper: Double, targetCount: Int, expandToTicks: Bool = true
    ) -> AxisTicks {
        var (lower, upper) = sanitizedLinearRange(dataLower, dataUpper)
        let parts = niceStepParts(span: upper - lower, targetCount: targetCount)
        let step = parts.step
        var firstIndex = Int64(Foundation.ceil(lower / step - 1e-9))
        var lastIndex = Int64(Foundation.floor(upper / step + 1e-9))
        if expandToTicks {
            firstIndex = Int64(Foundation.floor(lower / step + 1e-9))
            lastIndex = Int64(Foundation.ceil(upper / step - 1e-9))
            lower = tickValue(firstIndex, parts)
            upper = tickValue(lastIndex, parts)
        }
        var values: [Double] = []
        if lastIndex >= firstIndex && lastIndex - firstIndex <= 1000 {
            for index in firstIndex...lastIndex { values.append(tickValue(index, parts)) }
        }
        let labels = linearLabels(values, mantissa: parts.mantissa, exponent: parts.exponent)
        let major = zip(values, labels).map { AxisTick(value: $0, label: $1) }
        return AxisTicks(lower: lower, upper: upper, major: major, minor: [])
    }

    // MARK: Log10

    /// Decade ticks for a log10 axis over the positive data range `dataLower...dataUpper`.
    ///
    /// With more decades than `maximumLabels`, only every n-th decade is labelled
    /// (n = ⌈decades / maximumLabels⌉) and the 2…9 minor ticks are dropped. With fewer than two
    /// decades inside a fixed range, the 1, 2, 5 (then all 1…9) multiples are labelled instead.
    /// - Parameters:
    ///   - dataLower: Smallest positive data value [data unit].
    ///   - dataUpper: Largest data value [data unit].
    ///   - maximumLabels: Most labelled ticks wanted, ≥ 2.
    ///   - expandToDecades: `true` widens the range to whole decades; `false` keeps it.
    public static func log10(
        dataLower: Double, dataUpper: Double, maximumLabels: Int = 8, expandToDecades: Bool = true
    ) -> AxisTicks {
        var (lower, upper) = sanitizedLogRange(dataLower, dataUpper)
        var lowExponent = Int(Foundation.floor(Foundation.log10(lower) + 1e-9))
        var highExponent = Int(Foundation.ceil(Foundation.log10(upper) - 1e-9))
        if expandToDecades {
            lower = powerOfTen(lowExponent)
            upper = powerOfTen(highExponent)
        } else {
            if powerOfTen(lowExponent) < lower * (1 - 1e-12) { lowExponent += 1 }
            if powerOfTen(highExponent) > upper * (1 + 1e-12) { highExponent -= 1 }
        }
        let decadeCount = highExponent - lowExponent + 1
        let stride = max(1, (decadeCount + max(maximumLabels, 2) - 1) / max(maximumLabels, 2))
        var major: [AxisTick] = []
        var minor: [Double] = []
        if decadeCount >= 1 {
            for k in lowExponent...highExponent {
                let value = powerOfTen(k)
                if stride == 1 || k.isMultiple(of: stride) {
                    major.append(AxisTick(value: value, label: "1e\(k)", decadeExponent: k))
                } else {
                    minor.append(value)
                }
            }
        }
        // Multiples m·10^k inside the range (decades just outside included for the ends).
        let firstDecade = Int(Foundation.floor(Foundation.log10(lower) + 1e-9))
        let lastDecade = Int(Foundation.floor(Foundation.log10(upper) + 1e-9))
        if major.count < 2 {
            // Too few decades visible: label 1, 2, 5 multiples, or all of 1…9 if still too few.
            for multiples in [[1.0, 2.0, 5.0], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
                major = []
                for k in firstDecade...lastDecade {
                    for m in multiples {
                        let value = m * powerOfTen(k)
                        if value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) {
                            major.append(AxisTick(value: value, label: plainLabel(value)))
                        }
                    }
                }
                if major.count >= 2 { break }
            }
            minor = []
        }
        if stride == 1 {
            for k in firstDecade...lastDecade {
                for m in 2...9 {
                    let value = Double(m) * powerOfTen(k)
                    let isMajor = major.contains { abs($0.value - value) <= 1e-12 * value }
                    if !isMajor && value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) {
                        minor.append(value)
                    }
                }
            }
        }
        minor.sort()
        return AxisTicks(lower: lower, upper: upper, major: major, minor: minor)
    }

    // MARK: Labels

    /// Labels for linear ticks j·m·10^k: fixed decimals from the step, trailing zeros trimmed;
    /// scientific ("2.5e6", "1e-5") when the largest magnitude is ≥ 1e6 or < 1e-3.
    static func linearLabels(_ values: [Double], mantissa: Double, exponent: Int) -> [String] {
        let largest = values.map { abs($0) }.max() ?? 0
        let extraDigit = mantissa == 2.5 ? 1 : 0
        if largest >= 1e6 || (largest > 0 && largest < 1e-3) {
            return values.map { value in
                scientificLabel(
                    value,
                    decimalsBelowLeadingDigit: { lead in
                        min(max(0, lead - exponent + extraDigit), 9)
                    })
            }
        }
        let decimals = min(max(0, -exponent + (exponent <= 0 ? extraDigit : 0)), 9)
        return values.map { SVGDocument.format($0, decimals: decimals) }
    }

    /// A compact label for a single value: plain in 1e-3 ≤ |v| < 1e6 with up to 6 significant
    /// digits, scientific otherwise.
    static func plainLabel(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        let lead = Int(Foundation.floor(Foundation.log10(abs(value))))
        if abs(value) >= 1e6 || abs(value) < 1e-3 {
            return scientificLabel(value, decimalsBelowLeadingDigit: { _ in 5 })
        }
        return SVGDocument.format(value, decimals: min(max(0, 5 - lead), 9))
    }

    private static func scientificLabel(_ value: Double, decimalsBelowLeadingDigit: (Int) -> Int) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        var lead = Int(Foundation.floor(Foundation.log10(abs(value))))
        var mantissaText = SVGDocument.format(value / powerOfTen(lead), decimals: decimalsBelowLeadingDigit(lead))
        if mantissaText.hasPrefix("10") || mantissaText.hasPrefix("-10") {
            lead += 1
            mantissaText = SVGDocument.format(value / powerOfTen(lead), decimals: decimalsBelowLeadingDigit(lead))
        }
        return mantissaText + "e" + String(lead)
    }

    // MARK: Helpers

    /// 10^k computed so that negative powers are correctly rounded (division by an exact integer power).
    static func powerOfTen(_ k: Int) -> Double {
        if k >= 0 { return k <= 308 ? Foundation.pow(10, Double(k)) : .greatestFiniteMagnitude }
        return k >= -22 ? 1 / Foundation.pow(10, Double(-k)) : Foundation.pow(10, Double(k))
    }

    /// j·m·10^k with one rounding: (j·m) is exact for |j| < 2^50 and m ∈ {1, 2, 2.5, 5}.
    private static func tickValue(_ index: Int64, _ parts: (mantissa: Double, exponent: Int, step: Double)) -> Double {
        let units = Double(index) * parts.mantissa
        if parts.exponent >= 0 { return units * powerOfTen(parts.exponent) }
        if parts.exponent >= -22 { return units / Foundation.pow(10, Double(-parts.exponent)) }
        return units * powerOfTen(parts.exponent)
    }

    private static func sanitizedLinearRange(_ a: Double, _ b: Double) -> (Double, Double) {
        guard a.isFinite, b.isFinite else { return (0, 1) }
        // Keep the span finite (±1.8e308 would overflow high − low).
        let (low, high) = a <= b ? (max(a, -1e307), min(b, 1e307)) : (max(b, -1e307), min(a, 1e307))
        let magnitude = max(abs(low), abs(high))
        if high - low <= 1e-12 * magnitude || high - low == 0 {
            if magnitude == 0 { return (-1, 1) }
            let center = (low + high) / 2
            return (center - 0.1 * abs(center), center + 0.1 * abs(center))
        }
        return (low, high)
    }

    private static func sanitizedLogRange(_ a: Double, _ b: Double) -> (Double, Double) {
        guard a.isFinite, b.isFinite, a > 0, b > 0 else { return (1, 10) }
        let (low, high) = a <= b ? (a, b) : (b, a)
        if high <= low * (1 + 1e-12) { return (low / 10, high * 10) }
        return (low, high)
    }
}

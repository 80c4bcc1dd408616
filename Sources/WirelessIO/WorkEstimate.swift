import Foundation

/// An up-front estimate of a long run's duration, printed on stderr before the work starts.
///
/// The cost per unit of work is a rough figure measured once on the 2-core reference machine (see
/// each caller); the estimate is meant to tell 10 minutes from 10 days, not to be exact. Runs
/// estimated under `threshold` seconds print nothing.
public struct WorkEstimate: Sendable {
    /// What is being done, e.g. `isac sweep rmse`.
    public var label: String
    /// Units of work, e.g. trials × SNR points × methods, ≥ 0.
    public var units: Double
    /// What the units are, plural, e.g. `estimates`.
    public var unitName: String
    /// Rough cost of one unit on the reference machine (both cores) [s], > 0.
    public var secondsPerUnit: Double

    public init(label: String, units: Double, unitName: String, secondsPerUnit: Double) {
        self.label = label
        self.units = units
        self.unitName = unitName
        self.secondsPerUnit = secondsPerUnit
    }

    /// Estimated wall time [s].
    public var seconds: Double { units * secondsPerUnit }

    /// Prints `label: estimated duration ≈ …` on stderr when the estimate exceeds `threshold` seconds
    /// and not `quiet`; returns the text printed (nil when nothing was).
    @discardableResult
    public func announce(quiet: Bool, threshold: Double = 60) -> String? {
        guard seconds >= threshold, !quiet else { return nil }
        let text =
            "\(label): estimated duration ≈ \(Self.duration(seconds)) (\(Self.count(units)) \(unitName) at ~\(Self.duration(secondsPerUnit)) each on the 2-core reference machine); Ctrl-C stops it and writes nothing."
        StandardError.write(text + "\n")
        return text
    }

    /// `45 s`, `12 min`, `3.5 h`, `4.2 days`, `3.1 years`.
    public static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<1: return String(format: "%.2g s", seconds)
        case ..<90: return String(format: "%.0f s", seconds)
        case ..<(90 * 60): return String(format: "%.0f min", seconds / 60)
        case ..<(48 * 3600): return String(format: "%.1f h", seconds / 3600)
        case ..<(730 * 86400): return String(format: "%.1f days", seconds / 86400)
        default: return String(format: "%.3g years", seconds / (365.25 * 86400))
        }
    }

    public static func count(_ value: Double) -> String {
        value < 1e6 ? String(format: "%.0f", value) : String(format: "%.3g", value)
    }
}

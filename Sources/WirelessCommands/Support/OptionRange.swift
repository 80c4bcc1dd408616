import ArgumentParser
import WirelessIO

/// The one check of every option that sizes an allocation or a loop (counts, trials, drops, steps,
/// epochs, grid points): a value outside its documented range is a usage error (exit 64) raised
/// before any work, naming the option and the range.
///
/// The ranges are chosen so that the largest accepted run fits in memory on the 2-core, 24 GiB
/// reference machine; work that is merely long is allowed, with an estimate on stderr (`WorkEstimate`).
enum OptionRange {
    /// Throws unless `value` is in `range`.
    /// - Parameters:
    ///   - option: The option as typed, e.g. `--trials`.
    ///   - unit: Appended to the bounds in the message, e.g. ` dB`.
    /// - Throws: `ValidationError` "`--trials` must be in 1…1000000 (got 0)."
    static func check<T: Comparable>(_ value: T, _ option: String, in range: ClosedRange<T>, unit: String = "")
        throws
    {
        guard range.contains(value) else {
            throw ValidationError(
                "\(option) must be in \(range.lowerBound)…\(range.upperBound)\(unit) (got \(value)\(unit)).")
        }
    }

    /// Throws unless `value` is finite and in `range`.
    static func check(_ value: Double, _ option: String, in range: ClosedRange<Double>, unit: String = "") throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError(
                "\(option) must be a finite number in \(range.lowerBound)…\(range.upperBound)\(unit) (got \(value)\(unit))."
            )
        }
    }

    /// Number of points of the grid `first, first + step, …, ≤ last` (with a 1e-9 step tolerance), or
    /// an error naming the options when the grid would have more than `maximum` points.
    ///
    /// Computed in floating point before anything is allocated, so `--snr-step 1e-9` is refused
    /// instead of sizing an array of 10¹¹ elements.
    /// - Throws: `ValidationError` naming `stepOption` and the limit.
    static func gridCount(
        from first: Double, to last: Double, step: Double, stepOption: String, rangeOptions: String,
        maximum: Int
    ) throws -> Int {
        guard step.isFinite, step > 0 else {
            throw ValidationError("\(stepOption) must be a finite number > 0 (got \(step)).")
        }
        guard first.isFinite, last.isFinite, last >= first else {
            throw ValidationError("\(rangeOptions) must be finite with the first ≤ the last.")
        }
        let points = ((last - first) / step + 1e-9).rounded(.down) + 1
        guard points.isFinite, points <= Double(maximum) else {
            throw ValidationError(
                "\(stepOption) \(step) over \(rangeOptions) gives \(points.isFinite ? String(format: "%.0f", points) : "too many") points; at most \(maximum) are allowed (use a larger step)."
            )
        }
        return Int(points)
    }

    /// Throws unless a comma-separated list has at most `maximum` entries.
    static func checkListLength(_ count: Int, _ option: String, maximum: Int) throws {
        guard count <= maximum else {
            throw ValidationError("\(option) has \(count) entries; at most \(maximum) are allowed.")
        }
    }
}

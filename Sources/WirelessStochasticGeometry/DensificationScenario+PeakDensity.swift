import Foundation
import WirelessCore

extension DensificationScenario {
    /// The density λ* that maximises the analytic coverage P_c(λ, T) on [λ_min, λ_max]
    /// (docs/DENSIFICATION.md#peak-density).
    ///
    ///     λ* = argmax_{λ ∈ [λ_min, λ_max]} P_c(λ, T),  searched in u = log10 λ
    ///
    /// A coarse scan (8 points per decade) brackets the maximum, then Brent's minimiser (golden section with
    /// parabolic steps, shared core) refines −P_c in u. With noise, a multi-slope network's coverage rises while
    /// noise-limited and falls in the near field, so the peak is interior; at an end point it is reported as is.
    ///
    /// - Parameters:
    ///   - threshold: T [linear], > 0.
    ///   - lowerDensity: λ_min [per unit area], > 0.
    ///   - upperDensity: λ_max [per unit area], > λ_min.
    /// - Returns: λ* and P_c(λ*).
    /// - Throws: `.invalidSweep`, `.invalidThreshold`, any error of `coverage` (e.g. `.analyticUnavailable`).
    public func peakDensity(threshold: Double, lowerDensity: Double, upperDensity: Double) throws(DensificationError)
        -> (density: Double, coverage: Double)
    {
        try peakDensity(
            threshold: threshold, lowerDensity: lowerDensity, upperDensity: upperDensity,
            plan: CoveragePlan(scenario: self, thresholds: [threshold]))
    }

    /// `peakDensity(threshold:lowerDensity:upperDensity:)` with the tables of `plan` (a plan of this scenario).
    func peakDensity(threshold: Double, lowerDensity: Double, upperDensity: Double, plan: CoveragePlan)
        throws(DensificationError) -> (density: Double, coverage: Double)
    {
        try Validate.threshold(threshold)
        try Validate.density(lowerDensity)
        try Validate.density(upperDensity)
        guard upperDensity > lowerDensity else { throw DensificationError.invalidSweep(reason: "λ_max ≤ λ_min") }
        let lo = log10(lowerDensity)
        let hi = log10(upperDensity)
        let count = max(2, Int(((hi - lo) * 8).rounded(.up)))
        var best = (u: lo, value: -Double.infinity)
        for i in 0...count {
            let u = lo + (hi - lo) * Double(i) / Double(count)
            let v = try coverage(density: pow(10, u), threshold: threshold, plan: plan).value
            if v > best.value { best = (u, v) }
        }
        let step = (hi - lo) / Double(count)
        let a = max(lo, best.u - step)
        let b = min(hi, best.u + step)
        var failure: DensificationError?
        let minimiser = BrentMinimizer(relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
        var refined: (x: Double, value: Double)?
        do throws(CoreError) {
            refined = try minimiser.minimize(
                { u in
                    do throws(DensificationError) {
                        return -(try coverage(density: pow(10, u), threshold: threshold, plan: plan).value)
                    } catch {
                        failure = error
                        return 0
                    }
                }, lower: a, upper: b)
        } catch .didNotConverge {
            // Brent ran out of iterations inside the bracket: the scan's best point stands (a maximum of the
            // grid to within one scan step in log10 λ).
        } catch {
            throw .numericalFailure(reason: "peak-density search on [\(a), \(b)] in log10 λ: \(error)")
        }
        if let failure { throw failure }
        if let refined, -refined.value >= best.value { return (pow(10, refined.x), -refined.value) }
        return (pow(10, best.u), best.value)
    }
}

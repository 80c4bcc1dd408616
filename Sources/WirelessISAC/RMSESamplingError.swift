import Foundation

/// The sampling error of an RMSE pooled over paths of unequal variance (docs/ISAC.md#test-tolerances).
///
/// The sweep's RMSE pools T trials × P paths, RMSE² = (1/(TP))·Σ_{t,p} e_{t,p}². With independent
/// zero-mean Gaussian errors of per-path variances σ_p², the relative standard error of the RMSE is
///
///     se(RMSE)/RMSE ≈ 1/√(2·T·P_eff),   P_eff = (Σ_p σ_p²)² / Σ_p σ_p⁴   (1 ≤ P_eff ≤ P)
///
/// so n = T·P_eff errors count, not T·P: when one path's variance dominates (PLAIN's farthest path at
/// 150°, whose angle CRB is ≈ 73 % of the sum in the default scenario: P_eff ≈ 1.75 of 6), 20 trials
/// give ≈ 12 %, not the 6.5 % of 120 equal errors. The σ_p² are best taken from the per-path CRBs.
/// Trials that reuse one unit-noise draw at every SNR (the sweep's common random numbers) give
/// ratios RMSE/√CRB that are one sample, not one per SNR: at high SNR they tend to a common value.
public enum RMSESamplingError {
    /// P_eff = (Σσ_p²)²/Σσ_p⁴ for per-path variances (each ≥ 0, not all 0); 0 for no positive variance.
    public static func effectivePathCount(variances: [Double]) -> Double {
        let sum = variances.reduce(0, +)
        let squares = variances.reduce(0) { $0 + $1 * $1 }
        guard sum > 0, squares > 0 else { return 0 }
        return sum * sum / squares
    }

    /// se(RMSE)/RMSE ≈ 1/√(2·T·P_eff) for `trials` T ≥ 1 and per-path variances σ_p²; +∞ when undefined.
    public static func relativeStandardError(variances: [Double], trials: Int) -> Double {
        let count = Double(max(trials, 0)) * effectivePathCount(variances: variances)
        guard count > 0 else { return .infinity }
        return 1 / (2 * count).squareRoot()
    }
}

import WirelessCore

/// Typed failures of the densification model, its analytic routes and its Monte-Carlo simulator.
///
/// Every invalid input is reported with one of these cases; no routine returns NaN, crashes or
/// silently clamps (docs/DENSIFICATION.md#errors).
public enum DensificationError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// λ ≤ 0 or non-finite [per unit area].
    case invalidDensity(value: Double)
    /// A density sweep that is empty, reversed or has a non-positive number of points per decade.
    case invalidSweep(reason: String)
    /// Path-loss exponent α_k < 0 or non-finite.
    case invalidExponent(index: Int, value: Double)
    /// α0 ≤ 0 given to a routine that needs α0 > 0 (the decay asymptote).
    case nearFieldExponentNotPositive(value: Double)
    /// The far-field (last) exponent is ≤ 2, so the interference is infinite.
    case lastExponentNotAboveTwo(value: Double)
    /// α_k < α_{k−1} at `index`.
    case exponentsDecreasing(index: Int)
    /// The number of breakpoints is not the number of exponents − 1.
    case breakpointCountMismatch(expected: Int, got: Int)
    /// R_1 ≤ 0, R_k ≤ R_{k−1} or a non-finite breakpoint at `index` (0-based into the breakpoint list).
    case breakpointsNotIncreasing(index: Int)
    /// Nakagami m ≤ 0 or non-finite.
    case invalidNakagamiM(value: Double)
    /// Log-normal σ_dB < 0 or non-finite.
    case invalidShadowingSigma(value: Double)
    /// Rician K-factor negative or non-finite.
    case invalidRicianK(value: Double)
    /// Normalised noise W < 0 or non-finite.
    case invalidNoise(value: Double)
    /// Linear threshold T < 0, non-finite threshold in dB, or an empty threshold grid (value NaN).
    case invalidThreshold(value: Double)
    /// Fading tail index κ_H < 0 or NaN.
    case invalidTailIndex(value: Double)
    /// E[H^order] is infinite where a route needs it.
    case fadingMomentInfinite(order: Double)
    /// A closed form was called outside its domain.
    case closedFormOutOfDomain(reason: String)
    /// No analytic route exists for this combination (Monte-Carlo only).
    case analyticUnavailable(reason: String)
    /// A simulation parameter (drops, K, batch size, ε) ≤ 0, or n_max < n_min.
    case invalidSimulationParameter(name: String, value: Double)
    /// A numerical integration did not reach its tolerance.
    case numericalFailure(reason: String)
    /// A fading law written as text (`nakagami:2+lognormal:8`) that does not parse.
    case invalidFading(specification: String, reason: String)

    public var category: ErrorCategory {
        switch self {
        case .numericalFailure: return .numerical
        default: return .invalidArgument
        }
    }

    public var description: String {
        switch self {
        case .invalidDensity(let value):
            return "BS density must be positive and finite (got \(value) per unit area)"
        case .invalidSweep(let reason):
            return "invalid density sweep: \(reason)"
        case .invalidExponent(let index, let value):
            return "path-loss exponent #\(index) must be finite and ≥ 0 (got \(value))"
        case .nearFieldExponentNotPositive(let value):
            return "this result needs a near-field exponent α0 > 0 (got \(value))"
        case .lastExponentNotAboveTwo(let value):
            return "the far-field (last) path-loss exponent must exceed 2, else interference is infinite (got \(value))"
        case .exponentsDecreasing(let index):
            return "path-loss exponents must be non-decreasing; exponent #\(index) is below its predecessor"
        case .breakpointCountMismatch(let expected, let got):
            return "expected \(expected) breakpoint(s) (one fewer than exponents), got \(got)"
        case .breakpointsNotIncreasing(let index):
            return "breakpoints must be positive, finite and strictly increasing; breakpoint #\(index) is not"
        case .invalidNakagamiM(let value):
            return "Nakagami m must be positive and finite (got \(value))"
        case .invalidShadowingSigma(let value):
            return "log-normal shadowing σ must be finite and ≥ 0 dB (got \(value))"
        case .invalidRicianK(let value):
            return "Rician K-factor must be finite and ≥ 0 (linear; got \(value))"
        case .invalidNoise(let value):
            return "normalised noise W must be finite and ≥ 0 (got \(value))"
        case .invalidThreshold(let value):
            return "SINR threshold must be finite and ≥ 0 linear (got \(value)); the grid must not be empty"
        case .invalidTailIndex(let value):
            return "fading tail index must be ≥ 0 (got \(value))"
        case .fadingMomentInfinite(let order):
            return "the fading moment E[H^\(order)] is infinite"
        case .closedFormOutOfDomain(let reason):
            return "closed form used outside its domain: \(reason)"
        case .analyticUnavailable(let reason):
            return "no analytic route: \(reason) (use Monte-Carlo)"
        case .invalidSimulationParameter(let name, let value):
            return "simulation parameter \(name) is invalid (got \(value))"
        case .numericalFailure(let reason):
            return "numerical integration failed: \(reason)"
        case .invalidFading(let specification, let reason):
            return
                "fading '\(specification)' is not none, rayleigh, nakagami:M, rician:K, lognormal:SDB or A+B: \(reason)"
        }
    }
}

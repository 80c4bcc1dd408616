/// The analytic route that produced a value (docs/DENSIFICATION.md#analytic-routes).
public enum AnalyticMethod: String, Sendable, Equatable, Codable {
    /// T = 0: every SINR exceeds it.
    case trivial
    /// (b) ABG W = 0 exact branch 1/(1+ρ).
    case abgInterferenceLimited
    /// (b) ABG α = 4 erfcx closed form.
    case abgErfcx
    /// (b) ABG single integral.
    case abgIntegral
    /// (c) Dhillon et al. sinc(δ)T^{−δ}.
    case dhillonClosedForm
    /// (d) Keeler–Błaszczyszyn–Karray inclusion–exclusion.
    case kbkInclusionExclusion
    /// (e) Mecke (T ≥ 1), Rayleigh h: Laplace transform of the interference.
    case meckeLaplace
    /// (f) nearest / mean power, Rayleigh h, any g.
    case multiSlopeRayleigh
    /// (f) mean-power association, Rayleigh h, log-normal S, any g: condition on the serving mean power.
    case meanPowerRayleigh
    /// (g) nearest, general fading, Gil-Pelaez.
    case gilPelaezNearest
    /// (i) strongest BS at any T: conditional on the strongest received power, Laplace inversion (Euler).
    case strongestConditional
    /// (j) nearest BS, pure log-normal shadowing, single slope: Gauss–Hermite over the serving S, Laplace inversion.
    case nearestLogNormal
    /// (h) exact strongest-BS mean rate, single slope, W = 0.
    case strongestRateExact
    /// K-tier network, biased max-power association, Rayleigh h, common single slope (Jo et al. 2012).
    case multiTierBiased
    /// mmWave LOS/NLOS blockage, max mean power association, Rayleigh h (Bai–Heath 2015, nested quadrature).
    case blockageRayleigh
}

/// An analytic metric value with its numerical error estimate and the route that produced it.
public struct AnalyticValue: Sendable, Equatable, Codable {
    /// The value (probability, or rate [nats/s/Hz], or scaled by λ for densities).
    public var value: Double
    /// Estimated absolute numerical error (quadrature error estimates propagated; 0 for closed forms up to rounding).
    public var absError: Double
    /// The route.
    public var method: AnalyticMethod

    public init(value: Double, absError: Double, method: AnalyticMethod) {
        self.value = value
        self.absError = absError
        self.method = method
    }

    /// P_c = 1 exactly (T = 0: every SINR exceeds it).
    public static let certain = AnalyticValue(value: 1, absError: 0, method: .trivial)
}

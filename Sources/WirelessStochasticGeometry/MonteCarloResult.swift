/// Output of `DensificationSimulator.run`: estimates on the (λ, T) grid with 95 % intervals.
public struct MonteCarloResult: Sendable, Equatable, Codable {
    /// λ grid [BSs per unit area].
    public let densities: [Double]
    /// T grid [linear].
    public let thresholds: [Double]
    /// P̂_c(λ, T), indexed [λ][T].
    public let coverage: [[MCEstimate]]
    /// R̂ = mean ln(1 + SINR) [nats/s/Hz] per λ.
    public let rate: [MCEstimate]
    /// D̂_c = λ P̂_c [covered links per unit area], indexed [λ][T].
    public let coverageDensity: [[MCEstimate]]
    /// ASÊ = λ R̂ [nats/s/Hz per unit area] per λ.
    public let areaSpectralEfficiency: [MCEstimate]
    /// Mean share of the interference attributed to the analytic tail beyond the K-th BS, per λ.
    public let tailShare: [Double]
    /// Fraction of drops served by the K-th (last simulated) BS, per λ (warn above 1e-4).
    public let servedAtLastFraction: [Double]
    /// K(λ), BSs simulated per drop.
    public let neighbourCounts: [Int]
    /// Number of drops used.
    public let drops: Int
    /// Whether every cell met the stop rule's width target (always true with fixed drops).
    public let converged: Bool
    /// Total BS interactions simulated (drops × Σ_λ K(λ)), for throughput reports.
    public let interactions: Double
}

import WirelessCore

/// The Monte-Carlo part shared by the densification studies.
enum DensifySimulation {
    /// Runs the simulator on the grid in `mode` (nil when off), announcing the drops it will take.
    /// - Throws: `DensificationError.invalidSimulationParameter` for a drop count out of range, and the
    ///   simulator's grid errors.
    static func run(
        _ mode: MonteCarloMode, scenario: DensificationScenario, densities: [Double], thresholds: [Double],
        seed: UInt64, progress: any StudyProgress
    ) throws(DensificationError) -> MonteCarloResult? {
        guard let configuration = try mode.configuration(seed: seed) else { return nil }
        return try DensificationSimulator(scenario: scenario, configuration: configuration)
            .run(densities: densities, thresholds: thresholds)
    }

    /// The four cells `mc`, `mc_ci95_lo`, `mc_ci95_hi`, `mc_drops` and the cell `converged` ("1"/"0"),
    /// all empty without an estimate.
    static func cells(_ estimate: MCEstimate?) -> [StudyCell] {
        guard let e = estimate else { return [.real(nil), .real(nil), .real(nil), .real(nil), .text("")] }
        return [.real(e.mean), .real(e.ciLow), .real(e.ciHigh), .integer(e.n), .text(e.converged ? "1" : "0")]
    }

    /// The column layout shared by the sweep and coverage tables (`lambda`, or `lambda_per_km2`).
    static func layout(_ unit: DensityUnit) -> [(String, String?)] {
        [
            ("lambda", unit.headerSuffix), ("threshold", "db"), ("metric", nil), ("unit", nil), ("analytic", nil),
            ("analytic_method", nil), ("analytic_abs_err", nil), ("mc", nil), ("mc_ci95_lo", nil), ("mc_ci95_hi", nil),
            ("mc_drops", nil), ("converged", nil), ("tail_share", nil), ("analytic_reason", nil),
        ]
    }
}

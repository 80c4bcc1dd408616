import WirelessCore

/// A scenario's analytic coverage with the tables its routes reuse across the cells of one sweep, computed
/// once when the plan is built (plan once, evaluate many; docs/DENSIFICATION.md#route-choice).
///
/// Three routes need a table that does not depend on the density λ:
///
///     inclusion–exclusion (d): J_n(T_n, δ), 3 ≤ n ≤ ⌈1/T⌉, per threshold T (tens of ms each for n ≥ 4)
///     nearest Gil-Pelaez (g), single slope: F(a) of the law of H and δ (~5,000 φ_H calls)
///     strongest BS below T = 1 (i), multi-slope: E₁(s; y) on ln-y panels, built per threshold on first use
///
/// The plan computes the J_n of every planned threshold whose route is (d) (in parallel, each from its own
/// fixed lattice seed) and the F(a) table when route (g) is reached, and owns them: no memo outlives the
/// plan, and a value from the plan has the bits of `DensificationScenario.coverage(density:threshold:)`
/// (which builds a plan of its one threshold). A threshold the plan was not built for (a rate-integral node)
/// is computed without a table.
///
///     let plan = CoveragePlan(scenario: scenario, thresholds: [0.1, 1])
///     let p = try plan.coverage(density: 2, threshold: 0.1)     // J_n from the plan
public struct CoveragePlan: Sendable {
    /// The network model.
    public let scenario: DensificationScenario
    /// The thresholds T [linear] the plan was built for, in the order given.
    public let thresholds: [Double]
    /// J_n(t, δ) of the planned thresholds whose route is (d).
    let inclusionExclusion: [StrongestCellCoverage.JKey: IntegrationResult]
    /// F(a) of the law with which route (g) is reached, single slope only.
    let characteristicTable: CharacteristicIntegralTable?
    /// Route (i) for multi-slope g (Rayleigh h): panels built on first use and shared by every density and
    /// threshold of the plan (`StrongestConditionalTable`).
    let strongestConditionalTable: StrongestConditionalTable?

    /// Computes the tables `scenario`'s routes use at `thresholds`.
    ///
    /// - Parameters:
    ///   - scenario: The network model.
    ///   - thresholds: T [linear] at which coverage will be asked; invalid values are left for `coverage` to
    ///     refuse.
    public init(scenario: DensificationScenario, thresholds: [Double]) {
        self.scenario = scenario
        self.thresholds = thresholds
        let pathGain = scenario.pathGain
        let delta = 2 / pathGain.farFieldExponent
        var keys: [StrongestCellCoverage.JKey] = []
        if pathGain.isSingleSlope && scenario.reachesStrongestRoutes {
            var seen = Set<StrongestCellCoverage.JKey>()
            for t in thresholds where t.isFinite && !(t >= 1 && scenario.noise == 0) {
                for key in StrongestCellCoverage.costlyJKeys(threshold: t, delta: delta) where seen.insert(key).inserted
                {
                    keys.append(key)
                }
            }
        }
        let planned = keys
        let values = ParallelExecution.parallelMap(count: planned.count) { i in
            StrongestCellCoverage.kbkJ(n: planned[i].n, t: planned[i].t, delta: planned[i].delta)
        }
        inclusionExclusion = Dictionary(uniqueKeysWithValues: zip(keys, values))
        characteristicTable =
            pathGain.isSingleSlope
            ? scenario.gilPelaezFading.map { CharacteristicIntegralTable(fading: $0, delta: delta) } : nil
        strongestConditionalTable =
            !pathGain.isSingleSlope && scenario.association == .strongestInstantaneous
                && scenario.fading.hasRayleighSmallScale
            ? StrongestConditionalTable(pathGain: pathGain, fading: scenario.fading, noise: scenario.noise) : nil
    }

    /// P_c(λ, T), as `DensificationScenario.coverage(density:threshold:)`.
    /// - Throws: what `DensificationScenario.coverage(density:threshold:)` throws.
    public func coverage(density: Double, threshold: Double) throws(DensificationError) -> AnalyticValue {
        try scenario.coverage(density: density, threshold: threshold, plan: self)
    }

    /// R(λ) [nats/s/Hz], as `DensificationScenario.meanRate(density:relativeTolerance:)`.
    /// - Throws: what `DensificationScenario.meanRate(density:relativeTolerance:)` throws.
    public func meanRate(density: Double, relativeTolerance: Double = 1e-7) throws(DensificationError)
        -> AnalyticValue
    {
        try scenario.meanRate(density: density, relativeTolerance: relativeTolerance, plan: self)
    }

    /// λ* = argmax P_c(λ, T), as `DensificationScenario.peakDensity(threshold:lowerDensity:upperDensity:)`.
    /// - Throws: what `DensificationScenario.peakDensity(threshold:lowerDensity:upperDensity:)` throws.
    public func peakDensity(threshold: Double, lowerDensity: Double, upperDensity: Double)
        throws(DensificationError) -> (density: Double, coverage: Double)
    {
        try scenario.peakDensity(
            threshold: threshold, lowerDensity: lowerDensity, upperDensity: upperDensity, plan: self)
    }

    /// J_n(t, δ) when the plan holds it.
    func inclusionExclusionJ(n: Int, t: Double, delta: Double) -> IntegrationResult? {
        inclusionExclusion[StrongestCellCoverage.JKey(n: n, t: t, delta: delta)]
    }

    /// Builds, on both cores, the tables whose size depends on the densities asked for (the route-(i) panels of
    /// the planned thresholds below 1 at `densities`), which are otherwise built on first use. Values do not
    /// change: a panel has the same bits whichever call builds it.
    /// - Parameter densities: λ [per unit area]; invalid values are skipped.
    public func prepare(densities: [Double]) {
        strongestConditionalTable?.prepare(densities: densities, thresholds: thresholds)
    }

    /// Builds, on both cores, the route-(i) rate panels (multi-slope strongest BS) the mean rate at `densities`
    /// uses, which are otherwise built on first use. Values do not change.
    /// - Parameter densities: λ [per unit area]; invalid values are skipped.
    public func prepareRate(densities: [Double]) {
        strongestConditionalTable?.prepareRate(densities: densities)
    }

    /// The plan's route-(i) table when it is the table of (g, H, W).
    func strongestConditional(pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double)
        -> StrongestConditionalTable?
    {
        strongestConditionalTable.flatMap { $0.isTable(pathGain: pathGain, fading: fading, noise: noise) ? $0 : nil }
    }

    /// The plan's F(a) table when it is the table of (H, δ).
    func characteristicIntegral(fading: FadingModel, delta: Double) -> CharacteristicIntegralTable? {
        characteristicTable.flatMap { $0.isTable(of: fading, delta: delta) ? $0 : nil }
    }
}

extension DensificationScenario {
    /// The fading with which `nearestCoverage` is reached (nil when the association never reaches it).
    var nearestRouteFading: FadingModel? {
        switch association {
        case .nearest: return fading
        case .strongestMeanPower:
            guard fading.hasShadowing else { return fading }
            guard pathGain.isSingleSlope else { return nil }
            return try? FadingModel(smallScale: fading.smallScale)
        case .strongestInstantaneous: return nil
        }
    }

    /// Whether some threshold reaches `strongestCoverage` (strongest association, or a nearest route with
    /// h ≡ 1 and no shadowing, where nearest and strongest are one BS).
    var reachesStrongestRoutes: Bool {
        if association == .strongestInstantaneous { return true }
        guard let h = nearestRouteFading, case .none = h.smallScale else { return false }
        return !h.hasShadowing
    }

    /// The fading with which `NearestCellCoverage.gilPelaez` is reached (a small-scale law with a density
    /// that is not Rayleigh), or nil.
    var gilPelaezFading: FadingModel? {
        guard let h = nearestRouteFading, !h.hasRayleighSmallScale else { return nil }
        if case .none = h.smallScale { return nil }
        return h
    }
}

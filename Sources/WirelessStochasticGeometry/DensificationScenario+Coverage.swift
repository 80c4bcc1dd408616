import Foundation
import WirelessCore

extension DensificationScenario {
    /// P_c(λ, T) = P(SINR > T) by the best analytic route (docs/DENSIFICATION.md#route-choice):
    ///
    ///     nearest,    pure Rayleigh, single slope      → (b) ABG
    ///     nearest,    Rayleigh h (± S) or multi-slope   → (f)
    ///     nearest,    Nakagami h (± S)                  → (g) Gil-Pelaez
    ///     nearest,    h ≡ 1, no S                       → as strongest (same BS)
    ///     mean power, single slope                      → nearest at density λE[S^δ] with h (displacement theorem)
    ///     mean power, multi-slope, no S                 → nearest
    ///     mean power, multi-slope, S, Rayleigh h        → `MeanPowerCoverage` (conditioning on the serving mean power)
    ///     strongest,  single slope, T ≥ 1, W = 0        → (c) Dhillon
    ///     strongest,  single slope, T ≥ 1/32            → (d) KBK
    ///     strongest,  multi-slope, T ≥ 1                → (e) Mecke
    ///     strongest,  single slope T < 1/32; multi-slope T < 1 (Rayleigh h) → (i) conditional on the strongest power
    ///     nearest,    h ≡ 1 with S, single slope        → (j) Gauss–Hermite over S₀, Laplace inversion
    ///
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear], ≥ 0, finite.
    /// One call builds the tables its route needs (see `CoveragePlan`); a sweep over many (λ, T) cells builds
    /// them once with `CoveragePlan(scenario:thresholds:)` and asks the plan instead (the same bits).
    /// - Throws: `DensificationError.invalidDensity`, `.invalidThreshold`, `.analyticUnavailable` (MC only).
    public func coverage(density: Double, threshold: Double) throws(DensificationError) -> AnalyticValue {
        try coverage(
            density: density, threshold: threshold, plan: CoveragePlan(scenario: self, thresholds: [threshold]))
    }

    /// `coverage(density:threshold:)` with the tables of `plan` (a plan of this scenario).
    func coverage(density: Double, threshold: Double, plan: CoveragePlan) throws(DensificationError) -> AnalyticValue {
        try Validate.density(density)
        try Validate.threshold(threshold)
        if threshold == 0 { return .certain }
        let v = try routedCoverage(density: density, threshold: threshold, plan: plan)
        // Extreme densities (e.g. 2πλ overflowing near λ ~ 1e308) must not leak NaN or ∞ out of a route.
        guard v.value.isFinite, v.absError.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "coverage at λ = \(density), T = \(threshold) is not finite (\(v.method.rawValue))")
        }
        return v
    }

    func routedCoverage(density: Double, threshold: Double, plan: CoveragePlan) throws(DensificationError)
        -> AnalyticValue
    {
        switch association {
        case .nearest:
            return try nearestCoverage(density: density, threshold: threshold, fading: fading, plan: plan)
        case .strongestMeanPower:
            if !fading.hasShadowing {
                return try nearestCoverage(density: density, threshold: threshold, fading: fading, plan: plan)
            }
            guard pathGain.isSingleSlope else {
                return try MeanPowerCoverage.rayleigh(
                    density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
            }
            let delta = 2 / pathGain.farFieldExponent
            let smallOnly = try FadingModel(smallScale: fading.smallScale)
            return try nearestCoverage(
                density: density * fading.shadowingMoment(order: delta), threshold: threshold, fading: smallOnly,
                plan: plan)
        case .strongestInstantaneous:
            return try strongestCoverage(density: density, threshold: threshold, plan: plan)
        }
    }

    func nearestCoverage(density: Double, threshold: Double, fading: FadingModel, plan: CoveragePlan)
        throws(DensificationError) -> AnalyticValue
    {
        if fading.isPureRayleigh && pathGain.isSingleSlope {
            return try ABGCoverage.coverage(
                density: density, threshold: threshold, exponent: pathGain.farFieldExponent, noise: noise)
        }
        if fading.hasRayleighSmallScale {
            return try NearestCellCoverage.rayleigh(
                density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
        }
        if case .none = fading.smallScale {
            if fading.hasShadowing {
                return try NearestCellCoverage.pureShadowing(
                    density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
            }
            return try strongestCoverage(density: density, threshold: threshold, fadingOverride: fading, plan: plan)
        }
        return try NearestCellCoverage.gilPelaez(
            density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise,
            table: pathGain.isSingleSlope
                ? plan.characteristicIntegral(fading: fading, delta: 2 / pathGain.farFieldExponent) : nil)
    }

    func strongestCoverage(
        density: Double, threshold: Double, fadingOverride: FadingModel? = nil, plan: CoveragePlan
    ) throws(DensificationError) -> AnalyticValue {
        let h = fadingOverride ?? fading
        if pathGain.isSingleSlope {
            let alpha = pathGain.farFieldExponent
            if threshold >= 1 && noise == 0 {
                return try StrongestCellCoverage.dhillonClosedForm(threshold: threshold, exponent: alpha)
            }
            if threshold >= 1 / Double(StrongestCellCoverage.kbkMaxTerms) {
                return try StrongestCellCoverage.keelerInclusionExclusion(
                    density: density, threshold: threshold, exponent: alpha, fading: h, noise: noise, plan: plan)
            }
        }
        if threshold >= 1 {
            return try StrongestCellCoverage.mecke(
                density: density, threshold: threshold, pathGain: pathGain, fading: h, noise: noise)
        }
        // Below the inclusion–exclusion limit (single slope) or below T = 1 (multi-slope): condition on the
        // strongest received power (route i).
        return try StrongestCellCoverage.conditionalOnStrongest(
            density: density, threshold: threshold, pathGain: pathGain, fading: h, noise: noise,
            table: plan.strongestConditional(pathGain: pathGain, fading: h, noise: noise))
    }

    /// Mean spectral efficiency R = E ln(1+SINR) = ∫_0^∞ P_c(e^t − 1) dt [nats/s/Hz] (docs/DENSIFICATION.md#metrics,
    /// docs/DENSIFICATION.md#route-h-rates).
    ///
    /// Strongest BS, single slope, W = 0 uses the exact form of `StrongestCellRate`. Otherwise the t-integral is
    /// cut at t_end where the tail ∫_{t_end}^∞ P_c dt is below the tolerance, and [0, t_end] is integrated by
    /// adaptive Gauss–Kronrod (each node a `coverage` call). The tail enters the error estimate:
    ///
    ///     single slope: P_c(T) ≤ sinc(δ) T^{−δ} for T ≥ 1 (the strongest BS maximises the SINR in every
    ///                   realisation and noise only lowers it; Dhillon et al.), so
    ///                   tail ≤ sinc(δ) e^{−δ t_end} / (δ (1 − e^{−t_end})^δ)           (rigorous)
    ///     multi-slope:  P_c(e^t − 1) decays at least exponentially in t in every regime; the tail is
    ///                   estimated as 2 P_c(t_end)/s with s the log-slope over the last step (estimate)
    ///
    /// - Throws: whatever `coverage` throws at any node; `.numericalFailure` when a node is not finite (never
    ///   read as 0) or the tail does not fall below the tolerance by t = 2000.
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - relativeTolerance: relative tolerance of the t-integral, > 0.
    public func meanRate(density: Double, relativeTolerance: Double = 1e-7) throws(DensificationError) -> AnalyticValue
    {
        try meanRate(
            density: density, relativeTolerance: relativeTolerance, plan: CoveragePlan(scenario: self, thresholds: []))
    }

    /// `meanRate(density:relativeTolerance:)` with the tables of `plan` (a plan of this scenario).
    func meanRate(density: Double, relativeTolerance: Double = 1e-7, plan: CoveragePlan) throws(DensificationError)
        -> AnalyticValue
    {
        try Validate.density(density)
        if association == .strongestInstantaneous && pathGain.isSingleSlope && noise == 0 {
            return try StrongestCellRate.interferenceLimited(exponent: pathGain.farFieldExponent)
        }
        if association == .strongestInstantaneous,
            let table = plan.strongestConditional(pathGain: pathGain, fading: fading, noise: noise)
        {
            // Multi-slope, Rayleigh h: the same, from the plan's panels shared across densities.
            let v = table.rate(density: density)
            guard v.value.isFinite, v.absError.isFinite else {
                throw .numericalFailure(reason: "strongest-BS rate at λ = \(density) is not finite")
            }
            return v
        }
        if association == .strongestInstantaneous {
            // Conditional on the strongest power: real Laplace transforms, no coverage nodes (route i).
            return try StrongestCellRate.conditional(density: density, pathGain: pathGain, fading: fading, noise: noise)
        }
        var worstError = 0.0
        var method = AnalyticMethod.trivial
        func node(_ t: Double) throws(DensificationError) -> Double {
            let threshold = expm1(t)
            guard threshold.isFinite else {
                throw DensificationError.numericalFailure(reason: "rate integrand: threshold e^\(t) − 1 overflows")
            }
            let v = try coverage(density: density, threshold: threshold, plan: plan)
            guard v.value.isFinite, v.absError.isFinite else {
                throw DensificationError.numericalFailure(
                    reason: "rate integrand is not finite at t = \(t) (\(v.method.rawValue))")
            }
            worstError = max(worstError, v.absError)
            if v.method != .trivial { method = v.method }
            return v.value
        }
        // Locate t_end: march in steps of 2 until the tail bound (or estimate) is below the tolerance.
        let tailTolerance = 1e-9
        let delta = 2 / pathGain.farFieldExponent
        var tEnd = 4.0
        var previous = try node(2)
        var tail = Double.infinity
        while true {
            let current = try node(tEnd)
            if pathGain.isSingleSlope {
                tail =
                    SpecialFunctions.sinc(delta) * exp(-delta * tEnd) / (delta * pow(-expm1(-tEnd), delta))
            } else if current <= 0 {
                tail = 0
            } else if previous > current {
                tail = 2 * current / (log(previous / current) / 2)
            }
            if tail <= tailTolerance && current <= tailTolerance { break }
            guard tEnd < 2000 else {
                throw DensificationError.numericalFailure(
                    reason: "rate integrand P_c(e^t − 1) still \(current) at t = \(tEnd)")
            }
            previous = current
            tEnd += 2
        }
        var failure: DensificationError?
        let r = Integration.integrate(
            from: 0, to: tEnd, absTol: 1e-10, relTol: relativeTolerance, maxIntervals: 200
        ) { t in
            if failure != nil { return 0 }
            do throws(DensificationError) { return try node(t) } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        let rate = AnalyticValue(value: r.value, absError: r.error + tail + tEnd * worstError, method: method)
        guard rate.value.isFinite, rate.absError.isFinite else {
            throw .numericalFailure(reason: "mean rate at λ = \(density) has no finite value or error estimate")
        }
        return rate
    }
}

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
    ///     strongest,  single slope, T ≥ 1, W = 0        → (c) Dhillon
    ///     strongest,  single slope, T ≥ 1/32            → (d) KBK
    ///     strongest,  multi-slope, T ≥ 1                → (e) Mecke
    ///
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear], ≥ 0, finite.
    /// - Throws: `DensificationError.invalidDensity`, `.invalidThreshold`, `.analyticUnavailable` (MC only).
    public func coverage(density: Double, threshold: Double) throws -> AnalyticValue {
        try Validate.density(density)
        try Validate.threshold(threshold)
        if threshold == 0 { return AnalyticValue(value: 1, absError: 0, method: .trivial) }
        let v = try routedCoverage(density: density, threshold: threshold)
        // Extreme densities (e.g. 2πλ overflowing near λ ~ 1e308) must not leak NaN or ∞ out of a route.
        guard v.value.isFinite, v.absError.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "coverage at λ = \(density), T = \(threshold) is not finite (\(v.method.rawValue))")
        }
        return v
    }

    func routedCoverage(density: Double, threshold: Double) throws -> AnalyticValue {
        switch association {
        case .nearest:
            return try nearestCoverage(density: density, threshold: threshold, fading: fading)
        case .strongestMeanPower:
            if !fading.hasShadowing {
                return try nearestCoverage(density: density, threshold: threshold, fading: fading)
            }
            guard pathGain.isSingleSlope else {
                throw DensificationError.analyticUnavailable(
                    reason: "mean-power association with shadowing and multi-slope path loss")
            }
            let delta = 2 / pathGain.farFieldExponent
            let smallOnly = try FadingModel(smallScale: fading.smallScale)
            return try nearestCoverage(
                density: density * fading.shadowingMoment(order: delta), threshold: threshold, fading: smallOnly)
        case .strongestInstantaneous:
            return try strongestCoverage(density: density, threshold: threshold)
        }
    }

    func nearestCoverage(density: Double, threshold: Double, fading: FadingModel) throws -> AnalyticValue {
        if fading.isPureRayleigh && pathGain.isSingleSlope {
            return try ABGCoverage.coverage(
                density: density, threshold: threshold, exponent: pathGain.farFieldExponent, noise: noise)
        }
        if fading.hasRayleighSmallScale {
            return try NearestCellCoverage.rayleigh(
                density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
        }
        if case .none = fading.smallScale {
            guard !fading.hasShadowing else {
                throw DensificationError.analyticUnavailable(
                    reason: "nearest association with pure log-normal shadowing and no small-scale fading")
            }
            return try strongestCoverage(density: density, threshold: threshold, fadingOverride: fading)
        }
        return try NearestCellCoverage.gilPelaez(
            density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
    }

    func strongestCoverage(density: Double, threshold: Double, fadingOverride: FadingModel? = nil) throws
        -> AnalyticValue
    {
        let h = fadingOverride ?? fading
        if pathGain.isSingleSlope {
            let alpha = pathGain.farFieldExponent
            if threshold >= 1 && noise == 0 {
                return try StrongestCellCoverage.dhillonClosedForm(threshold: threshold, exponent: alpha)
            }
            if threshold >= 1 / Double(StrongestCellCoverage.kbkMaxTerms) {
                return try StrongestCellCoverage.keelerInclusionExclusion(
                    density: density, threshold: threshold, exponent: alpha, fading: h, noise: noise)
            }
        }
        if threshold >= 1 {
            return try StrongestCellCoverage.mecke(
                density: density, threshold: threshold, pathGain: pathGain, fading: h, noise: noise)
        }
        throw DensificationError.analyticUnavailable(
            reason: pathGain.isSingleSlope
                ? "strongest-BS coverage below T = 1/\(StrongestCellCoverage.kbkMaxTerms)"
                : "strongest-BS coverage with multi-slope path loss for T < 1")
    }

    /// Mean spectral efficiency R = E ln(1+SINR) = ∫_0^∞ P_c(e^t − 1) dt [nats/s/Hz] (docs/DENSIFICATION.md#metrics,
    /// docs/DENSIFICATION.md#route-h-rates).
    ///
    /// Adaptive Gauss–Kronrod on t ∈ [0, ∞) (relative tolerance `relativeTolerance`), each node a `coverage` call;
    /// strongest BS, single slope, W = 0 uses the exact form of `StrongestCellRate` instead.
    /// - Throws: whatever `coverage` throws at any node (e.g. `.analyticUnavailable` for strongest with T < 1/32).
    ///
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - relativeTolerance: relative tolerance of the t-integral, > 0.
    public func meanRate(density: Double, relativeTolerance: Double = 1e-7) throws -> AnalyticValue {
        try Validate.density(density)
        if association == .strongestInstantaneous && pathGain.isSingleSlope && noise == 0 {
            return try StrongestCellRate.interferenceLimited(exponent: pathGain.farFieldExponent)
        }
        var failure: Error?
        var worstError = 0.0
        var method = AnalyticMethod.trivial
        let r = Integration.integrate(
            from: 0, to: .infinity, absTol: 1e-9, relTol: relativeTolerance, maxIntervals: 200
        ) {
            t in
            if failure != nil { return 0 }
            let threshold = expm1(t)
            if !threshold.isFinite { return 0 }  // P_c(∞) = 0
            do {
                let v = try coverage(density: density, threshold: threshold)
                worstError = max(worstError, v.absError)
                if v.method != .trivial { method = v.method }
                return v.value
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return AnalyticValue(value: r.value, absError: r.error + 10 * worstError, method: method)
    }
}

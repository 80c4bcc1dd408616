import Foundation
import WirelessCore

/// 90 %-coverage rate and the largest BS distance meeting a target rate (docs/PATHLOSS.md#coverage).
///
///     PG_q(d) = PG_fit(d) + z·σ,   z = Φ⁻¹(1 − c), σ = RMSE_N            (.modelBased, default)
///     PG_q(d) = PG_fit(d) + Q_{1−c}(residuals)                           (.empirical, type-7 quantile)
///     SNR_c(d) = EIRP + G_UE + G_extra + PG_q(d) − N_dBm;  rate_c(d) = mapping(SNR_c(d))
///     max distance for R*: PG_req = SNR_req(R*) − EIRP − G_UE − G_extra + N_dBm
///       FI: d* = d0·10^((A + offset − PG_req)/(10·n));  other models: Brent's method on log d (1e-12 relative)
///     d* outside the measured range [d_min, d_max] is an extrapolation: reported as `.beyondRange(d_max)` or
///     `.belowRange(d_min)` unless extrapolation is allowed
public struct CoverageAnalysis: Sendable, Equatable, Codable {
    /// How the coverage quantile of path gain is obtained.
    public enum QuantileMethod: String, Sendable, Equatable, Codable, CaseIterable {
        /// Fit + Φ⁻¹(1 − c)·σ (Gaussian residuals).
        case modelBased = "model-based"
        /// Fit + the (1 − c) percentile of the fit's residuals.
        case empirical
    }

    /// Outcome of the max-distance solver.
    public enum MaximumDistance: Sendable, Equatable, Codable {
        /// The target is met up to d* [m].
        case distance(Double)
        /// Still met at the largest measured distance [m] (extrapolation not allowed).
        case beyondRange(Double)
        /// Not met at the smallest measured distance [m]: d* lies below the measured range, an extrapolation
        /// (not allowed). The target is not achievable on the measured data.
        case belowRange(Double)
        /// Not met at any distance ≥ d0 (or the rate is above the mapping's maximum).
        case notAchievable
    }

    /// Link budget.
    public var budget: LinkBudget
    /// Rate mapping.
    public var mapping: RateMapping
    /// Coverage level c in (0, 1) (default 0.90).
    public var coverage: Double
    /// Quantile method.
    public var method: QuantileMethod

    /// A coverage analysis.
    ///
    /// - Throws: `.probabilityOutOfRange` for c ∉ (0, 1); `.parameterOutOfRange` for an NR overhead outside
    ///   [0, 1) or a non-finite gap (`RateMapping.validate()`).
    public init(
        budget: LinkBudget = .standard, mapping: RateMapping = .shannon, coverage: Double = 0.90,
        method: QuantileMethod = .modelBased
    ) throws(PathLossError) {
        guard coverage > 0, coverage < 1 else { throw .probabilityOutOfRange(value: coverage) }
        try mapping.validate()
        self.budget = budget
        self.mapping = mapping
        self.coverage = coverage
        self.method = method
    }

    /// z = Φ⁻¹(1 − c) (−1.2815516 for c = 0.9).
    public var standardNormalQuantile: Double { SpecialFunctions.inverseNormalCDF(1 - coverage) }

    /// The dB offset added to the mean fit: z·σ or the residual percentile.
    ///
    /// - Parameters:
    ///   - sigmaDB: σ = RMSE_N [dB] (model-based).
    ///   - residualsDB: The fit's residuals [dB] (empirical).
    public func quantileOffsetDB(sigmaDB: Double, residualsDB: [Double]) -> Double {
        switch method {
        case .modelBased: return standardNormalQuantile * sigmaDB
        case .empirical: return Statistics.quantile(residualsDB, probability: 1 - coverage)
        }
    }

    /// The c-coverage rate [bit/s] at `distanceMeters` [m] for an FI fit.
    public func rateBitsPerSecond(fit: FloatingInterceptFit, distanceMeters: Double) -> Double {
        let offset = quantileOffsetDB(sigmaDB: fit.rmsErrorDB, residualsDB: fit.residualsDB)
        return rateBitsPerSecond(pathGainDB: fit.pathGainDB(distanceMeters: distanceMeters) + offset)
    }

    /// The rate [bit/s] for a path gain [dB].
    public func rateBitsPerSecond(pathGainDB: Double) -> Double {
        mapping.rateBitsPerSecond(snrDB: budget.snrDB(pathGainDB: pathGainDB), bandwidthHz: budget.bandwidthHz)
    }

    /// The largest distance at which a fraction c of UEs reach `targetRateBitsPerSecond`, FI closed form.
    ///
    /// - Parameters:
    ///   - fit: The FI fit (its smallest and largest distances bound `.belowRange` and `.beyondRange`).
    ///   - targetRateBitsPerSecond: R* [bit/s], > 0.
    ///   - allowExtrapolation: Return d* even outside the measured distance range (still ≥ d0).
    /// - Throws: `.nonMonotoneModel` if n ≤ 0; `.parameterOutOfRange` for R* ≤ 0.
    public func maximumDistance(
        fit: FloatingInterceptFit, targetRateBitsPerSecond: Double, allowExtrapolation: Bool = false
    ) throws(PathLossError) -> MaximumDistance {
        guard targetRateBitsPerSecond > 0, targetRateBitsPerSecond.isFinite else {
            throw .parameterOutOfRange(name: "targetRate", value: targetRateBitsPerSecond, valid: "> 0")
        }
        let n = fit.pathLossExponent.estimate
        guard n > 0 else { throw .nonMonotoneModel }
        guard
            let snr = mapping.requiredSNRDB(rateBitsPerSecond: targetRateBitsPerSecond, bandwidthHz: budget.bandwidthHz)
        else { return .notAchievable }
        let required = budget.requiredPathGainDB(snrDB: snr)
        let offset = quantileOffsetDB(sigmaDB: fit.rmsErrorDB, residualsDB: fit.residualsDB)
        let d0 = fit.referenceDistanceMeters
        let closedForm = d0 * pow(10, (fit.intercept.estimate + offset - required) / (10 * n))
        let distance = Self.largestMeeting(target: targetRateBitsPerSecond, from: closedForm) {
            rateBitsPerSecond(pathGainDB: fit.pathGainDB(distanceMeters: $0) + offset)
        }
        return classify(
            distance, d0: d0, measured: fit.distanceRangeMeters, allowExtrapolation: allowExtrapolation)
    }

    /// The largest distance for any model whose coverage gain decreases with distance, by Brent's method on log d.
    ///
    /// - Parameters:
    ///   - model: The mean model.
    ///   - residualsDB: Its residuals (used by `.empirical`).
    ///   - frequency: Carrier.
    ///   - distanceRangeMeters: Measured range; the search runs over [lower bound, 10⁴·upper bound].
    ///   - targetRateBitsPerSecond: R* [bit/s], > 0.
    ///   - allowExtrapolation: Return d* beyond the measured range (the search never goes below the smallest
    ///     measured distance: a target not met there is `.belowRange`).
    /// - Throws: `.nonMonotoneModel` if the gain does not decrease over the search interval.
    public func maximumDistance(
        model: any PathGainModel, residualsDB: [Double], frequency: Frequency, distanceRangeMeters: ClosedRange<Double>,
        targetRateBitsPerSecond: Double, allowExtrapolation: Bool = false
    ) throws(PathLossError) -> MaximumDistance {
        guard targetRateBitsPerSecond > 0 else {
            throw .parameterOutOfRange(name: "targetRate", value: targetRateBitsPerSecond, valid: "> 0")
        }
        guard
            let snr = mapping.requiredSNRDB(rateBitsPerSecond: targetRateBitsPerSecond, bandwidthHz: budget.bandwidthHz)
        else { return .notAchievable }
        let required = budget.requiredPathGainDB(snrDB: snr)
        let offset = quantileOffsetDB(sigmaDB: model.shadowingStandardDeviationDB, residualsDB: residualsDB)
        func margin(_ logD: Double) -> Double {
            model.pathGainDB(distanceMeters: pow(10, logD), frequency: frequency) + offset - required
        }
        var lo = log10(distanceRangeMeters.lowerBound)
        let hi = log10(distanceRangeMeters.upperBound) + 4
        // Endpoint margins alone miss non-monotone models (e.g. a dual slope with n1 ≤ 0): the margin must
        // decrease strictly between consecutive points of a fine log-distance scan, else there is no unique d*.
        let scanPoints = Self.monotonicityScanPoints
        var previous = margin(lo)
        for k in 1...scanPoints {
            let current = margin(lo + (hi - lo) * Double(k) / Double(scanPoints))
            guard current < previous else { throw .nonMonotoneModel }
            previous = current
        }
        if margin(lo) < 0 { return .belowRange(distanceRangeMeters.lowerBound) }
        if margin(hi) >= 0 { return .beyondRange(distanceRangeMeters.upperBound) }
        // Brent on log10 d; 1e-12 relative in d is 1e-12/ln 10 ≈ 4.3e-13 in log10 d.
        do {
            lo = try BrentRootFinder(absoluteTolerance: 4e-13).findRoot(of: margin, lower: lo, upper: hi)
        } catch {
            throw .notConverged(iterations: 200)
        }
        let distance = Self.largestMeeting(target: targetRateBitsPerSecond, from: pow(10, lo)) {
            rateBitsPerSecond(pathGainDB: model.pathGainDB(distanceMeters: $0, frequency: frequency) + offset)
        }
        return classify(
            distance, d0: distanceRangeMeters.lowerBound, measured: distanceRangeMeters,
            allowExtrapolation: allowExtrapolation)
    }

    /// Points of the log-distance scan that checks the generic solver's margin decreases (every 0.005 decade
    /// over the default 4-decade extension plus a few measured decades).
    static let monotonicityScanPoints = 1_000

    /// Steps a solved distance down by ulps until the rate there meets the target.
    ///
    /// At the closed-form or Brent root the SNR can land ~1e-14 dB below a threshold T_k (rounding in
    /// pow/log10), which for a step mapping (NR table) drops a whole MCS. Each `nextDown` of d changes the SNR
    /// by ~10·n·2.2e-16/ln 10 dB, so a few steps suffice; the walk is capped at `maximumUlpSteps`.
    static func largestMeeting(target: Double, from distance: Double, rate: (Double) -> Double) -> Double {
        var d = distance
        var steps = 0
        while d > 0, d.isFinite, rate(d) < target, steps < maximumUlpSteps {
            d = d.nextDown
            steps += 1
        }
        return d
    }

    /// Cap on the ulp walk of `largestMeeting` (a relative change of ~2e-13, far below the 1e-12 solver tolerance).
    static let maximumUlpSteps = 1_000

    /// Below d0 nothing is reported; outside the measured range only with `allowExtrapolation`.
    private func classify(
        _ distance: Double, d0: Double, measured: ClosedRange<Double>, allowExtrapolation: Bool
    ) -> MaximumDistance {
        if !(distance >= d0) { return .notAchievable }
        if allowExtrapolation { return .distance(distance) }
        if distance > measured.upperBound { return .beyondRange(measured.upperBound) }
        if distance < measured.lowerBound { return .belowRange(measured.lowerBound) }
        return .distance(distance)
    }
}

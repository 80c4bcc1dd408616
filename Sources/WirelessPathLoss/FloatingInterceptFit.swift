import Foundation
import WirelessCore

/// Floating-intercept (FI, "slope-intercept") path-gain fit (docs/PATHLOSS.md#floating-intercept).
///
///     PG(d) = A − 10·n·log10(d/d0)                                   [dB]
///     x_i = 10·log10(d_i/d0);  n = −S_xy/S_xx,  A = ȳ + n·x̄          (weighted means/sums if weighted)
///     RMSE_N = sqrt(Σe²/N)   (reported σ),   σ_{N−2} = sqrt(Σw e²/(N−2))  (feeds the SEs)
///     SE(n) = σ_{N−2}/sqrt(S_xx),  SE(A) = σ_{N−2}·sqrt(1/Σw + x̄²/S_xx)
///     CI = estimate ± t_{(1+level)/2, N−2}·SE;  mean-line band t·σ_{N−2}·sqrt(1/Σw + (x−x̄)²/S_xx)
///
/// Censored rows are dropped and counted (use `CensoredFit` to include them).
public struct FloatingInterceptFit: PathGainModel, Sendable, Equatable, Codable {
    /// Intercept A [dB] at d0.
    public let intercept: FittedParameter
    /// Path-loss exponent n [dimensionless].
    public let pathLossExponent: FittedParameter
    /// RMS fitting error sqrt(Σe²/N) [dB] (unweighted residuals), the default reported σ.
    public let rmsErrorDB: Double
    /// Residual standard error σ_{N−2} [dB] (weighted if weights were used).
    public let residualStandardErrorDB: Double
    /// Weighted RMS error sqrt(Σw e²/Σw) [dB]; equals `rmsErrorDB` without weights.
    public let weightedRMSErrorDB: Double
    /// Coefficient of determination R².
    public let rSquared: Double
    /// Links used N.
    public let usedCount: Int
    /// Censored links excluded.
    public let censoredCount: Int
    /// Residuals PG_i − PG_fit(d_i) [dB], in the order of the used links.
    public let residualsDB: [Double]
    /// Reference distance d0 [m].
    public let referenceDistanceMeters: Double
    /// Smallest and largest fitted distance [m].
    public let distanceRangeMeters: ClosedRange<Double>
    /// Carrier frequency of the data.
    public let frequency: Frequency
    /// Weighted mean of x = 10·log10(d/d0) [dB].
    public let meanLogDistanceDB: Double
    /// S_xx = Σ w (x − x̄)² [dB²].
    public let sumOfSquaresX: Double
    /// Σw (N without weights).
    public let weightSum: Double
    /// Two-sided t critical value used for the CIs.
    public let criticalValue: Double
    /// The weighting used.
    public let weighting: FitWeighting
    /// Whether the data were synthetic.
    public let isSynthetic: Bool

    public var modelName: String { "FI" }
    public var shadowingStandardDeviationDB: Double { rmsErrorDB }

    /// Fits the FI model to distances and gains.
    ///
    /// Path gains must be finite (`.nonFiniteData` otherwise), one per distance (`.dimensionMismatch`).
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ d0, finite.
    ///   - pathGainsDB: PG_i [dB], finite.
    ///   - referenceDistanceMeters: d0 [m], > 0 (default 1).
    ///   - frequency: Carrier of the data (default 28 GHz).
    ///   - confidenceLevel: CI level in (0, 1) (default 0.95).
    ///   - weighting: Observation weighting (default none).
    ///   - censoredCount: Number of censored rows the caller dropped (reported only).
    ///   - isSynthetic: Provenance flag.
    /// - Throws: `.insufficientData` (N < 3), `.distanceBelowReference`, `.degenerateDistances`, `.parameterOutOfRange`.
    public init(
        distancesMeters: [Double], pathGainsDB: [Double], referenceDistanceMeters: Double = 1,
        frequency: Frequency = .campaign28GHz, confidenceLevel: Double = 0.95, weighting: FitWeighting = .none,
        censoredCount: Int = 0, isSynthetic: Bool = false
    ) throws(PathLossError) {
        let n = distancesMeters.count
        guard n == pathGainsDB.count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: n, got: pathGainsDB.count)
        }
        guard n >= 3 else { throw .insufficientData(needed: 3, got: n) }
        try validateGains(pathGainsDB)
        try validateLevel(confidenceLevel)
        try validateDistances(distancesMeters, referenceMeters: referenceDistanceMeters)
        let x = distancesMeters.map { Decibels.fromPower($0 / referenceDistanceMeters) }
        let w = try weighting.weights(distancesMeters: distancesMeters) ?? [Double](repeating: 1, count: n)
        let sw = w.reduce(0, +)
        var xBar = 0.0
        var yBar = 0.0
        for i in 0..<n {
            xBar += w[i] * x[i]
            yBar += w[i] * pathGainsDB[i]
        }
        xBar /= sw
        yBar /= sw
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for i in 0..<n {
            let dx = x[i] - xBar
            let dy = pathGainsDB[i] - yBar
            sxx += w[i] * dx * dx
            sxy += w[i] * dx * dy
            syy += w[i] * dy * dy
        }
        guard sxx > 1e-12 * max(1, xBar * xBar) * sw else { throw .degenerateDistances }
        let exponent = -sxy / sxx
        let a = yBar + exponent * xBar
        var residuals = [Double](repeating: 0, count: n)
        var sse = 0.0
        var wsse = 0.0
        for i in 0..<n {
            let e = pathGainsDB[i] - (a - exponent * x[i])
            residuals[i] = e
            sse += e * e
            wsse += w[i] * e * e
        }
        let sigma = (wsse / Double(n - 2)).squareRoot()
        let t = StudentTDistribution(degreesOfFreedom: Double(n - 2)).quantile((1 + confidenceLevel) / 2)
        self.intercept = FittedParameter(
            name: "A", estimate: a, standardError: sigma * (1 / sw + xBar * xBar / sxx).squareRoot(),
            criticalValue: t, level: confidenceLevel)
        self.pathLossExponent = FittedParameter(
            name: "n", estimate: exponent, standardError: sigma / sxx.squareRoot(), criticalValue: t,
            level: confidenceLevel)
        self.rmsErrorDB = (sse / Double(n)).squareRoot()
        self.residualStandardErrorDB = sigma
        self.weightedRMSErrorDB = (wsse / sw).squareRoot()
        self.rSquared = syy > 0 ? 1 - wsse / syy : 1
        self.usedCount = n
        self.censoredCount = censoredCount
        self.residualsDB = residuals
        self.referenceDistanceMeters = referenceDistanceMeters
        self.distanceRangeMeters = distancesMeters.min()!...distancesMeters.max()!
        self.frequency = frequency
        self.meanLogDistanceDB = xBar
        self.sumOfSquaresX = sxx
        self.weightSum = sw
        self.criticalValue = t
        self.weighting = weighting
        self.isSynthetic = isSynthetic
    }

    /// Fits the FI model to a campaign's uncensored links.
    ///
    /// - Throws: As the array initializer, plus `.mixedFrequencies` if the links do not share one carrier
    ///   (a single-frequency model; filter by `frequency_ghz` or use `CloseInFrequencyFit`/`AlphaBetaGammaFit`).
    public init(
        campaign: PathLossCampaign, referenceDistanceMeters: Double = 1, confidenceLevel: Double = 0.95,
        weighting: FitWeighting = .none
    ) throws(PathLossError) {
        let used = campaign.uncensoredLinks
        try self.init(
            distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB),
            referenceDistanceMeters: referenceDistanceMeters,
            frequency: try singleFrequency(of: used), confidenceLevel: confidenceLevel,
            weighting: weighting, censoredCount: campaign.censoredCount, isSynthetic: campaign.isSynthetic)
    }

    /// PG_fit(d) = A − 10·n·log10(d/d0) [dB]; the frequency is ignored (single-frequency model).
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        pathGainDB(distanceMeters: distanceMeters)
    }

    /// PG_fit(d) = A − 10·n·log10(d/d0) [dB] at `distanceMeters` [m] > 0.
    public func pathGainDB(distanceMeters: Double) -> Double {
        intercept.estimate - 10 * pathLossExponent.estimate * log10(distanceMeters / referenceDistanceMeters)
    }

    /// Half-width of the mean-line confidence band at `distanceMeters` [m]: t·σ·sqrt(1/Σw + (x−x̄)²/S_xx) [dB].
    public func meanLineHalfWidthDB(distanceMeters: Double) -> Double {
        let x = Decibels.fromPower(distanceMeters / referenceDistanceMeters)
        return criticalValue * residualStandardErrorDB
            * (1 / weightSum + (x - meanLogDistanceDB) * (x - meanLogDistanceDB) / sumOfSquaresX).squareRoot()
    }

    /// The close-in-with-offset view of this fit (docs/PATHLOSS.md#close-in-models):
    ///
    ///     PL = FSPL(f,d) + L_x + 10·Δn·log10(d/d0),   L_x = −A − FSPL(f,d0),  Δn = n − 2
    ///
    /// - Parameter form: FSPL form (default exact).
    public func closeInWithOffset(form: FreeSpacePathLoss = .exact) -> (offsetDB: Double, exponentDelta: Double) {
        (
            -intercept.estimate - form.lossDB(distanceMeters: referenceDistanceMeters, frequency: frequency),
            pathLossExponent.estimate - 2
        )
    }
}

/// The one carrier frequency shared by `links` (28 GHz if there are none).
///
/// - Throws: `.mixedFrequencies` with the distinct frequencies [GHz] if they differ.
func singleFrequency(of links: [PathLossLink]) throws(PathLossError) -> Frequency {
    guard let first = links.first?.frequencyGHz else { return .campaign28GHz }
    if links.contains(where: { $0.frequencyGHz != first }) {
        throw .mixedFrequencies(frequenciesGHz: Set(links.map(\.frequencyGHz)).sorted())
    }
    return .gigahertz(first)
}

/// Validates that every path gain is finite [dB].
func validateGains(_ gains: [Double], name: String = "pathGainsDB") throws(PathLossError) {
    guard gains.allSatisfy(\.isFinite) else { throw .nonFiniteData(name: name) }
}

/// Validates a confidence level in (0, 1).
func validateLevel(_ level: Double) throws(PathLossError) {
    guard level > 0, level < 1 else {
        throw .parameterOutOfRange(name: "confidenceLevel", value: level, valid: "(0, 1)")
    }
}

/// Validates finite distances ≥ d0 > 0.
func validateDistances(_ distances: [Double], referenceMeters: Double) throws(PathLossError) {
    guard referenceMeters > 0, referenceMeters.isFinite else {
        throw .parameterOutOfRange(name: "referenceDistanceMeters", value: referenceMeters, valid: "> 0")
    }
    for d in distances {
        guard d.isFinite, d > 0 else {
            throw .parameterOutOfRange(name: "distanceMeters", value: d, valid: "finite and > 0")
        }
        if d < referenceMeters { throw .distanceBelowReference(distanceMeters: d, referenceMeters: referenceMeters) }
    }
}

import Foundation
import WirelessCore

/// Link-level (case-resampling) bootstrap of the floating-intercept fit's intercept A and exponent n
/// (docs/PATHLOSS.md#link-bootstrap).
///
///     x_i = −10·log10(d_i/d0),  y_i = PG_i                                        [dB]
///     for b in 1…B: draw N links with replacement (Xoshiro256StarStar(seed:, stream: b)),
///                   n_b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²,  A_b = ȳ − n_b·x̄          (OLS on the resample)
///     interval = [Q_{α/2}, Q_{1−α/2}] of the B estimates (type-7 percentiles); SE = their standard deviation
///
/// Links are treated as independent: with scenario-level effects the spread of n between scenarios is
/// larger, so this interval is the optimistic one (the scenario-cluster bootstrap of `pathloss effects`
/// is the conservative one). Resamples with all distances equal are skipped and counted. The result
/// depends on the seed only, not on the thread count (one stream per resample).
public struct LinkBootstrap: Sendable, Equatable, Codable {
    /// Percentile interval of the intercept A [dB].
    public let intercept: ConfidenceInterval
    /// Bootstrap standard error of A [dB].
    public let interceptStandardError: Double
    /// Percentile interval of the exponent n [dimensionless].
    public let pathLossExponent: ConfidenceInterval
    /// Bootstrap standard error of n [dimensionless].
    public let pathLossExponentStandardError: Double
    /// Resamples that gave a fit (not all distances equal).
    public let successfulResamples: Int
    /// Resamples requested.
    public let requestedResamples: Int

    /// Runs the bootstrap on a campaign's uncensored links.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ d0, finite; at least 3 links.
    ///   - pathGainsDB: PG_i [dB], one per distance, finite.
    ///   - referenceDistanceMeters: d0 [m], > 0 (default 1).
    ///   - resamples: B, 2…100000.
    ///   - seed: Seed of the per-resample streams.
    ///   - confidenceLevel: Level of the percentile intervals, in (0, 1) (default 0.95).
    /// - Throws: `.dimensionMismatch`, `.nonFiniteData`, `.insufficientData` (fewer than 3 links, or fewer than
    ///   2 successful resamples), `.distanceBelowReference`, `.parameterOutOfRange` for B or the level.
    public init(
        distancesMeters: [Double], pathGainsDB: [Double], referenceDistanceMeters: Double = 1, resamples: Int,
        seed: UInt64, confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        let count = distancesMeters.count
        guard pathGainsDB.count == count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: count, got: pathGainsDB.count)
        }
        guard count >= 3 else { throw .insufficientData(needed: 3, got: count) }
        guard pathGainsDB.allSatisfy(\.isFinite) else { throw .nonFiniteData(name: "pathGainsDB") }
        guard (2...Self.maximumResamples).contains(resamples) else {
            throw .parameterOutOfRange(name: "resamples", value: Double(resamples), valid: "2…100000")
        }
        try validateLevel(confidenceLevel)
        try validateDistances(distancesMeters, referenceMeters: referenceDistanceMeters)
        let x = distancesMeters.map { -Decibels.fromPower($0 / referenceDistanceMeters) }
        var intercepts: [Double] = []
        var exponents: [Double] = []
        intercepts.reserveCapacity(resamples)
        exponents.reserveCapacity(resamples)
        var picks = [Int](repeating: 0, count: count)
        for b in 0..<resamples {
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(b))
            for i in 0..<count { picks[i] = Int.random(in: 0..<count, using: &generator) }
            var meanX = 0.0
            var meanY = 0.0
            for i in picks {
                meanX += x[i]
                meanY += pathGainsDB[i]
            }
            meanX /= Double(count)
            meanY /= Double(count)
            var sxx = 0.0
            var sxy = 0.0
            for i in picks {
                let dx = x[i] - meanX
                sxx += dx * dx
                sxy += dx * (pathGainsDB[i] - meanY)
            }
            // All drawn distances equal (only possible for tiny campaigns): the slope is undetermined.
            guard sxx > 0 else { continue }
            let n = sxy / sxx
            exponents.append(n)
            intercepts.append(meanY - n * meanX)
        }
        guard exponents.count >= 2 else { throw .insufficientData(needed: 2, got: exponents.count) }
        func interval(_ values: [Double]) -> ConfidenceInterval {
            let sorted = values.sorted()
            let alpha = 1 - confidenceLevel
            return ConfidenceInterval(
                lower: Statistics.quantile(sorted: sorted, probability: alpha / 2),
                upper: Statistics.quantile(sorted: sorted, probability: 1 - alpha / 2), confidenceLevel: confidenceLevel
            )
        }
        self.intercept = interval(intercepts)
        self.interceptStandardError = Statistics.standardDeviation(intercepts)
        self.pathLossExponent = interval(exponents)
        self.pathLossExponentStandardError = Statistics.standardDeviation(exponents)
        self.successfulResamples = exponents.count
        self.requestedResamples = resamples
    }

    /// Upper limit of B (bounds the run time of a mistyped option).
    public static let maximumResamples = 100_000
}

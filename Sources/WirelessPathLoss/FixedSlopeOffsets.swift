import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Per-group intercepts under a common path-loss exponent, and each group's impact vs a reference
/// (docs/PATHLOSS.md#groups).
///
///     .joint:        PG_i = Σ_g A_g·1[i ∈ g] − 10·n·log10(d_i/d0)   (dummy OLS, common n fitted)
///     .supplied(n):  A_g = mean_{i∈g}(PG_i + 10·n·log10(d_i/d0)),  SE(A_g) = σ/sqrt(N_g),
///                    σ = sqrt(Σ_i e_i²/(N − G))
///     impact_g = A_ref − A_g  [dB]  (positive = extra loss vs the reference group)
public struct FixedSlopeOffsets: Sendable, Equatable, Codable {
    /// How the common slope is obtained.
    public enum Slope: Sendable, Equatable, Codable {
        /// Fitted jointly with the group intercepts.
        case joint
        /// Given n [dimensionless], finite (e.g. the all-data slope, or 2 for free space).
        case supplied(Double)
    }

    /// One group's offset.
    public struct Offset: Sendable, Equatable, Codable {
        /// Group label.
        public var group: String
        /// Links in the group.
        public var count: Int
        /// A_g [dB].
        public var intercept: FittedParameter
        /// A_ref − A_g [dB], with SE and CI (zero for the reference group).
        public var impact: FittedParameter
    }

    /// The common exponent n.
    public let pathLossExponent: FittedParameter
    /// The reference group label.
    public let referenceGroup: String
    /// Offsets, sorted by group label.
    public let offsets: [Offset]
    /// Pooled σ = sqrt(Σe²/(N − G − [1 if joint])) [dB].
    public let residualStandardErrorDB: Double

    /// Fits group offsets with a common slope.
    ///
    /// - Parameters:
    ///   - campaign: Links (uncensored ones are used; links without the attribute are skipped).
    ///   - grouping: The grouping attribute.
    ///   - referenceGroup: Label of the reference group (default: the first label in sort order).
    ///   - slope: `.joint` or `.supplied(n)`.
    ///   - referenceDistanceMeters: d0 [m].
    ///   - confidenceLevel: CI level in (0, 1).
    /// - Throws: `.insufficientData` for an empty group set or too few links; `.parameterOutOfRange` for an unknown
    ///   reference; `.nonFiniteData(name: "slope")` for a NaN/∞ supplied slope; `.mixedFrequencies`.
    public init(
        campaign: PathLossCampaign, groupBy grouping: CampaignGrouping, referenceGroup: String? = nil,
        slope: Slope = .joint, referenceDistanceMeters: Double = 1, confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        try validateLevel(confidenceLevel)
        if case .supplied(let nFixed) = slope, !nFixed.isFinite {
            throw .nonFiniteData(name: "slope")
        }
        let links = campaign.uncensoredLinks.filter { grouping.key(of: $0) != nil }
        _ = try singleFrequency(of: links)
        let labels = Array(Set(links.map { grouping.key(of: $0)! })).sorted()
        guard !labels.isEmpty else { throw .insufficientData(needed: 1, got: 0) }
        let reference = referenceGroup ?? labels[0]
        guard let refIndex = labels.firstIndex(of: reference) else {
            throw .parameterOutOfRange(name: "referenceGroup", value: .nan, valid: labels.joined(separator: "|"))
        }
        try validateDistances(links.map(\.distanceMeters), referenceMeters: referenceDistanceMeters)
        let groupIndex = links.map { labels.firstIndex(of: grouping.key(of: $0)!)! }
        let x = links.map { Decibels.fromPower($0.distanceMeters / referenceDistanceMeters) }
        let y = links.map(\.pathGainDB)
        let g = labels.count
        let n = links.count
        var counts = [Int](repeating: 0, count: g)
        for k in groupIndex { counts[k] += 1 }

        var estimates = [Double](repeating: 0, count: g)
        var covariance = Matrix<Double>(rows: g, columns: g, repeating: 0)
        let exponent: FittedParameter
        let sigma: Double
        switch slope {
        case .joint:
            var design = Matrix<Double>(rows: n, columns: g + 1, repeating: 0)
            for i in 0..<n {
                design[i, groupIndex[i]] = 1
                design[i, g] = -x[i]
            }
            let fit = try regress(design: design, response: y, names: labels + ["n"])
            let t = fit.criticalValue(level: confidenceLevel)
            for a in 0..<g {
                estimates[a] = fit.coefficients[a]
                for b in 0..<g { covariance[a, b] = fit.covariance[a, b] }
            }
            exponent = FittedParameter(
                name: "n", estimate: fit.coefficients[g], standardError: fit.standardErrors[g], criticalValue: t,
                level: confidenceLevel)
            sigma = fit.residualStandardError
        case .supplied(let nFixed):
            guard n > g else { throw .insufficientData(needed: g + 1, got: n) }
            var sums = [Double](repeating: 0, count: g)
            for i in 0..<n { sums[groupIndex[i]] += y[i] + nFixed * x[i] }
            for k in 0..<g { estimates[k] = sums[k] / Double(counts[k]) }
            var sse = 0.0
            for i in 0..<n {
                let e = y[i] + nFixed * x[i] - estimates[groupIndex[i]]
                sse += e * e
            }
            sigma = (sse / Double(n - g)).squareRoot()
            for k in 0..<g { covariance[k, k] = sigma * sigma / Double(counts[k]) }
            exponent = FittedParameter(
                name: "n", estimate: nFixed, standardError: 0, criticalValue: 0, level: confidenceLevel)
        }
        let dof = Double(n - g - (slope == .joint ? 1 : 0))
        let t = StudentTDistribution(degreesOfFreedom: max(dof, 1)).quantile((1 + confidenceLevel) / 2)
        var offsets: [Offset] = []
        for k in 0..<g {
            let seA = covariance[k, k].squareRoot()
            let varImpact = covariance[refIndex, refIndex] + covariance[k, k] - 2 * covariance[refIndex, k]
            offsets.append(
                Offset(
                    group: labels[k], count: counts[k],
                    intercept: FittedParameter(
                        name: "A_\(labels[k])", estimate: estimates[k], standardError: seA, criticalValue: t,
                        level: confidenceLevel),
                    impact: FittedParameter(
                        name: "impact_\(labels[k])", estimate: estimates[refIndex] - estimates[k],
                        standardError: max(varImpact, 0).squareRoot(), criticalValue: t, level: confidenceLevel)))
        }
        self.pathLossExponent = exponent
        self.referenceGroup = reference
        self.offsets = offsets
        self.residualStandardErrorDB = sigma
    }
}

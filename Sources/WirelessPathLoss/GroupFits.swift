import Foundation

/// Per-group floating-intercept fits and the gap between two groups' models (docs/PATHLOSS.md#groups).
///
///     Δ(d) = PG_g1(d) − PG_g2(d) = (A1 − A2) − 10·(n1 − n2)·log10(d/d0)
///     gap  = mean of Δ(d) for d uniform on the overlap [max(a1, a2, d_thr), min(b1, b2)]
///     E[log10 d], d ~ U[a, b] = (b·ln b − b − a·ln a + a) / ((b − a)·ln 10)
public struct GroupFits: Sendable, Equatable, Codable {
    /// One group's fit.
    public struct Entry: Sendable, Equatable, Codable {
        /// The group label.
        public var group: String
        /// The group's FI fit.
        public var fit: FloatingInterceptFit
    }

    /// The attribute used for grouping.
    public let grouping: CampaignGrouping
    /// One entry per group, sorted by label.
    public let entries: [Entry]

    /// Fits FI separately to each group's uncensored links; links without the attribute are skipped.
    ///
    /// - Throws: `.missingGroupingColumn` if no link has the attribute; `.insufficientData` if any group has
    ///   fewer than 3 links.
    public init(
        campaign: PathLossCampaign, groupBy grouping: CampaignGrouping, referenceDistanceMeters: Double = 1,
        confidenceLevel: Double = 0.95, weighting: FitWeighting = .none
    ) throws(PathLossError) {
        var buckets: [String: [PathLossLink]] = [:]
        for link in campaign.links {
            if let key = grouping.key(of: link) { buckets[key, default: []].append(link) }
        }
        guard !buckets.isEmpty else { throw .missingGroupingColumn(name: grouping.rawValue, file: campaign.source) }
        var entries: [Entry] = []
        for key in buckets.keys.sorted() {
            let sub = PathLossCampaign(links: buckets[key]!, isSynthetic: campaign.isSynthetic, source: campaign.source)
            entries.append(
                Entry(
                    group: key,
                    fit: try FloatingInterceptFit(
                        campaign: sub, referenceDistanceMeters: referenceDistanceMeters,
                        confidenceLevel: confidenceLevel, weighting: weighting)))
        }
        self.grouping = grouping
        self.entries = entries
    }

    /// The fit of `group`, if present.
    public subscript(group: String) -> FloatingInterceptFit? { entries.first { $0.group == group }?.fit }

    /// Mean gap PG_first(d) − PG_second(d) [dB] over the groups' common distance range.
    ///
    /// - Parameters:
    ///   - first: Fit of group 1.
    ///   - second: Fit of group 2 (same d0).
    ///   - minimumDistanceMeters: Optional lower limit d_thr [m].
    /// - Throws: `.noCommonDistanceRange` when the ranges (above d_thr) do not overlap.
    public static func gapDB(
        _ first: FloatingInterceptFit, _ second: FloatingInterceptFit, minimumDistanceMeters: Double? = nil
    ) throws(PathLossError) -> Double {
        let a = max(
            first.distanceRangeMeters.lowerBound, second.distanceRangeMeters.lowerBound, minimumDistanceMeters ?? 0)
        let b = min(first.distanceRangeMeters.upperBound, second.distanceRangeMeters.upperBound)
        guard b > a else { throw .noCommonDistanceRange }
        let d0 = first.referenceDistanceMeters
        let meanLog = meanLog10Uniform(lower: a, upper: b) - log10(d0)
        return (first.intercept.estimate - second.intercept.estimate)
            - 10 * (first.pathLossExponent.estimate - second.pathLossExponent.estimate) * meanLog
    }
}

/// E[log10 d] for d uniform on [a, b], 0 < a ≤ b [m].
func meanLog10Uniform(lower a: Double, upper b: Double) -> Double {
    if b - a < 1e-12 * b { return log10(a) }
    return (b * log(b) - b - a * log(a) + a) / ((b - a) * log(10))
}

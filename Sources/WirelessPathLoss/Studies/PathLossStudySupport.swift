import Foundation
import WirelessCore

/// Shared wording and grids of the path-loss studies.
enum PathLossStudyText {
    /// A number with `digits` decimals (tables keep full precision; this is for summaries and titles).
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    /// The provenance label for titles: "SYNTHETIC replica" or the file name.
    static func provenance(_ campaign: PathLossCampaign) -> String {
        campaign.isSynthetic ? "SYNTHETIC replica" : URL(fileURLWithPath: campaign.source).lastPathComponent
    }

    /// `count + 1` distances spaced evenly in log10 from `lower` to `upper` [m].
    static func logGrid(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
        (0...count).map { lower * pow(upper / lower, Double($0) / Double(count)) }
    }

    /// Empirical CDF levels (i + 1)/n of `n` sorted samples.
    static func ecdfLevels(_ n: Int) -> [Double] {
        (0..<n).map { Double($0 + 1) / Double(n) }
    }
}

extension FittedParameter {
    /// Estimate, standard error and interval bounds as four cells (four missing cells for nil).
    static func cells(_ p: FittedParameter?) -> [StudyCell] {
        guard let p else { return Array(repeating: .real(nil), count: 4) }
        return [p.estimate, p.standardError, p.confidenceInterval.lower, p.confidenceInterval.upper].map { .real($0) }
    }
}

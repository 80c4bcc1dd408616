import Foundation

/// The paper's headline aggregates computed on a campaign, beside the published values
/// (docs/PATHLOSS.md#published-aggregates).
///
/// all-data FI fit → excess loss beyond 50 m (`.model`), RMS fitting error RMSE_N; per-glass FI fits →
/// glass gap over the common range; feature regression → effects (CR1 by scenario); maximum spread
/// (max − min in ±10 % distance windows with ≥ 10 links).
public struct CampaignSummary: Sendable, Equatable, Codable {
    /// The paper's published values (Kohli et al., arXiv:2205.09436, abstract).
    public enum Published {
        /// Links measured (> 2,200).
        public static let linkCount = 2200
        /// Scenarios.
        public static let scenarioCount = 43
        /// Buildings.
        public static let buildingCount = 7
        /// Average excess loss over free space beyond 50 m [dB].
        public static let excessLossDB = 30.0
        /// RMS fitting error of the all-data fit [dB].
        public static let rmsErrorDB = 11.7
        /// Difference between low- and high-loss glass models [dB].
        public static let glassGapDB = 20.0
        /// Range of each environmental feature's impact [dB].
        public static let featureEffectRangeDB: ClosedRange<Double> = 5...10
        /// Maximum spread at a given distance [dB].
        public static let maximumSpreadDB = 40.0
        /// The paper's figure for a feature effect of `pathloss effects` / the summary, by effect name: the glass gap
        /// for `high_loss`, "5–10" for scaffolding, foliage and the elevated subway, "5–10 (magnitude)" for floor
        /// dummies (the paper gives the size of the floor-height effect, not its sign; a user's campaign may
        /// show higher floors with less loss), and "" for effects the paper does not report.
        public static func effectText(_ name: String) -> String {
            switch name {
            case "high_loss": "20 (glass gap)"
            case "scaffolding", "foliage", "elevated_subway": "5–10"
            case _ where name == "floor" || name.hasPrefix("floor_"): "5–10 (magnitude)"
            default: ""
            }
        }
        /// High-loss glass: 500 Mbps to 90 % of UEs up to this BS distance [m].
        public static let highLoss500MbpsDistanceMeters = 49.0
        /// Low-loss school with LOS: > 2.5 Gbps at 68 m and > 1.2 Gbps at 175 m.
        public static let schoolRates: [(rateBitsPerSecond: Double, distanceMeters: Double)] = [
            (2.5e9, 68), (1.2e9, 175),
        ]
    }

    /// Links, scenarios, buildings, censored links.
    public var linkCount: Int
    public var scenarioCount: Int
    public var buildingCount: Int
    public var censoredCount: Int
    /// The all-data FI fit.
    public var allDataFit: FloatingInterceptFit
    /// Average excess loss beyond 50 m [dB] (averaged as `excessLossAveraging`); nil when no fitted link lies
    /// beyond 50 m.
    public var excessLossDB: Double?
    /// How `excessLossDB` was averaged (`.model` by default, as the paper's fitted-line figure).
    public var excessLossAveraging: ExcessLoss.Averaging
    /// RMSE_N of the all-data fit [dB].
    public var rmsErrorDB: Double
    /// Glass gap PG_low − PG_high over the common range [dB], nil without both glass types.
    public var glassGapDB: Double?
    /// Feature-regression effects [dB] (positive = extra loss), nil without feature columns.
    public var featureRegression: FeatureRegression?
    /// The widest spread window.
    public var maximumSpread: DistanceSpread?
    /// Whether the data were synthetic.
    public var isSynthetic: Bool

    /// Computes the summary.
    ///
    /// - Parameters:
    ///   - campaign: The links.
    ///   - referenceDistanceMeters: d0 of every log-distance fit [m], > 0 and ≤ every distance (default 1).
    ///   - excessLossAveraging: `.model` (default: the fitted line averaged over distance), `.modelLogUniform`
    ///     or `.dataPoints` (the mean of the measured links' excess loss beyond 50 m).
    /// - Throws: Errors of the all-data fit (`.insufficientData`, `.distanceBelowReference`, ...). Analyses that
    ///   do not apply (missing columns, no link beyond 50 m for the excess loss) are left nil rather than thrown.
    public init(
        campaign: PathLossCampaign, referenceDistanceMeters: Double = 1,
        excessLossAveraging: ExcessLoss.Averaging = .model
    ) throws(PathLossError) {
        linkCount = campaign.links.count
        scenarioCount = campaign.scenarioIDs.count
        buildingCount = campaign.buildingIDs.count
        censoredCount = campaign.censoredCount
        allDataFit = try FloatingInterceptFit(campaign: campaign, referenceDistanceMeters: referenceDistanceMeters)
        let used = campaign.uncensoredLinks
        self.excessLossAveraging = excessLossAveraging
        do {
            excessLossDB = try ExcessLoss.averageDB(
                fit: allDataFit, averaging: excessLossAveraging, distancesMeters: used.map(\.distanceMeters),
                pathGainsDB: used.map(\.pathGainDB))
        } catch .insufficientData {
            excessLossDB = nil
        }
        rmsErrorDB = allDataFit.rmsErrorDB
        if let groups = try? GroupFits(
            campaign: campaign, groupBy: .glassType, referenceDistanceMeters: referenceDistanceMeters),
            let low = groups[GlassType.lowLoss.rawValue], let high = groups[GlassType.highLoss.rawValue]
        {
            glassGapDB = try? GroupFits.gapDB(low, high)
        } else {
            glassGapDB = nil
        }
        featureRegression = try? FeatureRegression(campaign: campaign, referenceDistanceMeters: referenceDistanceMeters)
        maximumSpread = try? DistanceSpread.maximum(
            distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB))
        isSynthetic = campaign.isSynthetic
    }
}

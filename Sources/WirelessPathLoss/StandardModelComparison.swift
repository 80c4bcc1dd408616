import Foundation

/// Standard and empirical models evaluated at their mean on each link, scored against the data
/// (docs/PATHLOSS.md#standard-model-comparison).
///
///     e_i = PG_i − PG_model(link_i);  bias = mean e;  RMSE = sqrt(mean e²);  std = sqrt(RMSE² − bias²)   [dB]
///
/// Per-link defaults (project choice, docs/PATHLOSS.md#standard-model-comparison): UMi street canyon, h_BS = 10 m (or
/// `tx_height_m`),
/// h_UT = 3·(floor − 1) + 1.5 m (or `rx_height_m`), d3D = distance_m, d2D = sqrt(d3D² − (h_BS − h_UT)²),
/// unknown LOS → NLOS, glass type selects the O2I wall model, PL_in = 0.5·25/3 dB; P.2109 uses
/// FSPL + L_BEL(p = 50 %), low_loss → traditional, high_loss → thermally efficient, θ = atan((h_BS − h_UT)/d2D).
/// Censored links and links outside a model's validity are excluded and counted.
public struct StandardModelComparison: Sendable, Equatable, Codable {
    /// A scored model.
    public struct Row: Sendable, Equatable, Codable {
        /// Model name.
        public var model: String
        /// RMSE [dB].
        public var rmseDB: Double
        /// Mean of data − model [dB] (positive: data stronger than the model).
        public var biasDB: Double
        /// De-biased standard deviation sqrt(RMSE² − bias²) [dB].
        public var debiasedStandardDeviationDB: Double
        /// Links scored.
        public var usedCount: Int
        /// Links excluded (censored, missing attributes, outside validity).
        public var excludedCount: Int
    }

    /// Per-link evaluation options.
    public struct Options: Sendable, Equatable, Codable {
        /// Street model for PL_b (default UMi street canyon).
        public var streetModel: ThreeGPPStreetPathLoss = .urbanMicroStreetCanyon
        /// Default BS height h_BS when `tx_height_m` is absent [m], > 1 (TR 38.901 needs h_BS > h_E = 1 m;
        /// links with a smaller value are excluded as outside validity). Default 10.
        public var baseStationHeightMeters: Double = 10
        /// IRR glass release for the high-loss wall (default `.r17`).
        public var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17
        /// FSPL form for free space and P.2109 (default exact).
        public var freeSpaceForm: FreeSpacePathLoss = .exact
        /// P.2109 probability p [% not exceeded], in the open interval (0, 100) (default 50, the median);
        /// outside it every P.2109 prediction is excluded.
        public var p2109ProbabilityPercent: Double = 50

        public init() {}
    }

    /// One row per model: free space, 38.901 O2I, P.2109, then the supplied fits.
    public let rows: [Row]
    /// Whether the data were synthetic.
    public let isSynthetic: Bool

    /// Scores free space, TR 38.901 O2I, P.2109 and `fits` on the campaign's uncensored links.
    public init(campaign: PathLossCampaign, fits: [any PathGainModel] = [], options: Options = Options()) {
        var rows: [Row] = []
        let links = campaign.links
        rows.append(Self.score("free space", links) { Self.freeSpaceGainDB($0, options) })
        rows.append(
            Self.score("TR 38.901 O2I (\(options.streetModel.rawValue), IRR \(options.irrRelease.rawValue))", links) {
                Self.threeGPPGainDB($0, options)
            })
        rows.append(
            Self.score("ITU-R P.2109 (p = \(options.p2109ProbabilityPercent) %)", links) {
                Self.p2109GainDB($0, options)
            })
        for fit in fits {
            rows.append(
                Self.score(fit.modelName, links) { link in
                    fit.pathGainDB(distanceMeters: link.distanceMeters, frequency: .gigahertz(link.frequencyGHz))
                })
        }
        self.rows = rows
        self.isSynthetic = campaign.isSynthetic
    }

    /// Free-space path gain for a link [dB].
    public static func freeSpaceGainDB(_ link: PathLossLink, _ options: Options) -> Double? {
        options.freeSpaceForm.gainDB(distanceMeters: link.distanceMeters, frequency: .gigahertz(link.frequencyGHz))
    }

    /// (h_BS, h_UT, d2D) for a link, or nil if the geometry is impossible.
    static func geometry(_ link: PathLossLink, _ options: Options) -> (hBS: Double, hUT: Double, d2D: Double)? {
        let hBS = link.txHeightMeters ?? options.baseStationHeightMeters
        guard let hUT = link.rxHeightMeters ?? link.floor.map({ 3 * Double($0 - 1) + 1.5 }) else { return nil }
        let dh = hBS - hUT
        let squared = link.distanceMeters * link.distanceMeters - dh * dh
        guard squared > 0 else { return nil }
        return (hBS, hUT, squared.squareRoot())
    }

    /// Mean TR 38.901 O2I path gain −(PL_b + PL_tw + PL_in) for a link [dB], nil if excluded.
    public static func threeGPPGainDB(_ link: PathLossLink, _ options: Options) -> Double? {
        guard let glass = link.glassType, let g = geometry(link, options) else { return nil }
        let f = Frequency.gigahertz(link.frequencyGHz)
        guard
            let base = try? options.streetModel.basicLoss(
                distance3DMeters: link.distanceMeters, distance2DMeters: g.d2D, frequency: f,
                baseStationHeightMeters: g.hBS, userHeightMeters: g.hUT, lineOfSight: link.lineOfSight ?? false),
            let penetration = try? O2IBuildingPenetration(building: .init(glass), irrRelease: options.irrRelease)
                .meanPenetrationLossDB(frequency: f)
        else { return nil }
        return -(base.lossDB + penetration)
    }

    /// P.2109 path gain −(FSPL + L_BEL(p)) for a link [dB], nil if excluded.
    public static func p2109GainDB(_ link: PathLossLink, _ options: Options) -> Double? {
        guard let glass = link.glassType else { return nil }
        var elevation = 0.0
        if let g = geometry(link, options) {
            elevation = atan((g.hBS - g.hUT) / g.d2D) * 180 / Double.pi
        }
        let f = Frequency.gigahertz(link.frequencyGHz)
        guard
            let bel = try? BuildingEntryLossP2109(glass).lossDB(
                frequency: f, probabilityPercent: options.p2109ProbabilityPercent, elevationDegrees: elevation)
        else { return nil }
        return -(options.freeSpaceForm.lossDB(distanceMeters: link.distanceMeters, frequency: f) + bel)
    }

    private static func score(_ name: String, _ links: [PathLossLink], _ model: (PathLossLink) -> Double?) -> Row {
        var sum = 0.0
        var sumSquares = 0.0
        var used = 0
        var excluded = 0
        for link in links {
            guard !link.isCensored, let prediction = model(link), prediction.isFinite else {
                excluded += 1
                continue
            }
            let e = link.pathGainDB - prediction
            sum += e
            sumSquares += e * e
            used += 1
        }
        guard used > 0 else {
            return Row(
                model: name, rmseDB: .nan, biasDB: .nan, debiasedStandardDeviationDB: .nan, usedCount: 0,
                excludedCount: excluded)
        }
        let bias = sum / Double(used)
        let rmse = (sumSquares / Double(used)).squareRoot()
        return Row(
            model: name, rmseDB: rmse, biasDB: bias,
            debiasedStandardDeviationDB: max(rmse * rmse - bias * bias, 0).squareRoot(),
            usedCount: used, excludedCount: excluded)
    }
}

import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Log-distance regression with categorical environmental features (docs/PATHLOSS.md#feature-regression).
///
///     PG_i = A − 10·n·log10(d_i/d0) + Σ_k β_k·x_ik + e_i                          [dB]
///     x_ik ∈ {0, 1}: high_loss (vs low_loss), scaffolding, foliage, elevated_subway,
///     floor: dummies for each floor vs the lowest (categorical) or floor − 1 (numeric)
///     effect_k = −β_k [dB] (positive = extra loss), SE and CI with t
///
/// Features are scenario-level, so the default covariance is cluster-robust by scenario (CR1, t with G − 1
/// dof); `.classical` uses σ²(XᵀX)⁻¹ with N − p dof. Solved by QR (`LinearRegression`).
public struct FeatureRegression: Sendable, Equatable, Codable {
    /// A binary scenario feature.
    public enum Feature: String, Sendable, Equatable, Codable, CaseIterable {
        case highLossGlass = "high_loss"
        case scaffolding
        case foliage
        case elevatedSubway = "elevated_subway"

        func value(_ link: PathLossLink) -> Bool? {
            switch self {
            case .highLossGlass: return link.glassType.map { $0 == .highLoss }
            case .scaffolding: return link.scaffolding
            case .foliage: return link.foliage
            case .elevatedSubway: return link.elevatedSubway
            }
        }

        var column: String {
            switch self {
            case .highLossGlass: return "glass_type"
            default: return rawValue
            }
        }
    }

    /// How floor enters the regression.
    public enum FloorEncoding: String, Sendable, Equatable, Codable {
        /// One dummy per floor above the lowest (default).
        case categorical
        /// One slope per floor step (floor − lowest floor).
        case numeric
        /// Floor not included.
        case excluded
    }

    /// Covariance estimator of the coefficients.
    public enum Covariance: String, Sendable, Equatable, Codable, CaseIterable {
        /// CR1 by scenario_id (default).
        case clusterRobust = "cluster-robust"
        /// Classical σ²(XᵀX)⁻¹.
        case classical
    }

    /// Intercept A [dB].
    public let intercept: FittedParameter
    /// Common path-loss exponent n.
    public let pathLossExponent: FittedParameter
    /// Feature effects −β_k [dB] (positive = extra loss), in design order (features, then floors).
    public let effects: [FittedParameter]
    /// RMSE_N of the regression [dB].
    public let rmsErrorDB: Double
    /// Links used.
    public let usedCount: Int
    /// Number of clusters (scenarios) for CR1, nil for classical.
    public let clusterCount: Int?
    /// The covariance estimator used.
    public let covariance: Covariance
    /// Whether the data were synthetic.
    public let isSynthetic: Bool

    /// Fits the feature regression to a campaign's uncensored links.
    ///
    /// - Parameters:
    ///   - campaign: Links with the feature columns (and scenario_id for `.clusterRobust`).
    ///   - features: Binary features to include (default all four).
    ///   - floor: Floor encoding (default categorical vs the lowest floor).
    ///   - covariance: `.clusterRobust` (default) or `.classical`.
    ///   - referenceDistanceMeters: d0 [m].
    ///   - confidenceLevel: CI level in (0, 1).
    /// - Throws: `.invalidCategory` for a link missing a feature (or scenario_id for CR1; `line` is then the 1-based
    ///   index among the uncensored links, since campaigns read from files were already checked line by line),
    ///   `.rankDeficient(columns:)`
    ///   for a constant or collinear feature, `.insufficientData`.
    public init(
        campaign: PathLossCampaign, features: [Feature] = Feature.allCases, floor: FloorEncoding = .categorical,
        covariance: Covariance = .clusterRobust, referenceDistanceMeters: Double = 1, confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        try validateLevel(confidenceLevel)
        let links = campaign.uncensoredLinks
        _ = try singleFrequency(of: links)
        try validateDistances(links.map(\.distanceMeters), referenceMeters: referenceDistanceMeters)
        let (rows, names) = try Self.designRows(
            links: links, source: campaign.source, features: features, floor: floor,
            referenceDistanceMeters: referenceDistanceMeters)
        guard rows.count > names.count else { throw .insufficientData(needed: names.count + 1, got: rows.count) }
        let design = Matrix(rowMajor: rows)
        let estimator: LinearRegression.CovarianceEstimator
        switch covariance {
        case .classical:
            estimator = .classical
        case .clusterRobust:
            var labelIndex: [String: Int] = [:]
            var labels: [Int] = []
            for (index, link) in links.enumerated() {
                guard let s = link.scenarioID, !s.isEmpty else {
                    throw .invalidCategory(file: campaign.source, line: index + 1, column: "scenario_id", value: "")
                }
                if labelIndex[s] == nil { labelIndex[s] = labelIndex.count }
                labels.append(labelIndex[s]!)
            }
            estimator = .clusterRobust(clusterLabels: labels)
        }
        let fit = try regress(design: design, response: links.map(\.pathGainDB), names: names, covariance: estimator)
        let t = fit.criticalValue(level: confidenceLevel)
        func parameter(_ j: Int, sign: Double) -> FittedParameter {
            FittedParameter(
                name: names[j], estimate: sign * fit.coefficients[j], standardError: fit.standardErrors[j],
                criticalValue: t, level: confidenceLevel)
        }
        self.intercept = parameter(0, sign: 1)
        self.pathLossExponent = parameter(1, sign: 1)
        self.effects = (2..<names.count).map { parameter($0, sign: -1) }
        self.rmsErrorDB = (fit.residuals.reduce(0) { $0 + $1 * $1 } / Double(rows.count)).squareRoot()
        self.usedCount = rows.count
        self.clusterCount = fit.clusterCount
        self.covariance = covariance
        self.isSynthetic = campaign.isSynthetic
    }

    /// Design rows (1, −10·log10(d/d0), features…, floor columns) and column names for `links`.
    ///
    /// - Throws: `.invalidCategory` for a link missing a feature or floor.
    static func designRows(
        links: [PathLossLink], source: String, features: [Feature], floor: FloorEncoding,
        referenceDistanceMeters: Double
    ) throws(PathLossError) -> (rows: [[Double]], names: [String]) {
        var rows: [[Double]] = []
        rows.reserveCapacity(links.count)
        var names = ["A", "n"] + features.map(\.rawValue)
        var floors: [Int] = []
        for (index, link) in links.enumerated() {
            var row = [1.0, -Decibels.fromPower(link.distanceMeters / referenceDistanceMeters)]
            for feature in features {
                guard let v = feature.value(link) else {
                    throw .invalidCategory(file: source, line: index + 1, column: feature.column, value: "")
                }
                row.append(v ? 1 : 0)
            }
            if floor != .excluded {
                guard let f = link.floor else {
                    throw .invalidCategory(file: source, line: index + 1, column: "floor", value: "")
                }
                floors.append(f)
            }
            rows.append(row)
        }
        if floor != .excluded, let lowest = floors.min() {
            let levels = Array(Set(floors)).sorted().filter { $0 != lowest }
            switch floor {
            case .categorical:
                names += levels.map { "floor_\($0)" }
                for i in rows.indices {
                    rows[i] += levels.map { floors[i] == $0 ? 1 : 0 }
                }
            case .numeric:
                names.append("floor_step")
                for i in rows.indices { rows[i].append(Double(floors[i] - lowest)) }
            case .excluded:
                break
            }
        }
        return (rows, names)
    }

    /// The effect named `name` (e.g. "high_loss", "floor_3"), if fitted.
    public func effect(named name: String) -> FittedParameter? { effects.first { $0.name == name } }
}

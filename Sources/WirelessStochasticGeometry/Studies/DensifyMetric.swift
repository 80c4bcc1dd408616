import Foundation

/// A metric of a densification sweep (docs/DENSIFICATION.md#metrics).
public enum DensifyMetric: String, Sendable, Equatable, Codable, CaseIterable {
    /// Coverage probability P_c(λ, T) = P(SINR > T) [probability].
    case coverage
    /// Mean spectral efficiency R(λ) = E ln(1 + SINR) [nat/s/Hz or bit/s/Hz].
    case rate
    /// Coverage density D_c = λ P_c [covered links per unit area].
    case coverageDensity = "coverage-density"
    /// Area spectral efficiency ASE = λ R [nat/s/Hz or bit/s/Hz per unit area].
    case ase

    /// Whether the metric has one value per threshold (coverage, coverage density).
    public var isPerThreshold: Bool { self == .coverage || self == .coverageDensity }

    /// The metric in words, for titles.
    public var title: String {
        switch self {
        case .coverage: "Coverage probability"
        case .rate: "Mean rate"
        case .coverageDensity: "Coverage density"
        case .ase: "ASE"
        }
    }

    /// The y-axis label with the metric's unit (as in the table's `unit` column).
    /// - Parameter area: the area of densities in words ("unit area", "km²").
    public func axisLabel(_ rateUnit: RateUnit, area: String = "unit area") -> String {
        switch self {
        case .coverage: "Coverage probability P(SINR > T)"
        case .rate: "Mean rate [\(rateUnit.symbol)]"
        case .coverageDensity: "Coverage density λ·P_c [links per \(area)]"
        case .ase: "ASE λ·R [\(rateUnit.symbol) per \(area)]"
        }
    }

    /// Whether the metric is drawn on a log y axis (the densities grow over decades).
    var usesLogAxis: Bool { self == .coverageDensity || self == .ase }
}

/// The unit of rates: nats (natural log) or bits (log2).
public enum RateUnit: String, Sendable, Equatable, Codable, CaseIterable {
    /// ln(1 + SINR) [nat/s/Hz].
    case nats
    /// log2(1 + SINR) [bit/s/Hz] = nats / ln 2.
    case bits

    /// The factor from nats to this unit: 1 or 1/ln 2.
    public var scale: Double { self == .bits ? 1 / M_LN2 : 1 }

    /// The unit as written in tables: "nat/s/Hz" or "bit/s/Hz".
    public var symbol: String { self == .bits ? "bit/s/Hz" : "nat/s/Hz" }
}

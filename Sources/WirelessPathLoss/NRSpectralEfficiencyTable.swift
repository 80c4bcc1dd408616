import Foundation
import WirelessCore

/// NR modulation-and-coding tables as (Q_m, R×1024) pairs, with derived spectral efficiency
/// (docs/PATHLOSS.md#coverage).
///
///     SE_k = Q_m·R/1024 [bit/s/Hz];  T_k = 10·log10(2^SE_k − 1) + Γ  [dB], Γ = 3 dB (project choice)
///
/// SE is derived from (Q_m, R), never copied, because public copies of the tables carry typos.
public enum NRSpectralEfficiencyTable: String, Sendable, Equatable, Codable, CaseIterable {
    /// TS 38.214 Table 5.2.2.1-3 (CQI table 2, up to 256QAM) — default.
    case cqiTable2 = "38.214-5.2.2.1-3"
    /// TS 38.214 Table 5.2.2.1-2 (CQI table 1, up to 64QAM).
    case cqiTable1 = "38.214-5.2.2.1-2"
    /// TS 38.214 Table 5.1.3.1-2 (MCS index table 2, up to 256QAM).
    case mcsTable2 = "38.214-5.1.3.1-2"

    /// The (modulation order Q_m, code rate R×1024) entries in table order.
    public var entries: [(modulationOrder: Int, rateTimes1024: Double)] {
        switch self {
        case .cqiTable2:
            return [
                (2, 78), (2, 193), (2, 449), (4, 378), (4, 490), (4, 616), (6, 466), (6, 567), (6, 666),
                (6, 772), (6, 873), (8, 711), (8, 797), (8, 885), (8, 948),
            ]
        case .cqiTable1:
            return [
                (2, 78), (2, 120), (2, 193), (2, 308), (2, 449), (2, 602), (4, 378), (4, 490), (4, 616),
                (6, 466), (6, 567), (6, 666), (6, 772), (6, 873), (6, 948),
            ]
        case .mcsTable2:
            return [
                (2, 120), (2, 193), (2, 308), (2, 449), (2, 602), (4, 378), (4, 434), (4, 490), (4, 553),
                (4, 616), (4, 658), (6, 466), (6, 517), (6, 567), (6, 616), (6, 666), (6, 719), (6, 772),
                (6, 822), (6, 873), (8, 682.5), (8, 711), (8, 754), (8, 797), (8, 841), (8, 885), (8, 916.5),
                (8, 948),
            ]
        }
    }

    /// Spectral efficiencies SE_k = Q_m·R/1024 [bit/s/Hz], strictly increasing.
    public var spectralEfficiencies: [Double] { entries.map { Double($0.modulationOrder) * $0.rateTimes1024 / 1024 } }

    /// SNR thresholds T_k [dB] for an implementation gap `gapDB` (default 3 dB).
    public func thresholdsDB(gapDB: Double = 3) -> [Double] {
        spectralEfficiencies.map { Decibels.fromPower(pow(2, $0) - 1) + gapDB }
    }
}

import Foundation
import WirelessCore

/// SNR → data-rate mapping (docs/PATHLOSS.md#coverage).
///
///     .shannon:            R = B·log2(1 + snr)
///     .attenuatedShannon:  R = 0 for SNR < −10 dB, else B·min(0.6·log2(1 + snr), 4.4)   (TR 36.942 Annex A, DL)
///     .nrTable:            R = B·(1 − OH)·max{SE_k : SNR ≥ T_k}  (0 if none),  T_k = 10·log10(2^SE_k − 1) + Γ
///
/// snr is linear (10^(SNR/10)); B is the bandwidth [Hz], > 0; rates are in bit/s.
public enum RateMapping: Sendable, Equatable, Codable {
    /// Shannon capacity B·log2(1 + snr) [bit/s]; no floor, no cap.
    case shannon
    /// Attenuated Shannon (TR 36.942 Annex A, downlink): α = 0.6, floor SNR_min = −10 dB (rate 0 below),
    /// cap 4.4 bit/s/Hz.
    case attenuatedShannon
    /// An NR CQI/MCS table (TS 38.214) with implementation gap Γ [dB], finite (default 3), and overhead
    /// OH [fraction] in [0, 1) (default 0).
    case nrTable(NRSpectralEfficiencyTable, gapDB: Double = 3, overhead: Double = 0)

    /// The mapping's kebab-case name: `shannon`, `attenuated-shannon` or `nr-table` (as `wtk pathloss coverage
    /// --rate` takes it and a run records it).
    public var name: String {
        switch self {
        case .shannon: "shannon"
        case .attenuatedShannon: "attenuated-shannon"
        case .nrTable: "nr-table"
        }
    }

    /// Checks the mapping's parameters.
    ///
    /// - Throws: `.parameterOutOfRange` for an NR overhead outside [0, 1) or a non-finite gap.
    public func validate() throws(PathLossError) {
        guard case .nrTable(_, let gap, let overhead) = self else { return }
        guard overhead >= 0, overhead < 1 else {
            throw .parameterOutOfRange(name: "overhead", value: overhead, valid: "[0, 1)")
        }
        guard gap.isFinite else { throw .parameterOutOfRange(name: "gapDB", value: gap, valid: "finite") }
    }

    /// The rate [bit/s] at `snrDB` [dB] over `bandwidthHz` [Hz], > 0.
    public func rateBitsPerSecond(snrDB: Double, bandwidthHz: Double) -> Double {
        let snr = Decibels.toPower(snrDB)
        switch self {
        case .shannon:
            return bandwidthHz * log2(1 + snr)
        case .attenuatedShannon:
            guard snrDB >= -10 else { return 0 }
            return bandwidthHz * min(0.6 * log2(1 + snr), 4.4)
        case .nrTable(let table, let gap, let overhead):
            var best = 0.0
            for (se, threshold) in zip(table.spectralEfficiencies, table.thresholdsDB(gapDB: gap))
            where snrDB >= threshold {
                best = max(best, se)
            }
            return bandwidthHz * (1 - overhead) * best
        }
    }

    /// The smallest SNR [dB] at which the rate reaches `rateBitsPerSecond` [bit/s] over `bandwidthHz` [Hz], > 0,
    /// or nil if unreachable.
    ///
    ///     Shannon: 2^(R/B) − 1;  attenuated: 2^(R/(0.6B)) − 1 if R/B ≤ 4.4 (and ≥ −10 dB);
    ///     NR: T_k of the smallest SE_k ≥ R/(B(1 − OH))
    public func requiredSNRDB(rateBitsPerSecond rate: Double, bandwidthHz: Double) -> Double? {
        let normalized = rate / bandwidthHz
        switch self {
        case .shannon:
            return 10 * log10(pow(2, normalized) - 1)
        case .attenuatedShannon:
            guard normalized <= 4.4 else { return nil }
            return max(Decibels.fromPower(pow(2, normalized / 0.6) - 1), -10)
        case .nrTable(let table, let gap, let overhead):
            let needed = normalized / (1 - overhead)
            for (se, threshold) in zip(table.spectralEfficiencies, table.thresholdsDB(gapDB: gap)) where se >= needed {
                return threshold
            }
            return nil
        }
    }
}

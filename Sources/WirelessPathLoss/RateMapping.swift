import Foundation

/// SNR → data-rate mapping (spec §2.14).
///
///     .shannon:            R = B·log2(1 + snr)
///     .attenuatedShannon:  R = 0 for SNR < −10 dB, else B·min(0.6·log2(1 + snr), 4.4)   (TR 36.942 Annex A, DL)
///     .nrTable:            R = B·(1 − OH)·max{SE_k : SNR ≥ T_k}  (0 if none)
public enum RateMapping: Sendable, Equatable, Codable {
    case shannon
    case attenuatedShannon
    /// An NR table with implementation gap Γ [dB] and overhead OH in [0, 1).
    case nrTable(NRSpectralEfficiencyTable, gapDB: Double = 3, overhead: Double = 0)

    /// The rate [bit/s] at `snrDB` [dB] over `bandwidthHz` [Hz].
    public func rateBitsPerSecond(snrDB: Double, bandwidthHz: Double) -> Double {
        let snr = pow(10, snrDB / 10)
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

    /// The smallest SNR [dB] at which the rate reaches `rateBitsPerSecond`, or nil if unreachable.
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
            return max(10 * log10(pow(2, normalized / 0.6) - 1), -10)
        case .nrTable(let table, let gap, let overhead):
            let needed = normalized / (1 - overhead)
            for (se, threshold) in zip(table.spectralEfficiencies, table.thresholdsDB(gapDB: gap)) where se >= needed {
                return threshold
            }
            return nil
        }
    }
}

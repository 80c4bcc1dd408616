import Foundation
import WirelessCore

/// One link's azimuth scan: received power vs RX horn azimuth, combined into an omnidirectional path gain
/// (docs/PATHLOSS.md#azimuth-scans, the paper's method).
///
///     P_k = 10^(rx_power_dbm_k/10)  [mW],   w_k = angular span of sample k
///         = ((az_{k+1} − az_{k−1}) mod 360)/2 over the circularly sorted azimuths (360° for one sample)
///     PG_link = 10·log10(Σ w_k·P_k / Σ w_k) − P_TX − G_TX − G_RX,eff + cal           [dB]
///     G_az    = 10·log10(max_k P_k / (Σ w_k·P_k / Σ w_k))                              [dB]
///
/// Powers are averaged in linear units, never in dB. Antenna normalisation (P_TX, G_TX, G_RX,eff, cal) is
/// supplied by the caller.
public struct AzimuthScan: Sendable, Equatable, Codable {
    /// One sample of a scan.
    public struct Sample: Sendable, Equatable, Codable {
        /// RX azimuth [deg], in [0, 360).
        public var azimuthDegrees: Double
        /// Received power [dBm], finite.
        public var rxPowerDBm: Double

        public init(azimuthDegrees: Double, rxPowerDBm: Double) {
            self.azimuthDegrees = azimuthDegrees
            self.rxPowerDBm = rxPowerDBm
        }
    }

    /// Caller-supplied antenna normalisation.
    public struct Normalization: Sendable, Equatable, Codable {
        /// Transmit power P_TX [dBm].
        public var txPowerDBm: Double
        /// TX antenna gain G_TX [dBi].
        public var txGainDBi: Double
        /// Effective RX antenna gain G_RX,eff [dBi].
        public var rxEffectiveGainDBi: Double
        /// Calibration offset [dB].
        public var calibrationDB: Double

        public init(txPowerDBm: Double, txGainDBi: Double, rxEffectiveGainDBi: Double, calibrationDB: Double = 0) {
            self.txPowerDBm = txPowerDBm
            self.txGainDBi = txGainDBi
            self.rxEffectiveGainDBi = rxEffectiveGainDBi
            self.calibrationDB = calibrationDB
        }
    }

    /// Link identifier.
    public let linkID: String
    /// Samples sorted by azimuth.
    public let samples: [Sample]
    /// Angular weights w_k [deg], Σ = 360.
    public let weightsDegrees: [Double]

    /// A validated scan.
    ///
    /// - Throws: `.invalidAzimuthRecord` for no samples, an azimuth outside [0, 360), a non-finite power, or a
    ///   repeated azimuth.
    public init(linkID: String, samples: [Sample]) throws(PathLossError) {
        guard !samples.isEmpty else { throw .invalidAzimuthRecord(linkID: linkID, reason: "no samples") }
        for s in samples {
            guard s.azimuthDegrees >= 0, s.azimuthDegrees < 360 else {
                throw .invalidAzimuthRecord(linkID: linkID, reason: "azimuth \(s.azimuthDegrees)° outside [0, 360)")
            }
            guard s.rxPowerDBm.isFinite else {
                throw .invalidAzimuthRecord(linkID: linkID, reason: "non-finite power at \(s.azimuthDegrees)°")
            }
        }
        let sorted = samples.sorted { $0.azimuthDegrees < $1.azimuthDegrees }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.azimuthDegrees == b.azimuthDegrees {
            throw .invalidAzimuthRecord(linkID: linkID, reason: "azimuth \(a.azimuthDegrees)° appears twice")
        }
        let k = sorted.count
        var weights = [Double](repeating: 360, count: k)
        if k > 1 {
            for i in 0..<k {
                let next = sorted[(i + 1) % k].azimuthDegrees
                let previous = sorted[(i + k - 1) % k].azimuthDegrees
                var span = next - previous
                if span <= 0 { span += 360 }
                weights[i] = span / 2
            }
        }
        self.linkID = linkID
        self.samples = sorted
        self.weightsDegrees = weights
    }

    /// The angle-weighted mean received power 10·log10(Σ w·P / Σ w) [dBm].
    public var meanPowerDBm: Double {
        var numerator = 0.0
        var denominator = 0.0
        for (s, w) in zip(samples, weightsDegrees) {
            numerator += w * Decibels.toPower(s.rxPowerDBm)
            denominator += w
        }
        return 10 * log10(numerator / denominator)
    }

    /// The omnidirectional path gain PG_link [dB].
    public func pathGainDB(normalization n: Normalization) -> Double {
        meanPowerDBm - n.txPowerDBm - n.txGainDBi - n.rxEffectiveGainDBi + n.calibrationDB
    }

    /// Azimuth gain G_az = 10·log10(max P / weighted mean P) [dB], ≥ 0.
    public var azimuthGainDB: Double {
        samples.map(\.rxPowerDBm).max()! - meanPowerDBm
    }

    /// Groups `link_id, azimuth_deg, rx_power_dbm` records into validated scans, in order of first appearance.
    ///
    /// - Parameters:
    ///   - linkIDs: link_id of each record.
    ///   - azimuthsDegrees: azimuth_deg [deg] in [0, 360), one per record.
    ///   - rxPowersDBm: rx_power_dbm [dBm], finite, one per record.
    /// - Throws: `.dimensionMismatch` for unequal arrays; `.invalidAzimuthRecord` for any bad scan.
    public static func scans(linkIDs: [String], azimuthsDegrees: [Double], rxPowersDBm: [Double]) throws(PathLossError)
        -> [AzimuthScan]
    {
        guard azimuthsDegrees.count == linkIDs.count else {
            throw .dimensionMismatch(name: "azimuthsDegrees", expected: linkIDs.count, got: azimuthsDegrees.count)
        }
        guard rxPowersDBm.count == linkIDs.count else {
            throw .dimensionMismatch(name: "rxPowersDBm", expected: linkIDs.count, got: rxPowersDBm.count)
        }
        var order: [String] = []
        var grouped: [String: [Sample]] = [:]
        for i in linkIDs.indices {
            if grouped[linkIDs[i]] == nil { order.append(linkIDs[i]) }
            grouped[linkIDs[i], default: []].append(
                Sample(azimuthDegrees: azimuthsDegrees[i], rxPowerDBm: rxPowersDBm[i]))
        }
        var result: [AzimuthScan] = []
        for id in order { result.append(try AzimuthScan(linkID: id, samples: grouped[id]!)) }
        return result
    }
}

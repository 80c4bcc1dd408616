import Foundation
import WirelessCore

/// TR 38.901 §7.4.3 outdoor-to-indoor building penetration loss (docs/PATHLOSS.md#o2i-penetration).
///
///     PL = PL_b + PL_tw + PL_in + N(0, σ_P²)                                        [dB], fc in GHz
///     L_glass = 2 + 0.2·fc;  L_IRR = 23 + 0.3·fc (.r17) or 25.4 + 0.11·fc (.r19)
///     L_concrete = 5 + 4·fc;  L_wood = 4.85 + 0.12·fc
///     low loss:  PL_tw = 5 − 10·log10(0.3·10^(−L_glass/10) + 0.7·10^(−L_concrete/10)),  σ_P = 4.4
///     high loss: PL_tw = 5 − 10·log10(0.7·10^(−L_IRR/10)  + 0.3·10^(−L_concrete/10)),  σ_P = 6.5
///     PL_in = 0.5·d2D-in,  d2D-in = min(U(0, 25), U(0, 25)) for UMa/UMi (mean 25/3 m),
///                          min(U(0, 10), U(0, 10)) for RMa (low-loss only)
public struct O2IBuildingPenetration: Sendable, Equatable, Codable {
    /// Which release's IRR-glass loss to use (recorded in every result).
    public enum IRRGlassRelease: String, Sendable, Equatable, Codable, CaseIterable {
        /// 23 + 0.3·fc (Rel-17 table; ns-3 and Sionna) — default.
        case r17
        /// 25.4 + 0.11·fc (Rel-19 revision).
        case r19
    }

    /// The O2I building model.
    public enum BuildingModel: String, Sendable, Equatable, Codable, CaseIterable {
        /// Low-loss wall: 30 % standard glass, 70 % concrete; σ_P = 4.4 dB.
        case lowLoss = "low_loss"
        /// High-loss wall: 70 % IRR glass, 30 % concrete; σ_P = 6.5 dB (not defined for RMa).
        case highLoss = "high_loss"

        /// The model for a glass type (low_loss → low-loss model, high_loss → high-loss model).
        public init(_ glass: GlassType) { self = glass == .lowLoss ? .lowLoss : .highLoss }
    }

    /// The deployment, which sets the indoor-distance distribution.
    public enum Deployment: String, Sendable, Equatable, Codable {
        /// UMa/UMi: d2D-in = min of two U(0, 25) [m].
        case urban
        /// RMa: d2D-in = min of two U(0, 10) [m] (low-loss model only).
        case rural

        /// Upper limit of each uniform [m].
        public var indoorDistanceLimitMeters: Double { self == .urban ? 25 : 10 }
    }

    /// Building model.
    public var building: BuildingModel
    /// IRR glass release.
    public var irrRelease: IRRGlassRelease
    /// Deployment (indoor distance).
    public var deployment: Deployment

    /// A penetration model.
    ///
    /// - Parameters:
    ///   - building: Low- or high-loss wall model.
    ///   - irrRelease: IRR-glass formula (default `.r17`; only affects `.highLoss`).
    ///   - deployment: `.urban` (UMa/UMi, d2D-in limit 25 m, default) or `.rural` (RMa, 10 m; `.lowLoss` only,
    ///     checked when a loss is evaluated).
    public init(building: BuildingModel, irrRelease: IRRGlassRelease = .r17, deployment: Deployment = .urban) {
        self.building = building
        self.irrRelease = irrRelease
        self.deployment = deployment
    }

    /// Standard glass loss 2 + 0.2·fc [dB]; TR 38.901 Table 7.4.3-1, fc [GHz] valid 0.5–100 (not checked here).
    public static func glassLossDB(frequency: Frequency) -> Double { 2 + 0.2 * frequency.gigahertz }
    /// IRR glass loss [dB] for `release`: 23 + 0.3·fc (.r17) or 25.4 + 0.11·fc (.r19); fc [GHz] valid 0.5–100
    /// (not checked here).
    public static func irrGlassLossDB(frequency: Frequency, release: IRRGlassRelease) -> Double {
        release == .r17 ? 23 + 0.3 * frequency.gigahertz : 25.4 + 0.11 * frequency.gigahertz
    }
    /// Concrete loss 5 + 4·fc [dB]; fc [GHz] valid 0.5–100 (not checked here).
    public static func concreteLossDB(frequency: Frequency) -> Double { 5 + 4 * frequency.gigahertz }
    /// Wood loss 4.85 + 0.12·fc [dB]; fc [GHz] valid 0.5–100 (not checked here).
    public static func woodLossDB(frequency: Frequency) -> Double { 4.85 + 0.12 * frequency.gigahertz }

    /// Through-wall loss PL_tw [dB].
    ///
    /// - Parameter frequency: fc, 0.5–100 GHz.
    /// - Throws: `.frequencyOutOfRange` outside 0.5–100 GHz; `.parameterOutOfRange` for high-loss in rural deployment.
    public func throughWallLossDB(frequency: Frequency) throws(PathLossError) -> Double {
        try validate(frequency)
        let concrete = Self.concreteLossDB(frequency: frequency)
        switch building {
        case .lowLoss:
            let glass = Self.glassLossDB(frequency: frequency)
            return 5 - Decibels.fromPower(0.3 * Decibels.toPower(-glass) + 0.7 * Decibels.toPower(-concrete))
        case .highLoss:
            let irr = Self.irrGlassLossDB(frequency: frequency, release: irrRelease)
            return 5 - Decibels.fromPower(0.7 * Decibels.toPower(-irr) + 0.3 * Decibels.toPower(-concrete))
        }
    }

    /// σ_P of the penetration loss [dB]: 4.4 (low loss) or 6.5 (high loss).
    public var standardDeviationDB: Double { building == .lowLoss ? 4.4 : 6.5 }

    /// Mean indoor distance E[min(U1, U2)] = limit/3 [m] (25/3 for urban).
    public var meanIndoorDistanceMeters: Double { deployment.indoorDistanceLimitMeters / 3 }

    /// Indoor loss PL_in = 0.5·d2D-in [dB].
    ///
    /// - Parameter indoorDistanceMeters: d2D-in [m], finite and ≥ 0 (validated by `meanPenetrationLossDB`).
    public static func indoorLossDB(indoorDistanceMeters: Double) -> Double { 0.5 * indoorDistanceMeters }

    /// Draws d2D-in = min of two independent U(0, limit) draws [m], in [0, limit) (limit 25 m urban, 10 m rural).
    public func sampleIndoorDistanceMeters(using generator: inout some RandomNumberGenerator) -> Double {
        let limit = deployment.indoorDistanceLimitMeters
        return min(generator.nextUnitDouble() * limit, generator.nextUnitDouble() * limit)
    }

    /// Mean penetration loss PL_tw + PL_in [dB] with the mean (or a supplied) indoor distance; no random draws.
    ///
    /// - Parameters:
    ///   - frequency: fc, 0.5–100 GHz.
    ///   - indoorDistanceMeters: d2D-in [m], finite and ≥ 0; nil = mean (25/3 m urban, 10/3 m rural).
    /// - Throws: `.frequencyOutOfRange` outside 0.5–100 GHz; `.parameterOutOfRange` for a negative or
    ///   non-finite indoor distance or high-loss in rural deployment.
    public func meanPenetrationLossDB(frequency: Frequency, indoorDistanceMeters: Double? = nil) throws(PathLossError)
        -> Double
    {
        if let d = indoorDistanceMeters, !(d >= 0 && d.isFinite) {
            throw .parameterOutOfRange(name: "indoorDistanceMeters", value: d, valid: "finite and ≥ 0")
        }
        return try throughWallLossDB(frequency: frequency)
            + Self.indoorLossDB(indoorDistanceMeters: indoorDistanceMeters ?? meanIndoorDistanceMeters)
    }

    /// One random penetration loss PL_tw + PL_in + N(0, σ_P²) [dB], d2D-in from `sampleIndoorDistanceMeters`.
    ///
    /// - Parameter frequency: fc, 0.5–100 GHz.
    /// - Throws: `.frequencyOutOfRange` outside 0.5–100 GHz; `.parameterOutOfRange` for high-loss in rural deployment.
    public func samplePenetrationLossDB(frequency: Frequency, using generator: inout some RandomNumberGenerator)
        throws(PathLossError) -> Double
    {
        let tw = try throughWallLossDB(frequency: frequency)
        let din = sampleIndoorDistanceMeters(using: &generator)
        let z = NormalDistribution.standard.sample(using: &generator)
        return tw + Self.indoorLossDB(indoorDistanceMeters: din) + standardDeviationDB * z
    }

    private func validate(_ frequency: Frequency) throws(PathLossError) {
        let fc = frequency.gigahertz
        guard fc >= 0.5, fc <= 100 else {
            throw .frequencyOutOfRange(model: "TR 38.901 O2I", frequencyGHz: fc, valid: 0.5...100)
        }
        if deployment == .rural, building == .highLoss {
            throw .parameterOutOfRange(name: "building", value: .nan, valid: "low_loss only for RMa")
        }
    }
}

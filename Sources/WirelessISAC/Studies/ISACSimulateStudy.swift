import Foundation
import Numerics
import WirelessCore

/// The simulation of `wtk isac simulate`: one channel tensor of a preset scenario, its path phases drawn
/// from the seed, with the scenario's ground truth per path.
///
///     H[r,k,l] = Σ_p β_p e^{j(ω_A r + ω_F k + ω_T l)} + W,   W ~ CN(0, σ²),  σ² = Σ_p |β_p|² / SNR
///
/// The generator draws the phases first, then the noise (one `Xoshiro256StarStar(seed:)` stream), so a
/// seed gives one tensor. Table `_truth`: `path`, `angle_deg`, `distance_m`, `velocity_mps`, `gain_re`,
/// `gain_im`, `gain_db`, `omega_a_rad`, `omega_f_rad`, `omega_t_rad` (spatial frequencies [rad/sample]).
///
///     let result = try ISACSimulateStudy(.init()).run(seed: 1)
///     result.tensor.dimensions   // [N_R, N_F, N_T]
public struct ISACSimulateStudy: Study {
    /// The scenario and the noise.
    public struct Configuration: Sendable {
        /// The scenario (its phases drawn from the seed).
        public var preset: ISACScenarioPreset = .paper
        /// How delay maps to distance.
        public var rangeMapping: RangeMapping = .oneWay
        /// SNR Σ|β_p|²/σ² [dB], finite.
        public var snrDB: Double = 10
        /// Whether to leave the noise out (no noise draw).
        public var noiseless = false

        public init() {}
    }

    /// The tensor and its truth.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The scenario drawn (paths with their phases).
        public let scenario: ISACScenario
        /// The tensor [N_R × N_F × N_T], noisy unless `configuration.noiseless`.
        public let tensor: ChannelTensor

        public var tables: [StudyTable] { [truthTable] }
        public var plots: [StudyPlot] { [] }
        public var summary: String {
            "isac simulate: \(scenario.grid.dimensions.map(String.init).joined(separator: "×")) tensor, "
                + "\(scenario.paths.count) paths, SNR \(configuration.snrDB) dB"
        }

        /// σ² of the noise at `configuration.snrDB` (recorded even for a noiseless tensor).
        public var noiseVariance: Double { scenario.noiseVariance(snrDB: configuration.snrDB) }

        /// One row per path: physical parameters, gain and spatial frequencies.
        public var truthTable: StudyTable {
            let paths = scenario.paths
            let w = paths.map { scenario.grid.spatialFrequencies(of: $0) }
            return StudyTable(
                name: "_truth",
                columns: [
                    StudyColumn("path", Array(paths.indices)),
                    StudyColumn("angle", unit: "deg", paths.map(\.angleDegrees)),
                    StudyColumn("distance", unit: "m", paths.map(\.distanceMeters)),
                    StudyColumn("velocity", unit: "mps", paths.map(\.velocityMetersPerSecond)),
                    StudyColumn("gain_re", paths.map(\.gain.real)),
                    StudyColumn("gain_im", paths.map(\.gain.imaginary)),
                    StudyColumn("gain", unit: "db", paths.map(\.gainPowerDB)),
                    StudyColumn("omega_a", unit: "rad", w.map { $0[0] }),
                    StudyColumn("omega_f", unit: "rad", w.map { $0[1] }),
                    StudyColumn("omega_t", unit: "rad", w.map { $0[2] }),
                ])
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Draws the scenario's phases and (unless noiseless) the noise from `seed`.
    /// - Throws: `ISACError` for an invalid scenario or SNR.
    public func run(seed: UInt64, progress: any StudyProgress) throws(ISACError) -> Result {
        let c = configuration
        var generator = Xoshiro256StarStar(seed: seed)
        let scenario = c.preset.scenario(rangeMapping: c.rangeMapping, using: &generator)
        try scenario.validate()
        let tensor = c.noiseless ? scenario.noiselessTensor() : try scenario.tensor(snrDB: c.snrDB, using: &generator)
        return Result(configuration: c, scenario: scenario, tensor: tensor)
    }
}

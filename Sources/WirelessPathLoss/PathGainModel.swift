/// A fitted or standard model that predicts mean path gain vs distance (and frequency).
///
/// Used by the standard-model comparison and the coverage solver.
public protocol PathGainModel: Sendable {
    /// A short name for tables and legends.
    var modelName: String { get }
    /// Mean path gain [dB] at `distanceMeters` [m] (> 0) and `frequency`.
    func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double
    /// The residual standard deviation σ used for model-based coverage [dB] (RMSE_N for fits).
    var shadowingStandardDeviationDB: Double { get }
}

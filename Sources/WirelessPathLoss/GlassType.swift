/// Building glass type of a scenario (CSV column `glass_type`).
public enum GlassType: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Ordinary (low-loss) glass: `low_loss`.
    case lowLoss = "low_loss"
    /// Infrared-reflective/metal-coated (high-loss) glass: `high_loss`.
    case highLoss = "high_loss"
}

/// What a standard model does with inputs outside its published validity range.
public enum ModelValidity: String, Sendable, Equatable, Codable {
    /// Throw a typed error (default).
    case strict
    /// Evaluate anyway and flag the result `outOfValidity`.
    case extrapolate
}

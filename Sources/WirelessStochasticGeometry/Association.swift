/// Which base station serves the typical user (docs/DENSIFICATION.md#association).
public enum Association: String, Sendable, Equatable, Codable, CaseIterable {
    /// The geometrically nearest BS.
    case nearest
    /// argmax_i H_i g(|X_i|): the strongest instantaneous received power (NK's model). It maximises the
    /// SINR in every realisation, so it dominates any other association.
    case strongestInstantaneous
    /// argmax_i S_i g(|X_i|): the strongest mean (shadowed, unfaded) received power.
    case strongestMeanPower
}

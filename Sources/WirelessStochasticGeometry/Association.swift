/// Which base station serves the typical user (docs/DENSIFICATION.md#association).
///
/// The raw values are the command line's names (`nearest`, `strongest`, `mean-power`); the camelCase case
/// names of earlier versions are read as aliases (`init(optionName:)`, decoding).
public enum Association: String, Sendable, Equatable, Codable, CaseIterable {
    /// The geometrically nearest BS.
    case nearest
    /// argmax_i H_i g(|X_i|): the strongest instantaneous received power (NK's model). It maximises the
    /// SINR in every realisation, so it dominates any other association.
    case strongestInstantaneous = "strongest"
    /// argmax_i S_i g(|X_i|): the strongest mean (shadowed, unfaded) received power.
    case strongestMeanPower = "mean-power"
}

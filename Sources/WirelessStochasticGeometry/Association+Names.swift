extension Association: CustomStringConvertible {
    /// The name of the rule on the command line and in tables: `nearest`, `strongest`, `mean-power`.
    public var optionName: String { rawValue }

    /// The option name.
    public var description: String { rawValue }

    /// Spellings accepted besides the raw values (deprecated): the kebab-case and camelCase case names.
    static let aliases: [(String, Association)] = [
        ("strongest-instantaneous", .strongestInstantaneous), ("strongestInstantaneous", .strongestInstantaneous),
        ("strongest-mean-power", .strongestMeanPower), ("strongestMeanPower", .strongestMeanPower),
        ("meanPower", .strongestMeanPower),
    ]

    /// The rule named `name`: a raw value or an alias; nil for an unknown name.
    public init?(optionName name: String) {
        if let rule = Association(rawValue: name) {
            self = rule
        } else if let alias = Self.aliases.first(where: { $0.0 == name }) {
            self = alias.1
        } else {
            return nil
        }
    }

    /// Decodes a raw value or an alias (files written by earlier versions hold the camelCase names).
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let rule = Association(optionName: name) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown association '\(name)'"))
        }
        self = rule
    }
}

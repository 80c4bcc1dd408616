import ArgumentParser
import Foundation

/// A comma-separated option value parsed once, when the command line is parsed, into typed elements:
/// `--distance 10,20,50` → `[10.0, 20.0, 50.0]`.
///
/// Every entry must parse (`Element(argument:)`); one bad or empty entry rejects the whole value with a
/// usage error naming the option (exit 64) — nothing is dropped silently. The text as typed is kept for
/// the run's metadata and the help's default.
public struct CommaList<Element: ExpressibleByArgument & Sendable>: ExpressibleByArgument, Sendable {
    /// The entries, in order (at least one).
    public let values: [Element]
    /// The value as typed.
    public let text: String

    /// Parses `argument`; nil (a usage error) when it is empty or an entry does not parse.
    public init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        var values: [Element] = []
        for part in parts {
            guard let value = Element(argument: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            values.append(value)
        }
        guard !values.isEmpty else { return nil }
        self.values = values
        self.text = argument
    }

    public var defaultValueDescription: String { text }

    /// Number of entries.
    public var count: Int { values.count }
}

extension CommaList: ExpressibleByStringLiteral {
    /// A default value written in the source.
    /// - Precondition: `value` parses (a programming error otherwise).
    public init(stringLiteral value: String) {
        guard let list = Self(argument: value) else { preconditionFailure("invalid default list '\(value)'") }
        self = list
    }
}

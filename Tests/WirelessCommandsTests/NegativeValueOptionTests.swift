import ArgumentParser
import Foundation
import Testing

@testable import WirelessCommands

/// Negative numbers after a space (`--threshold-min-db -5`): every numeric option that accepts a negative
/// value accepts the spaced form, in every command, through the real parser (`WTK.parseAsRoot`).
///
/// ArgumentParser reads a token that starts with `-` as an option, so `--x -5` fails with "Missing value"
/// unless the option is declared `@Option(parsing: .unconditional)` (the library's documented answer,
/// apple/swift-argument-parser#31). The walk below finds every option of every command from the parser's
/// own description of the tree (`WTK._dumpHelp()`), so a command or option added later is checked too.
@Suite struct NegativeValueOptionTests {
    /// One argument (option, flag or positional) of one command, as the parser describes it.
    struct ArgumentInfo: CustomStringConvertible {
        var commandPath: [String]
        var kind: String
        var longName: String?
        var strategy: String
        var description: String { "wtk \(commandPath.joined(separator: " ")) --\(longName ?? "?")" }
    }

    /// A command path with the arguments it needs to parse at all (required positionals and options).
    struct CommandInfo {
        var path: [String]
        var required: [String]
        /// Every argument in declaration order (option groups flattened), without the automatic --help/--version.
        var arguments: [ArgumentInfo]
        var shortNames: [String]
    }

    /// Every command of the tree (root first) with its arguments, from the parser's own description.
    static func commands() throws -> [CommandInfo] {
        let object = try JSONSerialization.jsonObject(with: Data(WTK._dumpHelp().utf8))
        let root = try #require((object as? [String: Any])?["command"] as? [String: Any])
        var result: [CommandInfo] = []
        func visit(_ command: [String: Any], path: [String]) {
            var info = CommandInfo(path: path, required: [], arguments: [], shortNames: [])
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let kind = argument["kind"] as? String ?? "?"
                let isOptional = argument["isOptional"] as? Bool ?? true
                let names = argument["names"] as? [[String: Any]] ?? []
                let longName = names.first { $0["kind"] as? String == "long" }?["name"] as? String
                if longName == "help" || longName == "version" { continue }
                info.shortNames += names.filter { $0["kind"] as? String == "short" }.compactMap {
                    $0["name"] as? String
                }
                let placeholder = (argument["allValues"] as? [String])?.first ?? "placeholder"
                if kind == "positional", !isOptional { info.required.append(placeholder) }
                if kind == "option", !isOptional, let longName { info.required += ["--\(longName)", placeholder] }
                info.arguments.append(
                    ArgumentInfo(
                        commandPath: path, kind: kind, longName: longName,
                        strategy: argument["parsingStrategy"] as? String ?? "default"))
            }
            result.append(info)
            for child in command["subcommands"] as? [[String: Any]] ?? [] {
                visit(child, path: path + [child["commandName"] as? String ?? "?"])
            }
        }
        visit(root, path: [])
        return result
    }

    /// The type names of a parsed command's property wrappers in declaration order, option groups
    /// flattened (`Option<Double>`, `Flag<Bool>`, `Argument<String>`, …): what each argument parses into.
    static func wrapperTypes(of value: Any) -> [String] {
        var types: [String] = []
        for child in Mirror(reflecting: value).children {
            let typeName = String(describing: type(of: child.value))
            if typeName.hasPrefix("OptionGroup<") {
                // OptionGroup → its parsed storage (an enum whose payload is the group's value) → the group.
                for storage in Mirror(reflecting: child.value).children {
                    for payload in Mirror(reflecting: storage.value).children {
                        types += wrapperTypes(of: payload.value)
                    }
                }
            } else if typeName.hasPrefix("Option<") || typeName.hasPrefix("Flag<") || typeName.hasPrefix("Argument<") {
                types.append(typeName)
            }
        }
        return types
    }

    /// Whether values of this wrapper type can be negative numbers (signed integers, floating point,
    /// optionals, arrays and comma lists of them).
    static func takesSignedNumbers(_ typeName: String) -> Bool {
        guard typeName.hasPrefix("Option<") else { return false }
        return typeName.range(of: #"\b(Double|Float|Int|Int8|Int16|Int32|Int64)\b"#, options: .regularExpression) != nil
    }

    /// The outcome of parsing `arguments` with the real parser: the parsed command dumped, or the error message.
    static func outcome(_ arguments: [String]) -> String {
        do {
            var text = ""
            dump(try WTK.parseAsRoot(arguments), to: &text)
            return text
        } catch {
            return "error: " + WTK.fullMessage(for: error)
        }
    }

    @Test func everyOptionThatTakesANegativeNumberTakesItAfterASpace() throws {
        var checked: [String] = []
        var behaviourChecked: Set<String> = []
        for command in try Self.commands() where command.arguments.contains(where: { $0.kind == "option" }) {
            let base = command.path + command.required
            // Every command must parse with its required arguments alone, or the walk would skip it silently.
            let parsed = try WTK.parseAsRoot(base)
            let types = Self.wrapperTypes(of: parsed)
            try #require(
                types.count == command.arguments.count,
                "wtk \(command.path.joined(separator: " ")): \(types.count) property wrappers, \(command.arguments.count) arguments"
            )
            for (argument, typeName) in zip(command.arguments, types) where Self.takesSignedNumbers(typeName) {
                let name = try #require(argument.longName)
                #expect(
                    argument.strategy == "unconditional",
                    "\(argument) (\(typeName)) must be declared @Option(parsing: .unconditional, …) so that '--\(name) -1' parses"
                )
                checked.append(argument.description)
                // Through the parser: the spaced form means what the '=' form means (a value, or the same range
                // error). Once per option name (a parse costs ~40 ms in a debug build; shared groups repeat).
                guard behaviourChecked.insert(name).inserted else { continue }
                let joined = Self.outcome(base + ["--\(name)=-1"])
                let spaced = Self.outcome(base + ["--\(name)", "-1"])
                if spaced != joined { Issue.record("\(argument) -1 does not parse as \(argument)=-1:\n\(spaced)") }
            }
        }
        // The walk reached the options the issue named (a guard against a walk that checks nothing).
        for expected in [
            "wtk densify coverage --threshold-min-db", "wtk pathloss model --elevation", "wtk isac sweep --snr-min",
            "wtk pathloss coverage --ue-gain", "wtk spectrum train --snr-min",
        ] {
            #expect(checked.contains(expected), "the walk did not check \(expected)")
        }
    }

    @Test func theIssueExamplesParse() throws {
        let coverage = try #require(
            try WTK.parseAsRoot(["densify", "coverage", "--threshold-min-db", "-5"]) as? DensifyCoverageCommand)
        #expect(coverage.thresholds.minimumDB == -5)
        let model = try #require(
            try WTK.parseAsRoot(["pathloss", "model", "p2109-traditional", "--elevation", "-10"])
                as? PathLossModelCommand)
        #expect(model.elevation == -10)
        #expect(runWTK(["densify", "sweep", "--threshold-db", "-3,0", "--help"]) == 0)
        _ = try WTK.parseAsRoot(["densify", "sweep", "--threshold-db", "-3,0", "--mc", "off"])
    }

    /// What `.unconditional` must not break: short flags, and an option value that merely starts with '-'
    /// still reads as the next option for text options (`--name -x` is a missing value, as before).
    @Test func shortFlagsAndTextOptionsKeepTheirMeaning() throws {
        #expect(throws: (any Error).self) { try WTK.parseAsRoot(["densify", "coverage", "--name", "-x"]) }
        #expect(throws: (any Error).self) { try WTK.parseAsRoot(["densify", "coverage", "--threshold-min-db"]) }
        // A spaced value that is not a number is refused by the option's type, naming the option.
        do {
            _ = try WTK.parseAsRoot(["densify", "coverage", "--threshold-min-db", "--quiet"])
            Issue.record("--threshold-min-db --quiet parsed")
        } catch {
            #expect(WTK.exitCode(for: error).rawValue == ExitStatus.usage)
            #expect(WTK.fullMessage(for: error).contains("threshold-min-db"))
        }
        // -h still asks for help (a CleanExit, exit 0), after and before a negative value.
        #expect(runWTK(["densify", "coverage", "-h"]) == 0)
        #expect(runWTK(["densify", "coverage", "--threshold-min-db", "-5", "-h"]) == 0)
        // No option of the tree has a digit for a short name, so '-5' can never mean a flag.
        for command in try Self.commands() {
            #expect(
                !command.shortNames.contains { $0.first?.isNumber == true }, "wtk \(command.path): a digit short name")
        }
    }
}

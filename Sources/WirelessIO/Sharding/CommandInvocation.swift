import Foundation

/// The arguments of the running `wtk` command (after the program name), as typed: a shard records them
/// in its manifest so that `wtk merge` can parse the same command again.
///
/// Outside a test they are `CommandLine.arguments`; code that runs a command in-process binds
/// `CommandInvocation.$arguments` to the arguments it parsed.
public enum CommandInvocation {
    /// Arguments bound for an in-process run (nil: the process's own).
    @TaskLocal public static var arguments: [String]?

    /// The current command's arguments after the program name.
    public static var current: [String] { arguments ?? Array(CommandLine.arguments.dropFirst()) }

    /// Options that do not change the results of a shard and take a value: dropped with it.
    public static let unrecordedOptionsWithValue: Set<String> = ["--shard", "--out-dir", "--jobs"]
    /// Flags that do not change the results of a shard: dropped.
    public static let unrecordedFlags: Set<String> = ["--quiet"]

    /// `arguments` without the leading subcommand names `path` and without the options that do not
    /// change the results of a shard: `--shard`, `--out-dir`, `--jobs` (each with its value) and `--quiet`.
    public static func configurationArguments(_ arguments: [String], commandPath path: [String]) -> [String] {
        var rest = arguments[...]
        if rest.starts(with: path) { rest = rest.dropFirst(path.count) }
        var kept: [String] = []
        while let argument = rest.popFirst() {
            let option = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if unrecordedOptionsWithValue.contains(argument) {
                _ = rest.popFirst()
            } else if !unrecordedFlags.contains(argument) && !unrecordedOptionsWithValue.contains(option) {
                kept.append(argument)
            }
        }
        return kept
    }

    /// A 64-bit FNV-1a hash (16 hex digits) of the command path and arguments, with `--option=value`
    /// read as `--option value`, so two shards of one command line agree and any other option differs.
    public static func configurationHash(commandPath: [String], arguments: [String]) -> String {
        var words = commandPath
        for argument in arguments {
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                words.append(String(argument[..<equals]))
                words.append(String(argument[argument.index(after: equals)...]))
            } else {
                words.append(argument)
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in words.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

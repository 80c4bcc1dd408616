import ArgumentParser
import WirelessIO

/// A command's output base name: the default of `--name` and its help (see `NamedOutputOptions`).
public protocol OutputNaming {
    /// The default of `--name`, e.g. `"densify-sweep"`.
    static var defaultOutputName: String { get }
    /// The help of `--name`.
    static var outputNameHelp: String { get }
}

extension OutputNaming {
    /// "Base name of the output files." unless the command says otherwise.
    public static var outputNameHelp: String { "Base name of the output files." }
}

extension OutputNaming where Self: ParsableCommand {
    /// The command's path below `wtk` joined by dashes (`densify-sweep` for `wtk densify sweep`) unless the
    /// command says otherwise.
    public static var defaultOutputName: String { FigureContext.commandPath(of: Self.self).joined(separator: "-") }
}

/// The tail every writing command shares: `--name` (checked as a plain file name before any work) and
/// the output options `--out-dir`, `--format`, `--quiet`, with or without `--seed` between them.
public protocol NamedOutput: ParsableArguments {
    /// The base name of the output files.
    var name: String { get }
    /// `--out-dir`, `--format`, `--quiet`.
    var files: OutputOptions { get }
}

extension NamedOutput {
    /// `--quiet`.
    public var quiet: Bool { files.quiet }
    /// `--out-dir`.
    public var outputDirectory: String { files.outputDirectory }
}

/// `--name`, then `--out-dir`, `--format`, `--quiet`; the default name comes from `Naming`.
public struct NamedOutputOptions<Naming: OutputNaming>: NamedOutput {
    @Option(help: ArgumentHelp(Naming.outputNameHelp))
    public var name: String = Naming.defaultOutputName

    @OptionGroup public var files: OutputOptions

    public init() {}

    public func validate() throws { try OutputOptions.validateFileName(name) }
}

/// `--name`, `--seed`, then `--out-dir`, `--format`, `--quiet`: the tail of a seeded command.
public struct SeededOutputOptions<Naming: OutputNaming>: NamedOutput {
    @Option(help: ArgumentHelp(Naming.outputNameHelp))
    public var name: String = Naming.defaultOutputName

    @OptionGroup public var seedOptions: SeedOptions
    @OptionGroup public var files: OutputOptions

    /// `--seed`.
    public var seed: UInt64 { seedOptions.seed }

    public init() {}

    public func validate() throws { try OutputOptions.validateFileName(name) }
}

extension OutputContext {
    /// A context for a command's `--name` / output tail (see `init(options:seed:parameters:)`).
    public init(options: some NamedOutput, seed: UInt64? = nil, parameters: [String: String] = [:]) {
        self.init(options: options.files, seed: seed, parameters: parameters)
    }
}

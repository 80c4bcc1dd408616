import ArgumentParser

/// The `wtk` command tree.
public struct WTK: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wtk",
        abstract: "WirelessToolkit: wireless network analysis that writes CSV and SVG.",
        subcommands: [])

    public init() {}
}

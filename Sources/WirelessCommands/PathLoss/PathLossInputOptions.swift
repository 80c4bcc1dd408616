import ArgumentParser
import Foundation
import WirelessPathLoss

/// The campaign a `wtk pathloss` analysis reads: `--input` (default: the bundled synthetic replica).
public struct PathLossInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Campaign CSV (distance_m, path_gain_db or path_loss_db, optional feature columns). Default: the bundled synthetic replica.",
            valueName: "csv"))
    public var input: String?

    @Flag(
        name: .customLong("drop-invalid-rows"),
        help: "Drop rows with non-finite values or non-positive distances instead of failing.")
    public var dropInvalidRows = false

    public init() {}

    /// The `input` parameter recorded in the metadata when no `--input` is given: the replica's path in the
    /// repository (its provenance); the file itself is read from the installed resources.
    public static let bundledPath = "datasets/oti28-synthetic/" + BundledReplica.fileName

    /// Loads `--input`, or the bundled replica (a resource installed beside `wtk`; found from any working
    /// directory, never regenerated behind the user's back).
    ///
    /// - Throws: `PathLossError` for unreadable or malformed files, `.fileAccess` (exit 74) when the bundled
    ///   replica is not installed beside the executable.
    public func load() throws -> PathLossCampaign {
        try Self.read(input, dropInvalidRows: dropInvalidRows)
    }

    /// Reads the campaign at `path`, or the bundled replica when `path` is nil.
    /// - Throws: as `load()`.
    public static func read(_ path: String?, dropInvalidRows: Bool) throws -> PathLossCampaign {
        let options = CampaignCSV.Options(dropInvalidRows: dropInvalidRows)
        let url = try path.map { URL(fileURLWithPath: $0) } ?? BundledReplica.url()
        return try CampaignCSV.read(contentsOf: url, options: options)
    }
}

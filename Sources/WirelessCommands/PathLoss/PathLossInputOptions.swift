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

    /// The `input` parameter recorded in the metadata: `--input`, or the bundled replica's path in the
    /// repository (`BundledReplica.repositoryPath`).
    public var recordedPath: String { input ?? BundledReplica.repositoryPath }

    /// Loads `--input`, or the bundled replica (`CampaignCSV.read(path:options:)`).
    ///
    /// - Throws: `PathLossError` for unreadable or malformed files, `.fileAccess` (exit 74) when the bundled
    ///   replica is not installed beside the executable.
    public func load() throws -> PathLossCampaign {
        try CampaignCSV.read(path: input, options: .init(dropInvalidRows: dropInvalidRows))
    }
}

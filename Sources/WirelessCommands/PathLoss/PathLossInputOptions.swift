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

/// The campaign and its grouping, for `wtk pathloss fit` and `coverage`: `--input`, `--drop-invalid-rows`,
/// `--group-by`.
public struct PathLossGroupedInputOptions: ParsableArguments {
    @OptionGroup public var campaign: PathLossInputOptions

    @Option(
        name: .customLong("group-by"),
        help: """
            Grouping for per-group fits: glass_type, building_id, scenario_id, floor, scaffolding, foliage, \
            elevated_subway, los (default glass_type when the file has it, else one group of all links).
            """)
    public var groupBy: CampaignGrouping?

    public init() {}

    /// The `input` parameter recorded in the metadata (`PathLossInputOptions.recordedPath`).
    public var recordedPath: String { campaign.recordedPath }

    /// Loads the campaign and resolves its grouping: `--group-by`, else `CampaignGrouping.defaultGrouping(for:)`.
    /// - Throws: As `PathLossInputOptions.load()`.
    public func load() throws -> (campaign: PathLossCampaign, grouping: CampaignGrouping?) {
        let campaign = try campaign.load()
        return (campaign, groupBy ?? CampaignGrouping.defaultGrouping(for: campaign))
    }
}

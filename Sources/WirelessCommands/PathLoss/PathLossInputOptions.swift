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

    /// Path of the bundled replica, relative to the repository root.
    public static let bundledPath = "datasets/oti28-synthetic/oti28_synthetic_links.csv"

    /// Loads `--input`, or the bundled replica (found from the working directory upwards). If the
    /// bundled file is not found, the replica is regenerated in memory with the generator's default
    /// seed (the same data, to rounding) and a note says so.
    ///
    /// - Throws: `PathLossError` for unreadable or malformed files.
    public func load(note: (String) -> Void) throws -> PathLossCampaign {
        let options = CampaignCSV.Options(dropInvalidRows: dropInvalidRows)
        if let input {
            return try CampaignCSV.read(contentsOf: URL(fileURLWithPath: input), options: options)
        }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(Self.bundledPath)
            if FileManager.default.fileExists(atPath: candidate.path) {
                return try CampaignCSV.read(contentsOf: candidate, options: options)
            }
            directory.deleteLastPathComponent()
        }
        note("pathloss: \(Self.bundledPath) not found; regenerating the synthetic replica in memory (default seed)")
        return try SyntheticCampaignGenerator().generate().campaign
    }
}

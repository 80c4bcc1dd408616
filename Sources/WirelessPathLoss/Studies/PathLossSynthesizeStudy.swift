import Foundation
import WirelessCore
import WirelessIO

/// The synthesis of `wtk pathloss synthesize`: the seeded SYNTHETIC 28 GHz outdoor-to-indoor campaign
/// replica (`SyntheticCampaignGenerator`: 43 scenarios in 7 buildings), with its ground truth.
///
/// Table `_scenarios`: one row per scenario (`scenario_id`, `building_id`, `glass_type`, `floor`,
/// `scaffolding`, `foliage`, `elevated_subway`, `los` (empty when unknown), `center_distance_m`,
/// `link_count`, `random_effect_db`, `structural_loss_db`). Figure `_links`: path gain [dB] against
/// distance [m] per glass type, censored links at the floor. `linksCSV` is the campaign's link file
/// (with the SYNTHETIC banner) and `truthJSON` every ground-truth parameter.
///
///     let result = try PathLossSynthesizeStudy(.init()).run(seed: 20220519)
///     result.campaign.links.count
public struct PathLossSynthesizeStudy: Study {
    /// The generator's settings; its seed is the run's.
    public struct Configuration: Sendable {
        /// Detection floor [dB path gain], finite; weaker links are censored (nil: the generator's).
        public var detectionFloorDB: Double?

        public init(detectionFloorDB: Double? = nil) { self.detectionFloorDB = detectionFloorDB }

        /// The settings a run records beside its outputs: `generator`, `generator_version` and, when given,
        /// `detection_floor_db`.
        public var recordedParameters: [String: String] {
            var parameters = [
                "generator": SyntheticCampaignGenerator.name, "generator_version": SyntheticCampaignGenerator.version,
            ]
            if let detectionFloorDB { parameters["detection_floor_db"] = String(detectionFloorDB) }
            return parameters
        }
    }

    /// The campaign and its truth.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The generated links.
        public let campaign: PathLossCampaign
        /// What generated them.
        public let truth: SyntheticCampaignGenerator.GroundTruth

        public var tables: [StudyTable] { [scenarioTable] }
        public var plots: [StudyPlot] { [linksPlot] }
        public var summary: String {
            "synthesize: \(campaign.links.count) links (\(truth.censoredCount) censored), \(truth.scenarioCount) scenarios, "
                + "\(truth.buildingCount) buildings"
        }

        /// The link file: the SYNTHETIC banner, then the campaign schema.
        public var linksCSV: String {
            CampaignCSV.render(
                campaign,
                banner: CampaignCSV.syntheticBanner(
                    generator: truth.generator, version: truth.generatorVersion, seed: truth.configuration.seed))
        }

        /// The ground truth as pretty-printed JSON with sorted keys and a final newline.
        public func truthJSON() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return try encoder.encode(truth) + Data("\n".utf8)
        }

        /// One row per scenario.
        public var scenarioTable: StudyTable {
            let scenarios = truth.scenarios
            func flag(_ value: (SyntheticCampaignGenerator.Scenario) -> Bool) -> [Int] {
                scenarios.map { value($0) ? 1 : 0 }
            }
            return StudyTable(
                name: "_scenarios",
                columns: [
                    StudyColumn("scenario_id", scenarios.map(\.scenarioID)),
                    StudyColumn("building_id", scenarios.map(\.buildingID)),
                    StudyColumn("glass_type", scenarios.map(\.glass.rawValue)),
                    StudyColumn("floor", scenarios.map(\.floor)),
                    StudyColumn("scaffolding", flag(\.scaffolding)),
                    StudyColumn("foliage", flag(\.foliage)),
                    StudyColumn("elevated_subway", flag(\.elevatedSubway)),
                    StudyColumn("los", scenarios.map { $0.lineOfSight.map { $0 ? "1" : "0" } ?? "" }),
                    StudyColumn("center_distance", unit: "m", scenarios.map(\.centerDistanceMeters)),
                    StudyColumn("link_count", scenarios.map(\.linkCount)),
                    StudyColumn("random_effect", unit: "db", scenarios.map(\.randomEffectDB)),
                    StudyColumn("structural_loss", unit: "db", scenarios.map(\.structuralLossDB)),
                ])
        }

        /// Path gain against distance per glass type; censored links (at the floor) as their own series.
        public var linksPlot: StudyPlot {
            var plot = StudyPlot(
                name: "_links",
                title:
                    "SYNTHETIC OtI replica: \(campaign.links.count) links, \(truth.scenarioCount) scenarios (seed \(truth.configuration.seed))",
                xLabel: "TX–RX distance [m]", yLabel: "Path gain [dB]", xScale: .log10)
            for glass in GlassType.allCases {
                let links = campaign.links.filter { $0.glassType == glass && !$0.isCensored }
                plot.series.append(
                    StudySeries(glass.rawValue, .scatter(x: links.map(\.distanceMeters), y: links.map(\.pathGainDB))))
            }
            let censored = campaign.links.filter(\.isCensored)
            if !censored.isEmpty {
                plot.series.append(
                    StudySeries(
                        "censored (at floor)",
                        .scatter(x: censored.map(\.distanceMeters), y: censored.map(\.pathGainDB))))
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Generates the replica from `seed`.
    /// - Throws: `PathLossError` for an invalid generator setting.
    public func run(seed: UInt64, progress: any StudyProgress) throws(PathLossError) -> Result {
        var settings = SyntheticCampaignGenerator.Configuration()
        settings.seed = seed
        if let floor = configuration.detectionFloorDB { settings.detectionFloorDB = floor }
        let (campaign, truth) = try SyntheticCampaignGenerator(configuration: settings).generate()
        return Result(configuration: configuration, campaign: campaign, truth: truth)
    }
}

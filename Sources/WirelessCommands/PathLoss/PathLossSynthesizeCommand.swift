import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss
import WirelessPlot

/// `wtk pathloss synthesize`: writes the seeded synthetic OtI campaign replica.
public struct PathLossSynthesizeCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Generate the SYNTHETIC 28 GHz outdoor-to-indoor campaign replica (43 scenarios, 7 buildings).",
        discussion: """
            Writes <name>_links.csv (first line '# SYNTHETIC replica - generated, not measured; ...', then \
            the link schema), <name>_truth.json (seed, PRNG, generator version and every ground-truth \
            parameter), <name>_scenarios.csv (one row per scenario) and <name>_links.svg. The bundled \
            dataset is 'wtk pathloss synthesize --seed 20220519 --out-dir datasets/oti28-synthetic'.
            """)

    @Option(help: "Base name of the output files.")
    var name: String = "oti28_synthetic"

    @Option(
        name: .customLong("detection-floor"), parsing: .unconditional,
        help: "Detection floor [dB path gain]; weaker links are censored.")
    var detectionFloorDB: Double?

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OutputOptions.validateFileName(name)
        if let floor = detectionFloorDB, !floor.isFinite { throw ValidationError("--detection-floor must be finite.") }
    }

    public func execute() throws {
        var configuration = SyntheticCampaignGenerator.Configuration()
        configuration.seed = seedOptions.seed
        if let floor = detectionFloorDB { configuration.detectionFloorDB = floor }
        let (campaign, truth) = try SyntheticCampaignGenerator(configuration: configuration).generate()
        let context = OutputContext(
            options: output, seed: seedOptions.seed,
            parameters: [
                "generator": SyntheticCampaignGenerator.name, "generator_version": SyntheticCampaignGenerator.version,
            ])

        let banner = CampaignCSV.syntheticBanner(
            generator: truth.generator, version: truth.generatorVersion, seed: truth.configuration.seed)
        let linksURL = try context.writeFile(
            Data(CampaignCSV.render(campaign, banner: banner).utf8), named: name + "_links.csv")
        try context.metadata.writeSidecar(for: linksURL)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let truthData = try encoder.encode(truth)
        try context.writeFile(truthData + Data("\n".utf8), named: name + "_truth.json")

        let scenarios = truth.scenarios
        let table = CSVTable(columns: [
            CSVColumn(name: "scenario_id", strings: scenarios.map(\.scenarioID)),
            CSVColumn(name: "building_id", strings: scenarios.map(\.buildingID)),
            CSVColumn(name: "glass_type", strings: scenarios.map(\.glass.rawValue)),
            CSVColumn(name: "floor", integers: scenarios.map(\.floor)),
            CSVColumn(name: "scaffolding", integers: scenarios.map { $0.scaffolding ? 1 : 0 }),
            CSVColumn(name: "foliage", integers: scenarios.map { $0.foliage ? 1 : 0 }),
            CSVColumn(name: "elevated_subway", integers: scenarios.map { $0.elevatedSubway ? 1 : 0 }),
            CSVColumn(name: "los", strings: scenarios.map { $0.lineOfSight.map { $0 ? "1" : "0" } ?? "" }),
            CSVColumn(name: "center_distance_m", values: scenarios.map(\.centerDistanceMeters)),
            CSVColumn(name: "link_count", integers: scenarios.map(\.linkCount)),
            CSVColumn(name: "random_effect_db", values: scenarios.map(\.randomEffectDB)),
            CSVColumn(name: "structural_loss_db", values: scenarios.map(\.structuralLossDB)),
        ])
        try context.write(table, name: name + "_scenarios")

        var plot = Plot(
            title:
                "SYNTHETIC OtI replica: \(campaign.links.count) links, \(truth.scenarioCount) scenarios (seed \(seedOptions.seed))",
            xLabel: "TX–RX distance [m]", yLabel: "Path gain [dB]", xAxis: .log10)
        for glass in GlassType.allCases {
            let links = campaign.links.filter { $0.glassType == glass && !$0.isCensored }
            plot.add(try .scatter(glass.rawValue, x: links.map(\.distanceMeters), y: links.map(\.pathGainDB)))
        }
        let censored = campaign.links.filter(\.isCensored)
        if !censored.isEmpty {
            plot.add(
                try .scatter("censored (at floor)", x: censored.map(\.distanceMeters), y: censored.map(\.pathGainDB)))
        }
        try context.writeSVG(plot.svg(), name: name + "_links")
        context.note(
            "synthesize: \(campaign.links.count) links (\(truth.censoredCount) censored), \(truth.scenarioCount) scenarios, "
                + "\(truth.buildingCount) buildings; wrote \(name)_links.csv, \(name)_truth.json in \(output.outputDirectory)"
        )
    }
}

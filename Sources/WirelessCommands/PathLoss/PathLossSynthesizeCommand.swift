import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss synthesize`: writes the seeded synthetic OtI campaign replica.
public struct PathLossSynthesizeCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Generate the SYNTHETIC 28 GHz outdoor-to-indoor campaign replica (43 scenarios, 7 buildings).",
        discussion: """
            Writes <name>_links.csv (first line '# SYNTHETIC replica - generated, not measured; ...', then \
            the link schema), <name>_truth.json (seed, PRNG, generator version and every ground-truth \
            parameter), <name>_scenarios.csv (one row per scenario) and <name>_links.svg. The bundled \
            dataset is 'wtk pathloss synthesize --seed 20220519 --out-dir datasets/oti28-synthetic'.
            """)

    public static let defaultOutputName = "oti28_synthetic"

    @Option(
        name: .customLong("detection-floor"), parsing: .unconditional,
        help: "Detection floor [dB path gain]; weaker links are censored.")
    var detectionFloorDB: Double?

    @OptionGroup var output: SeededOutputOptions<PathLossSynthesizeCommand>

    public init() {}

    public func validate() throws {
        if let floor = detectionFloorDB, !floor.isFinite { throw ValidationError("--detection-floor must be finite.") }
    }

    public func execute() throws {
        let configuration = PathLossSynthesizeStudy.Configuration(detectionFloorDB: detectionFloorDB)
        let result = try PathLossSynthesizeStudy(configuration).run(seed: output.seed)
        let context = OutputContext(
            options: output, seed: output.seed, parameters: configuration.recordedParameters)
        let name = output.name
        let linksURL = try context.writeFile(Data(result.linksCSV.utf8), named: name + "_links.csv")
        try context.metadata.writeSidecar(for: linksURL)
        try context.writeFile(try result.truthJSON(), named: name + "_truth.json")
        try context.write(result, name: name)
        context.note("wrote \(name)_links.csv, \(name)_truth.json in \(output.outputDirectory)")
    }
}

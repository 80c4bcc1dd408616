import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC

/// `wtk isac estimate`: paired (angle, distance, velocity, gain) estimates of one tensor.
public struct ISACEstimateCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract:
            "Estimate paired (angle, distance, velocity, gain) targets from one tensor (a scenario or a .npy file).",
        discussion: """
            Without --input, a tensor of the scenario is drawn at --snr-db from --seed and the estimates are \
            matched to the truth by optimal assignment (errors in the table). With --input, the .npy array \
            must be complex with shape (N_R, N_F, N_T) of the chosen scenario's grid (else exit 65), and the \
            number of paths is estimated per mode by --criterion (AIC by default) unless --path-count is given. \
            Writes <name>-mode-orders.csv (each method's per-mode model orders) and <name>.csv \
            (method, target, angle_deg, distance_m, velocity_mps, gain_re, gain_im, gain_db, and with a truth: \
            path, angle_error_deg, distance_error_m, velocity_error_mps) and <name>.svg (distance vs angle).
            """)

    @Option(help: ArgumentHelp("A channel tensor (.npy, complex, shape N_R × N_F × N_T).", valueName: "file"))
    var input: String?

    @Option(
        name: .customLong("method"),
        help: "Estimator(s), repeatable: plain, sequential, tensor-esprit, tensor-esprit-full, fft3d.")
    var methods: [ISACMethodName] = [.plain]

    @OptionGroup var scenario: ISACScenarioOptions
    @OptionGroup var plain: PLAINOptions

    @OptionGroup var output: SeededOutputOptions<ISACEstimateCommand>

    public init() {}

    public func execute() throws {
        let grid = scenario.grid
        var configuration = ISACEstimateStudy.Configuration(
            // A user's tensor has an unknown number of paths: estimate it unless --path-count says.
            plain: plain.configuration(
                scenario: scenario, grid: grid, defaultPathCount: input == nil ? scenario.pathCount : nil))
        configuration.preset = scenario.scenario
        configuration.rangeMapping = scenario.rangeMapping
        configuration.snrDB = scenario.snrDB
        configuration.methods = methods
        configuration.fft = plain.fftSettings
        if let path = input {
            configuration.tensor = try ChannelTensor.read(path, for: grid, preset: scenario.scenario)
        }
        var parameters = configuration.recordedParameters
        parameters["input"] = input ?? "scenario"
        let context = OutputContext(options: output, seed: output.seed, parameters: parameters)
        let study = ISACEstimateStudy(configuration)
        try context.write(study.run(seed: output.seed, progress: context.studyProgress), name: output.name)
    }
}

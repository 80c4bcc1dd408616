import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC

/// `wtk isac estimate`: paired (angle, distance, velocity, gain) estimates of one tensor.
public struct ISACEstimateCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract:
            "Estimate paired (angle, distance, velocity, gain) targets from one tensor (a scenario or a .npy file).",
        discussion: """
            Without --input, a tensor of the scenario is drawn at --snr-db from --seed and the estimates are \
            matched to the truth by optimal assignment (errors in the table). With --input, the .npy array \
            must have shape (N_R, N_F, N_T) of the chosen scenario's grid (else exit 65). Writes <name>.csv \
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

    @Option(help: "Base name of the output files.")
    var name: String = "isac-estimate"

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        var generator = Xoshiro256StarStar(seed: seed.seed)
        let truthScenario = scenario.makeScenario(using: &generator)
        let tensor: ChannelTensor
        var truth: ISACScenario?
        if let path = input {
            tensor = try ChannelTensor.read(from: URL(fileURLWithPath: path))
            guard tensor.dimensions == truthScenario.grid.dimensions else {
                let dims = { (d: [Int]) in "(\(d.map(String.init).joined(separator: ", ")))" }
                throw IOError.malformedInput(
                    file: path, line: nil, column: "shape",
                    reason:
                        "the tensor is (N_R, N_F, N_T) = \(dims(tensor.dimensions)) but --scenario \(scenario.scenario.rawValue) needs \(dims(truthScenario.grid.dimensions))"
                )
            }
            do {
                try tensor.validateSamples()
            } catch ISACError.zeroEnergyInput {
                throw IOError.malformedInput(
                    file: path, line: nil, column: nil, reason: "every element is zero; there is nothing to estimate")
            }
        } else {
            tensor = try truthScenario.tensor(snrDB: scenario.snrDB, using: &generator)
            truth = truthScenario
        }
        let configuration = plain.configuration(
            scenario: scenario, grid: truthScenario.grid, defaultPathCount: truthScenario.paths.count)
        var header = [
            "method", "target", "angle_deg", "distance_m", "velocity_mps", "gain_re", "gain_im", "gain_db",
            "angle_clamped",
        ]
        if truth != nil { header += ["path", "angle_error_deg", "distance_error_m", "velocity_error_mps"] }
        var rows: [[String]] = []
        var plot = Plot(title: "Paired estimates", xLabel: "Angle from array axis [deg]", yLabel: "Distance [m]")
        if let truth {
            try plot.add(.scatter("truth", x: truth.paths.map(\.angleDegrees), y: truth.paths.map(\.distanceMeters)))
        }
        var summary: [String] = []
        for method in methods {
            // Plan for the file's snapshot count S (rank-4 `.npy`), not only for S = 1.
            let shape = tensor.snapshotCount > 1 ? tensor.dimensions + [tensor.snapshotCount] : tensor.dimensions
            let estimator = try method.make(plain: configuration, shape: shape, fft: plain.fftSettings)
            let estimate = try estimator.estimate(tensor)
            var pathOf = [Int?](repeating: nil, count: estimate.targets.count)
            var matching: TargetMatching?
            if let truth {
                let m = TargetMatching(estimates: estimate.targets, paths: truth.paths, grid: truth.grid)
                for (p, e) in m.estimateIndex.enumerated() { if let e { pathOf[e] = p } }
                matching = m
            }
            for (i, target) in estimate.targets.enumerated() {
                var row = [
                    estimator.name, String(i), ISACFormat.number(target.angleDegrees),
                    ISACFormat.number(target.distanceMeters), ISACFormat.number(target.velocityMetersPerSecond),
                    ISACFormat.number(target.gain.real), ISACFormat.number(target.gain.imaginary),
                    ISACFormat.number(ISACFormat.decibels(target.gain)), String(target.angleClamped),
                ]
                if let matching {
                    if let p = pathOf[i], let errors = matching.errors[p] {
                        row += [String(p)] + errors.map(ISACFormat.number)
                    } else {
                        row += ["", "", "", ""]
                    }
                }
                rows.append(row)
            }
            try plot.add(
                .scatter(
                    estimator.name, x: estimate.targets.map(\.angleDegrees), y: estimate.targets.map(\.distanceMeters)))
            summary.append("\(estimator.name): \(estimate.targets.count) targets")
        }
        var parameters = plain.parameters
        parameters["input"] = input ?? "scenario"
        parameters["scenario"] = scenario.scenario.rawValue
        parameters["snr_db"] = input == nil ? String(scenario.snrDB) : "n/a"
        parameters["methods"] = methods.map(\.rawValue).joined(separator: ",")
        let context = OutputContext(options: output, seed: seed.seed, parameters: parameters)
        try context.write(CSVTable(header: header, rows: rows), name: name)
        try context.writeSVG(plot.svg(), name: name)
        context.note("isac estimate: " + summary.joined(separator: "; ") + "; wrote \(name).csv, \(name).svg")
    }
}

import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss model`: tabulate one standard model over a grid given on the command line.
public struct PathLossModelCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "model",
        abstract:
            "Tabulate FSPL, TR 38.901 (UMi/UMa + O2I) or ITU-R P.2109 over distances, frequencies and probabilities.",
        discussion: """
            MODEL is one of: fspl, fspl-shorthand, o2i-low, o2i-high (TR 38.901 PL_b + PL_tw + mean PL_in), \
            umi, uma (TR 38.901 PL_b only), p2109-traditional, p2109-thermally-efficient (building entry loss only). \
            Lists are comma-separated, e.g. --distance 10,20,50,100 --frequency 28,39. For P.2109 the grid is \
            frequency × --probability (percent not exceeded). Writes <name>.csv (loss_db = positive loss) and <name>.svg.
            """)

    @Argument(help: "The model.")
    var model: PathLossModelStudy.Model

    @Option(parsing: .unconditional, help: "Distances d3D [m], comma-separated.")
    var distance: CommaList<Double> = "10,20,49,50,68,100,175,200"

    @Option(parsing: .unconditional, help: "Carrier frequencies [GHz], comma-separated.")
    var frequency: CommaList<Double> = "28"

    @Option(parsing: .unconditional, help: "P.2109 probabilities [% not exceeded], comma-separated, each in (0, 100).")
    var probability: CommaList<Double> = "1,10,50,90,99"

    @Option(parsing: .unconditional, help: "P.2109 façade elevation angle [deg], |θ| ≤ 90.")
    var elevation: Double = 0

    @Option(name: .customLong("bs-height"), parsing: .unconditional, help: "TR 38.901 BS height h_BS [m].")
    var baseStationHeightMeters: Double = 10

    @Option(name: .customLong("ut-height"), parsing: .unconditional, help: "TR 38.901 UT height h_UT [m], 1.5–22.5.")
    var userHeightMeters: Double = 4.5

    @Flag(help: "TR 38.901 line of sight (default NLOS).")
    var los = false

    @Option(name: .customLong("irr-release"), help: "IRR-glass release for o2i-high: r17 or r19.")
    var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17

    @Option(
        name: .customLong("indoor-distance"), parsing: .unconditional,
        help: "Indoor distance d2D-in [m], ≥ 0 (default: the mean 25/3 m).")
    var indoorDistanceMeters: Double?

    @OptionGroup var output: NamedOutputOptions<PathLossModelCommand>

    public init() {}

    public func validate() throws {
        for (list, option, lower) in [(distance, "--distance", "m"), (frequency, "--frequency", "GHz")] {
            guard list.values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw ValidationError("\(option) values must be finite and > 0 \(lower) (got '\(list.text)').")
            }
        }
        guard probability.values.allSatisfy(\.isFinite) else {
            throw ValidationError("--probability values must be finite (got '\(probability.text)').")
        }
        try OptionRange.checkListLength(distance.count, "--distance", maximum: 100_000)
        try OptionRange.checkListLength(frequency.count, "--frequency", maximum: 1_000)
        try OptionRange.checkListLength(probability.count, "--probability", maximum: 1_000)
        let rows = distance.count * frequency.count * probability.count
        guard rows <= 1_000_000 else {
            throw ValidationError(
                "--distance × --frequency × --probability give \(rows) rows; at most 1000000 are allowed.")
        }
        if let din = indoorDistanceMeters, !(din >= 0 && din.isFinite) {
            throw ValidationError("--indoor-distance must be a finite distance ≥ 0 m (got \(din)).")
        }
    }

    public func execute() throws {
        var configuration = PathLossModelStudy.Configuration(model: model, distancesMeters: distance.values)
        configuration.frequenciesGHz = frequency.values
        configuration.probabilitiesPercent = probability.values
        configuration.elevationDegrees = elevation
        configuration.baseStationHeightMeters = baseStationHeightMeters
        configuration.userHeightMeters = userHeightMeters
        configuration.lineOfSight = los
        configuration.irrRelease = irrRelease
        configuration.indoorDistanceMeters = indoorDistanceMeters
        let typed = [
            "distance_m": distance.text, "frequency_ghz": frequency.text, "probability_percent": probability.text,
        ]
        let context = OutputContext(
            options: output, parameters: configuration.recordedParameters.merging(typed) { _, typed in typed })
        try context.write(PathLossModelStudy(configuration).run(progress: context.studyProgress), name: output.name)
    }
}

extension PathLossModelStudy.Model: ExpressibleByArgument {}

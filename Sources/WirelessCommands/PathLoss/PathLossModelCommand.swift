import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss model`: tabulate one standard model over a grid given on the command line.
public struct PathLossModelCommand: WTKCommand {
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

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case fspl
        case fsplShorthand = "fspl-shorthand"
        case o2iLow = "o2i-low"
        case o2iHigh = "o2i-high"
        case umi
        case uma
        case p2109Traditional = "p2109-traditional"
        case p2109ThermallyEfficient = "p2109-thermally-efficient"
    }

    @Argument(help: "The model.")
    var model: Model

    @Option(help: "Distances d3D [m], comma-separated.")
    var distance: String = "10,20,49,50,68,100,175,200"

    @Option(help: "Carrier frequencies [GHz], comma-separated.")
    var frequency: String = "28"

    @Option(help: "P.2109 probabilities [% not exceeded], comma-separated, each in (0, 100).")
    var probability: String = "1,10,50,90,99"

    @Option(help: "P.2109 façade elevation angle [deg], |θ| ≤ 90.")
    var elevation: Double = 0

    @Option(name: .customLong("bs-height"), help: "TR 38.901 BS height h_BS [m].")
    var baseStationHeightMeters: Double = 10

    @Option(name: .customLong("ut-height"), help: "TR 38.901 UT height h_UT [m], 1.5–22.5.")
    var userHeightMeters: Double = 4.5

    @Flag(help: "TR 38.901 line of sight (default NLOS).")
    var los = false

    @Option(name: .customLong("irr-release"), help: "IRR-glass release for o2i-high: r17 or r19.")
    var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17

    @Option(name: .customLong("indoor-distance"), help: "Indoor distance d2D-in [m], ≥ 0 (default: the mean 25/3 m).")
    var indoorDistanceMeters: Double?

    @Option(help: "Base name of the output files.")
    var name: String = "pathloss-model"

    @OptionGroup var output: OutputOptions

    public init() {}

    static func list(_ text: String, _ option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0!.isFinite }) else {
            throw ValidationError("--\(option) must be a comma-separated list of numbers (got '\(text)').")
        }
        return values.map { $0! }
    }

    public func validate() throws {
        let d = try Self.list(distance, "distance")
        guard d.allSatisfy({ $0 > 0 }) else { throw ValidationError("--distance values must be > 0 m.") }
        let f = try Self.list(frequency, "frequency")
        guard f.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--frequency values must be > 0 GHz.")
        }
        let p = try Self.list(probability, "probability")
        try OptionRange.checkListLength(d.count, "--distance", maximum: 100_000)
        try OptionRange.checkListLength(f.count, "--frequency", maximum: 1_000)
        try OptionRange.checkListLength(p.count, "--probability", maximum: 1_000)
        guard d.count * f.count * p.count <= 1_000_000 else {
            throw ValidationError(
                "--distance × --frequency × --probability give \(d.count * f.count * p.count) rows; at most 1000000 are allowed.")
        }
        if let din = indoorDistanceMeters, !(din >= 0 && din.isFinite) {
            throw ValidationError("--indoor-distance must be a finite distance ≥ 0 m (got \(din)).")
        }
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let distances = try Self.list(distance, "distance")
        let frequencies = try Self.list(frequency, "frequency")
        let probabilities = try Self.list(probability, "probability")
        var header: [String]
        var rows: [[String]] = []
        var curves: [(label: String, x: [Double], y: [Double])] = []
        let number = CSVNumberFormat.shortestRoundTrip
        let isP2109 = model == .p2109Traditional || model == .p2109ThermallyEfficient
        if isP2109 {
            let bel: BuildingEntryLossP2109 = model == .p2109Traditional ? .traditional : .thermallyEfficient
            header = ["model", "frequency_ghz", "probability_percent", "elevation_deg", "loss_db"]
            for f in frequencies {
                var ys: [Double] = []
                for p in probabilities {
                    let loss = try bel.lossDB(
                        frequency: .gigahertz(f), probabilityPercent: p, elevationDegrees: elevation)
                    ys.append(loss)
                    rows.append([
                        model.rawValue, number.format(f), number.format(p), number.format(elevation),
                        number.format(loss),
                    ])
                }
                curves.append(("\(number.format(f)) GHz", probabilities, ys))
            }
        } else {
            header = ["model", "frequency_ghz", "distance_m", "loss_db", "out_of_validity"]
            for f in frequencies {
                var ys: [Double] = []
                for d in distances {
                    let (loss, flagged) = try evaluate(distanceMeters: d, frequency: .gigahertz(f))
                    ys.append(loss)
                    rows.append([
                        model.rawValue, number.format(f), number.format(d), number.format(loss), flagged ? "1" : "0",
                    ])
                }
                curves.append(("\(number.format(f)) GHz", distances, ys))
            }
        }
        let context = OutputContext(
            options: output,
            parameters: [
                "model": model.rawValue, "distance_m": distance, "frequency_ghz": frequency,
                "probability_percent": probability,
                "elevation_deg": String(elevation), "bs_height_m": String(baseStationHeightMeters),
                "ut_height_m": String(userHeightMeters), "los": String(los), "irr_release": irrRelease.rawValue,
            ])
        var plot = Plot(
            title: "\(model.rawValue)" + (model == .o2iHigh ? " (IRR \(irrRelease.rawValue))" : ""),
            xLabel: isP2109 ? "Probability not exceeded [%]" : "Distance [m]", yLabel: "Loss [dB]",
            xAxis: isP2109 || distances.count < 2 ? .linear : .log10)
        for curve in curves { plot.add(try .lineMarkers(curve.label, x: curve.x, y: curve.y)) }
        try context.write(CSVTable(header: header, rows: rows), name: name)
        try context.writeSVG(plot.svg(), name: name)
        context.note("model: \(rows.count) values of \(model.rawValue); wrote \(name).csv, \(name).svg")
    }

    /// Loss [dB] at one grid point and whether it was outside the model's validity (flagged, not thrown, only for
    /// d2D outside 10 m–5 km; frequency and h_UT outside their ranges throw).
    func evaluate(distanceMeters d: Double, frequency: Frequency) throws -> (Double, Bool) {
        switch model {
        case .fspl: return (FreeSpacePathLoss.exact.lossDB(distanceMeters: d, frequency: frequency), false)
        case .fsplShorthand: return (FreeSpacePathLoss.shorthand.lossDB(distanceMeters: d, frequency: frequency), false)
        case .umi, .uma, .o2iLow, .o2iHigh:
            let dh = baseStationHeightMeters - userHeightMeters
            guard d * d > dh * dh else {
                throw PathLossError.parameterOutOfRange(
                    name: "distance", value: d, valid: "> |h_BS − h_UT| = \(abs(dh)) m")
            }
            let street: ThreeGPPStreetPathLoss = model == .uma ? .urbanMacro : .urbanMicroStreetCanyon
            // Frequency and h_UT stay strict (a bad flag exits 64); a grid point with d2D outside 10 m–5 km is
            // evaluated by extrapolation and flagged in the out_of_validity column instead of aborting the table.
            _ = try street.basicLoss(
                distance3DMeters: (100 + dh * dh).squareRoot(), distance2DMeters: 10, frequency: frequency,
                baseStationHeightMeters: baseStationHeightMeters, userHeightMeters: userHeightMeters, lineOfSight: los)
            let base = try street.basicLoss(
                distance3DMeters: d, distance2DMeters: (d * d - dh * dh).squareRoot(), frequency: frequency,
                baseStationHeightMeters: baseStationHeightMeters, userHeightMeters: userHeightMeters, lineOfSight: los,
                validity: .extrapolate)
            guard model == .o2iLow || model == .o2iHigh else { return (base.lossDB, base.outOfValidity) }
            let building = O2IBuildingPenetration(
                building: model == .o2iLow ? .lowLoss : .highLoss, irrRelease: irrRelease)
            return (
                base.lossDB
                    + (try building.meanPenetrationLossDB(
                        frequency: frequency, indoorDistanceMeters: indoorDistanceMeters)),
                base.outOfValidity
            )
        case .p2109Traditional, .p2109ThermallyEfficient:
            preconditionFailure("P.2109 is tabulated over probabilities")
        }
    }
}

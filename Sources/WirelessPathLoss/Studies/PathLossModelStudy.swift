import Foundation
import WirelessCore
import WirelessIO

/// The tabulation of `wtk pathloss model`: one standard model — free space, TR 38.901 street
/// (UMi/UMa, optionally + O2I building penetration) or ITU-R P.2109 building entry loss — over a grid
/// of distances and frequencies (P.2109: frequencies × probabilities). Losses are positive dB.
///
///     let result = try PathLossModelStudy(.init(model: .umi, distancesMeters: [10, 100])).run()
///     result.tables[0]   // model, frequency_ghz, distance_m, loss_db, out_of_validity
public struct PathLossModelStudy: Study {
    /// The models that can be tabulated.
    public enum Model: String, Sendable, CaseIterable {
        case fspl
        case fsplShorthand = "fspl-shorthand"
        case o2iLow = "o2i-low"
        case o2iHigh = "o2i-high"
        case umi
        case uma
        case p2109Traditional = "p2109-traditional"
        case p2109ThermallyEfficient = "p2109-thermally-efficient"

        /// Whether the model is tabulated over probabilities (P.2109) rather than distances.
        public var isP2109: Bool { self == .p2109Traditional || self == .p2109ThermallyEfficient }

        /// The model in words, for figure titles.
        public var title: String {
            switch self {
            case .fspl: "Free-space path loss"
            case .fsplShorthand: "Free-space path loss (shorthand 32.4 + 20·log10 f + 20·log10 d)"
            case .o2iLow: "TR 38.901 O2I path loss, low-loss building"
            case .o2iHigh: "TR 38.901 O2I path loss, high-loss building"
            case .umi: "TR 38.901 UMi street canyon path loss"
            case .uma: "TR 38.901 UMa path loss"
            case .p2109Traditional: "ITU-R P.2109 building entry loss, traditional building"
            case .p2109ThermallyEfficient: "ITU-R P.2109 building entry loss, thermally efficient building"
            }
        }
    }

    /// The model and its grid.
    public struct Configuration: Sendable {
        /// The model.
        public var model: Model
        /// Distances d3D [m], each > 0 (not used by P.2109).
        public var distancesMeters: [Double] = [10, 20, 49, 50, 68, 100, 175, 200]
        /// Carrier frequencies [GHz], each > 0.
        public var frequenciesGHz: [Double] = [28]
        /// P.2109 probabilities [% not exceeded], each in (0, 100).
        public var probabilitiesPercent: [Double] = [1, 10, 50, 90, 99]
        /// P.2109 façade elevation angle [deg], |θ| ≤ 90.
        public var elevationDegrees: Double = 0
        /// TR 38.901 BS height h_BS [m].
        public var baseStationHeightMeters: Double = 10
        /// TR 38.901 UT height h_UT [m], 1.5–22.5.
        public var userHeightMeters: Double = 4.5
        /// TR 38.901 line of sight.
        public var lineOfSight = false
        /// IRR-glass release for `o2iHigh`.
        public var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17
        /// Indoor distance d2D-in [m], ≥ 0 (nil: the mean 25/3 m).
        public var indoorDistanceMeters: Double?

        public init(model: Model, distancesMeters: [Double]? = nil) {
            self.model = model
            if let distancesMeters { self.distancesMeters = distancesMeters }
        }
    }

    /// One curve per frequency.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Loss [dB] per frequency (outer) and grid point (inner: distance, or probability for P.2109).
        public let lossesDB: [[Double]]
        /// Whether each point lies outside the model's validity (evaluated by extrapolation).
        public let outOfValidity: [[Bool]]
        /// P.2109 only: loss [dB] per frequency on `curveProbabilitiesPercent`, the figure's smooth curve.
        public var curveDB: [[Double]] = []

        public var tables: [StudyTable] { [lossTable] }
        public var plots: [StudyPlot] { [lossPlot] }
        public var summary: String {
            "model: \(lossesDB.joined().count) values of \(configuration.model.rawValue)"
        }

        var grid: [Double] {
            configuration.model.isP2109 ? configuration.probabilitiesPercent : configuration.distancesMeters
        }

        /// The grid and its losses (the main table).
        public var lossTable: StudyTable {
            let c = configuration
            var rows: StudyRows
            if c.model.isP2109 {
                rows = StudyRows([
                    ("model", nil), ("frequency", "ghz"), ("probability", "percent"), ("elevation", "deg"),
                    ("loss", "db"),
                ])
            } else {
                rows = StudyRows([
                    ("model", nil), ("frequency", "ghz"), ("distance", "m"), ("loss", "db"), ("out_of_validity", nil),
                ])
            }
            for (i, f) in c.frequenciesGHz.enumerated() {
                for (j, x) in grid.enumerated() {
                    if c.model.isP2109 {
                        rows.append([
                            .text(c.model.rawValue), .real(f), .real(x), .real(c.elevationDegrees),
                            .real(lossesDB[i][j]),
                        ])
                    } else {
                        rows.append([
                            .text(c.model.rawValue), .real(f), .real(x), .real(lossesDB[i][j]),
                            .integer(outOfValidity[i][j] ? 1 : 0),
                        ])
                    }
                }
            }
            return rows.table()
        }

        /// Loss against the grid, one curve per frequency (the main figure).
        public var lossPlot: StudyPlot {
            let c = configuration
            let number = CSVNumberFormat.shortestRoundTrip.format
            let elevation = c.model.isP2109 ? ", θ = \(number(c.elevationDegrees))°" : ""
            var plot = StudyPlot(
                title: c.model.title + (c.model == .o2iHigh ? " (IRR \(c.irrRelease.rawValue))" : "") + elevation,
                xLabel: c.model.isP2109 ? "Probability not exceeded [%]" : "Distance [m]", yLabel: "Loss [dB]",
                xScale: c.model.isP2109 || c.distancesMeters.count < 2 ? .linear : .log10)
            for f in c.frequenciesGHz.indices {
                let name = "\(number(c.frequenciesGHz[f])) GHz"
                if c.model.isP2109, f < curveDB.count {
                    // The model is smooth in p: the curve on a fine grid, the tabulated points as markers.
                    plot.series.append(
                        StudySeries(name, .line(x: PathLossModelStudy.curveProbabilitiesPercent, y: curveDB[f])))
                    plot.series.append(
                        StudySeries(name + " (table)", .scatter(x: grid, y: lossesDB[f]), colorIndex: f * 2))
                } else {
                    plot.series.append(StudySeries(name, .lineMarkers(x: grid, y: lossesDB[f])))
                }
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// The probabilities [%] of the P.2109 figure's curve: 0.5 % to 99.5 % every 0.5 % (199 points).
    static let curveProbabilitiesPercent = (1...199).map { Double($0) / 2 }

    /// Evaluates the model on the grid (deterministic: `seed` is ignored).
    /// - Throws: `PathLossError.parameterOutOfRange` for a frequency, height, probability or distance
    ///   the model does not accept (a 2-D distance outside 10 m–5 km is extrapolated and flagged instead).
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        var losses: [[Double]] = []
        var flags: [[Bool]] = []
        for f in c.frequenciesGHz {
            var row: [Double] = []
            var flagged: [Bool] = []
            if c.model.isP2109 {
                let bel: BuildingEntryLossP2109 = c.model == .p2109Traditional ? .traditional : .thermallyEfficient
                for p in c.probabilitiesPercent {
                    row.append(
                        try bel.lossDB(
                            frequency: .gigahertz(f), probabilityPercent: p, elevationDegrees: c.elevationDegrees))
                    flagged.append(false)
                }
            } else {
                for d in c.distancesMeters {
                    let (loss, outside) = try evaluate(distanceMeters: d, frequency: .gigahertz(f))
                    row.append(loss)
                    flagged.append(outside)
                }
            }
            losses.append(row)
            flags.append(flagged)
        }
        var result = Result(configuration: c, lossesDB: losses, outOfValidity: flags)
        if c.model.isP2109 {
            let bel: BuildingEntryLossP2109 = c.model == .p2109Traditional ? .traditional : .thermallyEfficient
            result.curveDB = try c.frequenciesGHz.map { f in
                try Self.curveProbabilitiesPercent.map {
                    try bel.lossDB(
                        frequency: .gigahertz(f), probabilityPercent: $0, elevationDegrees: c.elevationDegrees)
                }
            }
        }
        return result
    }

    /// Loss [dB] at one distance and whether it was outside the model's validity (flagged, not thrown,
    /// only for d2D outside 10 m–5 km; frequency and h_UT outside their ranges throw).
    func evaluate(distanceMeters d: Double, frequency: Frequency) throws -> (Double, Bool) {
        let c = configuration
        switch c.model {
        case .fspl: return (FreeSpacePathLoss.exact.lossDB(distanceMeters: d, frequency: frequency), false)
        case .fsplShorthand: return (FreeSpacePathLoss.shorthand.lossDB(distanceMeters: d, frequency: frequency), false)
        case .umi, .uma, .o2iLow, .o2iHigh:
            let dh = c.baseStationHeightMeters - c.userHeightMeters
            guard d * d > dh * dh else {
                throw PathLossError.parameterOutOfRange(
                    name: "distance", value: d, valid: "> |h_BS − h_UT| = \(abs(dh)) m")
            }
            let street: ThreeGPPStreetPathLoss = c.model == .uma ? .urbanMacro : .urbanMicroStreetCanyon
            // Frequency and h_UT stay strict; a grid point with d2D outside 10 m–5 km is evaluated by
            // extrapolation and flagged instead of aborting the table.
            _ = try street.basicLoss(
                distance3DMeters: (100 + dh * dh).squareRoot(), distance2DMeters: 10, frequency: frequency,
                baseStationHeightMeters: c.baseStationHeightMeters, userHeightMeters: c.userHeightMeters,
                lineOfSight: c.lineOfSight)
            let base = try street.basicLoss(
                distance3DMeters: d, distance2DMeters: (d * d - dh * dh).squareRoot(), frequency: frequency,
                baseStationHeightMeters: c.baseStationHeightMeters, userHeightMeters: c.userHeightMeters,
                lineOfSight: c.lineOfSight, validity: .extrapolate)
            guard c.model == .o2iLow || c.model == .o2iHigh else { return (base.lossDB, base.outOfValidity) }
            let building = O2IBuildingPenetration(
                building: c.model == .o2iLow ? .lowLoss : .highLoss, irrRelease: c.irrRelease)
            return (
                base.lossDB
                    + (try building.meanPenetrationLossDB(
                        frequency: frequency, indoorDistanceMeters: c.indoorDistanceMeters)),
                base.outOfValidity
            )
        case .p2109Traditional, .p2109ThermallyEfficient:
            preconditionFailure("P.2109 is tabulated over probabilities")
        }
    }
}

extension PathLossModelStudy.Configuration {
    /// The settings a run records beside its outputs: `model`, the grids `distance_m`, `frequency_ghz` and
    /// `probability_percent` (comma-separated; a command records each list as its user typed it instead),
    /// `elevation_deg`, `bs_height_m`, `ut_height_m`, `los` and `irr_release`.
    public var recordedParameters: [String: String] {
        func list(_ values: [Double]) -> String { values.map { String($0) }.joined(separator: ",") }
        return [
            "model": model.rawValue, "distance_m": list(distancesMeters), "frequency_ghz": list(frequenciesGHz),
            "probability_percent": list(probabilitiesPercent), "elevation_deg": String(elevationDegrees),
            "bs_height_m": String(baseStationHeightMeters), "ut_height_m": String(userHeightMeters),
            "los": String(lineOfSight), "irr_release": irrRelease.rawValue,
        ]
    }
}

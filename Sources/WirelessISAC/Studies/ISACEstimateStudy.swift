import Foundation
import Numerics
import WirelessCore

/// The estimation study of `wtk isac estimate`: paired (angle, distance, velocity, gain) targets of one
/// tensor by one or more estimators; on a drawn scenario tensor, each estimate is matched to the truth
/// by optimal assignment and its errors tabulated.
///
///     let grid = ISACScenarioPreset.paper.grid()
///     var configuration = ISACEstimateStudy.Configuration(plain: PLAINConfiguration(grid: grid, pathCount: 6))
///     let result = try ISACEstimateStudy(configuration).run(seed: 1)
///     result.tables[0]   // method, target, angle_deg, distance_m, …, angle_error_deg, …
public struct ISACEstimateStudy: Study {
    /// What to estimate.
    public struct Configuration: Sendable {
        /// The scenario (its phases drawn from the seed).
        public var preset: ISACScenarioPreset = .paper
        /// How delay maps to distance.
        public var rangeMapping: RangeMapping = .oneWay
        /// SNR of the drawn tensor [dB], finite.
        public var snrDB: Double = 10
        /// A given tensor of the scenario's shape (nil: draw one from the scenario at `snrDB`; no truth
        /// is known for a given tensor).
        public var tensor: ChannelTensor?
        /// The estimators, in table order.
        public var methods: [ISACMethod] = [.plain]
        /// PLAIN settings (and the grid, path count shared by the other estimators).
        public var plain: PLAINConfiguration
        /// The fft3d baseline's settings.
        public var fft = ISACMethod.FFTSettings()

        public init(plain: PLAINConfiguration) { self.plain = plain }
    }

    /// One estimator's targets, matched to the truth when known.
    public struct MethodEstimate: Sendable {
        /// The estimator's table name (`plain`, `fft3d`, …).
        public let name: String
        /// The estimate.
        public let estimate: ISACEstimate
        /// Matching to the truth (nil without a truth).
        public let matching: TargetMatching?
    }

    /// The estimates.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The scenario drawn (nil when a tensor was given).
        public let truth: ISACScenario?
        /// One entry per method.
        public let estimates: [MethodEstimate]

        public var tables: [StudyTable] { [targetTable, modeOrderTable] }
        public var plots: [StudyPlot] { [targetPlot] + (truth == nil ? [] : [errorPlot]) }
        public var summary: String {
            "isac estimate: "
                + estimates.map { entry in
                    let orders = entry.estimate.modeEstimates.map { String($0.order) }
                    let criterion = configuration.plain.modelOrderCriterion.rawValue.uppercased()
                    return "\(entry.name): \(entry.estimate.targets.count) targets"
                        + (orders.isEmpty ? "" : " (\(criterion) orders \(orders.joined(separator: "/")))")
                }
                .joined(separator: "; ")
        }

        /// Per method with a decoupled per-mode stage (PLAIN, sequential): the model order K_m of each mode
        /// (`mode-orders`), selected by the criterion or forced by the path count.
        public var modeOrderTable: StudyTable {
            var rows = StudyRows([("method", nil), ("mode", nil), ("order", nil), ("criterion", nil)])
            let forced = configuration.plain.pathCountUse == .everywhere && configuration.plain.pathCount != nil
            let criterion = forced ? "forced" : configuration.plain.modelOrderCriterion.rawValue
            for entry in estimates {
                for (m, mode) in entry.estimate.modeEstimates.enumerated() {
                    rows.append([.text(entry.name), .text(Self.modeNames[m]), .integer(mode.order), .text(criterion)])
                }
            }
            return rows.table(name: "-mode-orders")
        }

        /// The tensor modes in order (angle, distance, velocity).
        static let modeNames = ["angle", "distance", "velocity"]

        /// One row per estimated target (the main table); with a truth, the matched path and errors.
        public var targetTable: StudyTable {
            var layout: [(String, String?)] = [
                ("method", nil), ("target", nil), ("angle", "deg"), ("distance", "m"), ("velocity", "mps"),
                ("gain_re", nil), ("gain_im", nil), ("gain", "db"), ("angle_clamped", nil),
            ]
            if truth != nil {
                layout += [("path", nil), ("angle_error", "deg"), ("distance_error", "m"), ("velocity_error", "mps")]
            }
            var rows = StudyRows(layout: layout.map { (name: $0.0, unit: $0.1, style: .swiftDescription) })
            for entry in estimates {
                let targets = entry.estimate.targets
                var pathOf = [Int?](repeating: nil, count: targets.count)
                if let matching = entry.matching {
                    for (p, e) in matching.estimateIndex.enumerated() { if let e { pathOf[e] = p } }
                }
                for (i, target) in targets.enumerated() {
                    var row: [StudyCell] = [
                        .text(entry.name), .integer(i), .real(target.angleDegrees), .real(target.distanceMeters),
                        .real(target.velocityMetersPerSecond), .real(target.gain.real), .real(target.gain.imaginary),
                        .real(target.gainPowerDB), .text(String(target.angleClamped)),
                    ]
                    if let matching = entry.matching {
                        if let p = pathOf[i], let errors = matching.errors[p] {
                            row += [.integer(p)] + errors.map { .real($0) }
                        } else {
                            row += [.text(""), .real(nil), .real(nil), .real(nil)]
                        }
                    }
                    rows.append(row)
                }
            }
            return rows.table()
        }

        /// With a truth: each path's error in Rayleigh cells, √(Σ_m (|Δω_m|·N_m/2π)²) over the three modes, per
        /// method on a log axis (`errors`): the differences the distance–angle scatter is too coarse to show.
        /// Unpaired paths are left out.
        public var errorPlot: StudyPlot {
            var plot = StudyPlot(
                name: "-errors",
                title: "Estimation error per path (SNR \(String(format: "%g", configuration.snrDB)) dB)",
                xLabel: "Path (truth order)", yLabel: "Error [Rayleigh cells, 3 modes]", yScale: .log10)
            for entry in estimates {
                guard let matching = entry.matching else { continue }
                var x: [Double] = []
                var y: [Double] = []
                for (p, cells) in matching.cellErrors.enumerated() {
                    guard let cells else { continue }
                    x.append(Double(p + 1))
                    y.append(cells.reduce(0) { $0 + $1 * $1 }.squareRoot())
                }
                plot.series.append(StudySeries(entry.name, .lineMarkers(x: x, y: y)))
            }
            return plot
        }

        /// Distance against angle: the truth and each method's targets (the main figure).
        public var targetPlot: StudyPlot {
            var plot = StudyPlot(
                title: truth == nil
                    ? "Paired estimates: distance vs angle"
                    : "Paired estimates and truth: distance vs angle (SNR \(String(format: "%g", configuration.snrDB)) dB)",
                xLabel: "Angle from array axis [deg]", yLabel: "Distance [m]")
            if let truth {
                plot.series.append(
                    StudySeries(
                        "truth", .scatter(x: truth.paths.map(\.angleDegrees), y: truth.paths.map(\.distanceMeters))))
            }
            for entry in estimates {
                let targets = entry.estimate.targets
                plot.series.append(
                    StudySeries(
                        entry.name, .scatter(x: targets.map(\.angleDegrees), y: targets.map(\.distanceMeters))))
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Draws the scenario (and its tensor when none is given) from `seed`, then runs each estimator.
    /// - Throws: `ISACError` for a tensor or configuration an estimator refuses.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        var generator = Xoshiro256StarStar(seed: seed)
        let scenario = c.preset.scenario(rangeMapping: c.rangeMapping, using: &generator)
        let tensor = try c.tensor ?? scenario.tensor(snrDB: c.snrDB, using: &generator)
        let truth = c.tensor == nil ? scenario : nil
        // Plan for the tensor's snapshot count S (rank-4 `.npy`), not only for S = 1.
        let shape = tensor.snapshotCount > 1 ? tensor.dimensions + [tensor.snapshotCount] : tensor.dimensions
        var estimates: [MethodEstimate] = []
        for method in c.methods {
            let estimator = try method.make(plain: c.plain, shape: shape, fft: c.fft)
            let estimate = try estimator.estimate(tensor)
            let matching = truth.map { TargetMatching(estimates: estimate.targets, paths: $0.paths, grid: $0.grid) }
            estimates.append(MethodEstimate(name: estimator.name, estimate: estimate, matching: matching))
        }
        return Result(configuration: c, truth: truth, estimates: estimates)
    }
}

import Foundation
import Numerics
import WirelessCore

/// The Monte-Carlo evaluations of `wtk isac sweep`, per method:
/// - `rmse`: per SNR and parameter (angle, distance, velocity), the RMSE of trials with K̂ = P (estimates
///   matched to the truth by optimal assignment) against the CRB (full data, and compressed data for
///   Averaging/Decimation/none), as √(mean CRB over paths and trials);
/// - `resolution`: the probability that two equal-power targets κ Rayleigh cells (2π/N_m) apart in one
///   dimension (3 cells apart in the others) are both found within half the separation;
/// - `detect`: with the path count estimated, P(K̂ = P), P(pairing within half a cell | K̂ = P) and the
///   overall success.
///
/// Trials run in parallel with per-trial streams (seed, trial); a trial's scenario and unit noise are
/// drawn once and scaled for every SNR, so results do not depend on the thread count.
///
/// Shardable (`ShardableStudy`): the work items are point × trial block (points are the SNRs of
/// `rmse`/`detect`, or dimension × separation of `resolution`; blocks of `trialsPerWorkItem` trials),
/// item = block · points + point (block-major, so the shards of a long sweep split its trials and few trials
/// are drawn by two shards). A block's sums are folded in trial order and the blocks of a point in
/// block order, by a one-process run and by a merge of shards alike.
///
///     var configuration = ISACSweepStudy.Configuration(plain: PLAINConfiguration(pathCount: 6))
///     configuration.trials = 4
///     let rmse = try ISACSweepStudy(configuration).run(seed: 1).tables[0]   // method, snr_db, parameter, rmse, …
public struct ISACSweepStudy: ShardableStudy {
    /// Which evaluation.
    public enum Evaluation: String, Sendable, CaseIterable {
        case rmse, resolution, detect
    }

    /// What to sweep.
    public struct Configuration: Sendable {
        /// The evaluation.
        public var evaluation: Evaluation = .rmse
        /// The estimators, in table order (at least one).
        public var methods: [ISACMethod] = [.plain, .sequential, .tensorESPRIT, .fft3d]
        /// SNR points [dB] of `rmse` and `detect`.
        public var snrsDB: [Double] = [-20, -15, -10, -5, 0, 5, 10, 15, 20]
        /// SNR of `resolution` [dB].
        public var resolutionSNRDB: Double = 10
        /// Separations κ of `resolution` [Rayleigh cells], each in (0, 1000].
        public var separationsCells: [Double] = [0.25, 0.5, 0.75, 1, 1.5]
        /// Monte-Carlo trials per point, ≥ 1 (memory grows only by one record per block of trials).
        public var trials = 20
        /// Trials per work item (the unit a shard runs and the block sums are folded in), ≥ 1. Part of
        /// the result's definition: with more trials than this, sums are folded block by block, so
        /// changing it may change the last digits of the RMSE.
        public var trialsPerWorkItem = 64
        /// The scenario of `rmse` and `detect` (phases drawn per trial).
        public var preset: ISACScenarioPreset = .paper
        /// How delay maps to distance.
        public var rangeMapping: RangeMapping = .oneWay
        /// PLAIN settings and the grid; `detect` estimates the path count whatever `pathCount` says.
        public var plain: PLAINConfiguration
        /// The fft3d baseline's settings.
        public var fft = ISACMethod.FFTSettings()

        public init(plain: PLAINConfiguration) { self.plain = plain }
    }

    /// The sweep's table and curves.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Estimator names, in method order.
        public let methodNames: [String]
        /// The table (`rmse`, `resolution` or `detect` layout).
        public let table: StudyTable
        /// `rmse` only: RMSE and CRB of each path (`-per-path`; the main table averages the CRB over paths).
        public var perPathTable: StudyTable? = nil
        /// The figures (three for `rmse` and `resolution`, one per parameter; one for `detect`).
        public let plots: [StudyPlot]
        public let summary: String

        public var tables: [StudyTable] { [table] + (perPathTable.map { [$0] } ?? []) }
    }

    /// Paths of every preset scenario (the per-path columns of the `rmse` partial).
    static let pathSlots = 6

    /// Width of one `rmse` work item's record for `methods` estimators: CRB sums (6), per method
    /// [valid, Σerr²] (4), per-path CRB sums (2 bounds × 3 parameters × paths), per method per-path Σerr².
    static func rmseRecordWidth(methods: Int) -> Int { 6 + 4 * methods + 6 * pathSlots + 3 * pathSlots * methods }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Names of the three parameters, as in the tables.
    public static let parameterNames = ["angle_deg", "distance_m", "velocity_mps"]

    /// The three parameters in words, for figure titles.
    static let parameterWords = ["Angle", "Distance", "Velocity"]

    /// Runs the evaluation.
    /// - Throws: `ISACError` for a configuration an estimator refuses (a failed trial is scored, not thrown).
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        try runAllWorkItems(seed: seed, progress: progress)
    }

    /// Number of trial blocks per point.
    var blockCount: Int {
        (configuration.trials + configuration.trialsPerWorkItem - 1) / configuration.trialsPerWorkItem
    }

    /// Number of points: SNRs (`rmse`, `detect`) or 3 dimensions × separations (`resolution`).
    var pointCount: Int {
        configuration.evaluation == .resolution ? 3 * configuration.separationsCells.count : configuration.snrsDB.count
    }

    /// The trials of block `block`.
    func trials(ofBlock block: Int) -> Range<Int> {
        let per = configuration.trialsPerWorkItem
        return (block * per)..<min(configuration.trials, (block + 1) * per)
    }

    /// Points × trial blocks.
    /// - Throws: `ISACError.invalidParameter` for trials or trials per work item below 1.
    public func workItemCount() throws -> Int {
        guard configuration.trials >= 1 else { throw ISACError.invalidParameter(name: "trials (must be ≥ 1)") }
        guard configuration.trialsPerWorkItem >= 1 else {
            throw ISACError.invalidParameter(name: "trialsPerWorkItem (must be ≥ 1)")
        }
        return pointCount * blockCount
    }

    /// Runs the work items `items` (block-major: item = block · points + point).
    public func runWorkItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        let total = try workItemCount()
        precondition(items.lowerBound >= 0 && items.upperBound <= total, "ISACSweepStudy: work items out of range")
        switch configuration.evaluation {
        case .rmse: return try runRMSEItems(items, seed: seed, progress: progress)
        case .resolution: return try runResolutionItems(items, seed: seed, progress: progress)
        case .detect: return try runDetectItems(items, seed: seed, progress: progress)
        }
    }

    /// Folds the partial of every work item into the tables and figures.
    /// - Throws: `StudyPartialError.inconsistent` when the partial does not have one record of the
    ///   expected width per work item.
    public func merge(_ partial: StudyPartial) throws -> Result {
        let total = try workItemCount()
        let width = configuration.methods.count
        let expectedWidth: Int
        switch configuration.evaluation {
        case .rmse: expectedWidth = Self.rmseRecordWidth(methods: width)
        case .resolution: expectedWidth = width
        case .detect: expectedWidth = 2 * width
        }
        guard partial.items == 0..<total, partial.records.count == total,
            partial.records.enumerated().allSatisfy({
                $0.element.item == $0.offset && $0.element.values.count == expectedWidth
            })
        else {
            throw StudyPartialError.inconsistent(
                "isac sweep expects one record of \(expectedWidth) values for each of \(total) work items, got \(partial.records.count) records"
            )
        }
        let values = partial.records.map(\.values)
        switch configuration.evaluation {
        case .rmse: return try mergeRMSE(values)
        case .resolution: return try mergeResolution(values)
        case .detect: return try mergeDetect(values)
        }
    }

    /// The trials a range of point-major items needs, in trial order, each with the points to score.
    func trialPlan(_ items: Range<Int>) -> [(trial: Int, points: [Int])] {
        var plan: [(trial: Int, points: [Int])] = []
        for block in 0..<blockCount {
            let points = (0..<pointCount).filter { items.contains(block * pointCount + $0) }
            if points.isEmpty { continue }
            for trial in trials(ofBlock: block) { plan.append((trial, points)) }
        }
        return plan
    }

    /// Column names of the per-method record values.
    func methodColumns(_ fields: [String]) -> [String] {
        configuration.methods.enumerated().flatMap { i, method in fields.map { "\(method.rawValue)_\(i)_\($0)" } }
    }

    func estimators(_ plain: PLAINConfiguration) throws -> [any ISACParameterEstimator] {
        try configuration.methods.map {
            try $0.make(plain: plain, shape: plain.grid.dimensions, fft: configuration.fft)
        }
    }

    static let layoutStyle = StudyColumn.NumberStyle.swiftDescription

    static func rows(_ layout: [(String, String?)]) -> StudyRows {
        StudyRows(layout: layout.map { (name: $0.0, unit: $0.1, style: layoutStyle) })
    }

    /// Per-trial result: per method [valid, Σerr²_θ, Σerr²_d, Σerr²_v, then err² per (parameter, path)]; plus
    /// CRB sums (full, compressed) and the CRB per (bound, parameter, path).
    struct TrialScore: Sendable {
        var methods: [[Double]]
        var crb: [Double]
        var pathCRB: [Double]
    }

    func runRMSEItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        let c = configuration
        let plain = c.plain
        let grid = plain.grid
        let estimators = try estimators(plain)
        let compression = try TensorCompression(
            mode: plain.compression, factors: plain.compressionFactors, dimensions: grid.dimensions)
        let hasCompressedBound = [.averaging, .decimation, .none].contains(plain.compression)
        let snrList = c.snrsDB
        let pointTotal = pointCount
        let (preset, mapping) = (c.preset, c.rangeMapping)
        let plan = trialPlan(items)
        progress.begin("isac sweep rmse", total: plan.reduce(0) { $0 + $1.points.count })
        // Running sums per work item, folded in trial order: [Σcrb (6), then per method valid, Σerr²_θ, Σerr²_d,
        // Σerr²_v, then per-path CRB (bound, parameter, path), then per method per-path Σerr² (parameter, path)].
        let paths = Self.pathSlots
        let width = Self.rmseRecordWidth(methods: estimators.count)
        let pathBase = 6 + 4 * estimators.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: width), count: items.count)
        // Each trial draws its scenario and one unit-variance noise tensor from its own stream and reuses
        // both for every SNR (common random numbers across the SNR axis).
        TrialStream.run(count: plan.count) { step -> [TrialScore] in
            let (trial, points) = plan[step]
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
            let truth = preset.scenario(rangeMapping: mapping, using: &generator)
            let empty = TrialScore(
                methods: Array(repeating: [Double](repeating: 0, count: 4 + 3 * paths), count: estimators.count),
                crb: [Double](repeating: 0, count: 6), pathCRB: [Double](repeating: 0, count: 6 * paths))
            guard var draw = try? TrialTensors(scenario: truth, using: &generator) else {
                progress.advance(by: points.count)
                return Array(repeating: empty, count: points.count)
            }
            // The CRB scales exactly with σ² (FIM ∝ 1/σ²): compute it once at σ² = 1.
            var unitBound = [Double](repeating: 0, count: 6)
            var unitPathBound = [Double](repeating: 0, count: 6 * paths)
            if let bound = try? CramerRaoBound(scenario: truth, noiseVariance: 1) {
                for m in 0..<3 { unitBound[m] = (0..<6).reduce(0) { $0 + bound.covariance[m * 6 + $1, m * 6 + $1] } }
                for m in 0..<3 {
                    for p in 0..<paths { unitPathBound[m * paths + p] = bound.covariance[m * 6 + p, m * 6 + p] }
                }
            }
            if hasCompressedBound,
                let bound = try? CramerRaoBound(scenario: truth, noiseVariance: 1, compression: compression)
            {
                for m in 0..<3 {
                    unitBound[3 + m] = (0..<6).reduce(0) { $0 + bound.covariance[m * 6 + $1, m * 6 + $1] }
                    for p in 0..<paths {
                        unitPathBound[(3 + m) * paths + p] = bound.covariance[m * 6 + p, m * 6 + p]
                    }
                }
            }
            return points.map { point in
                defer { progress.advance() }
                let sigma2 = truth.noiseVariance(snrDB: snrList[point])
                var score = TrialScore(
                    methods: [], crb: unitBound.map { $0 * sigma2 }, pathCRB: unitPathBound.map { $0 * sigma2 })
                let tensor = draw.noisy(noiseVariance: sigma2)
                for estimator in estimators {
                    guard let estimate = try? estimator.estimate(tensor), estimate.targets.count == truth.paths.count
                    else {
                        score.methods.append([Double](repeating: 0, count: 4 + 3 * paths))
                        continue
                    }
                    let matching = TargetMatching(estimates: estimate.targets, paths: truth.paths, grid: truth.grid)
                    var row = [Double](repeating: 0, count: 4 + 3 * paths)
                    row[0] = 1
                    for (p, errors) in matching.errors.enumerated() {
                        guard let errors else { continue }
                        for m in 0..<3 {
                            row[1 + m] += errors[m] * errors[m]
                            if p < paths { row[4 + m * paths + p] = errors[m] * errors[m] }
                        }
                    }
                    score.methods.append(row)
                }
                return score
            }
        } accumulate: { step, scores in
            let (trial, points) = plan[step]
            for (j, point) in points.enumerated() {
                let slot = (trial / c.trialsPerWorkItem) * pointTotal + point - items.lowerBound
                let score = scores[j]
                for k in 0..<6 { sums[slot][k] += score.crb[k] }
                for i in 0..<estimators.count {
                    for k in 0..<4 { sums[slot][6 + 4 * i + k] += score.methods[i][k] }
                }
                for k in 0..<(6 * paths) { sums[slot][pathBase + k] += score.pathCRB[k] }
                for i in 0..<estimators.count {
                    for k in 0..<(3 * paths) {
                        sums[slot][pathBase + 6 * paths + 3 * paths * i + k] += score.methods[i][4 + k]
                    }
                }
            }
        }
        let columns =
            [
                "crb_angle", "crb_distance", "crb_velocity", "crb_compressed_angle", "crb_compressed_distance",
                "crb_compressed_velocity",
            ] + methodColumns(["valid", "sq_err_angle", "sq_err_distance", "sq_err_velocity"])
            + ["crb", "crb_compressed"].flatMap { bound in
                ["angle", "distance", "velocity"].flatMap { m in (0..<paths).map { "\(bound)_\(m)_path\($0)" } }
            }
            + methodColumns(
                ["angle", "distance", "velocity"].flatMap { m in (0..<paths).map { "sq_err_\(m)_path\($0)" } })
        return StudyPartial(
            items: items, columns: columns,
            records: sums.enumerated().map {
                StudyPartial.Record(item: items.lowerBound + $0.offset, values: $0.element)
            })
    }

    func mergeRMSE(_ values: [[Double]]) throws -> Result {
        let c = configuration
        let plain = c.plain
        let estimators = try estimators(plain)
        let hasCompressedBound = [.averaging, .decimation, .none].contains(plain.compression)
        let snrList = c.snrsDB
        let trialCount = c.trials
        // Sums per SNR: the blocks' sums folded in block order.
        let paths = Self.pathSlots
        let pathBase = 6 + 4 * estimators.count
        var crbSums = [[Double]](repeating: [Double](repeating: 0, count: 6), count: snrList.count)
        var methodSums = [[[Double]]](
            repeating: [[Double]](repeating: [0, 0, 0, 0], count: estimators.count), count: snrList.count)
        var pathCRBSums = [[Double]](repeating: [Double](repeating: 0, count: 6 * paths), count: snrList.count)
        var pathErrorSums = [[[Double]]](
            repeating: [[Double]](repeating: [Double](repeating: 0, count: 3 * paths), count: estimators.count),
            count: snrList.count)
        for s in snrList.indices {
            for block in 0..<blockCount {
                let record = values[block * snrList.count + s]
                for k in 0..<6 { crbSums[s][k] += record[k] }
                for i in 0..<estimators.count {
                    for k in 0..<4 { methodSums[s][i][k] += record[6 + 4 * i + k] }
                }
                for k in 0..<(6 * paths) { pathCRBSums[s][k] += record[pathBase + k] }
                for i in 0..<estimators.count {
                    for k in 0..<(3 * paths) {
                        pathErrorSums[s][i][k] += record[pathBase + 6 * paths + 3 * paths * i + k]
                    }
                }
            }
        }
        var rows = Self.rows([
            ("method", nil), ("snr", "db"), ("parameter", nil), ("rmse", nil), ("crb_std", nil),
            ("crb_compressed_std", nil), ("ratio", nil), ("valid_trials", nil),
        ])
        var curves = [[[Double]]](repeating: [[Double]](repeating: [], count: estimators.count + 1), count: 3)
        var compressedCurves = [[Double]](repeating: [], count: 3)
        for (s, snr) in snrList.enumerated() {
            let crbFull = (0..<3).map { m in (crbSums[s][m] / Double(6 * trialCount)).squareRoot() }
            let crbCompressed = (0..<3).map { m in (crbSums[s][3 + m] / Double(6 * trialCount)).squareRoot() }
            for (i, estimator) in estimators.enumerated() {
                let valid = methodSums[s][i][0]
                for m in 0..<3 {
                    let sum = methodSums[s][i][1 + m]
                    // No trial with K̂ = P at this SNR: the RMSE is missing (an empty cell), not NaN.
                    let rmse: Double? = valid > 0 ? (sum / (6 * valid)).squareRoot() : nil
                    rows.append([
                        .text(estimator.name), .real(snr), .text(Self.parameterNames[m]), .real(rmse),
                        .real(crbFull[m]), .real(hasCompressedBound ? crbCompressed[m] : nil),
                        .real(rmse.map { $0 / crbFull[m] }), .integer(Int(valid)),
                    ])
                    curves[m][i].append(rmse ?? .nan)
                }
            }
            for m in 0..<3 { curves[m][estimators.count].append(crbFull[m]) }
            for m in 0..<3 { compressedCurves[m].append(crbCompressed[m]) }
        }
        var perPath = Self.rows([
            ("method", nil), ("snr", "db"), ("parameter", nil), ("path", nil), ("rmse", nil), ("crb_std", nil),
            ("crb_compressed_std", nil), ("ratio", nil), ("valid_trials", nil),
        ])
        for (s, snr) in snrList.enumerated() {
            for (i, estimator) in estimators.enumerated() {
                let valid = methodSums[s][i][0]
                for m in 0..<3 {
                    for p in 0..<paths {
                        let full = (pathCRBSums[s][m * paths + p] / Double(trialCount)).squareRoot()
                        let compressed = (pathCRBSums[s][(3 + m) * paths + p] / Double(trialCount)).squareRoot()
                        let rmse: Double? = valid > 0 ? (pathErrorSums[s][i][m * paths + p] / valid).squareRoot() : nil
                        perPath.append([
                            .text(estimator.name), .real(snr), .text(Self.parameterNames[m]), .integer(p),
                            .real(rmse), .real(full), .real(hasCompressedBound ? compressed : nil),
                            .real(rmse.map { $0 / full }), .integer(Int(valid)),
                        ])
                    }
                }
            }
        }
        let units = ["Angle RMSE [deg]", "Distance RMSE [m]", "Velocity RMSE [m/s]"]
        let plots = (0..<3).map { m in
            StudyPlot(
                name: "_" + Self.parameterNames[m],
                title: "\(Self.parameterWords[m]) RMSE vs SNR (\(trialCount) trials per point)", xLabel: "SNR [dB]",
                yLabel: units[m], yScale: .log10,
                series: estimators.indices.map {
                    StudySeries(estimators[$0].name, .lineMarkers(x: snrList, y: curves[m][$0]))
                }
                    + [StudySeries("CRB (full data)", .line(x: snrList, y: curves[m][estimators.count]))]
                    + (hasCompressedBound
                        ? [StudySeries("CRB (compressed data)", .line(x: snrList, y: compressedCurves[m]))] : []))
        }
        return Result(
            configuration: c, methodNames: estimators.map(\.name), table: rows.table(),
            perPathTable: perPath.table(name: "-per-path"), plots: plots,
            summary: "isac sweep rmse: \(snrList.count) SNRs × \(trialCount) trials × \(estimators.count) methods")
    }

    func runResolutionItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        let c = configuration
        let grid = c.plain.grid
        let estimators = try estimators(c.plain)
        let kappaList = c.separationsCells
        let base = ISACPath(angleDegrees: 90, distanceMeters: 300, velocityMetersPerSecond: 2, gain: .one)
        let baseW = grid.spatialFrequencies(of: base)
        let cells = grid.dimensions.map { 2 * Double.pi / Double($0) }
        let (trialCount, snr, pointTotal) = (c.trials, c.resolutionSNRDB, pointCount)
        // (item, trial) pairs in item order, then trial order.
        let plan = items.flatMap { item in trials(ofBlock: item / pointTotal).map { (item: item, trial: $0) } }
        progress.begin("isac sweep resolution", total: plan.count)
        var resolvedCounts = [[Double]](repeating: [Double](repeating: 0, count: estimators.count), count: items.count)
        TrialStream.run(count: plan.count) { step -> [Bool] in
            let (item, trial) = plan[step]
            let point = item % pointTotal
            let (dimension, k) = (point / kappaList.count, point % kappaList.count)
            let kappa = kappaList[k]
            var secondW = baseW
            for m in 0..<3 { secondW[m] += (m == dimension ? kappa : 3) * cells[m] * (m == 1 ? -1 : 1) }
            let second = ISACTargetEstimate(grid: grid, estimatedFrequencies: secondW)
            let separation = (0..<3).map { m in (m == dimension ? kappa : 3) * cells[m] }
            let stream = point * trialCount
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(stream + trial))
            let phase = 2 * Double.pi * generator.nextUnitDouble()
            let paths = [
                base,
                ISACPath(
                    angleDegrees: second.angleDegrees, distanceMeters: second.distanceMeters,
                    velocityMetersPerSecond: second.velocityMetersPerSecond,
                    gain: Complex(length: 1, phase: phase)),
            ]
            let truth = ISACScenario(grid: grid, paths: paths)
            defer { progress.advance() }
            guard let tensor = try? truth.tensor(snrDB: snr, using: &generator) else {
                return Array(repeating: false, count: estimators.count)
            }
            let truthW = paths.map { grid.spatialFrequencies(of: $0) }
            return estimators.map { estimator in
                guard let estimate = try? estimator.estimate(tensor), estimate.targets.count == 2 else {
                    return false
                }
                let matching = TargetMatching(estimates: estimate.targets, paths: paths, grid: grid)
                return (0..<2).allSatisfy { p in
                    guard let e = matching.estimateIndex[p] else { return false }
                    return (0..<3).allSatisfy { m in
                        abs(ISACGrid.wrapToPlusMinusPi(estimate.targets[e].frequencies[m] - truthW[p][m]))
                            < separation[m] / 2
                    }
                }
            }
        } accumulate: { step, outcome in
            let slot = plan[step].item - items.lowerBound
            for i in outcome.indices where outcome[i] { resolvedCounts[slot][i] += 1 }
        }
        return StudyPartial(
            items: items, columns: methodColumns(["resolved"]),
            records: resolvedCounts.enumerated().map {
                StudyPartial.Record(item: items.lowerBound + $0.offset, values: $0.element)
            })
    }

    func mergeResolution(_ values: [[Double]]) throws -> Result {
        let c = configuration
        let estimators = try estimators(c.plain)
        let kappaList = c.separationsCells
        let (trialCount, snr) = (c.trials, c.resolutionSNRDB)
        var rows = Self.rows([
            ("method", nil), ("dimension", nil), ("separation_cells", nil), ("probability_resolved", nil),
            ("trials", nil),
        ])
        var curves = [[[Double]]](repeating: [[Double]](repeating: [], count: estimators.count), count: 3)
        for dimension in 0..<3 {
            for (k, kappa) in kappaList.enumerated() {
                let point = dimension * kappaList.count + k
                var resolvedCounts = [Int](repeating: 0, count: estimators.count)
                for block in 0..<blockCount {
                    for i in 0..<estimators.count { resolvedCounts[i] += Int(values[block * pointCount + point][i]) }
                }
                for (i, estimator) in estimators.enumerated() {
                    let probability = Double(resolvedCounts[i]) / Double(trialCount)
                    rows.append([
                        .text(estimator.name), .text(Self.parameterNames[dimension]), .real(kappa),
                        .real(probability), .integer(trialCount),
                    ])
                    curves[dimension][i].append(probability)
                }
            }
        }
        let plots = (0..<3).map { dimension in
            StudyPlot(
                name: "_" + Self.parameterNames[dimension],
                title:
                    "Resolution of two targets in \(Self.parameterWords[dimension].lowercased()) at \(String(format: "%g", snr)) dB",
                xLabel: "Separation [Rayleigh cells]", yLabel: "Probability resolved",
                series: estimators.indices.map {
                    StudySeries(estimators[$0].name, .lineMarkers(x: kappaList, y: curves[dimension][$0]))
                })
        }
        return Result(
            configuration: c, methodNames: estimators.map(\.name), table: rows.table(), plots: plots,
            summary: "isac sweep resolution: \(kappaList.count) separations × 3 dimensions × \(trialCount) trials")
    }

    func runDetectItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        let c = configuration
        var plain = c.plain
        plain.pathCount = nil
        let estimators = try estimators(plain)
        let snrList = c.snrsDB
        let (preset, mapping, pointTotal) = (c.preset, c.rangeMapping, pointCount)
        let plan = trialPlan(items)
        progress.begin("isac sweep detect", total: plan.reduce(0) { $0 + $1.points.count })
        // Counts per work item and method: [count correct, count and pairing correct].
        var counts = [[Double]](repeating: [Double](repeating: 0, count: 2 * estimators.count), count: items.count)
        // As rmse: one scenario and one unit noise tensor per trial, reused for every SNR.
        TrialStream.run(count: plan.count) { step -> [[[Bool]]] in
            let (trial, points) = plan[step]
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
            let truth = preset.scenario(rangeMapping: mapping, using: &generator)
            let failed = Array(repeating: [false, false], count: estimators.count)
            guard var draw = try? TrialTensors(scenario: truth, using: &generator) else {
                progress.advance(by: points.count)
                return Array(repeating: failed, count: points.count)
            }
            return points.map { point in
                defer { progress.advance() }
                let tensor = draw.noisy(noiseVariance: truth.noiseVariance(snrDB: snrList[point]))
                return estimators.map { estimator in
                    guard let estimate = try? estimator.estimate(tensor) else { return [false, false] }
                    let countCorrect = estimate.targets.count == truth.paths.count
                    let matching = TargetMatching(estimates: estimate.targets, paths: truth.paths, grid: truth.grid)
                    return [countCorrect, countCorrect && matching.allWithin(cells: 0.5)]
                }
            }
        } accumulate: { step, outcomes in
            let (trial, points) = plan[step]
            for (j, point) in points.enumerated() {
                let slot = (trial / c.trialsPerWorkItem) * pointTotal + point - items.lowerBound
                for (i, outcome) in outcomes[j].enumerated() {
                    if outcome[0] { counts[slot][2 * i] += 1 }
                    if outcome[1] { counts[slot][2 * i + 1] += 1 }
                }
            }
        }
        return StudyPartial(
            items: items, columns: methodColumns(["count_correct", "paired"]),
            records: counts.enumerated().map {
                StudyPartial.Record(item: items.lowerBound + $0.offset, values: $0.element)
            })
    }

    func mergeDetect(_ values: [[Double]]) throws -> Result {
        let c = configuration
        var plain = c.plain
        plain.pathCount = nil
        let estimators = try estimators(plain)
        let snrList = c.snrsDB
        let trialCount = c.trials
        var counts = [[[Int]]](repeating: [[Int]](repeating: [0, 0], count: estimators.count), count: snrList.count)
        for s in snrList.indices {
            for block in 0..<blockCount {
                let record = values[block * snrList.count + s]
                for i in 0..<estimators.count {
                    counts[s][i][0] += Int(record[2 * i])
                    counts[s][i][1] += Int(record[2 * i + 1])
                }
            }
        }
        var rows = Self.rows([
            ("method", nil), ("snr", "db"), ("p_count_correct", nil), ("p_pairing_given_count", nil),
            ("p_success", nil), ("trials", nil),
        ])
        var curves = [[Double]](repeating: [], count: estimators.count)
        for (s, snr) in snrList.enumerated() {
            for (i, estimator) in estimators.enumerated() {
                let counted = counts[s][i][0]
                let paired = counts[s][i][1]
                // No trial with K̂ = P: the conditional probability is missing (an empty cell), not NaN.
                let pPairing: Double? = counted > 0 ? Double(paired) / Double(counted) : nil
                let success = Double(paired) / Double(trialCount)
                rows.append([
                    .text(estimator.name), .real(snr), .real(Double(counted) / Double(trialCount)), .real(pPairing),
                    .real(success), .integer(trialCount),
                ])
                curves[i].append(success)
            }
        }
        let plot = StudyPlot(
            title: "Detection and pairing success (path count estimated)", xLabel: "SNR [dB]", yLabel: "P(success)",
            series: estimators.indices.map { StudySeries(estimators[$0].name, .lineMarkers(x: snrList, y: curves[$0])) }
        )
        return Result(
            configuration: c, methodNames: estimators.map(\.name), table: rows.table(), plots: [plot],
            summary: "isac sweep detect: \(snrList.count) SNRs × \(trialCount) trials")
    }
}

/// One trial's noiseless tensor and unit-variance CN(0, 1) noise, combined per SNR into a reused buffer.
///
///     H(σ²) = H₀ + σ·W₁,   W₁ iid CN(0, 1)
struct TrialTensors {
    let noiseless: ChannelTensor
    let unitNoise: [Complex<Double>]
    var work: ChannelTensor

    /// Draws the unit noise (2·N_tot standard normals) after the scenario.
    init(scenario: ISACScenario, using generator: inout some RandomNumberGenerator) throws {
        try scenario.validate()
        noiseless = scenario.noiselessTensor()
        let unit = try ComplexNormalDistribution(variance: 1)
        let count = noiseless.elements.count
        unitNoise = [Complex<Double>](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = unit.sample(using: &generator) }
            initialized = count
        }
        work = noiseless
    }

    /// H₀ + σ·W₁ for noise variance σ² [channel units²], written into the work buffer (no allocation
    /// once the returned copy is released).
    mutating func noisy(noiseVariance: Double) -> ChannelTensor {
        let sigma = noiseVariance.squareRoot()
        noiseless.elements.withUnsafeBufferPointer { clean in
            unitNoise.withUnsafeBufferPointer { noise in
                work.elements.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = clean[i] + noise[i].multiplied(by: sigma) }
                }
            }
        }
        return work
    }
}

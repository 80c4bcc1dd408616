import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessLinearAlgebra

/// `wtk isac sweep`: Monte-Carlo evaluations of PLAIN and the baselines against the CRB.
public struct ISACSweepCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "RMSE vs SNR against the CRB, resolution probability, or detection/pairing success, per method.",
        discussion: """
            rmse: per SNR, method and parameter (angle_deg, distance_m, velocity_mps): rmse, crb_std (full data, \
            sqrt of the mean CRB over paths and trials), crb_compressed_std (Averaging/Decimation data), ratio = \
            rmse/crb_std and valid_trials (trials with K̂ = P; estimates matched to truth by optimal assignment). \
            resolution: probability that two equal-power targets κ Rayleigh cells (2π/N_m) apart in one \
            dimension (≥ 3 cells apart in the others) are both found within half the separation. detect: with \
            the path count estimated (AIC/MDL), P(K̂ = P), P(pairing within half a cell | K̂ = P) and overall \
            success. Trials run in parallel with per-trial streams (seed, trial); a trial's scenario and unit \
            noise are drawn once and scaled for every SNR, so results do not depend on the thread count.
            """)

    enum Evaluation: String, ExpressibleByArgument, CaseIterable {
        case rmse, resolution, detect
    }

    @Option(help: "Evaluation: rmse, resolution or detect.")
    var evaluation: Evaluation = .rmse

    @Option(
        name: .customLong("method"),
        help: "Estimator(s), repeatable (default: plain, sequential, tensor-esprit, fft3d).")
    var methods: [ISACMethodName] = [.plain, .sequential, .tensorESPRIT, .fft3d]

    @Option(
        name: .customLong("snr-min"), help: "First SNR [dB], −200…200 (write negative values as --snr-min=-20).")
    var snrMinimumDB: Double = -20

    @Option(name: .customLong("snr-max"), help: "Last SNR [dB], −200…200, ≥ --snr-min.")
    var snrMaximumDB: Double = 20

    @Option(name: .customLong("snr-step"), help: "SNR step [dB], > 0; at most \(maximumSNRPoints) SNR points.")
    var snrStepDB: Double = 5

    @Option(help: "Monte-Carlo trials per point, 1…\(maximumTrials) (memory does not grow with it).")
    var trials: Int = 20

    @Option(
        name: .customLong("separations"),
        help: "resolution: separations κ in Rayleigh cells, comma-separated, each in (0, 1000], at most 100.")
    var separations: String = "0.25,0.5,0.75,1,1.5"

    @OptionGroup var scenario: ISACScenarioOptions
    @OptionGroup var plain: PLAINOptions

    @Option(help: "Base name of the output files.")
    var name: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    /// Largest --trials: 10⁶ (results stream in chunks, so this bounds time, not memory).
    static let maximumTrials = 1_000_000
    /// Most SNR points a sweep may have.
    static let maximumSNRPoints = 1_000

    public func validate() throws {
        try OptionRange.check(trials, "--trials", in: 1...Self.maximumTrials)
        try OptionRange.check(snrMinimumDB, "--snr-min", in: -200...200, unit: " dB")
        try OptionRange.check(snrMaximumDB, "--snr-max", in: -200...200, unit: " dB")
        _ = try OptionRange.gridCount(
            from: snrMinimumDB, to: snrMaximumDB, step: snrStepDB, stepOption: "--snr-step",
            rangeOptions: "--snr-min…--snr-max", maximum: Self.maximumSNRPoints)
        let kappaTexts = separations.split(separator: ",", omittingEmptySubsequences: false)
        try OptionRange.checkListLength(kappaTexts.count, "--separations", maximum: 100)
        guard kappaTexts.allSatisfy({ Double($0.trimmingCharacters(in: .whitespaces)) != nil }),
            !kappas.isEmpty, kappas.allSatisfy({ $0 > 0 && $0 <= 1000 })
        else {
            throw ValidationError("--separations must be numbers in (0, 1000] like 0.5,1,1.5 (got '\(separations)').")
        }
        if let name {
            try OutputOptions.validateFileName(name)
        }
        guard !methods.isEmpty else { throw ValidationError("give at least one --method.") }
    }

    var kappas: [Double] {
        separations.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    var snrs: [Double] {
        let count = Int(((snrMaximumDB - snrMinimumDB) / snrStepDB + 1e-9).rounded(.down)) + 1
        return (0..<count).map { snrMinimumDB + Double($0) * snrStepDB }
    }

    /// Rough seconds per trial, SNR point and method on the 2-core reference machine (both cores busy),
    /// measured with the paper scenario (16×180×560): PLAIN ≈ 0.1 s, fft3d ≈ 0.5 s; 0.3 s is the middle.
    static let secondsPerEstimate = 0.3

    static let parameterNames = ["angle_deg", "distance_m", "velocity_mps"]

    public func execute() throws {
        var parameters = plain.parameters
        parameters["evaluation"] = evaluation.rawValue
        parameters["methods"] = methods.map(\.rawValue).joined(separator: ",")
        parameters["trials"] = String(trials)
        parameters["scenario"] = scenario.scenario.rawValue
        let context = OutputContext(options: output, seed: seed.seed, parameters: parameters)
        let points = evaluation == .resolution ? 3 * kappas.count : snrs.count
        WorkEstimate(
            label: "isac sweep \(evaluation.rawValue)", units: Double(trials) * Double(points) * Double(methods.count),
            unitName: "estimates", secondsPerUnit: Self.secondsPerEstimate
        ).announce(quiet: output.quiet)
        switch evaluation {
        case .rmse: try runRMSE(context)
        case .resolution: try runResolution(context)
        case .detect: try runDetect(context)
        }
    }

    // MARK: rmse

    /// Per-trial result: per method [valid, Σerr²_θ, Σerr²_d, Σerr²_v]; plus CRB sums (full, compressed).
    struct TrialScore: Sendable {
        var methods: [[Double]]
        var crb: [Double]
    }

    func runRMSE(_ context: OutputContext) throws {
        let name = self.name ?? "isac-rmse"
        let grid = scenario.grid
        let configuration = plain.configuration(scenario: scenario, grid: grid, defaultPathCount: 6)
        let estimators = try methods.map {
            try $0.make(plain: configuration, shape: grid.dimensions, fft: plain.fftSettings)
        }
        let compression = try TensorCompression(
            mode: configuration.compression, factors: configuration.compressionFactors, dimensions: grid.dimensions)
        let hasCompressedBound = [.averaging, .decimation, .none].contains(configuration.compression)
        let snrList = snrs
        let progress = context.progress("isac sweep rmse", total: snrList.count * trials)
        var rows: [[String]] = []
        var curves = [[[Double]]](repeating: [[Double]](repeating: [], count: methods.count + 1), count: 3)
        let (seedValue, scenarioOptions) = (seed.seed, scenario)
        let trialCount = trials
        // Running sums per SNR, folded in trial order (bit-identical to summing all trials at once):
        // crbSums[s][0..<6] and methodSums[s][i][0..<4] = [valid, Σerr²_θ, Σerr²_d, Σerr²_v].
        var crbSums = [[Double]](repeating: [Double](repeating: 0, count: 6), count: snrList.count)
        var methodSums = [[[Double]]](
            repeating: [[Double]](repeating: [0, 0, 0, 0], count: estimators.count), count: snrList.count)
        // Trials in parallel; each trial draws its scenario and one unit-variance noise tensor from its
        // own stream and reuses both for every SNR (common random numbers across the SNR axis), so the
        // noiseless tensor and the noise are generated once per trial, not once per point.
        TrialStream.run(count: trialCount) { trial -> [TrialScore] in
            var generator = Xoshiro256StarStar(seed: seedValue, stream: UInt64(trial))
            let truth = scenarioOptions.makeScenario(using: &generator)
            let empty = TrialScore(
                methods: Array(repeating: [0, 0, 0, 0], count: estimators.count),
                crb: [Double](repeating: 0, count: 6))
            guard var draw = try? TrialTensors(scenario: truth, using: &generator) else {
                progress.advance(by: snrList.count)
                return Array(repeating: empty, count: snrList.count)
            }
            // The CRB scales exactly with σ² (FIM ∝ 1/σ²): compute it once at σ² = 1.
            var unitBound = [Double](repeating: 0, count: 6)
            if let bound = try? CramerRaoBound(scenario: truth, noiseVariance: 1) {
                for m in 0..<3 { unitBound[m] = (0..<6).reduce(0) { $0 + bound.covariance[m * 6 + $1, m * 6 + $1] } }
            }
            if hasCompressedBound,
                let bound = try? CramerRaoBound(scenario: truth, noiseVariance: 1, compression: compression)
            {
                for m in 0..<3 {
                    unitBound[3 + m] = (0..<6).reduce(0) { $0 + bound.covariance[m * 6 + $1, m * 6 + $1] }
                }
            }
            return snrList.map { snr in
                defer { progress.advance() }
                let sigma2 = truth.noiseVariance(snrDB: snr)
                var score = TrialScore(methods: [], crb: unitBound.map { $0 * sigma2 })
                let tensor = draw.noisy(noiseVariance: sigma2)
                for estimator in estimators {
                    guard let estimate = try? estimator.estimate(tensor), estimate.targets.count == truth.paths.count
                    else {
                        score.methods.append([0, 0, 0, 0])
                        continue
                    }
                    let matching = TargetMatching(estimates: estimate.targets, paths: truth.paths, grid: truth.grid)
                    var row = [1.0, 0, 0, 0]
                    for errors in matching.errors {
                        if let errors { for m in 0..<3 { row[1 + m] += errors[m] * errors[m] } }
                    }
                    score.methods.append(row)
                }
                return score
            }
        } accumulate: { _, scores in
            for (s, score) in scores.enumerated() {
                for k in 0..<6 { crbSums[s][k] += score.crb[k] }
                for i in 0..<estimators.count {
                    for k in 0..<4 { methodSums[s][i][k] += score.methods[i][k] }
                }
            }
        }
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
                        estimator.name, ISACFormat.number(snr), Self.parameterNames[m], ISACFormat.optional(rmse),
                        ISACFormat.number(crbFull[m]), hasCompressedBound ? ISACFormat.number(crbCompressed[m]) : "",
                        ISACFormat.optional(rmse.map { $0 / crbFull[m] }), String(Int(valid)),
                    ])
                    curves[m][i].append(rmse ?? .nan)
                }
            }
            for m in 0..<3 { curves[m][methods.count].append(crbFull[m]) }
        }
        let header = [
            "method", "snr_db", "parameter", "rmse", "crb_std", "crb_compressed_std", "ratio", "valid_trials",
        ]
        try context.write(CSVTable(header: header, rows: rows), name: name)
        let units = ["Angle RMSE [deg]", "Distance RMSE [m]", "Velocity RMSE [m/s]"]
        for m in 0..<3 {
            var plot = Plot(
                title: "RMSE vs SNR (\(trials) trials)", xLabel: "SNR [dB]", yLabel: units[m], yAxis: .log10)
            for (i, estimator) in estimators.enumerated() {
                try plot.add(.lineMarkers(estimator.name, x: snrList, y: curves[m][i]))
            }
            try plot.add(.line("CRB (full data)", x: snrList, y: curves[m][methods.count]))
            try context.writeSVG(plot.svg(), name: name + "_" + Self.parameterNames[m])
        }
        context.note(
            "isac sweep rmse: \(snrList.count) SNRs × \(trials) trials × \(methods.count) methods; wrote \(name).csv and 3 SVGs"
        )
    }

    // MARK: resolution

    func runResolution(_ context: OutputContext) throws {
        let name = self.name ?? "isac-resolution"
        let grid = scenario.grid
        var configuration = plain.configuration(scenario: scenario, grid: grid, defaultPathCount: 2)
        if plain.pathCount == nil { configuration.pathCount = 2 }
        let estimators = try methods.map {
            try $0.make(plain: configuration, shape: grid.dimensions, fft: plain.fftSettings)
        }
        let kappaList = kappas
        let base = ISACPath(angleDegrees: 90, distanceMeters: 300, velocityMetersPerSecond: 2, gain: .one)
        let baseW = grid.spatialFrequencies(of: base)
        let cells = grid.dimensions.map { 2 * Double.pi / Double($0) }
        let progress = context.progress("isac sweep resolution", total: 3 * kappaList.count * trials)
        var rows: [[String]] = []
        var curves = [[[Double]]](repeating: [[Double]](repeating: [], count: methods.count), count: 3)
        let (seedValue, trialCount, snr) = (seed.seed, trials, scenario.snrDB)
        for dimension in 0..<3 {
            for (k, kappa) in kappaList.enumerated() {
                var secondW = baseW
                for m in 0..<3 { secondW[m] += (m == dimension ? kappa : 3) * cells[m] * (m == 1 ? -1 : 1) }
                let second = ISACTargetEstimate(grid: grid, estimatedFrequencies: secondW)
                let separation = (0..<3).map { m in (m == dimension ? kappa : 3) * cells[m] }
                let stream = (dimension * kappaList.count + k) * trialCount
                var resolvedCounts = [Int](repeating: 0, count: estimators.count)
                TrialStream.run(count: trialCount) { trial -> [Bool] in
                    var generator = Xoshiro256StarStar(seed: seedValue, stream: UInt64(stream + trial))
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
                } accumulate: { _, outcome in
                    for i in outcome.indices where outcome[i] { resolvedCounts[i] += 1 }
                }
                for (i, estimator) in estimators.enumerated() {
                    let probability = Double(resolvedCounts[i]) / Double(trialCount)
                    rows.append([
                        estimator.name, Self.parameterNames[dimension], ISACFormat.number(kappa),
                        ISACFormat.number(probability), String(trialCount),
                    ])
                    curves[dimension][i].append(probability)
                }
            }
        }
        try context.write(
            CSVTable(
                header: ["method", "dimension", "separation_cells", "probability_resolved", "trials"], rows: rows),
            name: name)
        for dimension in 0..<3 {
            var plot = Plot(
                title: "Resolution of two targets in \(Self.parameterNames[dimension]) at \(snr) dB",
                xLabel: "Separation [Rayleigh cells]", yLabel: "Probability resolved")
            for (i, estimator) in estimators.enumerated() {
                try plot.add(.lineMarkers(estimator.name, x: kappaList, y: curves[dimension][i]))
            }
            try context.writeSVG(plot.svg(), name: name + "_" + Self.parameterNames[dimension])
        }
        context.note(
            "isac sweep resolution: \(kappaList.count) separations × 3 dimensions × \(trials) trials; wrote \(name).csv"
        )
    }

    // MARK: detect

    func runDetect(_ context: OutputContext) throws {
        let name = self.name ?? "isac-detect"
        let grid = scenario.grid
        var configuration = plain.configuration(scenario: scenario, grid: grid, defaultPathCount: nil)
        configuration.pathCount = nil
        let estimators = try methods.map {
            try $0.make(plain: configuration, shape: grid.dimensions, fft: plain.fftSettings)
        }
        let snrList = snrs
        let progress = context.progress("isac sweep detect", total: snrList.count * trials)
        var rows: [[String]] = []
        var curves = [[Double]](repeating: [], count: methods.count)
        let (seedValue, trialCount, scenarioOptions) = (seed.seed, trials, scenario)
        // Counts per SNR and method, accumulated chunk by chunk: [count correct, count and pairing correct].
        var counts = [[[Int]]](
            repeating: [[Int]](repeating: [0, 0], count: estimators.count), count: snrList.count)
        // As rmse: one scenario and one unit noise tensor per trial, reused for every SNR.
        TrialStream.run(count: trialCount) { trial -> [[[Bool]]] in
            var generator = Xoshiro256StarStar(seed: seedValue, stream: UInt64(trial))
            let truth = scenarioOptions.makeScenario(using: &generator)
            let failed = Array(repeating: [false, false], count: estimators.count)
            guard var draw = try? TrialTensors(scenario: truth, using: &generator) else {
                progress.advance(by: snrList.count)
                return Array(repeating: failed, count: snrList.count)
            }
            return snrList.map { snr in
                defer { progress.advance() }
                let tensor = draw.noisy(noiseVariance: truth.noiseVariance(snrDB: snr))
                return estimators.map { estimator in
                    guard let estimate = try? estimator.estimate(tensor) else { return [false, false] }
                    let countCorrect = estimate.targets.count == truth.paths.count
                    let matching = TargetMatching(estimates: estimate.targets, paths: truth.paths, grid: truth.grid)
                    return [countCorrect, countCorrect && matching.allWithin(cells: 0.5)]
                }
            }
        } accumulate: { _, outcomes in
            for (s, perMethod) in outcomes.enumerated() {
                for (i, outcome) in perMethod.enumerated() {
                    if outcome[0] { counts[s][i][0] += 1 }
                    if outcome[1] { counts[s][i][1] += 1 }
                }
            }
        }
        for (s, snr) in snrList.enumerated() {
            for (i, estimator) in estimators.enumerated() {
                let counted = counts[s][i][0]
                let paired = counts[s][i][1]
                let pCount = Double(counted) / Double(trialCount)
                // No trial with K̂ = P: the conditional probability is missing (an empty cell), not NaN.
                let pPairing: Double? = counted > 0 ? Double(paired) / Double(counted) : nil
                let success = Double(paired) / Double(trialCount)
                rows.append([
                    estimator.name, ISACFormat.number(snr), ISACFormat.number(pCount), ISACFormat.optional(pPairing),
                    ISACFormat.number(success), String(trialCount),
                ])
                curves[i].append(success)
            }
        }
        try context.write(
            CSVTable(
                header: ["method", "snr_db", "p_count_correct", "p_pairing_given_count", "p_success", "trials"],
                rows: rows),
            name: name)
        var plot = Plot(
            title: "Detection and pairing success (path count estimated)", xLabel: "SNR [dB]", yLabel: "P(success)")
        for (i, estimator) in estimators.enumerated() {
            try plot.add(.lineMarkers(estimator.name, x: snrList, y: curves[i]))
        }
        try context.writeSVG(plot.svg(), name: name)
        context.note("isac sweep detect: \(snrList.count) SNRs × \(trials) trials; wrote \(name).csv, \(name).svg")
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

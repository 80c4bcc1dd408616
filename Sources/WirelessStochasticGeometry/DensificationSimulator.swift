import Foundation
import WirelessCore

/// Seeded Monte-Carlo simulator of the Poisson downlink over a density sweep (docs/DENSIFICATION.md#monte-carlo).
///
///     Γ_k = E_1 + … + E_k,  E_i ~ Exp(1)      r_k(λ) = √(Γ_k/(πλ))   (exactly the K nearest PPP distances)
///     Y_k = h_k S_k g(r_k),  k < K(λ)          I_tail = 2πλ E[H] ∫_{r_K}^∞ g(x) x dx   (mean of the rest)
///     SINR = Y_serv / (Σ_{k≠serv} Y_k + I_tail + W)
///     K(λ) = max(K_min, ⌈c πλ R_1²⌉) (strongest BS with α0 ≤ 2: `coversNearField`), K_min otherwise, ≤ K_max
///
/// Common random numbers: each drop draws {E_k, h_k, S_k}, k < K(λ_max), once and reuses them for every λ;
/// every threshold is evaluated on the same SINR. Drop d (0-based, counted over the whole run) has its own
/// generator `Xoshiro256StarStar(seed: seed, stream: d)` and draws k by k, so the first K(λ) draws of a drop do
/// not depend on K(λ_max): the estimate at λ is bit-identical whatever the rest of the λ grid, the T grid, the
/// batch size or the thread count. Batches (four per round over `ParallelExecution`) are merged in batch order.
/// Memory is O(K) per running batch: drops stream through fixed buffers.
public struct DensificationSimulator: Sendable {
    /// The model.
    public let scenario: DensificationScenario
    /// Simulation settings.
    public let configuration: MonteCarloConfiguration

    /// Batches per round of the stop rule (fixed so the result does not depend on the core count).
    static let batchesPerRound = 4

    /// - Throws: `DensificationError.invalidSimulationParameter`.
    public init(scenario: DensificationScenario, configuration: MonteCarloConfiguration = MonteCarloConfiguration())
        throws(DensificationError)
    {
        try configuration.validate()
        self.scenario = scenario
        self.configuration = configuration
    }

    /// Whether K(λ) must cover the near field: a strongest-BS association (instantaneous, or mean power with
    /// shadowing) with a near-field exponent α0 ≤ 2. Inside r < R_1 the network is then no single-slope network
    /// (α0 ≤ 2 has no finite interference from a single-slope law), every near-field BS may be the strongest, and
    /// the K_min nearest would miss it. With α0 > 2 the near field is locally a single-slope network, truncated at
    /// K_min like one (docs/DENSIFICATION.md#monte-carlo steps 3 and 9b); with nearest association the serving BS
    /// is the first one whatever α0.
    public var coversNearField: Bool {
        let g = scenario.pathGain
        guard !g.isSingleSlope, g.nearFieldExponent <= 2 else { return false }
        switch scenario.association {
        case .nearest: return false
        case .strongestMeanPower: return scenario.fading.hasShadowing
        case .strongestInstantaneous: return true
        }
    }

    /// K(λ): K_min, or max(K_min, ⌈c·πλR_1²⌉) when `coversNearField`, capped at K_max.
    ///
    /// - Parameter density: λ [per unit area], > 0.
    public func neighbourCount(density: Double) -> Int {
        let floor = configuration.minimumNeighbours
        guard let r1 = scenario.pathGain.breakpoints.first, coversNearField else {
            return min(floor, configuration.maximumNeighbours)
        }
        let nearField = (configuration.nearFieldMultiplier * Double.pi * density * r1 * r1).rounded(.up)
        let k =
            nearField > Double(configuration.maximumNeighbours)
            ? configuration.maximumNeighbours : max(floor, Int(nearField))
        return min(k, configuration.maximumNeighbours)
    }

    /// Runs the simulation on a density and threshold grid.
    ///
    /// - Parameters:
    ///   - densities: λ values [per unit area], each > 0 and finite, non-empty.
    ///   - thresholds: T values [linear], each ≥ 0 and finite, non-empty.
    /// - Throws: `.invalidDensity`, `.invalidThreshold`, `.invalidSweep`.
    public func run(densities: [Double], thresholds: [Double]) throws(DensificationError) -> MonteCarloResult {
        guard !densities.isEmpty else { throw DensificationError.invalidSweep(reason: "empty density grid") }
        guard !thresholds.isEmpty else { throw DensificationError.invalidThreshold(value: .nan) }
        for d in densities { try Validate.density(d) }
        for t in thresholds { try Validate.threshold(t) }
        let ks = densities.map { neighbourCount(density: $0) }
        let plan = DropPlan(
            scenario: scenario, densities: densities, thresholds: thresholds, neighbourCounts: ks,
            maximumCount: ks.max()!)
        let seed = configuration.seed
        return fold(densities: densities, thresholds: thresholds, neighbourCounts: ks) { batches in
            // The round's batches cut into fixed chunks (`DropPlan.chunks`), so both cores stay busy on a
            // round of one batch too; each batch merges its chunks in order, as `simulateBatch` does.
            let pieces = batches.flatMap { b in DropPlan.chunks(of: batchDrops(b)).map { (batch: b, drops: $0) } }
            let results = ParallelExecution.parallelMap(count: pieces.count) { i in
                plan.simulateChunk(drops: pieces[i].drops.count, firstDrop: pieces[i].drops.lowerBound, seed: seed)
            }
            return batches.map { b in
                var total = BatchStatistics(densityCount: densities.count, thresholdCount: thresholds.count)
                for (piece, result) in zip(pieces, results) where piece.batch == b { total.merge(result) }
                return total
            }
        }
    }

    /// Per-cell stop-rule flags: coverage cells (λ-major, T-minor) then one rate flag per λ.
    func cellsConverged(_ s: BatchStatistics) -> [Bool] {
        var flags: [Bool] = []
        let n = s.drops
        for i in 0..<s.densityCount {
            for j in 0..<s.thresholdCount {
                let e = MCEstimate.proportion(
                    successes: s.counts[i * s.thresholdCount + j], trials: n, converged: false)
                flags.append(
                    e.halfWidth <= max(configuration.absoluteHalfWidth, configuration.relativeHalfWidth * e.mean))
            }
        }
        for i in 0..<s.densityCount {
            let e = MCEstimate.mean(s.rate[i], converged: false)
            flags.append(e.halfWidth <= max(configuration.rateHalfWidth, configuration.relativeHalfWidth * e.mean))
        }
        return flags
    }
}

/// Immutable per-run data shared by all batches.
struct DropPlan: Sendable {
    let scenario: DensificationScenario
    let densities: [Double]
    let thresholds: [Double]
    let neighbourCounts: [Int]
    let maximumCount: Int

    /// Draws one drop's ordered Γ_k, h_k and S_k for k < maximumCount into the buffers, in the order E_k, h_k, S_k
    /// per k (the stream layout of docs/DENSIFICATION.md#monte-carlo step 9).
    @inline(__always)
    func drawDrop(
        gamma: UnsafeMutableBufferPointer<Double>, fading: UnsafeMutableBufferPointer<Double>,
        shadowing: UnsafeMutableBufferPointer<Double>, sampler: FadingSampler,
        using generator: inout some RandomNumberGenerator
    ) {
        var sum = 0.0
        for k in 0..<maximumCount {
            sum -= log(generator.nextOpenUnitDouble())
            gamma[k] = sum
            fading[k] = sampler.smallScale(using: &generator)
            shadowing[k] = sampler.shadowing(using: &generator)
        }
    }

    /// The same draws with ½ln Γ_k in `halfLogGamma` (the reference evaluation's input).
    func drawDrop(
        halfLogGamma: UnsafeMutableBufferPointer<Double>, fading: UnsafeMutableBufferPointer<Double>,
        shadowing: UnsafeMutableBufferPointer<Double>, sampler: FadingSampler,
        using generator: inout some RandomNumberGenerator
    ) {
        drawDrop(gamma: halfLogGamma, fading: fading, shadowing: shadowing, sampler: sampler, using: &generator)
        for k in 0..<maximumCount { halfLogGamma[k] = 0.5 * log(halfLogGamma[k]) }
    }

    /// SINR of the drop at density index `i` with `association`; also returns the tail share and serving index.
    ///
    /// The reference evaluation, in the log domain (any λ): `DropKernel` computes the same values faster and falls
    /// back to this one for densities whose scale factors leave the floating-point range.
    @inline(__always)
    func sinr(
        densityIndex i: Int, association: Association, halfLogGamma: UnsafeMutableBufferPointer<Double>,
        fading: UnsafeMutableBufferPointer<Double>, shadowing: UnsafeMutableBufferPointer<Double>,
        received: UnsafeMutableBufferPointer<Double>
    ) -> (sinr: Double, tailShare: Double, servingIndex: Int) {
        let g = scenario.pathGain
        let density = densities[i]
        let count = neighbourCounts[i]
        let logScale = -0.5 * (log(Double.pi) + log(density))  // ln r_k = ½ln Γ_k − ½ln(πλ); πλ may overflow
        var segment = 0
        let lastSegment = g.exponents.count - 1
        var nextBreak = segment < lastSegment ? log(g.breakpoints[0]) : Double.infinity
        var alpha = g.exponents[0]
        var logK = log(g.coefficients[0])
        var selection = ServingSelection(association)
        for k in 0..<count {
            let logR = halfLogGamma[k] + logScale
            while logR >= nextBreak {
                segment += 1
                alpha = g.exponents[segment]
                logK = log(g.coefficients[segment])
                nextBreak = segment < lastSegment ? log(g.breakpoints[segment]) : .infinity
            }
            let meanPower = shadowing[k] * exp(logK - alpha * logR)
            let y = fading[k] * meanPower
            received[k] = y
            selection.offer(k, received: y, meanPower: meanPower)
        }
        let serving = selection.index
        var interference = 0.0
        for k in 0..<count where k != serving { interference += received[k] }
        let rK = exp(halfLogGamma[count - 1] + logScale)
        let tail = 2 * Double.pi * density * g.tailIntegral(from: rK)
        let total = interference + tail
        let s = received[serving] / (total + scenario.noise)
        // tail / total is NaN when both overflow to ∞ (λ near Double.greatestFiniteMagnitude): the tail dominates.
        let share = total > 0 ? (tail.isInfinite ? 1 : tail / total) : 0
        return (s, share, serving)
    }

    /// Drops per chunk: the unit of parallel work inside a batch (fixed, so results do not depend on threads).
    static let chunkSize = 2_500

    /// The chunks of a batch's drop range: consecutive ranges of `chunkSize` drops from its start.
    static func chunks(of drops: Range<Int>) -> [Range<Int>] {
        stride(from: drops.lowerBound, to: drops.upperBound, by: chunkSize).map {
            $0..<min(drops.upperBound, $0 + chunkSize)
        }
    }

    /// Simulates drops `firstDrop ..< firstDrop + drops` chunk by chunk, merging the chunks in order (the same
    /// statistics, bit for bit, as `DensificationSimulator.run` computes for this batch on any number of cores).
    func simulateBatch(drops: Int, firstDrop: Int, seed: UInt64) -> BatchStatistics {
        var total = BatchStatistics(densityCount: densities.count, thresholdCount: thresholds.count)
        for chunk in Self.chunks(of: firstDrop..<(firstDrop + drops)) {
            total.merge(simulateChunk(drops: chunk.count, firstDrop: chunk.lowerBound, seed: seed))
        }
        return total
    }

    /// Simulates drops `firstDrop ..< firstDrop + drops`, drop d with `Xoshiro256StarStar(seed: seed, stream: d)`.
    ///
    /// No allocation per drop: the drops stream through one `DropWorkspace`.
    func simulateChunk(drops: Int, firstDrop: Int, seed: UInt64) -> BatchStatistics {
        var stats = BatchStatistics(densityCount: densities.count, thresholdCount: thresholds.count)
        let sampler = FadingSampler(scenario.fading)
        let kernel = DropKernel(plan: self)
        let workspace = DropWorkspace(capacity: maximumCount, segments: scenario.pathGain.exponents.count)
        defer { workspace.deallocate() }
        let tCount = thresholds.count
        var counts = [Int](repeating: 0, count: densities.count * tCount)
        var tailShareSum = [Double](repeating: 0, count: densities.count)
        var servedAtLast = [Int](repeating: 0, count: densities.count)
        var rate = [RunningStatistics](repeating: RunningStatistics(), count: densities.count)
        let thresholdValues = thresholds
        let lastIndex = neighbourCounts.map { $0 - 1 }
        counts.withUnsafeMutableBufferPointer { counts in
            for d in 0..<drops {
                var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(firstDrop + d))
                drawDrop(
                    gamma: workspace.gamma, fading: workspace.fading, shadowing: workspace.shadowing, sampler: sampler,
                    using: &generator)
                kernel.evaluate(workspace) { i, r in
                    for j in 0..<tCount where r.sinr > thresholdValues[j] { counts[i * tCount + j] += 1 }
                    rate[i].add(log1p(r.sinr))
                    tailShareSum[i] += r.tailShare
                    if r.servingIndex == lastIndex[i] { servedAtLast[i] += 1 }
                }
            }
        }
        stats.counts = counts
        stats.rate = rate
        stats.tailShareSum = tailShareSum
        stats.servedAtLast = servedAtLast
        stats.drops = drops
        stats.interactions = Double(drops) * Double(neighbourCounts.reduce(0, +))
        return stats
    }
}

/// Fading draws with the Nakagami gamma law built once.
struct FadingSampler: Sendable {
    let model: FadingModel
    let gamma: GammaDistribution?

    init(_ model: FadingModel) {
        self.model = model
        if case .nakagami(let m) = model.smallScale {
            // m > 0 and finite was validated by FadingModel.
            gamma = try! GammaDistribution(shape: m, scale: 1 / m)
        } else {
            gamma = nil
        }
    }

    @inline(__always) func smallScale(using generator: inout some RandomNumberGenerator) -> Double {
        switch model.smallScale {
        case .none: return 1
        case .rayleigh: return -log(generator.nextOpenUnitDouble())
        case .nakagami: return gamma!.sample(using: &generator)
        case .rician(let k): return FadingModel.ricianSample(k: k, using: &generator)
        }
    }

    @inline(__always) func shadowing(using generator: inout some RandomNumberGenerator) -> Double {
        model.sampleShadowing(using: &generator)
    }
}

/// Sufficient statistics of a batch, merged in batch order.
struct BatchStatistics: Sendable {
    let densityCount: Int
    let thresholdCount: Int
    var drops = 0
    var counts: [Int]
    var rate: [RunningStatistics]
    var tailShareSum: [Double]
    var servedAtLast: [Int]
    var interactions = 0.0

    init(densityCount: Int, thresholdCount: Int) {
        self.densityCount = densityCount
        self.thresholdCount = thresholdCount
        counts = [Int](repeating: 0, count: densityCount * thresholdCount)
        rate = [RunningStatistics](repeating: RunningStatistics(), count: densityCount)
        tailShareSum = [Double](repeating: 0, count: densityCount)
        servedAtLast = [Int](repeating: 0, count: densityCount)
    }

    mutating func merge(_ other: BatchStatistics) {
        drops += other.drops
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in rate.indices { rate[i].merge(other.rate[i]) }
        for i in tailShareSum.indices { tailShareSum[i] += other.tailShareSum[i] }
        for i in servedAtLast.indices { servedAtLast[i] += other.servedAtLast[i] }
        interactions += other.interactions
    }

    func result(
        densities: [Double], thresholds: [Double], neighbourCounts: [Int], converged: Bool, cellFlags: [Bool]
    ) -> MonteCarloResult {
        var coverage: [[MCEstimate]] = []
        var rates: [MCEstimate] = []
        for i in 0..<densityCount {
            coverage.append(
                (0..<thresholdCount).map { j in
                    MCEstimate.proportion(
                        successes: counts[i * thresholdCount + j], trials: drops,
                        converged: cellFlags[i * thresholdCount + j])
                })
            rates.append(MCEstimate.mean(rate[i], converged: cellFlags[densityCount * thresholdCount + i]))
        }
        return MonteCarloResult(
            densities: densities, thresholds: thresholds, coverage: coverage, rate: rates,
            coverageDensity: coverage.enumerated().map { i, row in row.map { $0.scaled(by: densities[i]) } },
            areaSpectralEfficiency: rates.enumerated().map { i, e in e.scaled(by: densities[i]) },
            tailShare: tailShareSum.map { $0 / Double(drops) },
            servedAtLastFraction: servedAtLast.map { Double($0) / Double(drops) },
            neighbourCounts: neighbourCounts, drops: drops, converged: converged, interactions: interactions)
    }
}

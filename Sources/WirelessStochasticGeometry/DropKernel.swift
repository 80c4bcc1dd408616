import Foundation

/// The fast evaluation of a drop at every density of the grid (docs/DENSIFICATION.md#monte-carlo, "Evaluation").
///
/// With Γ_k the drop's ordered arrival sums and Y_k = h_k·S_k, segment j of the path gain gives the BS at
/// index k the received power
///
///     y_k(λ) = c_j(λ)·A_j[k],   A_j[k] = Y_k·Γ_k^{−α_j/2},   c_j(λ) = K_j·(πλ)^{α_j/2}
///
/// (r_k² = Γ_k/(πλ)). So the transcendental work is done once per drop and segment (A_j), not once per density:
///
/// - **Single slope**: c(λ) is common to every BS, so the serving index, Σ_{k≠s} A[k] and the tail in units of c,
///   2·Γ_{K−1}^{1−α/2}/(α−2), do not depend on λ; only the noise term W/c(λ) does. Each density costs O(1).
/// - **Multi-slope**: per density, the segment boundaries are found by bisection on the sorted Γ_k and the
///   serving BS and interference are read from the A_j in two passes without any transcendental call.
///
/// The result is the same estimator as `DropPlan.sinr` (the reference, kept for tests and for densities whose
/// scale factors leave the floating-point range), equal to rounding: the products are grouped differently.
/// Every value depends only on the drop and the density, never on the rest of the grid, so estimates stay
/// bit-identical whatever the grid, batch size or thread count.
struct DropKernel {
    let plan: DropPlan
    /// ln(πλ_i) per density.
    let logPiLambda: [Double]
    /// c_j(λ_i) per density (row) and segment (column), or nil for a density the reference must evaluate.
    let scales: [[Double]?]
    /// W·(πλ_i)^{−α/2} per density (single slope only).
    let scaledNoise: [Double]
    /// Whether serving is decided by S_k·g(r_k) with shadowing (needs the M_j arrays).
    let meanPowerWithShadowing: Bool
    /// The association actually evaluated (mean power without shadowing is the nearest BS).
    let association: Association

    init(plan: DropPlan) {
        self.plan = plan
        let g = plan.scenario.pathGain
        logPiLambda = plan.densities.map { log(Double.pi) + log($0) }
        scales = logPiLambda.map { l in
            let row = g.exponents.indices.map { j in exp(log(g.coefficients[j]) + 0.5 * g.exponents[j] * l) }
            // A finite, normal scale keeps y = c·A finite; otherwise the log-domain reference evaluates this λ.
            return row.allSatisfy({ $0.isNormal && $0.isFinite }) ? row : nil
        }
        let w = plan.scenario.noise
        scaledNoise = logPiLambda.map { l in w == 0 ? 0 : w * exp(-0.5 * g.exponents[0] * l) }
        let shadowed = plan.scenario.fading.hasShadowing
        switch plan.scenario.association {
        case .strongestMeanPower where !shadowed:
            // g is non-increasing in r, so the largest mean power is the nearest BS (first of any tie, as the
            // reference's strict comparison picks).
            association = .nearest
        default:
            association = plan.scenario.association
        }
        meanPowerWithShadowing = association == .strongestMeanPower
    }

    /// Γ^{−a/2} with exact shortcuts for a = 0, 2, 4 (`halfLogGamma` = ½ln Γ for the general case).
    @inline(__always)
    static func negativePower(_ gamma: Double, halfExponent a: Double, halfLogGamma: () -> Double) -> Double {
        if a == 2 { return 1 / (gamma * gamma) }
        if a == 1 { return 1 / gamma }
        if a == 0 { return 1 }
        return exp(-2 * a * halfLogGamma())
    }
}

/// Buffers of one running batch: O(K_max·(3 + segments·(1 + mean-power))) doubles, reused by every drop.
struct DropWorkspace {
    let capacity: Int
    let storage: UnsafeMutableBufferPointer<Double>
    let gamma: UnsafeMutableBufferPointer<Double>
    let fading: UnsafeMutableBufferPointer<Double>
    let shadowing: UnsafeMutableBufferPointer<Double>
    let halfLogGamma: UnsafeMutableBufferPointer<Double>
    let received: UnsafeMutableBufferPointer<Double>
    /// A_j, one block of `capacity` per segment.
    let instantaneous: UnsafeMutableBufferPointer<Double>
    /// M_j[k] = S_k·Γ_k^{−α_j/2}, one block per segment (mean-power association with shadowing).
    let meanPower: UnsafeMutableBufferPointer<Double>

    init(capacity: Int, segments: Int) {
        self.capacity = capacity
        let all = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity * (5 + 2 * segments))
        all.initialize(repeating: 0)
        storage = all
        func block(_ i: Int, _ n: Int = 1) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: all[(i * capacity)..<((i + n) * capacity)])
        }
        gamma = block(0)
        fading = block(1)
        shadowing = block(2)
        halfLogGamma = block(3)
        received = block(4)
        instantaneous = block(5, segments)
        meanPower = block(5 + segments, segments)
    }

    func deallocate() { storage.deallocate() }
}

/// One density's outcome of a drop.
struct DropOutcome {
    var sinr: Double
    var tailShare: Double
    var servingIndex: Int
}

extension DropKernel {
    /// Evaluates the drawn drop (Γ_k, h_k, S_k in `w`, k < K_max) at every density, calling `record` per density.
    func evaluate(_ w: DropWorkspace, _ record: (Int, DropOutcome) -> Void) {
        let g = plan.scenario.pathGain
        if g.isSingleSlope {
            evaluateSingleSlope(w, record)
            return
        }
        // ½ln Γ_k for the non-integer exponents' A_j: computed on demand, once per k (the bisection and the
        // tail read single values directly).
        var logged = 0
        func ensureHalfLog(_ upTo: Int) {
            while logged < upTo {
                w.halfLogGamma[logged] = 0.5 * log(w.gamma[logged])
                logged += 1
            }
        }
        let segmentCount = g.exponents.count
        let logBreaks = g.breakpoints.map { log($0) }
        // Per density: [start_j, end_j) per segment (clipped at K(λ)).
        var filled = [Range<Int>](repeating: 0..<0, count: segmentCount)
        for i in plan.densities.indices {
            guard let c = scales[i] else {
                ensureHalfLog(plan.maximumCount)
                let r = plan.sinr(
                    densityIndex: i, association: plan.scenario.association, halfLogGamma: w.halfLogGamma,
                    fading: w.fading, shadowing: w.shadowing, received: w.received)
                record(i, DropOutcome(sinr: r.sinr, tailShare: r.tailShare, servingIndex: r.servingIndex))
                continue
            }
            let count = plan.neighbourCounts[i]
            let logScale = -0.5 * logPiLambda[i]
            // Segment j holds the k with ln r_k = ½ln Γ_k + logScale in [ln R_j, ln R_{j+1}) (as the reference).
            var bounds = [0]
            for j in 0..<(segmentCount - 1) {
                var lo = bounds[j]
                var hi = count
                let target = logBreaks[j] - logScale
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if 0.5 * log(w.gamma[mid]) >= target { hi = mid } else { lo = mid + 1 }
                }
                bounds.append(lo)
            }
            bounds.append(count)
            // Fill A_j (and M_j) over the part of [start_j, end_j) not computed yet in this drop.
            for j in 0..<segmentCount where bounds[j] < bounds[j + 1] {
                let need = bounds[j]..<bounds[j + 1]
                fill(segment: j, need: need, filled: &filled[j], w, ensureHalfLog)
            }
            record(i, evaluateMultiSlope(densityIndex: i, scales: c, bounds: bounds, w))
        }
    }

    /// Extends the computed range of segment j's arrays to cover `need` (ranges only grow; values depend on k only).
    private func fill(
        segment j: Int, need: Range<Int>, filled: inout Range<Int>, _ w: DropWorkspace, _ ensureHalfLog: (Int) -> Void
    ) {
        let a = 0.5 * plan.scenario.pathGain.exponents[j]
        let special = a == 2 || a == 1 || a == 0
        let base = j * w.capacity
        func compute(_ range: Range<Int>) {
            if !special { ensureHalfLog(range.upperBound) }
            for k in range {
                let p = DropKernel.negativePower(w.gamma[k], halfExponent: a) { w.halfLogGamma[k] }
                let mean = w.shadowing[k] * p
                w.instantaneous[base + k] = w.fading[k] * mean
                if meanPowerWithShadowing { w.meanPower[base + k] = mean }
            }
        }
        if filled.isEmpty {
            compute(need)
            filled = need
            return
        }
        if need.lowerBound < filled.lowerBound { compute(need.lowerBound..<filled.lowerBound) }
        if need.upperBound > filled.upperBound { compute(filled.upperBound..<need.upperBound) }
        filled = min(need.lowerBound, filled.lowerBound)..<max(need.upperBound, filled.upperBound)
    }

    private func evaluateMultiSlope(densityIndex i: Int, scales c: [Double], bounds: [Int], _ w: DropWorkspace)
        -> DropOutcome
    {
        let segmentCount = c.count
        // Serving BS: index 0 (nearest) or the first maximum of c_j·A_j[k] (c_j·M_j[k]) over the segments in order.
        var serving = 0
        var servingSegment = 0
        while bounds[servingSegment + 1] == 0 { servingSegment += 1 }
        if association != .nearest {
            let source = association == .strongestMeanPower ? w.meanPower : w.instantaneous
            var best = -Double.infinity
            for j in 0..<segmentCount where bounds[j] < bounds[j + 1] {
                let base = j * w.capacity
                var localBest = -Double.infinity
                var localIndex = bounds[j]
                for k in bounds[j]..<bounds[j + 1] where source[base + k] > localBest {
                    localBest = source[base + k]
                    localIndex = k
                }
                let scaled = c[j] * localBest
                if scaled > best {
                    best = scaled
                    serving = localIndex
                    servingSegment = j
                }
            }
        }
        var interference = 0.0
        for j in 0..<segmentCount where bounds[j] < bounds[j + 1] {
            let base = j * w.capacity
            var sum = 0.0
            for k in bounds[j]..<bounds[j + 1] where k != serving { sum += w.instantaneous[base + k] }
            interference += c[j] * sum
        }
        let count = bounds[segmentCount]
        let g = plan.scenario.pathGain
        let density = plan.densities[i]
        let rK = exp(0.5 * log(w.gamma[count - 1]) - 0.5 * logPiLambda[i])
        let tail = 2 * Double.pi * density * g.tailIntegral(from: rK)
        let total = interference + tail
        let signal = c[servingSegment] * w.instantaneous[servingSegment * w.capacity + serving]
        let share = total > 0 ? (tail.isInfinite ? 1 : tail / total) : 0
        return DropOutcome(sinr: signal / (total + plan.scenario.noise), tailShare: share, servingIndex: serving)
    }

    /// Single slope: one pass over the drop, O(1) per density (see the type's documentation).
    private func evaluateSingleSlope(_ w: DropWorkspace, _ record: (Int, DropOutcome) -> Void) {
        let alpha = plan.scenario.pathGain.exponents[0]
        let a = 0.5 * alpha
        // Single slope: K(λ) is the same at every density.
        let count = plan.neighbourCounts[0]
        var selection = ServingSelection(association)
        for k in 0..<count {
            let p = DropKernel.negativePower(w.gamma[k], halfExponent: a) { 0.5 * log(w.gamma[k]) }
            let mean = w.shadowing[k] * p
            let y = w.fading[k] * mean
            w.received[k] = y
            selection.offer(k, received: y, meanPower: mean)
        }
        let serving = selection.index
        var interference = 0.0
        for k in 0..<count where k != serving { interference += w.received[k] }
        // Tail / c(λ) = 2πλ·r_K^{2−α}/(α−2) / (πλ)^{α/2} = 2·Γ_{K−1}^{1−α/2}/(α−2)  (α > 2 for a single slope).
        let last = w.gamma[count - 1]
        let tail = 2 * last * DropKernel.negativePower(last, halfExponent: a) { 0.5 * log(last) } / (alpha - 2)
        let total = interference + tail
        let signal = w.received[serving]
        guard signal.isFinite, total.isFinite, signal > 0 else {
            // Γ^{−α/2} left the floating-point range (extreme exponents): the log-domain reference decides.
            for k in 0..<plan.maximumCount { w.halfLogGamma[k] = 0.5 * log(w.gamma[k]) }
            for i in plan.densities.indices {
                let r = plan.sinr(
                    densityIndex: i, association: plan.scenario.association, halfLogGamma: w.halfLogGamma,
                    fading: w.fading, shadowing: w.shadowing, received: w.received)
                record(i, DropOutcome(sinr: r.sinr, tailShare: r.tailShare, servingIndex: r.servingIndex))
            }
            return
        }
        let share = total > 0 ? tail / total : 0
        for i in plan.densities.indices {
            record(i, DropOutcome(sinr: signal / (total + scaledNoise[i]), tailShare: share, servingIndex: serving))
        }
    }
}

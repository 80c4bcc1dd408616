import Numerics
import WirelessCore

/// A half-open run of occupied bins [start, end).
public struct BinInterval: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Interval IoU on half-open runs: max(0, min(b_g,b_p) − max(a_g,a_p)) / (max(b_g,b_p) − min(a_g,a_p)).
    public func intersectionOverUnion(_ other: BinInterval) -> Double {
        let intersection = max(0, min(end, other.end) - max(start, other.start))
        let union = max(end, other.end) - min(start, other.start)
        return union > 0 ? Double(intersection) / Double(union) : 0
    }

    /// The maximal runs of `true` in `mask`.
    public static func runs(_ mask: [Bool]) -> [BinInterval] {
        var runs: [BinInterval] = []
        var start: Int?
        for (k, value) in mask.enumerated() {
            if value && start == nil { start = k }
            if !value, let s = start {
                runs.append(BinInterval(start: s, end: k))
                start = nil
            }
        }
        if let s = start { runs.append(BinInterval(start: s, end: mask.count)) }
        return runs
    }
}

/// Accumulates the metrics of docs/SPECTRUM.md#decision-rule-and-metrics over examples.
///
///     per-bin accuracy = (TP + TN)/(TP + TN + FP + FN); precision = TP/(TP + FP); recall = TP/(TP + FN)
///     false-alarm rate = FP/(FP + TN)
///     mask IoU of the decided mask (per example, averaged) = |ŝ_rule ∧ y| / |ŝ_rule ∨ y|, two empty masks score 1
///     interval IoU: ground-truth runs matched to predicted runs by Hungarian matching maximising
///     total IoU; unmatched ground truth scores 0; recall@θ = #(matched IoU ≥ θ)/#ground-truth runs,
///     over every example (including those without prediction).
///
/// The complex-valued scores use the two part masks r = [Re ŷ > τ], i = [Im ŷ > τ] (each dilated by d):
///
///     mask CIoU (per example, averaged) = |ŝ ∧ y| / |ŝ ∨ y|,  ŝ = r ∨ i;  two empty masks score 1
///     interval CIoU of a ground-truth run g = [a_g, b_g):
///         g is matched (Hungarian, maximising total IoU) separately to the runs of r and to the runs of i;
///         for each part, I = overlap and U = max(b_g, b_p) − min(a_g, a_p) of the matched run p,
///         or I = 0, U = b_g − a_g when g is unmatched (or matched without overlap);
///         CIoU_g = (I_re + I_im) / (U_re + U_im), averaged over all ground-truth runs.
///
/// With only a decided mask (`add(prediction:truth:)`, e.g. the baselines) both parts are that mask, so
/// the mask CIoU equals the mask IoU and the interval CIoU equals the interval IoU.
///
/// `authorsProtocol` repeats the IoU and recall scores the authors' way (docs/SPECTRUM.md#pitfalls, pitfall 2):
/// examples whose
/// decided mask is empty are skipped. It inflates low-SNR scores and exists only for comparison.
public struct SegmentationMetrics: Sendable, Equatable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0
    public var examples = 0
    public var maskIoUSum = 0.0
    public var groundTruthIntervals = 0
    public var predictedIntervals = 0
    /// Ground-truth runs matched with IoU ≥ 0.5, 0.7, 0.9.
    public var recalledAt = [0, 0, 0]
    /// Sum of matched interval IoUs over ground-truth runs.
    public var intervalIoUSum = 0.0
    /// Sum over examples of the mask CIoU (ŝ = [Re ŷ > τ] ∨ [Im ŷ > τ]).
    public var complexMaskIoUSum = 0.0
    /// Sum over ground-truth runs of the interval CIoU.
    public var intervalCIoUSum = 0.0
    /// The IoU and recall scores over the examples with a non-empty decided mask only (authors' protocol).
    public var authorsProtocol = AuthorsProtocolScores()

    /// IoU and recall restricted to examples with at least one predicted bin (docs/SPECTRUM.md#pitfalls pitfall 2;
    /// comparison only).
    public struct AuthorsProtocolScores: Sendable, Equatable, Codable {
        /// Examples with a non-empty decided mask.
        public var examples = 0
        public var maskIoUSum = 0.0
        /// Ground-truth runs of those examples.
        public var groundTruthIntervals = 0
        public var recalledAt = [0, 0, 0]
        public var intervalIoUSum = 0.0

        public init() {}

        /// Mean mask IoU over examples with a prediction.
        public var meanIoU: Double { examples == 0 ? .nan : maskIoUSum / Double(examples) }
        /// Mean matched interval IoU over the ground-truth runs of examples with a prediction.
        public var meanIntervalIoU: Double {
            groundTruthIntervals == 0 ? .nan : intervalIoUSum / Double(groundTruthIntervals)
        }
        /// Recall at IoU ≥ 0.5, 0.7, 0.9 over the ground-truth runs of examples with a prediction.
        public var recallAtIoU: [Double] {
            recalledAt.map { groundTruthIntervals == 0 ? .nan : Double($0) / Double(groundTruthIntervals) }
        }

        mutating func merge(_ other: AuthorsProtocolScores) {
            examples += other.examples
            maskIoUSum += other.maskIoUSum
            groundTruthIntervals += other.groundTruthIntervals
            for k in recalledAt.indices { recalledAt[k] += other.recalledAt[k] }
            intervalIoUSum += other.intervalIoUSum
        }
    }

    /// IoU thresholds of the recall columns.
    public static let recallThresholds = [0.5, 0.7, 0.9]

    public init() {}

    /// Adds one example from a decided mask alone (`prediction` and `truth` have the same length N);
    /// both CIoU part masks are `prediction`.
    public mutating func add(prediction: [Bool], truth: [Bool]) {
        add(prediction: prediction, realPart: prediction, imaginaryPart: prediction, truth: truth)
    }

    /// Adds one example from its probability planes: the decided mask is `rule.decide`, the CIoU part
    /// masks are `rule.partMasks` (a real-valued net passes an empty `imaginary` and its Re plane serves
    /// as both parts).
    ///
    /// - Parameters:
    ///   - real: Re ŷ [N], probabilities in [0, 1].
    ///   - imaginary: Im ŷ [N], or empty for a real-valued net.
    ///   - truth: the ground-truth mask [N].
    public mutating func add(
        real: ArraySlice<Float>, imaginary: ArraySlice<Float>, rule: DecisionRule, truth: [Bool]
    ) {
        let decided = rule.decide(real: real, imaginary: imaginary)
        let parts = rule.partMasks(real: real, imaginary: imaginary)
        add(prediction: decided, realPart: parts.real, imaginaryPart: parts.imaginary, truth: truth)
    }

    /// Adds one example given the decided mask and the two CIoU part masks (all of length N).
    public mutating func add(prediction: [Bool], realPart: [Bool], imaginaryPart: [Bool], truth: [Bool]) {
        precondition(
            prediction.count == truth.count && realPart.count == truth.count && imaginaryPart.count == truth.count,
            "mask lengths differ")
        var intersection = 0
        var union = 0
        var complexIntersection = 0
        var complexUnion = 0
        for k in prediction.indices {
            switch (prediction[k], truth[k]) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, false): trueNegatives += 1
            case (false, true): falseNegatives += 1
            }
            if prediction[k] && truth[k] { intersection += 1 }
            if prediction[k] || truth[k] { union += 1 }
            let either = realPart[k] || imaginaryPart[k]
            if either && truth[k] { complexIntersection += 1 }
            if either || truth[k] { complexUnion += 1 }
        }
        let maskIoU = union == 0 ? 1 : Double(intersection) / Double(union)
        maskIoUSum += maskIoU
        complexMaskIoUSum += complexUnion == 0 ? 1 : Double(complexIntersection) / Double(complexUnion)
        examples += 1
        let truthRuns = BinInterval.runs(truth)
        let predictedRuns = BinInterval.runs(prediction)
        groundTruthIntervals += truthRuns.count
        predictedIntervals += predictedRuns.count
        let hasPrediction = !predictedRuns.isEmpty
        if hasPrediction {
            authorsProtocol.examples += 1
            authorsProtocol.maskIoUSum += maskIoU
            authorsProtocol.groundTruthIntervals += truthRuns.count
        }
        guard !truthRuns.isEmpty else { return }
        for iou in Self.matchedIoU(truthRuns, predictedRuns) {
            intervalIoUSum += iou
            if hasPrediction { authorsProtocol.intervalIoUSum += iou }
            for (t, threshold) in Self.recallThresholds.enumerated() where iou >= threshold {
                recalledAt[t] += 1
                if hasPrediction { authorsProtocol.recalledAt[t] += 1 }
            }
        }
        let realOverlap = Self.matchedOverlap(truthRuns, BinInterval.runs(realPart))
        let imaginaryOverlap = Self.matchedOverlap(truthRuns, BinInterval.runs(imaginaryPart))
        for g in truthRuns.indices {
            let i = realOverlap[g].intersection + imaginaryOverlap[g].intersection
            let u = realOverlap[g].union + imaginaryOverlap[g].union
            intervalCIoUSum += Double(i) / Double(u)
        }
    }

    /// The IoU of each ground-truth run with its Hungarian partner (0 when unmatched).
    static func matchedIoU(_ truth: [BinInterval], _ predicted: [BinInterval]) -> [Double] {
        guard !predicted.isEmpty else { return Array(repeating: 0, count: truth.count) }
        let scores = truth.map { g in predicted.map { g.intersectionOverUnion($0) } }
        return LinearAssignment.maximize(scores).enumerated().map { i, match in match.map { scores[i][$0] } ?? 0 }
    }

    /// Per ground-truth run, the overlap I and span U with its Hungarian partner (maximising total IoU);
    /// I = 0, U = b_g − a_g when unmatched or matched without overlap.
    static func matchedOverlap(_ truth: [BinInterval], _ predicted: [BinInterval]) -> [(intersection: Int, union: Int)]
    {
        var result = truth.map { (intersection: 0, union: $0.end - $0.start) }
        guard !predicted.isEmpty else { return result }
        let scores = truth.map { g in predicted.map { g.intersectionOverUnion($0) } }
        for (i, match) in LinearAssignment.maximize(scores).enumerated() {
            guard let j = match else { continue }
            let g = truth[i]
            let p = predicted[j]
            let overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 { result[i] = (overlap, max(g.end, p.end) - min(g.start, p.start)) }
        }
        return result
    }

    /// Merges another accumulator (e.g. from a parallel task).
    public mutating func merge(_ other: SegmentationMetrics) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        trueNegatives += other.trueNegatives
        falseNegatives += other.falseNegatives
        examples += other.examples
        maskIoUSum += other.maskIoUSum
        groundTruthIntervals += other.groundTruthIntervals
        predictedIntervals += other.predictedIntervals
        for k in 0..<3 { recalledAt[k] += other.recalledAt[k] }
        intervalIoUSum += other.intervalIoUSum
        complexMaskIoUSum += other.complexMaskIoUSum
        intervalCIoUSum += other.intervalCIoUSum
        authorsProtocol.merge(other.authorsProtocol)
    }

    var totalBins: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// Per-bin accuracy [0, 1].
    public var accuracy: Double { totalBins == 0 ? .nan : Double(truePositives + trueNegatives) / Double(totalBins) }
    /// Per-bin precision [0, 1] (NaN without positive predictions).
    public var precision: Double {
        truePositives + falsePositives == 0 ? .nan : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// Per-bin recall [0, 1].
    public var recall: Double {
        truePositives + falseNegatives == 0 ? .nan : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    /// F1 = 2PR/(P + R).
    public var f1: Double {
        let p = precision
        let r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : .nan
    }
    /// False-alarm rate FP/(FP + TN).
    public var falseAlarmRate: Double {
        falsePositives + trueNegatives == 0 ? .nan : Double(falsePositives) / Double(falsePositives + trueNegatives)
    }
    /// Mean per-example mask IoU of the decided mask (the decision rule's part, threshold and dilation).
    public var meanIoU: Double { examples == 0 ? .nan : maskIoUSum / Double(examples) }
    /// Mean per-example mask CIoU, ŝ = [Re ŷ > τ] ∨ [Im ŷ > τ] (docs/SPECTRUM.md#decision-rule-and-metrics).
    public var meanComplexMaskIoU: Double { examples == 0 ? .nan : complexMaskIoUSum / Double(examples) }
    /// Mean interval CIoU over ground-truth runs (Re and Im runs matched separately;
    /// docs/SPECTRUM.md#decision-rule-and-metrics).
    public var meanIntervalCIoU: Double {
        groundTruthIntervals == 0 ? .nan : intervalCIoUSum / Double(groundTruthIntervals)
    }
    /// Mean matched interval IoU over ground-truth runs.
    public var meanIntervalIoU: Double {
        groundTruthIntervals == 0 ? .nan : intervalIoUSum / Double(groundTruthIntervals)
    }
    /// Recall at IoU ≥ 0.5, 0.7, 0.9 over all ground-truth runs.
    public var recallAtIoU: [Double] {
        recalledAt.map { groundTruthIntervals == 0 ? .nan : Double($0) / Double(groundTruthIntervals) }
    }
}

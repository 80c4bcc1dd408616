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

/// Accumulates the metrics of spec §2.6 over examples.
///
///     per-bin accuracy = (TP + TN)/(TP + TN + FP + FN); precision = TP/(TP + FP); recall = TP/(TP + FN)
///     false-alarm rate = FP/(FP + TN)
///     mask IoU (per example, averaged) = |ŝ ∧ y| / |ŝ ∨ y|, two empty masks score 1
///     interval IoU: ground-truth runs matched to predicted runs by Hungarian matching maximising
///     total IoU; unmatched ground truth scores 0; recall@θ = #(matched IoU ≥ θ)/#ground-truth runs,
///     over every example (including those without prediction).
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

    /// IoU thresholds of the recall columns.
    public static let recallThresholds = [0.5, 0.7, 0.9]

    public init() {}

    /// Adds one example (`prediction` and `truth` have the same length N).
    public mutating func add(prediction: [Bool], truth: [Bool]) {
        precondition(prediction.count == truth.count, "mask lengths differ")
        var intersection = 0
        var union = 0
        for k in prediction.indices {
            switch (prediction[k], truth[k]) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, false): trueNegatives += 1
            case (false, true): falseNegatives += 1
            }
            if prediction[k] && truth[k] { intersection += 1 }
            if prediction[k] || truth[k] { union += 1 }
        }
        maskIoUSum += union == 0 ? 1 : Double(intersection) / Double(union)
        examples += 1
        let truthRuns = BinInterval.runs(truth)
        let predictedRuns = BinInterval.runs(prediction)
        groundTruthIntervals += truthRuns.count
        predictedIntervals += predictedRuns.count
        guard !truthRuns.isEmpty else { return }
        let scores = truthRuns.map { g in predictedRuns.map { g.intersectionOverUnion($0) } }
        let assignment =
            predictedRuns.isEmpty
            ? Array(repeating: nil, count: truthRuns.count)
            : LinearAssignment.maximize(scores)
        for (i, match) in assignment.enumerated() {
            guard let j = match else { continue }
            let iou = scores[i][j]
            intervalIoUSum += iou
            for (t, threshold) in Self.recallThresholds.enumerated() where iou >= threshold {
                recalledAt[t] += 1
            }
        }
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
    /// Mean per-example mask IoU.
    public var meanIoU: Double { examples == 0 ? .nan : maskIoUSum / Double(examples) }
    /// Mean matched interval IoU over ground-truth runs.
    public var meanIntervalIoU: Double {
        groundTruthIntervals == 0 ? .nan : intervalIoUSum / Double(groundTruthIntervals)
    }
    /// Recall at IoU ≥ 0.5, 0.7, 0.9 over all ground-truth runs.
    public var recallAtIoU: [Double] {
        recalledAt.map { groundTruthIntervals == 0 ? .nan : Double($0) / Double(groundTruthIntervals) }
    }
}

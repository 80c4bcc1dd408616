import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Scenario-cluster bootstrap percentile intervals for the feature effects (docs/PATHLOSS.md#feature-regression).
///
///     for b in 1…B: draw G scenarios with replacement (Xoshiro256StarStar(seed:, stream: b)),
///                   β_b = (Σ_picks X_gᵀX_g)⁻¹ (Σ_picks X_gᵀy_g)       (OLS on the resample)
///     interval_k = [Q_{α/2}, Q_{1−α/2}] of −β_{b,k} (type-7 percentiles)
///
/// Each scenario's Gram block X_gᵀX_g and X_gᵀy_g is computed once, so a resample costs O(G·p² + p³)
/// rather than O(N·p²). The design (column set, floor levels) is the full data's; resamples whose Gram
/// matrix is singular (a feature absent) are skipped and counted. Resamples run on both cores with
/// per-resample streams, so the result does not depend on the thread count.
public struct FeatureEffectBootstrap: Sendable, Equatable, Codable {
    /// One percentile interval per effect, in the reference regression's order.
    public let intervals: [ConfidenceInterval]
    /// Effect names, in order.
    public let names: [String]
    /// Resamples that produced a full-rank fit.
    public let successfulResamples: Int
    /// Resamples requested.
    public let requestedResamples: Int

    /// Runs the bootstrap.
    ///
    /// - Parameters:
    ///   - campaign: Links with `scenario_id` and the feature columns (censored links are ignored).
    ///   - reference: The full-data regression (defines the effect names and order).
    ///   - floor: Floor encoding (as in `reference`).
    ///   - resamples: B ≥ 0.
    ///   - seed: Seed of the per-resample streams.
    ///   - confidenceLevel: Level of the percentile interval, in (0, 1).
    ///   - referenceDistanceMeters: d0 [m] (as in `reference`).
    /// - Throws: `.invalidCategory` for links missing features or scenario_id; `.parameterOutOfRange` for a
    ///   confidence level outside (0, 1) or B < 0.
    public init(
        campaign: PathLossCampaign, reference: FeatureRegression, floor: FeatureRegression.FloorEncoding = .categorical,
        resamples: Int, seed: UInt64, confidenceLevel: Double = 0.95, referenceDistanceMeters: Double = 1
    ) throws(PathLossError) {
        // The percentile interval's quantile preconditions p ∈ [0, 1]: reject bad levels as data, not a trap.
        try validateLevel(confidenceLevel)
        guard resamples >= 0 else {
            throw .parameterOutOfRange(name: "resamples", value: Double(resamples), valid: "≥ 0")
        }
        let links = campaign.uncensoredLinks
        let featureNames = reference.effects.map(\.name)
        let features = FeatureRegression.Feature.allCases.filter { featureNames.contains($0.rawValue) }
        let (rows, names) = try FeatureRegression.designRows(
            links: links, source: campaign.source, features: features, floor: floor,
            referenceDistanceMeters: referenceDistanceMeters)
        let p = names.count
        // Per-scenario Gram blocks.
        var clusterIndex: [String: Int] = [:]
        var grams: [[Double]] = []
        var moments: [[Double]] = []
        for (i, link) in links.enumerated() {
            guard let s = link.scenarioID, !s.isEmpty else {
                throw .invalidCategory(file: campaign.source, line: i + 1, column: "scenario_id", value: "")
            }
            let g: Int
            if let known = clusterIndex[s] {
                g = known
            } else {
                g = grams.count
                clusterIndex[s] = g
                grams.append([Double](repeating: 0, count: p * p))
                moments.append([Double](repeating: 0, count: p))
            }
            let x = rows[i]
            for a in 0..<p {
                moments[g][a] += x[a] * link.pathGainDB
                for b in 0..<p { grams[g][a + p * b] += x[a] * x[b] }
            }
        }
        let clusterGrams = grams
        let clusterMoments = moments
        let count = clusterGrams.count
        let results: [[Double]?] = ParallelExecution.parallelMap(count: max(resamples, 0)) { b in
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(b))
            var gram = [Double](repeating: 0, count: p * p)
            var moment = [Double](repeating: 0, count: p)
            for _ in 0..<count {
                let pick = min(Int(generator.nextUnitDouble() * Double(count)), count - 1)
                for k in 0..<(p * p) { gram[k] += clusterGrams[pick][k] }
                for k in 0..<p { moment[k] += clusterMoments[pick][k] }
            }
            // A feature absent from the resample leaves a zero diagonal: skip before solving.
            for k in 0..<p where gram[k + p * k] <= 0 { return nil }
            guard let beta = try? solve(Matrix(rows: p, columns: p, columnMajor: gram), moment),
                beta.allSatisfy(\.isFinite)
            else { return nil }
            return (2..<p).map { -beta[$0] }
        }
        let kept = results.compactMap { $0 }
        let alpha = (1 - confidenceLevel) / 2
        self.intervals = (0..<(p - 2)).map { k in
            let values = kept.map { $0[k] }
            guard values.count >= 2 else {
                return ConfidenceInterval(lower: .nan, upper: .nan, confidenceLevel: confidenceLevel)
            }
            return ConfidenceInterval(
                lower: Statistics.quantile(values, probability: alpha),
                upper: Statistics.quantile(values, probability: 1 - alpha),
                confidenceLevel: confidenceLevel)
        }
        self.names = Array(names.dropFirst(2))
        self.successfulResamples = kept.count
        self.requestedResamples = resamples
    }
}

import Foundation
import Testing

@testable import WirelessCore

@Suite struct StatisticsTests {
    /// A small sample whose quantiles were computed with NumPy 2.4 `np.quantile` (default = type 7).
    static let sample = [3.1, -1.2, 7.4, 0.0, 2.2, 2.2, 9.9, -4.5, 5.0, 1.1]
    /// Summation of ten values: a few ulps of the result.
    static let roundingTolerance = 1e-14

    @Test func meanAndVarianceMatchNumPy() {
        #expect(relativeError(Statistics.mean(Self.sample), 2.52) < Self.roundingTolerance)
        #expect(relativeError(Statistics.variance(Self.sample), 17.384) < Self.roundingTolerance)
        #expect(relativeError(Statistics.standardDeviation(Self.sample), 17.384.squareRoot()) < Self.roundingTolerance)
        #expect(Statistics.mean([Double]()).isNaN)
        #expect(Statistics.variance([1.0]).isNaN)
    }

    @Test func varianceIsStableForLargeOffsets() {
        // Values 1e9 + {4, 7, 13, 16}: a naive Σx² − n x̄² would lose everything; exact s² = 30.
        let shifted = [4.0, 7, 13, 16].map { $0 + 1e9 }
        #expect(abs(Statistics.variance(shifted) - 30) < 1e-6)
        var running = RunningStatistics()
        for x in shifted { running.add(x) }
        #expect(abs(running.variance - 30) < 1e-6)
    }

    @Test func quantileType7MatchesNumPy() {
        let expected: [(Double, Double)] = [
            (0, -4.5), (0.1, -1.5299999999999998), (0.25, 0.275), (0.5, 2.2),
            (0.9, 7.6499999999999995), (0.975, 9.337500000000002), (1, 9.9),
        ]
        for (p, value) in expected {
            #expect(abs(Statistics.quantile(Self.sample, probability: p) - value) < 1e-13, "p = \(p)")
        }
        #expect(Statistics.median(Self.sample) == 2.2)
        #expect(Statistics.quantile([5.0], probability: 0.3) == 5)
        #expect(Statistics.quantile([Double](), probability: 0.3).isNaN)
    }

    @Test func empiricalCDFEvaluatesAndSteps() throws {
        let ecdf = try EmpiricalCDF([3, 1, 2, 2, 5])
        #expect(ecdf(0.5) == 0)
        #expect(ecdf(1) == 0.2)
        #expect(ecdf(2) == 0.6)
        #expect(ecdf(2.5) == 0.6)
        #expect(ecdf(5) == 1)
        #expect(ecdf(1e9) == 1)
        let points = ecdf.points
        #expect(points.map(\.x) == [1, 2, 3, 5])
        #expect(points.map(\.probability) == [0.2, 0.6, 0.8, 1.0])
        #expect(ecdf.quantile(0.5) == 2)
        #expect(throws: CoreError.self) { try EmpiricalCDF([Double]()) }
        #expect(throws: CoreError.nonFiniteValue(name: "values", at: 1)) { try EmpiricalCDF([1, .nan]) }
    }

    @Test func wilsonIntervalMatchesHandComputation() throws {
        // k = 7, n = 20, 95%: centre (p̂ + z²/2n)/(1 + z²/n), computed in 30-digit mpmath:
        // [0.181191824101082049, 0.567145723314763767].
        let estimate = try ProportionEstimate(successes: 7, trials: 20)
        let wilson = estimate.wilsonInterval(confidenceLevel: 0.95)
        #expect(abs(wilson.lower - 0.181191824101082049) < 1e-15)
        #expect(abs(wilson.upper - 0.567145723314763767) < 1e-15)
        let wald = estimate.normalInterval(confidenceLevel: 0.95)
        let half = 1.959963984540054 * (0.35 * 0.65 / 20).squareRoot()
        #expect(abs(wald.lower - (0.35 - half)) < 1e-15)
        #expect(abs(wald.upper - (0.35 + half)) < 1e-15)
        // Zero successes: Wilson stays inside [0, 1] and has positive width; Wald collapses.
        let none = try ProportionEstimate(successes: 0, trials: 50)
        #expect(none.wilsonInterval().lower == 0)
        #expect(none.wilsonInterval().upper > 0.05)
        #expect(none.normalInterval().width == 0)
        // The ends are exact for 0 and n successes at every n (rounding once left 2.8e-17 there).
        for n in 1...2_000 {
            #expect(try ProportionEstimate(successes: 0, trials: n).wilsonInterval().lower == 0)
            #expect(try ProportionEstimate(successes: n, trials: n).wilsonInterval().upper == 1)
        }
        #expect(throws: CoreError.self) { try ProportionEstimate(successes: 5, trials: 4) }
        #expect(throws: CoreError.self) { try ProportionEstimate(successes: 0, trials: 0) }
    }

    @Test func wilsonIntervalCoversAtItsNominalRate() throws {
        // 400 binomial experiments (n = 200, p = 0.1): the 95% Wilson interval should cover p in
        // 380 ± 5·√(400·0.95·0.05) ≈ 380 ± 22 of them.
        var g = Xoshiro256StarStar(seed: 31)
        var covered = 0
        for _ in 0..<400 {
            var k = 0
            for _ in 0..<200 where g.nextUnitDouble() < 0.1 { k += 1 }
            if try ProportionEstimate(successes: k, trials: 200).wilsonInterval().contains(0.1) { covered += 1 }
        }
        #expect(abs(Double(covered) - 380) <= 5 * (400 * 0.95 * 0.05).squareRoot())
    }

    @Test func runningStatisticsMatchesBatchAndMerges() {
        var g = Xoshiro256StarStar(seed: 32)
        let values = (0..<1000).map { _ in 10 + 3 * g.nextUnitDouble() }
        let all = RunningStatistics(values)
        #expect(all.count == 1000)
        #expect(relativeError(all.mean, Statistics.mean(values)) < 1e-14)
        #expect(relativeError(all.variance, Statistics.variance(values)) < 1e-12)
        #expect(all.minimum == values.min())
        #expect(all.maximum == values.max())
        // Merging four chunks equals one pass.
        var merged = RunningStatistics()
        for chunk in stride(from: 0, to: 1000, by: 250) {
            merged.merge(RunningStatistics(values[chunk..<(chunk + 250)]))
        }
        #expect(merged.count == 1000)
        #expect(relativeError(merged.mean, all.mean) < 1e-14)
        #expect(relativeError(merged.variance, all.variance) < 1e-12)
        #expect(merged.minimum == all.minimum && merged.maximum == all.maximum)
        #expect(RunningStatistics().merging(all) == all)
        #expect(RunningStatistics().mean.isNaN)
        #expect(RunningStatistics([1]).variance.isNaN)
        #expect(relativeError(all.standardErrorOfMean, (all.variance / 1000).squareRoot()) < 1e-15)
    }

    @Test func bootstrapIntervalIsReproducibleAndCoversTheMean() throws {
        var g = Xoshiro256StarStar(seed: 33)
        let normal = try NormalDistribution(mean: 5, standardDeviation: 2)
        let values = normal.samples(200, using: &g)
        var a = Xoshiro256StarStar(seed: 1)
        var b = Xoshiro256StarStar(seed: 1)
        let first = try Statistics.bootstrapConfidenceInterval(values, resamples: 500, using: &a) {
            Statistics.mean($0)
        }
        let second = try Statistics.bootstrapConfidenceInterval(values, resamples: 500, using: &b) {
            Statistics.mean($0)
        }
        #expect(first == second)
        // The percentile interval of the mean ≈ x̄ ± 1.96 s/√n: its width within 20% of that.
        let expectedWidth = 2 * 1.959963984540054 * Statistics.standardDeviation(values) / 200.0.squareRoot()
        #expect(abs(first.width / expectedWidth - 1) < 0.2)
        #expect(first.contains(Statistics.mean(values)))
        #expect(throws: CoreError.self) {
            try Statistics.bootstrapConfidenceInterval([], using: &a) { Statistics.mean($0) }
        }
        #expect(throws: CoreError.self) {
            try Statistics.bootstrapConfidenceInterval(values, confidenceLevel: 1, using: &a) { Statistics.mean($0) }
        }
    }

    @Test func kolmogorovSmirnovStatisticAndPValue() {
        // Hand example: sample {0.1, 0.5, 0.9} against U(0,1): D = max(1/3−0.1, 0.5−1/3, 2/3−0.5, 1−0.9, …) = 0.2333….
        let d = Statistics.kolmogorovSmirnovStatistic([0.9, 0.1, 0.5]) { $0 }
        #expect(abs(d - (1.0 / 3 - 0.1)) < 1e-15)
        // Kolmogorov's Q at known points: Q(1.3581) ≈ 0.05, Q(1.6276) ≈ 0.01 (Smirnov's table);
        // both series branches agree at the switch λ = 1.18.
        #expect(abs(Statistics.kolmogorovQ(1.3581) - 0.05) < 1e-4)
        #expect(abs(Statistics.kolmogorovQ(1.6276) - 0.01) < 1e-4)
        #expect(abs(Statistics.kolmogorovQ(1.18.nextDown) - Statistics.kolmogorovQ(1.18)) < 1e-12)
        #expect(abs(Statistics.kolmogorovQ(0.5) - 0.9639452436648751) < 1e-12)
        // Critical value inverts the p-value.
        let critical = Statistics.kolmogorovSmirnovCriticalValue(sampleSize: 1000, significanceLevel: 0.05)
        #expect(abs(Statistics.kolmogorovSmirnovPValue(statistic: critical, sampleSize: 1000) - 0.05) < 1e-9)
        #expect(abs(critical * 1000.0.squareRoot() - 1.358) < 0.01)
        // A wrong law is rejected: N(0.1, 1) data tested against N(0, 1).
        var g = Xoshiro256StarStar(seed: 34)
        let shifted = (0..<5000).map { _ in 0.1 + NormalDistribution.standardSample(using: &g) }
        let statistic = Statistics.kolmogorovSmirnovStatistic(shifted, cdf: SpecialFunctions.normalCDF)
        #expect(Statistics.kolmogorovSmirnovPValue(statistic: statistic, sampleSize: 5000) < 1e-6)
    }
}

import Testing
import WirelessCore

@testable import WirelessSpectrumNet

@Suite struct LossAndNormTests {
    func logitsAndLabels(seed: UInt64, isComplex: Bool = true) -> (ComplexTensor<Double>, [Double]) {
        var generator = Xoshiro256StarStar(seed: seed)
        let logits = GradientChecker.randomTensor(
            batch: 3, channels: 1, length: 7, isComplex: isComplex, scale: 4,
            using: &generator)
        let labels = (0..<21).map { _ in generator.nextUnitDouble() < 0.3 ? 1.0 : 0.0 }
        return (logits, labels)
    }

    @Test(arguments: [(1.0, 2.0), (0.5, 1.0), (3.0, 0.0), (1.0, 1.5)])
    func focalLossGradient(alpha: Double, gamma: Double) throws {
        let loss = try ComplexFocalLoss(alpha: alpha, gamma: gamma)
        for isComplex in [true, false] {
            let (z, y) = logitsAndLabels(seed: 81, isComplex: isComplex)
            let (_, g) = loss.evaluate(logits: z, labels: y)
            var analytic: [Double] = []
            var numeric: [Double] = []
            let h = GradientChecker.step
            for k in 0..<(z.real.count + z.imaginary.count) {
                var plus = z
                var minus = z
                if k < z.real.count {
                    plus.real[k] += h
                    minus.real[k] -= h
                    analytic.append(g.real[k])
                } else {
                    plus.imaginary[k - z.real.count] += h
                    minus.imaginary[k - z.real.count] -= h
                    analytic.append(g.imaginary[k - z.real.count])
                }
                numeric.append(
                    (loss.evaluate(logits: plus, labels: y).loss - loss.evaluate(logits: minus, labels: y).loss)
                        / (2 * h))
            }
            #expect(GradientChecker.relativeError(analytic, numeric) <= GradientChecker.tolerance)
        }
    }

    @Test func focalLossWithoutFocusingIsHalfTheBinaryCrossEntropySum() throws {
        // Independent oracle: BCE = −y ln p − (1 − y) ln(1 − p) on p = σ(u), each part averaged.
        let (z, y) = logitsAndLabels(seed: 82)
        let value = try ComplexFocalLoss(alpha: 1, gamma: 0).evaluate(logits: z, labels: y).loss
        func bce(_ u: Double, _ label: Double) -> Double {
            let p = 1 / (1 + Double.exp(-u))
            return -label * Double.log(p) - (1 - label) * Double.log(1 - p)
        }
        var re = 0.0
        var im = 0.0
        for k in 0..<y.count {
            re += bce(z.real[k], y[k])
            im += bce(z.imaginary[k], y[k])
        }
        let expected = 0.5 * (re / Double(y.count) + im / Double(y.count))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func focalLossRejectsBadParameters() {
        #expect(throws: SpectrumNetError.self) { try ComplexFocalLoss(alpha: 0, gamma: 2) }
        #expect(throws: SpectrumNetError.self) { try ComplexFocalLoss(alpha: 1, gamma: -1) }
    }

    @Test func batchNormWhitensToIdentityCovariance() {
        // n = 2 × 1000 ≥ 1000 strongly correlated, unequal-variance samples per channel.
        var generator = Xoshiro256StarStar(seed: 91)
        var x = ComplexTensor<Double>(batch: 2, channels: 2, length: 1000)
        for k in 0..<x.real.count {
            let a = ComplexWeightInitializer.standardNormal(using: &generator)
            let b = ComplexWeightInitializer.standardNormal(using: &generator)
            x.real[k] = 3 * a + 1
            x.imaginary[k] = 2 * a + 0.5 * b - 2
        }
        var norm = ComplexBatchNorm<Double>(name: "bn", channels: 2)
        for c in 0..<2 {
            norm.gammaRR.value[c] = 1
            norm.gammaII.value[c] = 1
        }
        let y = norm.forward(x)
        for c in 0..<2 {
            var rr = 0.0
            var ii = 0.0
            var ri = 0.0
            var mr = 0.0
            var mi = 0.0
            var n = 0.0
            for b in 0..<2 {
                for t in 0..<1000 {
                    let k = (b * 2 + c) * 1000 + t
                    mr += y.real[k]
                    mi += y.imaginary[k]
                    rr += y.real[k] * y.real[k]
                    ii += y.imaginary[k] * y.imaginary[k]
                    ri += y.real[k] * y.imaginary[k]
                    n += 1
                }
            }
            // Whitening tolerance 1e-3 (docs/SPECTRUM.md#test-tolerances); ε = 1e-5 biases the variances by ≈ 1e-5/var.
            #expect(abs(mr / n) < 1e-9 && abs(mi / n) < 1e-9)
            #expect(abs(rr / n - 1) < 1e-3 && abs(ii / n - 1) < 1e-3 && abs(ri / n) < 1e-3)
        }
    }

    /// Naive batch norm standardises Re and Im separately (each mean 0, variance 1) but, unlike the
    /// whitening, leaves their correlation: for x_i = (2a + 0.5b)/… with x_r = 3a the output Re–Im
    /// covariance is the input correlation 2/√4.25 ≈ 0.970. It has 4 trainable values per channel.
    @Test func naiveBatchNormStandardisesEachPartAndKeepsTheCorrelation() {
        var generator = Xoshiro256StarStar(seed: 92)
        var x = ComplexTensor<Double>(batch: 2, channels: 1, length: 1000)
        for k in 0..<x.real.count {
            let a = ComplexWeightInitializer.standardNormal(using: &generator)
            let b = ComplexWeightInitializer.standardNormal(using: &generator)
            x.real[k] = 3 * a + 1
            x.imaginary[k] = 2 * a + 0.5 * b - 2
        }
        var norm = ComplexBatchNorm<Double>(name: "bn", channels: 1, kind: .naive)
        #expect(norm.trainableParameterCount() == 4)
        let y = norm.forward(x)
        let n = Double(y.real.count)
        let (mr, mi) = (y.real.reduce(0, +) / n, y.imaginary.reduce(0, +) / n)
        let rr = y.real.reduce(0) { $0 + $1 * $1 } / n
        let ii = y.imaginary.reduce(0) { $0 + $1 * $1 } / n
        let ri = zip(y.real, y.imaginary).reduce(0) { $0 + $1.0 * $1.1 } / n
        #expect(abs(mr) < 1e-9 && abs(mi) < 1e-9)
        // Unit variances up to the ε = 1e-5 bias; the correlation is the sample correlation of the
        // input, within 3/√n ≈ 0.07 of its population value 0.970 (tolerance from n = 2000).
        #expect(abs(rr - 1) < 1e-3 && abs(ii - 1) < 1e-3)
        #expect(abs(ri - 2 / (4.25).squareRoot()) < 3 / n.squareRoot(), "\(ri)")
    }

    @Test func inferenceBatchNormDoesNotDependOnTheBatch() {
        var generator = Xoshiro256StarStar(seed: 92)
        var norm = ComplexBatchNorm<Double>(name: "bn", channels: 3)
        for _ in 0..<5 {
            _ = norm.forward(GradientChecker.randomTensor(batch: 4, channels: 3, length: 8, using: &generator))
        }
        let batch = GradientChecker.randomTensor(batch: 4, channels: 3, length: 8, using: &generator)
        let all = norm.forward(batch, training: false)
        let single = norm.forward(batch.examples(2..<3), training: false)
        #expect(all.examples(2..<3) == single)
    }

    @Test func runningStatisticsFollowTheMomentumRule() {
        var norm = ComplexBatchNorm<Double>(name: "bn", channels: 1)
        var x = ComplexTensor<Double>(batch: 1, channels: 1, length: 4)
        x.real = [1, 2, 3, 4]
        x.imaginary = [0, 0, 1, 1]
        _ = norm.forward(x)
        // mean (2.5, 0.5); unbiased var_rr = 5/3, var_ii = 1/3, var_ri = (−1.5·−.5 −.5·−.5 + .5·.5 + 1.5·.5)/3 = 2/3.
        #expect(abs(norm.runningMeanR.value[0] - 0.25) < 1e-12)
        #expect(abs(norm.runningMeanI.value[0] - 0.05) < 1e-12)
        #expect(abs(norm.runningVarRR.value[0] - (0.9 * 0.5 + 0.1 * 5 / 3)) < 1e-12)
        #expect(abs(norm.runningVarII.value[0] - (0.9 * 0.5 + 0.1 / 3)) < 1e-12)
        #expect(abs(norm.runningVarRI.value[0] - 0.1 * 2 / 3) < 1e-12)
    }
}

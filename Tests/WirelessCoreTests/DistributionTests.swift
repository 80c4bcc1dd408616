import Foundation
import Numerics
import Testing

@testable import WirelessCore

/// Shared statistical checks for the samplers. Seeds are fixed, so every check is deterministic;
/// the bounds are chosen so that a correct sampler would fail them with probability < 1e−3 for a
/// random seed (5σ for moments, the α = 0.001 Kolmogorov–Smirnov critical value).
enum SamplerCheck {
    /// Sample size of every KS / moment check: large enough to detect a wrong law, small enough
    /// to keep the debug-build test target fast.
    static let sampleSize = 10_000
    /// KS significance level for the critical value.
    static let ksSignificance = 1e-3

    static func ksCritical(_ n: Int = sampleSize) -> Double {
        Statistics.kolmogorovSmirnovCriticalValue(sampleSize: n, significanceLevel: ksSignificance)
    }

    /// |sample mean − μ| ≤ 5σ/√n.
    static func meanIsClose(_ values: [Double], mean: Double, variance: Double) -> Bool {
        abs(Statistics.mean(values) - mean) <= 5 * (variance / Double(values.count)).squareRoot()
    }

    /// |s² − σ²| ≤ 5·σ²·√((κ − 1)/n), κ the kurtosis μ₄/σ⁴ (standard error of s²).
    static func varianceIsClose(_ values: [Double], variance: Double, kurtosis: Double) -> Bool {
        abs(Statistics.variance(values) - variance) <= 5 * variance
            * ((kurtosis - 1) / Double(values.count)).squareRoot()
    }
}

@Suite struct DistributionTests {
    @Test func uniformMomentsAndKS() throws {
        var g = Xoshiro256StarStar(seed: 11)
        let d = try UniformDistribution(lower: -2, upper: 5)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(x.allSatisfy { $0 >= -2 && $0 < 5 })
        #expect(SamplerCheck.meanIsClose(x, mean: 1.5, variance: 49.0 / 12))
        #expect(SamplerCheck.varianceIsClose(x, variance: 49.0 / 12, kurtosis: 1.8))
        #expect(Statistics.kolmogorovSmirnovStatistic(x, cdf: d.cdf) < SamplerCheck.ksCritical())
    }

    @Test func normalMomentsKSAndTails() throws {
        var g = Xoshiro256StarStar(seed: 12)
        let d = try NormalDistribution(mean: 3, standardDeviation: 2)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(SamplerCheck.meanIsClose(x, mean: 3, variance: 4))
        #expect(SamplerCheck.varianceIsClose(x, variance: 4, kurtosis: 3))
        #expect(Statistics.kolmogorovSmirnovStatistic(x, cdf: d.cdf) < SamplerCheck.ksCritical())
        // Tail mass beyond the ziggurat base (r = 3.654) and beyond 3: counts within 5σ of n·p.
        let n = 200_000
        var beyond3 = 0
        var beyondR = 0
        for _ in 0..<n {
            let z = abs(NormalDistribution.standardSample(using: &g))
            if z > 3 { beyond3 += 1 }
            if z > ZigguratNormalTable.r { beyondR += 1 }
        }
        for (count, threshold) in [(beyond3, 3.0), (beyondR, ZigguratNormalTable.r)] {
            let p = 2 * SpecialFunctions.normalCDF(-threshold)
            let expected = Double(n) * p
            #expect(abs(Double(count) - expected) <= 5 * (expected * (1 - p)).squareRoot())
        }
    }

    @Test func zigguratTableIsConsistent() {
        // The recurrence must close: the top layer ends at x ≈ 0 and each layer has area v.
        let table = ZigguratNormalTable.shared
        #expect(table.x[255] > 0 && table.x[255] < 0.3)
        let f = { (x: Double) in exp(-0.5 * x * x) }
        for i in 1..<255 {
            let area = table.x[i] * (f(table.x[i + 1]) - f(table.x[i]))
            #expect(abs(area - ZigguratNormalTable.v) < 1e-12)
        }
    }

    @Test func complexNormalComponentsAndPower() throws {
        var g = Xoshiro256StarStar(seed: 13)
        let d = try ComplexNormalDistribution(variance: 3)
        let z = d.samples(SamplerCheck.sampleSize, using: &g)
        let re = z.map(\.real)
        let im = z.map(\.imaginary)
        let power = z.map { $0.lengthSquared }
        let component = try NormalDistribution(mean: 0, standardDeviation: 1.5.squareRoot())
        #expect(Statistics.kolmogorovSmirnovStatistic(re, cdf: component.cdf) < SamplerCheck.ksCritical())
        #expect(Statistics.kolmogorovSmirnovStatistic(im, cdf: component.cdf) < SamplerCheck.ksCritical())
        let exponential = try ExponentialDistribution(rate: 1.0 / 3)
        #expect(Statistics.kolmogorovSmirnovStatistic(power, cdf: exponential.cdf) < SamplerCheck.ksCritical())
        // Independence of the parts: E[re·im] = 0 with standard deviation 1.5/√n.
        let cross = Statistics.mean(zip(re, im).map { $0 * $1 })
        #expect(abs(cross) < 5 * 1.5 / Double(z.count).squareRoot())
    }

    @Test func exponentialMomentsAndKS() throws {
        var g = Xoshiro256StarStar(seed: 14)
        let d = try ExponentialDistribution(rate: 0.25)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(SamplerCheck.meanIsClose(x, mean: 4, variance: 16))
        #expect(SamplerCheck.varianceIsClose(x, variance: 16, kurtosis: 9))
        #expect(Statistics.kolmogorovSmirnovStatistic(x, cdf: d.cdf) < SamplerCheck.ksCritical())
    }

    @Test(arguments: [0.05, 0.3, 0.999, 2.5, 40.0])
    func gammaMomentsAndKS(shape: Double) throws {
        var g = Xoshiro256StarStar(seed: 15, stream: UInt64(shape * 1000))
        let scale = 1.7
        let d = try GammaDistribution(shape: shape, scale: scale)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(SamplerCheck.meanIsClose(x, mean: d.mean, variance: d.variance))
        if shape >= 0.3 {  // for k = 0.05 the kurtosis 3 + 6/k makes s² too noisy to be useful
            #expect(SamplerCheck.varianceIsClose(x, variance: d.variance, kurtosis: 3 + 6 / shape))
        }
        let ks = Statistics.kolmogorovSmirnovStatistic(x) { SpecialFunctions.regularizedGammaP(shape, $0 / scale) }
        #expect(ks < SamplerCheck.ksCritical())
    }

    @Test(arguments: [0.5, 1.0, 4.5])
    func nakagamiPowerIsGamma(m: Double) throws {
        var g = Xoshiro256StarStar(seed: 16, stream: UInt64(m * 10))
        let d = try NakagamiPowerDistribution(m: m, meanPower: 2)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(SamplerCheck.meanIsClose(x, mean: 2, variance: 4 / m))
        let ks = Statistics.kolmogorovSmirnovStatistic(x) { SpecialFunctions.regularizedGammaP(m, $0 * m / 2) }
        #expect(ks < SamplerCheck.ksCritical())
    }

    @Test func logNormalDBIsNormalInDecibels() throws {
        var g = Xoshiro256StarStar(seed: 17)
        let d = try LogNormalDBDistribution(meanDB: -3, standardDeviationDB: 8)
        let x = d.samples(SamplerCheck.sampleSize, using: &g)
        #expect(x.allSatisfy { $0 > 0 })
        let db = x.map(Decibels.fromPower)
        let normal = try NormalDistribution(mean: -3, standardDeviation: 8)
        #expect(Statistics.kolmogorovSmirnovStatistic(db, cdf: normal.cdf) < SamplerCheck.ksCritical())
        // Linear mean: with σ = 2 dB the log-normal is light enough for a 5σ/√n check.
        let narrow = try LogNormalDBDistribution(meanDB: 10, standardDeviationDB: 2)
        let y = narrow.samples(SamplerCheck.sampleSize, using: &g)
        let s = 2 * log(10.0) / 10
        let variance = pow(narrow.linearMean, 2) * expm1(s * s)
        #expect(SamplerCheck.meanIsClose(y, mean: narrow.linearMean, variance: variance))
    }

    @Test(arguments: [0.3, 4.0, 9.99, 10.0, 37.5, 1000.0, 1e6])
    func poissonMomentsAndCDF(mean: Double) throws {
        var g = Xoshiro256StarStar(seed: 18, stream: UInt64(mean * 100))
        let d = try PoissonDistribution(mean: mean)
        let n = SamplerCheck.sampleSize
        let k = d.samples(n, using: &g)
        let x = k.map(Double.init)
        #expect(k.allSatisfy { $0 >= 0 })
        #expect(SamplerCheck.meanIsClose(x, mean: mean, variance: mean))
        #expect(SamplerCheck.varianceIsClose(x, variance: mean, kurtosis: 3 + 1 / mean))
        // Discrete KS: sup over integers of |Fₙ(k) − F(k)| is below the continuous critical value
        // (the continuous-law bound is conservative for a discrete law).
        guard mean <= 1000 else { return }  // the direct CDF sum is too slow for 1e6
        let ecdf = try EmpiricalCDF(x)
        let lo = max(0, Int(mean - 6 * mean.squareRoot()) - 2)
        let hi = Int(mean + 6 * mean.squareRoot()) + 3
        var distance = 0.0
        var cdfValue = 0.0  // running Poisson CDF, pmf summed in log space (e^(−1000) underflows)
        for j in 0...hi {
            let jDouble = Double(j)
            cdfValue += exp(-mean + jDouble * log(mean) - SpecialFunctions.logGamma(jDouble + 1))
            if j >= lo { distance = max(distance, abs(ecdf(jDouble) - cdfValue)) }
        }
        #expect(distance < SamplerCheck.ksCritical())
        #expect(abs(cdfValue - 1) < 1e-6)  // the 6σ truncation leaves a tail of ~1e−8
    }

    @Test func poissonZeroMeanAndCDF() throws {
        var g = Xoshiro256StarStar(seed: 19)
        let zero = try PoissonDistribution(mean: 0)
        #expect((0..<100).allSatisfy { _ in zero.sample(using: &g) == 0 })
        let d = try PoissonDistribution(mean: 2)
        #expect(abs(d.cdf(1) - 3 * exp(-2.0)) < 1e-15)
    }

    @Test func uniformDiskRadiusLawAndAngle() throws {
        var g = Xoshiro256StarStar(seed: 20)
        let d = try UniformDiskDistribution(radius: 150)
        let points = d.samples(SamplerCheck.sampleSize, using: &g)
        let radii = points.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        let angles = points.map { atan2($0.y, $0.x) }
        #expect(radii.allSatisfy { $0 <= 150 })
        #expect(Statistics.kolmogorovSmirnovStatistic(radii) { min(1, pow($0 / 150, 2)) } < SamplerCheck.ksCritical())
        #expect(
            Statistics.kolmogorovSmirnovStatistic(angles) { ($0 + Double.pi) / (2 * Double.pi) }
                < SamplerCheck.ksCritical())
    }

    @Test func samplingIsReproducibleForAFixedSeed() throws {
        let d = try GammaDistribution(shape: 0.7, scale: 2)
        var a = Xoshiro256StarStar(seed: 5)
        var b = Xoshiro256StarStar(seed: 5)
        #expect(d.samples(100, using: &a) == d.samples(100, using: &b))
        var c = Xoshiro256StarStar(seed: 6)
        #expect(d.samples(100, using: &a) != d.samples(100, using: &c))
    }

    @Test func codableRoundTripsThroughValidation() throws {
        let poisson = try PoissonDistribution(mean: 12.5)
        let data = try JSONEncoder().encode(poisson)
        #expect(String(decoding: data, as: UTF8.self) == #"{"mean":12.5}"#)
        #expect(try JSONDecoder().decode(PoissonDistribution.self, from: data) == poisson)
        let nakagami = try NakagamiPowerDistribution(m: 2, meanPower: 3)
        #expect(
            try JSONDecoder().decode(NakagamiPowerDistribution.self, from: JSONEncoder().encode(nakagami)) == nakagami)
        let complex = try ComplexNormalDistribution(variance: 0.5)
        #expect(
            try JSONDecoder().decode(ComplexNormalDistribution.self, from: JSONEncoder().encode(complex)) == complex)
        #expect(throws: CoreError.self) {
            try JSONDecoder().decode(PoissonDistribution.self, from: Data(#"{"mean":-1}"#.utf8))
        }
    }

    @Test func invalidParametersThrow() {
        func throwsOutOfRange(_ name: String, _ body: () throws -> Void) -> Bool {
            do {
                try body()
                return false
            } catch {
                if case .valueOutOfRange(let n, _)? = error as? CoreError { return n == name }
                return false
            }
        }
        #expect(throwsOutOfRange("upper") { _ = try UniformDistribution(lower: 1, upper: 1) })
        #expect(throwsOutOfRange("lower") { _ = try UniformDistribution(lower: .nan, upper: 1) })
        #expect(throwsOutOfRange("standardDeviation") { _ = try NormalDistribution(mean: 0, standardDeviation: -1) })
        #expect(throwsOutOfRange("mean") { _ = try NormalDistribution(mean: .infinity, standardDeviation: 1) })
        #expect(throwsOutOfRange("variance") { _ = try ComplexNormalDistribution(variance: -0.1) })
        #expect(throwsOutOfRange("rate") { _ = try ExponentialDistribution(rate: 0) })
        #expect(throwsOutOfRange("shape") { _ = try GammaDistribution(shape: -1, scale: 1) })
        #expect(throwsOutOfRange("scale") { _ = try GammaDistribution(shape: 1, scale: .nan) })
        #expect(throwsOutOfRange("m") { _ = try NakagamiPowerDistribution(m: 0.4, meanPower: 1) })
        #expect(throwsOutOfRange("meanPower") { _ = try NakagamiPowerDistribution(m: 1, meanPower: 0) })
        #expect(
            throwsOutOfRange("standardDeviationDB") {
                _ = try LogNormalDBDistribution(meanDB: 0, standardDeviationDB: -2)
            })
        #expect(throwsOutOfRange("mean") { _ = try PoissonDistribution(mean: -1) })
        #expect(throwsOutOfRange("radius") { _ = try UniformDiskDistribution(radius: 0) })
        #expect(CoreError.valueOutOfRange(name: "rate", value: 0).category == .invalidArgument)
    }
}

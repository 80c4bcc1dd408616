import Foundation
import Testing

@testable import WirelessCore

@Suite struct ChiSquaredAndFDistributionTests {
    @Test func chiSquaredQuantilesMatchPublishedTables() throws {
        // Abramowitz & Stegun Table 26.8 / NIST: χ²_10(0.95) = 18.307038, χ²_1(0.99) = 6.634897.
        #expect(abs(try ChiSquaredDistribution(degreesOfFreedom: 10).quantile(0.95) - 18.307038) < 1e-5)
        #expect(abs(try ChiSquaredDistribution(degreesOfFreedom: 1).quantile(0.99) - 6.634897) < 1e-5)
        // Closed form for ν = 2: F⁻¹(p) = −2 ln(1 − p), deep in the tail.
        for p in [0.5, 0.99, 1 - 1e-6] {
            let q = try ChiSquaredDistribution(degreesOfFreedom: 2).quantile(p)
            #expect(abs(q + 2 * log(1 - p)) < 1e-9 * q)
        }
        // Non-integer ν: round trip through the CDF.
        let chi = try ChiSquaredDistribution(degreesOfFreedom: 58.7)
        let q = try chi.quantile(0.999)
        #expect(abs(chi.survival(q) - 1e-3) < 1e-12)
        #expect(throws: CoreError.self) { try ChiSquaredDistribution(degreesOfFreedom: 0) }
    }

    @Test func fDistributionMatchesClosedFormsAndTables() throws {
        // F(2, 2n) survival = (1 + f/n)^(−n) (closed form) → the CA-CFAR threshold for K = 1.
        for n in [4.0, 32.0, 64.0] {
            let dist = try FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 2 * n)
            let pfa = 1e-3
            let alpha = n * (pow(pfa, -1 / n) - 1)
            #expect(abs(try dist.quantile(1 - pfa) - alpha) < 1e-8 * alpha)
            #expect(abs(dist.survival(1.7) - pow(1 + 1.7 / n, -n)) < 1e-13)
        }
        // NIST/SEMATECH F table: F_{0.95}(5, 10) = 3.326, F_{0.99}(10, 20) = 3.368.
        #expect(
            abs(
                try FDistribution(numeratorDegreesOfFreedom: 5, denominatorDegreesOfFreedom: 10).quantile(0.95) - 3.3258
            ) < 1e-3)
        #expect(
            abs(
                try FDistribution(numeratorDegreesOfFreedom: 10, denominatorDegreesOfFreedom: 20).quantile(0.99)
                    - 3.3682) < 1e-3)
        // cdf + survival = 1 at non-integer degrees of freedom.
        let f = try FDistribution(numeratorDegreesOfFreedom: 58.7, denominatorDegreesOfFreedom: 3756.8)
        #expect(abs(f.cdf(1.3) + f.survival(1.3) - 1) < 1e-13)
    }
}

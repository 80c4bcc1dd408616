import Foundation
import Testing

@testable import WirelessCore

/// Relative error, or absolute error when the reference is zero.
func relativeError(_ value: Double, _ reference: Double) -> Double {
    reference == 0 ? abs(value) : abs(value - reference) / abs(reference)
}

/// Largest relative error of `f` over rows (x, reference).
func maxRelativeError(_ rows: [(Double, Double)], _ f: (Double) -> Double) -> Double {
    rows.map { relativeError(f($0.0), $0.1) }.max() ?? 0
}

@Suite struct SpecialFunctionsTests {
    /// Error functions are built to be a few ulps everywhere; 1e−13 leaves ~450 ulps of margin.
    static let errorFunctionTolerance = 1e-13
    /// Γ, ln Γ, ψ: relative error of a few tens of ulps (ln Γ of 15…30 has |value| ≈ 25, and
    /// ln Γ/ψ are judged with an absolute floor of 1 near their zeros).
    static let gammaTolerance = 1e-13
    /// ₂F₁ via connection formulas loses a few bits to cancellation between the two terms.
    static let hypergeometricTolerance = 1e-13

    @Test func erfcMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.erfc, SpecialFunctions.erfc)
        print("erfc max relative error vs mpmath: \(error)")
        #expect(error < Self.errorFunctionTolerance)
    }

    @Test func erfMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.erf, SpecialFunctions.erf)
        print("erf max relative error vs mpmath: \(error)")
        #expect(error < Self.errorFunctionTolerance)
    }

    @Test func erfcxMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.erfcx, SpecialFunctions.erfcx)
        print("erfcx max relative error vs mpmath: \(error)")
        #expect(error < Self.errorFunctionTolerance)
        #expect(SpecialFunctions.erfcx(0) == 1)
        // The table, stepped down from x = 6 by the Taylor recurrence, must meet the series branch at ½.
        #expect(relativeError(SpecialFunctions.erfcx(0.5.nextDown), SpecialFunctions.erfcx(0.5)) < 1e-15)
        #expect(SpecialFunctions.erfcx(-30) == .infinity)
    }

    @Test func erfcxDenseAgainstIdentity() {
        // Off-table points: erfcx(x)·exp(−x²) must equal erfc(x) = 1 − erf(x) where no cancellation occurs.
        for i in 0..<200 {
            let x = 0.013 + Double(i) * 0.0371  // 0.013 … 7.4, never on the 1/16 grid
            let viaErfcx = SpecialFunctions.erfcx(x) * exp(-x * x)
            let viaErf = 1 - SpecialFunctions.erf(x)
            if x < 0.5 { #expect(relativeError(viaErfcx, viaErf) < 1e-14) }
            // Continuity across the table/continued-fraction switch at 6.
        }
        let below = SpecialFunctions.erfcx(6.0.nextDown)
        let above = SpecialFunctions.erfcx(6.0)
        #expect(relativeError(below, above) < 1e-15)
    }

    @Test func normalCDFMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.normalCDF, SpecialFunctions.normalCDF)
        print("normalCDF max relative error vs mpmath: \(error)")
        #expect(error < Self.errorFunctionTolerance)
    }

    @Test func inverseNormalCDFMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.inverseNormalCDF, SpecialFunctions.inverseNormalCDF)
        print("inverseNormalCDF max relative error vs mpmath: \(error)")
        #expect(error < Self.errorFunctionTolerance)
        #expect(SpecialFunctions.inverseNormalCDF(0.5) == 0)
        #expect(SpecialFunctions.inverseNormalCDF(0) == -.infinity)
        #expect(SpecialFunctions.inverseNormalCDF(1) == .infinity)
        #expect(SpecialFunctions.inverseNormalCDF(1.5).isNaN)
        // Round trip Φ(Φ⁻¹(p)) = p.
        for p in stride(from: 0.001, to: 1, by: 0.0137) {
            #expect(relativeError(SpecialFunctions.normalCDF(SpecialFunctions.inverseNormalCDF(p)), p) < 1e-14)
        }
    }

    @Test func gammaFamilyMatchesMpmath() {
        let gammaError = maxRelativeError(SpecialFunctionReferences.gamma, SpecialFunctions.gamma)
        let logGammaError =
            SpecialFunctionReferences.logGamma
            .map { abs(SpecialFunctions.logGamma($0.0) - $0.1) / max(1, abs($0.1)) }.max() ?? 0
        let digammaError =
            SpecialFunctionReferences.digamma
            .map { abs(SpecialFunctions.digamma($0.0) - $0.1) / max(1, abs($0.1)) }.max() ?? 0
        print("gamma max rel error: \(gammaError); logGamma: \(logGammaError); digamma: \(digammaError)")
        #expect(gammaError < Self.gammaTolerance)
        #expect(logGammaError < Self.gammaTolerance)
        #expect(digammaError < Self.gammaTolerance)
        #expect(SpecialFunctions.gamma(6) == 120)
        #expect(SpecialFunctions.gamma(-2).isNaN)
        #expect(SpecialFunctions.logGamma(0) == .infinity)
        #expect(SpecialFunctions.reciprocalGamma(-3) == 0)
        // Recurrence Γ(x+1) = xΓ(x) at non-tabulated points.
        for x in [0.37, 1.91, 4.4, 12.7, 33.3] {
            #expect(relativeError(SpecialFunctions.gamma(x + 1), x * SpecialFunctions.gamma(x)) < 1e-14)
        }
    }

    @Test func incompleteGammaMatchesMpmath() {
        var worstP = 0.0
        var worstQ = 0.0
        for (a, x, reference) in SpecialFunctionReferences.regularizedGammaP {
            worstP = max(worstP, relativeError(SpecialFunctions.regularizedGammaP(a, x), reference))
        }
        for (a, x, reference) in SpecialFunctionReferences.regularizedGammaQ {
            worstQ = max(worstQ, relativeError(SpecialFunctions.regularizedGammaQ(a, x), reference))
        }
        print("regularizedGammaP max rel error: \(worstP); regularizedGammaQ: \(worstQ)")
        // P is formed as 1 − Q (and Q as 1 − P) on one side of x = a + 1, so the smaller of the two
        // loses up to log10(1/min) digits there; the tabulated points keep that loss below 1e−12.
        #expect(worstP < 1e-12)
        #expect(worstQ < 1e-12)
        #expect(
            SpecialFunctions.regularizedGammaP(1, 2) == 1 - exp(-2.0)
                || relativeError(SpecialFunctions.regularizedGammaP(1, 2), -expm1(-2.0)) < 1e-15)
    }

    @Test func coverageHypergeometricMatchesMpmath() {
        var worst = 0.0
        for (alpha, t, reference) in SpecialFunctionReferences.coverage2F1 {
            let value = SpecialFunctions.hypergeometric2F1(1, 1 - 2 / alpha, 2 - 2 / alpha, -t)
            worst = max(worst, relativeError(value, reference))
        }
        print("2F1 coverage family max relative error vs mpmath: \(worst)")
        #expect(worst < Self.hypergeometricTolerance)
    }

    @Test func generalHypergeometricMatchesMpmath() {
        var worst = 0.0
        for (a, b, c, z, reference) in SpecialFunctionReferences.general2F1 {
            let error = relativeError(SpecialFunctions.hypergeometric2F1(a, b, c, z), reference)
            worst = max(worst, error)
            #expect(error < Self.hypergeometricTolerance, "2F1(\(a), \(b); \(c); \(z))")
        }
        print("2F1 general cases max relative error vs mpmath: \(worst)")
    }

    @Test func hypergeometricClosedForms() {
        // α = 4: (2T/(α−2))·₂F₁(1, ½; 3/2; −T) = √T·arctan√T.
        for t in [0.001, 0.2, 1, 2, 7.5, 40, 1e3, 1e4] {
            let lhs = t * SpecialFunctions.hypergeometric2F1(1, 0.5, 1.5, -t)
            #expect(relativeError(lhs, t.squareRoot() * atan(t.squareRoot())) < 1e-14)
        }
        // ₂F₁(1, 1; 2; z) = −ln(1−z)/z.
        for z in [-1e4, -30, -2, -0.9, -0.4, 0.3, 0.8] {
            // b − a = 0 is the degenerate case of the 1/(1−z) formula: the Pfaff series is summed
            // term by term (~37·|z| terms), whose recurrence accumulates ~1e−12 at |z| = 1e4.
            let tolerance = z < -1000 ? 1e-11 : 1e-13
            let value = SpecialFunctions.hypergeometric2F1(1, 1, 2, z)
            #expect(relativeError(value, -log1p(-z) / z) < tolerance, "z = \(z)")
        }
        // ₂F₁(a, b; b; z) = (1 − z)^(−a).
        for z in [-20.0, -0.7, 0.6] {
            #expect(relativeError(SpecialFunctions.hypergeometric2F1(0.7, 1.3, 1.3, z), pow(1 - z, -0.7)) < 1e-13)
        }
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 2, 1).isNaN)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, -2, 0.1).isNaN)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 2, 0) == 1)
    }

    @Test func sincMatchesMpmath() {
        let error = maxRelativeError(SpecialFunctionReferences.sinc, SpecialFunctions.sinc)
        print("sinc max relative error vs mpmath: \(error)")
        #expect(error < 1e-14)
        #expect(SpecialFunctions.sinc(0) == 1)
        #expect(SpecialFunctions.sinc(3) == 0)
        #expect(SpecialFunctions.sinc(-1e6) == 0)
    }

    @Test func gaussHermiteMatchesMpmathAndIntegratesPolynomials() {
        var nodeError = 0.0
        var weightError = 0.0
        for (n, largest, weight) in SpecialFunctionReferences.gaussHermiteLargest {
            let rule = SpecialFunctions.gaussHermite(nodes: Int(n))
            nodeError = max(nodeError, relativeError(rule.nodes.last!, largest))
            weightError = max(weightError, relativeError(rule.weights.last!, weight))
            #expect(relativeError(rule.weights.reduce(0, +), Double.pi.squareRoot()) < 1e-13)
        }
        print("gaussHermite largest node max rel error: \(nodeError); its weight: \(weightError)")
        #expect(nodeError < 1e-13)
        #expect(weightError < 1e-11)
        // Exact for x^(2k), k < n: ∫ e^(−x²) x^(2k) dx = Γ(k + ½).
        let rule = SpecialFunctions.gaussHermite(nodes: 20)
        for k in 0..<20 {
            var sum = 0.0
            for (x, w) in zip(rule.nodes, rule.weights) { sum += w * pow(x, Double(2 * k)) }
            #expect(relativeError(sum, SpecialFunctions.gamma(Double(k) + 0.5)) < 1e-12, "k = \(k)")
        }
        // ∫ e^(−x²) cos x dx = √π e^(−1/4).
        let big = SpecialFunctions.gaussHermite(nodes: 100)
        let cosine = zip(big.nodes, big.weights).reduce(0) { $0 + $1.1 * cos($1.0) }
        #expect(relativeError(cosine, Double.pi.squareRoot() * exp(-0.25)) < 1e-13)
        #expect(Set(big.nodes).count == 100)
    }
}

import Foundation

extension SpecialFunctions {
    /// Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1.
    ///
    ///     ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ        (|z| < 1, analytic continuation beyond)
    ///
    /// Regions (DLMF 15.8.1, 15.8.2/A&S 15.3.8, 15.8.4):
    /// - |z| ≤ ½: the series itself.
    /// - −1 ≤ z < −½: Pfaff, ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), z/(z−1) ∈ (⅓, ½].
    /// - z < −1: the 1/(1−z) connection formula, both series in w = 1/(1−z) ∈ (0, ½):
    ///
    ///       (1−z)^(−a) Γ(c)Γ(b−a)/(Γ(b)Γ(c−a)) ₂F₁(a, c−b; a−b+1; w)
    ///     + (1−z)^(−b) Γ(c)Γ(a−b)/(Γ(a)Γ(c−b)) ₂F₁(b, c−a; b−a+1; w)
    ///
    ///   When b − a is an integer this formula is degenerate; the Pfaff series is then summed
    ///   directly (≈ 37·|z| terms, up to 10⁷, i.e. |z| up to about 10⁵; NaN beyond); its
    ///   accuracy degrades to ~1e−12 relative at |z| = 10⁴ (rounding in the term recurrence).
    /// - ½ < z < 1: the 1−z connection formula when c − a − b is not an integer, else the series.
    ///
    /// Terminating cases (a or b a non-positive integer) are summed exactly for any z.
    /// The stochastic-geometry coverage term ₂F₁(1, 1−2/α; 2−2/α; −T) is accurate to ~1e−14
    /// relative for T ∈ [0, 10⁴], α ∈ (2, 6] (see the tests). Returns NaN for z ≥ 1 (non-
    /// terminating), for c a non-positive integer, or if a series fails to converge.
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        if a.isNaN || b.isNaN || c.isNaN || z.isNaN { return .nan }
        if z == 0 { return 1 }
        let aTerminates = a <= 0 && a == a.rounded()
        let bTerminates = b <= 0 && b == b.rounded()
        if aTerminates || bTerminates {
            let degree = Int(-(aTerminates && bTerminates ? max(a, b) : (aTerminates ? a : b)))
            if c <= 0 && c == c.rounded() && -c < Double(degree) { return .nan }
            return hypergeometricSeries(a, b, c, z, maximumTerms: degree + 1) ?? .nan
        }
        if c <= 0 && c == c.rounded() { return .nan }
        if z >= 1 || z.isInfinite { return .nan }

        if abs(z) <= 0.5 {
            return hypergeometricSeries(a, b, c, z) ?? .nan
        }
        if z < 0 && z >= -1 {
            let w = z / (z - 1)
            guard let s = hypergeometricSeries(a, c - b, c, w) else { return .nan }
            return pow(1 - z, -a) * s
        }
        if z < -1 {
            let difference = b - a
            if difference != difference.rounded() {
                let w = 1 / (1 - z)
                guard let s1 = hypergeometricSeries(a, c - b, a - b + 1, w),
                    let s2 = hypergeometricSeries(b, c - a, b - a + 1, w)
                else { return .nan }
                let gc = gamma(c)
                let c1 = gc * gamma(b - a) * reciprocalGamma(b) * reciprocalGamma(c - a)
                let c2 = gc * gamma(a - b) * reciprocalGamma(a) * reciprocalGamma(c - b)
                return c1 * pow(1 - z, -a) * s1 + c2 * pow(1 - z, -b) * s2
            }
            let w = z / (z - 1)
            guard let s = hypergeometricSeries(a, c - b, c, w, maximumTerms: 10_000_000) else { return .nan }
            return pow(1 - z, -a) * s
        }
        // ½ < z < 1
        let s = c - a - b
        if s != s.rounded() {
            let w = 1 - z
            guard let f1 = hypergeometricSeries(a, b, a + b - c + 1, w),
                let f2 = hypergeometricSeries(c - a, c - b, s + 1, w)
            else { return .nan }
            let gc = gamma(c)
            let c1 = gc * gamma(s) * reciprocalGamma(c - a) * reciprocalGamma(c - b)
            let c2 = gc * gamma(-s) * reciprocalGamma(a) * reciprocalGamma(b)
            return c1 * f1 + c2 * pow(w, s) * f2
        }
        return hypergeometricSeries(a, b, c, z, maximumTerms: 10_000_000) ?? .nan
    }

    /// Partial sums of the ₂F₁ series until two consecutive terms are below 1e−17 of the sum;
    /// `nil` if that does not happen within `maximumTerms`.
    static func hypergeometricSeries(
        _ a: Double, _ b: Double, _ c: Double, _ z: Double, maximumTerms: Int = 100_000
    ) -> Double? {
        var term = 1.0
        var sum = 1.0
        var smallTerms = 0
        var n = 0.0
        for _ in 0..<maximumTerms {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if term == 0 { return sum }
            if abs(term) <= 1e-17 * abs(sum) {
                smallTerms += 1
                if smallTerms >= 2 { return sum }
            } else {
                smallTerms = 0
            }
        }
        return nil  // (terminating series end with a zero term and return above)
    }
}

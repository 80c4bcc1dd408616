import Foundation
import WirelessCore

/// A mmWave Poisson network with random blockage (T. Bai, R. W. Heath Jr., "Coverage and rate analysis for
/// millimeter-wave cellular networks", IEEE TWC 14(2), 2015; docs/DENSIFICATION.md#mmwave-blockage).
///
/// A BS at distance r is line of sight (LOS) with probability p(r), independently of the others, so the LOS and
/// NLOS BSs are independent inhomogeneous PPPs of intensities λp(r) and λ(1 − p(r)). Their mean path gains are
/// g_L(r) = C_L r^{−α_L} and g_N(r) = C_N r^{−α_N}; every link has Rayleigh fading (a project choice: the paper
/// uses Nakagami for LOS links); the user joins the BS of largest mean received power (smallest path loss).
/// With G = g_s(r) the serving mean gain and d_t(G) = (C_t/G)^{1/α_t} the exclusion radius of type t:
///
///     P_c = Σ_{s∈{L,N}} ∫_0^∞ 2πλ p_s(r) r · exp(−Λ_L(d_L(G)) − Λ_N(d_N(G))) · exp(−T W/G)
///                       · Π_t exp(−2πλ ∫_{d_t(G)}^∞ p_t(x) x · T g_t(x)/(G + T g_t(x)) dx) dr
///     Λ_L(d) = 2πλ ∫_0^d p(x) x dx,  Λ_N(d) = πλd² − Λ_L(d)
///
/// with p_L = p, p_N = 1 − p. Blockage laws: exponential p(r) = e^{−βr} (random rectangles, Bai–Heath) and the
/// LOS ball p(r) = 1{r ≤ R_B}. Distances and λ share one length unit; C and W share one power unit (W is the noise
/// over the transmit power, so g·1/W is the SNR at gain g).
public struct BlockageNetwork: Sendable, Equatable, Codable {
    /// The probability that a BS at distance r is in line of sight.
    public enum LineOfSight: Sendable, Equatable, Codable {
        /// p(r) = e^{−βr}; β [per unit length] > 0 (1/β is the mean LOS range).
        case exponential(beta: Double)
        /// p(r) = 1 for r ≤ R_B, else 0; R_B [unit length] > 0.
        case ball(radius: Double)

        /// p(r).
        public func probability(_ r: Double) -> Double {
            switch self {
            case .exponential(let beta): return exp(-beta * r)
            case .ball(let radius): return r <= radius ? 1 : 0
            }
        }

        /// ∫_0^d p(x) x dx, in closed form.
        func integral(to d: Double) -> Double {
            switch self {
            case .exponential(let beta):
                let x = beta * d
                return -expm1(-x) / (beta * beta) - d * exp(-x) / beta
            case .ball(let radius):
                let m = min(d, radius)
                return m * m / 2
            }
        }
    }

    /// BS density λ [per unit area], > 0.
    public let density: Double
    /// The blockage law.
    public let lineOfSight: LineOfSight
    /// LOS and NLOS path-gain intercepts C_L, C_N [linear, at unit distance], > 0.
    public let losIntercept: Double
    public let nlosIntercept: Double
    /// LOS exponent α_L > 0 and NLOS exponent α_N > 2.
    public let losExponent: Double
    public let nlosExponent: Double
    /// Noise over transmit power W [linear], ≥ 0.
    public let noise: Double

    /// - Throws: `.invalidDensity`, `.invalidExponent` (α_L ≤ 0), `.lastExponentNotAboveTwo` (α_N ≤ 2),
    ///   `.invalidSimulationParameter` for a non-positive intercept, β or R_B, `.invalidNoise`.
    public init(
        density: Double, lineOfSight: LineOfSight, losIntercept: Double, nlosIntercept: Double,
        losExponent: Double, nlosExponent: Double, noise: Double = 0
    ) throws(DensificationError) {
        try Validate.density(density)
        switch lineOfSight {
        case .exponential(let beta):
            guard beta > 0, beta.isFinite else { throw .invalidSimulationParameter(name: "blockage β", value: beta) }
        case .ball(let radius):
            guard radius > 0, radius.isFinite else {
                throw .invalidSimulationParameter(name: "LOS ball radius", value: radius)
            }
        }
        for (name, c) in [("LOS intercept", losIntercept), ("NLOS intercept", nlosIntercept)]
        where !(c > 0 && c.isFinite) {
            throw .invalidSimulationParameter(name: name, value: c)
        }
        guard losExponent > 0, losExponent.isFinite else { throw .invalidExponent(index: 0, value: losExponent) }
        guard nlosExponent > 2, nlosExponent.isFinite else { throw .lastExponentNotAboveTwo(value: nlosExponent) }
        try Validate.noise(noise)
        self.density = density
        self.lineOfSight = lineOfSight
        self.losIntercept = losIntercept
        self.nlosIntercept = nlosIntercept
        self.losExponent = losExponent
        self.nlosExponent = nlosExponent
        self.noise = noise
    }

    /// Mean path gain of a LOS (`los` true) or NLOS BS at distance r.
    public func gain(los: Bool, distance r: Double) -> Double {
        los ? losIntercept * pow(r, -losExponent) : nlosIntercept * pow(r, -nlosExponent)
    }

    /// The distance at which a BS of the given type has mean gain G.
    func exclusionRadius(los: Bool, gain: Double) -> Double {
        los ? pow(losIntercept / gain, 1 / losExponent) : pow(nlosIntercept / gain, 1 / nlosExponent)
    }

    /// P(SINR > T) of the typical user.
    /// - Parameter threshold: T [linear], ≥ 0.
    /// - Throws: `.invalidThreshold`; `.numericalFailure` when a quadrature misses its tolerance.
    public func coverage(threshold: Double) throws(DensificationError) -> AnalyticValue {
        try Validate.threshold(threshold)
        let lambda = density
        let law = lineOfSight
        var worst = 0.0
        func interference(los: Bool, from d: Double, gain g: Double) -> Double {
            let upper: Double
            var lower = d
            switch (law, los) {
            case (.ball(let radius), true): upper = radius
            case (.ball(let radius), false):
                upper = .infinity
                lower = max(d, radius)
            default: upper = .infinity
            }
            guard lower < upper else { return 0 }
            let r = Integration.integrate(from: lower, to: upper, absTol: 1e-14, relTol: 1e-10) { x in
                let p = law.probability(x)
                let share = los ? p : 1 - p
                let q = threshold * gain(los: los, distance: x)
                return share * x * q / (g + q)
            }
            // The exponent's error: P_c's relative error from this factor.
            worst = max(worst, 2 * Double.pi * lambda * r.error)
            return 2 * Double.pi * lambda * r.value
        }
        var total = 0.0
        var error = 0.0
        // Over s = ln r around the typical BS distance c = ln(1/√(πλ)): below c − 14 the serving density is
        // below e^{−28}, above c + 5 the void probability exp(−πλr²) < e^{−22000}. Split where the law jumps
        // (the LOS ball's edge) so each piece is smooth.
        let centre = -0.5 * log(Double.pi * lambda)
        var pieces = [(centre - 14, centre + 5)]
        if case .ball(let radius) = law, log(radius) > centre - 14, log(radius) < centre + 5 {
            pieces = [(centre - 14, log(radius)), (log(radius), centre + 5)]
        }
        for servingLOS in [true, false] {
            for (from, to) in pieces {
                let r = Integration.integrate(from: from, to: to, absTol: 1e-13, relTol: 1e-9) { s in
                    let distance = exp(s)
                    let p = law.probability(distance)
                    let share = servingLOS ? p : 1 - p
                    guard share > 0 else { return 0 }
                    let g = gain(los: servingLOS, distance: distance)
                    let dL = exclusionRadius(los: true, gain: g)
                    let dN = exclusionRadius(los: false, gain: g)
                    let losCount = 2 * Double.pi * lambda * law.integral(to: dL)
                    let nlosCount = Double.pi * lambda * dN * dN - 2 * Double.pi * lambda * law.integral(to: dN)
                    var exponent = -losCount - nlosCount - threshold * noise / g
                    guard exponent > -745 else { return 0 }
                    if threshold > 0 {
                        exponent -=
                            interference(los: true, from: dL, gain: g) + interference(los: false, from: dN, gain: g)
                    }
                    return 2 * Double.pi * lambda * share * distance * distance * exp(exponent)
                }
                total += r.value
                error += r.error
            }
        }
        // 1e-5 on a probability is far below any Monte-Carlo half-width the model is compared with.
        guard error <= 1e-5, worst <= 1e-5 else {
            throw .numericalFailure(
                reason: "blockage coverage quadrature error \(max(error, worst)) at T = \(threshold)")
        }
        return AnalyticValue(value: min(1, total), absError: error, method: .blockageRayleigh)
    }
}

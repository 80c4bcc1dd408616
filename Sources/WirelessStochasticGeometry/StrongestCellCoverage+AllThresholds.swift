import Foundation
import Numerics
import WirelessCore

extension StrongestCellCoverage {
    /// (i) Strongest BS at every threshold T > 0 (docs/DENSIFICATION.md#route-i-strongest-bs-at-every-threshold;
    /// derived). The received powers form a Poisson process with tail Λ̄(y) = λπE[g⁻¹(y/H)²]; its largest point
    /// Y has Λ̄(Y) = U ~ Exp(1), and given Y = y the other powers are the process restricted to (0, y), whose
    /// sum Z_y has E[e^{−sZ_y/y}] = exp(E(s; y)), E(s; y) = ∫_0^y (e^{−sv/y} − 1) Λ(dv). The strongest BS covers
    /// iff Y > T(Z_y + W), so
    ///
    ///     P_c = ∫_0^∞ e^{−u} F_y(1/T − W/y) du,   y = Λ̄⁻¹(u),   F_y the CDF of Z_y/y (Laplace inversion)
    ///
    /// Single slope (any H with E[H^δ] < ∞): Λ̄(y) = a y^{−δ}, a = λπE[H^δ], and E(s; y) = u·D_δ(s) with
    /// D_δ(s) = 1 − e^{−s} − s^δγ(1−δ, s); at W = 0 the u-integral is closed: P_c = F(1/T) for the law with
    /// Laplace transform 1/(e^{−s} + s^δγ(1−δ, s)) (free of λ and H). Multi-slope (Rayleigh h, any S):
    ///
    ///     E(s; y) = 2πλ ∫_0^∞ x E_S[ −σ/(1+σ) − e^{−c}(e^{−s}/(1+σ) − 1) ] dx,   c = y/(S g(x)),  σ = s S g(x)/y
    ///     Λ̄(y)   = 2πλ ∫_0^∞ x E_S[e^{−y/(S g(x))}] dx
    ///
    /// F_y by `LaplaceInversion.cdf` (Euler), the u-integral by adaptive Gauss–Kronrod.
    /// - Throws: `.analyticUnavailable` for multi-slope g without Rayleigh small-scale fading;
    ///   `.fadingMomentInfinite`; `.numericalFailure` when a value or its error is not finite.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0, finite.
    ///   - threshold: T [linear], > 0, finite.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S, E[H] = 1.
    ///   - noise: W [linear, units of g], ≥ 0, finite.
    public static func conditionalOnStrongest(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try conditionalOnStrongest(
            density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise, table: nil)
    }

    /// `conditionalOnStrongest` with the multi-slope u-integral from `table` (the table of (g, H, W)) when given,
    /// by the adaptive `multiSlopeConditional` otherwise.
    static func conditionalOnStrongest(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double,
        table: StrongestConditionalTable?
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        if threshold == 0 { return .certain }
        let v: AnalyticValue
        if pathGain.isSingleSlope {
            v = try singleSlopeConditional(
                density: density, threshold: threshold, exponent: pathGain.farFieldExponent, fading: fading,
                noise: noise)
        } else {
            guard fading.hasRayleighSmallScale else {
                throw DensificationError.analyticUnavailable(
                    reason:
                        "strongest-BS coverage with multi-slope path loss below T = 1 needs Rayleigh small-scale fading"
                )
            }
            v =
                table?.coverage(density: density, threshold: threshold)
                ?? multiSlopeConditional(
                    density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
        }
        guard v.value.isFinite, v.absError.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "strongest-BS coverage at T = \(threshold) (conditional on the strongest power) is not finite")
        }
        return AnalyticValue(value: min(1, max(0, v.value)), absError: v.absError, method: v.method)
    }

    static func singleSlopeConditional(
        density: Double, threshold: Double, exponent: Double, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        let delta = 2 / exponent
        if noise == 0 {
            let f = LaplaceInversion.cdf(at: 1 / threshold) { s in
                let one =
                    Complex.expOf(Complex(-s.real, -s.imaginary)) + LaplaceInversion.truncatedGamma(s, delta: delta)
                return Complex(1, 0) / one
            }
            return AnalyticValue(value: f.value, absError: f.error, method: .strongestConditional)
        }
        let moment = fading.moment(order: delta)
        guard moment.isFinite else { throw DensificationError.fadingMomentInfinite(order: delta) }
        let a = density * Double.pi * moment
        // x(u) = 1/T − W (u/a)^{α/2} > 0 iff u < a (TW)^{−δ}; e^{−u} < 1e−22 beyond u = 50.
        let uMax = min(50, a * pow(threshold * noise, -delta))
        var worst = 0.0
        let r = Integration.integrate(from: 0, to: uMax, absTol: 1e-10, relTol: 1e-9, maxIntervals: 200) { u in
            let x = 1 / threshold - noise * pow(u / a, exponent / 2)
            let f = LaplaceInversion.cdf(at: x) { s in
                Complex.expOf(LaplaceInversion.truncatedKernel(s, delta: delta).multiplied(by: u))
            }
            worst = max(worst, f.error)
            return exp(-u) * f.value
        }
        return AnalyticValue(value: r.value, absError: r.error + worst, method: .strongestConditional)
    }

    static func multiSlopeConditional(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) -> AnalyticValue {
        let process = StrongestPowerProcess(pathGain: pathGain, fading: fading, density: density)
        let uMax = noise > 0 ? min(50, process.tail(threshold * noise)) : 50
        var worst = 0.0
        // In t = ln u: 1 − F behaves like a fractional power of u near 0 (near-field regime), smooth in t.
        let r = Integration.integrate(from: -25, to: log(uMax), absTol: 1e-8, relTol: 1e-7, maxIntervals: 60) { t in
            let u = exp(t)
            let y = process.inverseTail(u)
            let x = 1 / threshold - noise / y
            let f = LaplaceInversion.cdf(
                at: x,
                batch: { nodes in
                    process.exponents(nodes, servingPower: y).map { Complex.expOf($0) }
                })
            worst = max(worst, u * exp(-u) * f.error)
            return u * exp(-u) * f.value
        }
        return AnalyticValue(value: r.value, absError: r.error + worst, method: .strongestConditional)
    }

    /// ∫_0^∞ f(x) dx over ln x, cut at the breakpoints and at `extraCut` (ignored when 0 or ∞).
    static func integrateLogDistance(
        pathGain: MultiSlopePathGain, extraCut: Double, absTol: Double, relTol: Double, _ f: (Double) -> Double
    ) -> IntegrationResult {
        var cuts = pathGain.breakpoints.map { log($0) }
        if extraCut > 0 && extraCut.isFinite { cuts.append(log(extraCut)) }
        cuts.sort()
        let edges = [-Double.infinity] + cuts + [Double.infinity]
        var total = IntegrationResult.zero
        for i in 0..<(edges.count - 1) where edges[i + 1] > edges[i] {
            total =
                total
                + Integration.integrate(
                    from: edges[i], to: edges[i + 1], absTol: absTol / Double(edges.count - 1), relTol: relTol
                ) { t in
                    let x = exp(t)
                    let v = f(x) * x
                    return v.isFinite ? v : 0
                }
        }
        return total
    }
}

/// The received-power process of a multi-slope network with Rayleigh h and log-normal S (any σ ≥ 0), seen from
/// its largest point y (docs/DENSIFICATION.md#route-i-strongest-bs-at-every-threshold):
///
///     Λ̄(y)    = 2πλ ∫_0^∞ x E_S[e^{−y/(S g(x))}] dx                       (mean number of powers above y)
///     E(s; y) = 2πλ ∫_0^∞ x E_S[−σ/(1+σ) − e^{−c}(e^{−s}/(1+σ) − 1)] dx,   c = y/(S g(x)),  σ = s S g(x)/y
///
/// E(s; y) = log E[e^{−s Z_y/y}] for the sum Z_y of the powers below y (h-integral over (0, c) in closed form).
struct StrongestPowerProcess {
    let pathGain: MultiSlopePathGain
    let fading: FadingModel
    let density: Double
    let quadrature: (values: [Double], weights: [Double])
    /// Width of the Gauss–Legendre panels of `grid` in ln x (¼ for the adaptive routes; the shared tables use ½).
    let panelWidth: Double

    init(pathGain: MultiSlopePathGain, fading: FadingModel, density: Double, panelWidth: Double = 0.25) {
        self.pathGain = pathGain
        self.fading = fading
        self.density = density
        self.quadrature = fading.shadowingQuadrature
        self.panelWidth = panelWidth
    }

    var scale: Double { 2 * Double.pi * density }

    /// Nodes x_k and weights (Jacobian x included) of a composite 10-point Gauss–Legendre rule in t = ln x:
    /// panels of width `panelWidth` (¼ by default) between ln(min cut) − 14 and ln(max cut) + 32/(α_last − 2) + 2, edges at the breakpoints
    /// and at g⁻¹(y). The integrands are x²·(bounded) below and decay like x^{2−α_last} above, so the ends cost
    /// < e^{−28} relative; in t they are analytic in a strip of half-width ≳ π/(2α) around the real line,
    /// which a ¼-wide 10-point panel resolves to ~1e−11 for α ≤ 8 (checked against the adaptive routes); a ½-wide
    /// panel has ρ ≈ 1.6 + √(1 + 1.6²) ≈ 3.4 at α = 4, an error ~ρ^{−20} ≈ 2e−11 of the panel's share.
    func grid(servingPower y: Double, extraRange: Double = 0) -> (x: [Double], w: [Double]) {
        var cuts = pathGain.breakpoints.map { log($0) }
        let inverse = pathGain.inverse(y)
        if inverse > 0 && inverse.isFinite { cuts.append(log(inverse)) }
        if cuts.isEmpty { cuts = [0] }
        cuts.sort()
        let lo = cuts[0] - 14
        let hi = cuts[cuts.count - 1] + 32 / (pathGain.farFieldExponent - 2) + 2 + extraRange
        let edges = [lo] + cuts + [hi]
        let rule = ConditionedLegendre.rule
        var xs: [Double] = []
        var ws: [Double] = []
        for i in 0..<(edges.count - 1) where edges[i + 1] > edges[i] {
            let panels = max(1, Int(((edges[i + 1] - edges[i]) / panelWidth).rounded(.up)))
            let width = (edges[i + 1] - edges[i]) / Double(panels)
            for p in 0..<panels {
                let a = edges[i] + Double(p) * width
                for j in rule.nodes.indices {
                    let x = exp(a + width / 2 * (rule.nodes[j] + 1))
                    xs.append(x)
                    ws.append(rule.weights[j] * width / 2 * x)
                }
            }
        }
        return (xs, ws)
    }

    /// Λ̄(y) and −dΛ̄/d ln y = 2πλ ∫ x E_S[c e^{−c}] dx on the grid.
    func tailAndSlope(_ y: Double) -> (tail: Double, slope: Double) {
        let q = quadrature
        let (xs, ws) = grid(servingPower: y)
        var tail = 0.0
        var slope = 0.0
        for k in xs.indices {
            let g = pathGain.gain(atDistance: xs[k])
            guard g.isFinite, g > 0 else { continue }
            for i in q.values.indices {
                let c = y / (q.values[i] * g)
                let e = exp(-c)
                tail += ws[k] * xs[k] * q.weights[i] * e
                slope += ws[k] * xs[k] * q.weights[i] * c * e
            }
        }
        return (scale * tail, scale * slope)
    }

    /// Λ̄(y), decreasing from ∞ to 0.
    func tail(_ y: Double) -> Double { tailAndSlope(y).tail }

    /// y with Λ̄(y) = u: bracket in ln y by steps of 4, then Newton on ln Λ̄ (safeguarded by the bracket) to 1e−12.
    func inverseTail(_ u: Double) -> Double {
        var lo = 0.0
        var hi = 0.0
        while tail(exp(lo)) < u && lo > -1400 { lo -= 4 }
        hi = lo
        while tail(exp(hi)) > u && hi < 1400 { hi += 4 }
        if hi - lo > 4 { lo = hi - 4 }
        var t = (lo + hi) / 2
        for _ in 0..<100 {
            let (value, slope) = tailAndSlope(exp(t))
            if value > u { lo = t } else { hi = t }
            var next = t
            if value > 0 && slope > 0 { next = t + (log(value) - log(u)) * value / slope }
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - t) < 1e-12 * max(1, abs(t)) || hi - lo < 1e-12 * max(1, abs(t)) {
                t = next
                break
            }
            t = next
        }
        return exp(t)
    }

    /// Calls `body(r, e^{−c}, weight)` for every node x_k of the grid and every shadowing node S_i with a finite
    /// g(x_k) > 0: r = S_i g(x_k)/y, c = y/(S_i g(x_k)), weight = w_k x_k w_i (the terms of E(s; y) at every s).
    @inline(__always)
    func forEachPowerNode(
        xs: [Double], ws: [Double], servingPower y: Double,
        _ body: (_ r: Double, _ ec: Double, _ weight: Double) -> Void
    ) {
        let q = quadrature
        for k in xs.indices {
            let g = pathGain.gain(atDistance: xs[k])
            guard g.isFinite, g > 0 else { continue }
            for i in q.values.indices {
                let sg = q.values[i] * g
                let c = y / sg
                let weight = ws[k] * xs[k] * q.weights[i]
                body(sg / y, exp(-c), weight)
            }
        }
    }

    /// E(s; y) for the Euler nodes s_k (Re s > 0), all on one grid in ln x.
    func exponents(_ s: [Complex<Double>], servingPower y: Double) -> [Complex<Double>] {
        let (xs, ws) = grid(servingPower: y)
        let n = s.count
        let es = s.map { Complex.expOf(Complex(-$0.real, -$0.imaginary)) }
        // Plain Double arithmetic on unchecked buffers in the hot loop over the nodes s_j (no dependence between
        // j's, so the compiler vectorises it; the generic Complex operators are slow in debug builds).
        let sr = s.map(\.real)
        let si = s.map(\.imaginary)
        let er = es.map(\.real)
        let ei = es.map(\.imaginary)
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        sr.withUnsafeBufferPointer { sr in
            si.withUnsafeBufferPointer { si in
                er.withUnsafeBufferPointer { er in
                    ei.withUnsafeBufferPointer { ei in
                        re.withUnsafeMutableBufferPointer { re in
                            im.withUnsafeMutableBufferPointer { im in
                                forEachPowerNode(xs: xs, ws: ws, servingPower: y) { r, ec, weight in
                                    Self.accumulate(
                                        r: r, ec: ec, weight: weight, sr: sr, si: si, er: er, ei: ei, re: re, im: im)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<n).map { Complex(scale * re[$0], scale * im[$0]) }
    }

    /// re_j + i·im_j += weight·(−σ/(1+σ) − e^{−c}(e^{−s}/(1+σ) − 1)), σ = s_j·r, for every j.
    @inline(__always)
    private static func accumulate(
        r: Double, ec: Double, weight: Double, sr: UnsafeBufferPointer<Double>, si: UnsafeBufferPointer<Double>,
        er: UnsafeBufferPointer<Double>, ei: UnsafeBufferPointer<Double>, re: UnsafeMutableBufferPointer<Double>,
        im: UnsafeMutableBufferPointer<Double>
    ) {
        let n = sr.count
        if ec > 0 {
            for j in 0..<n {
                // 1/(1+σ) = (a − ib)/(a² + b²); −σ/(1+σ) as a product (1/(1+σ) − 1 would cancel in the far
                // field, where σ → 0).
                let a = 1 + sr[j] * r
                let b = si[j] * r
                let d = 1 / (a * a + b * b)
                let invR = a * d
                let invI = -b * d
                let sigR = sr[j] * r
                let vr = -(sigR * invR - b * invI) - ec * (er[j] * invR - ei[j] * invI - 1)
                let vi = -(sigR * invI + b * invR) - ec * (er[j] * invI + ei[j] * invR)
                re[j] += weight * vr
                im[j] += weight * vi
            }
        } else {
            for j in 0..<n {
                let a = 1 + sr[j] * r
                let b = si[j] * r
                let d = 1 / (a * a + b * b)
                let invR = a * d
                let invI = -b * d
                let sigR = sr[j] * r
                re[j] += weight * -(sigR * invR - b * invI)
                im[j] += weight * -(sigR * invI + b * invR)
            }
        }
    }

    /// E(σ_j; y) for real σ_j > 0 (ascending) on one x-grid extended by `extraRange` in ln x (see
    /// `conditionalRate`), each σ_j summed only up to its own range ln x ≤ x_top + 8 + max(0, ln σ_j)/α_last,
    /// x_top the end of the unextended grid: the extension `conditionalRate` gives its largest σ, applied per σ
    /// (beyond it σ_j·S·g/y < e^{−8α_last} of its value at σ = 1 and ln x = x_top; the far-field share of E
    /// relative to E itself does not depend on σ for σ ≤ 1).
    func realExponents(_ sigmas: [Double], servingPower y: Double, extraRange: Double) -> [Double] {
        let (xs, ws) = grid(servingPower: y, extraRange: extraRange)
        let top = log(grid(servingPower: y).x.last ?? 1) + 8
        let alpha = pathGain.farFieldExponent
        // The first σ index whose range reaches ln x: ln σ_j ≥ α_last (ln x − top).
        let logSigmas = sigmas.map { log($0) }
        let es = sigmas.map { exp(-$0) }
        var exponent = [Double](repeating: 0, count: sigmas.count)
        let q = quadrature
        var first = 0
        sigmas.withUnsafeBufferPointer { sigmas in
            es.withUnsafeBufferPointer { es in
                exponent.withUnsafeMutableBufferPointer { exponent in
                    for k in xs.indices {
                        let g = pathGain.gain(atDistance: xs[k])
                        guard g.isFinite, g > 0 else { continue }
                        let needed = alpha * (log(xs[k]) - top)
                        while needed > 0 && first < sigmas.count && logSigmas[first] < needed { first += 1 }
                        if first == sigmas.count { break }
                        for i in q.values.indices {
                            let r = q.values[i] * g / y
                            let ec = exp(-1 / r)
                            let weight = ws[k] * xs[k] * q.weights[i]
                            // −b/(1+b) − e^{−c}(e^{−σ}/(1+b) − 1), b = σ S g/y, c = y/(S g).
                            if ec > 0 {
                                for j in first..<sigmas.count {
                                    let b = sigmas[j] * r
                                    let inv = 1 / (1 + b)
                                    exponent[j] += weight * (-b * inv - ec * (es[j] * inv - 1))
                                }
                            } else {
                                for j in first..<sigmas.count {
                                    let b = sigmas[j] * r
                                    exponent[j] -= weight * b / (1 + b)
                                }
                            }
                        }
                    }
                }
            }
        }
        return exponent.map { scale * $0 }
    }

    /// ∫_0^∞ (1 − e^{−σ}) e^{−σW/y} exp(E(σ; y)) dσ/σ = E ln(1 + y/(Z_y + W)) for real σ, y = Λ̄⁻¹(u): composite
    /// 10-point Gauss–Legendre in ln σ on unit panels from −25 to ln σ_max = max(15, ln(50/u)/δ_last + 2) (the
    /// integrand is O(σ) below and ≈ 1 until u·σ^δ ~ 1, then decays like exp(−u σ^δ), δ = 2/α_last; it is
    /// analytic within π of the real ln σ axis), every σ node on one x-grid extended by ln σ_max/α_last + 8.
    func conditionalRate(servingPower y: Double, mass u: Double, noise: Double) -> Double {
        let deltaLast = 2 / pathGain.farFieldExponent
        let top = Int(max(15, (log(50 / u) / deltaLast + 2).rounded(.up)))
        let (xs, ws) = grid(servingPower: y, extraRange: Double(top) / pathGain.farFieldExponent + 8)
        let rule = ConditionedLegendre.rule
        var sigmas: [Double] = []
        var sigmaWeights: [Double] = []
        for panel in -25..<top {
            for j in rule.nodes.indices {
                let t = Double(panel) + 0.5 * (rule.nodes[j] + 1)
                sigmas.append(exp(t))
                sigmaWeights.append(0.5 * rule.weights[j])
            }
        }
        let es = sigmas.map { exp(-$0) }
        var exponent = [Double](repeating: 0, count: sigmas.count)
        forEachPowerNode(xs: xs, ws: ws, servingPower: y) { r, ec, weight in
            for j in sigmas.indices {
                // −b/(1+b) − e^{−c}(e^{−σ}/(1+b) − 1), b = σ S g/y.
                let b = sigmas[j] * r
                let inv = 1 / (1 + b)
                var v = -b * inv
                if ec > 0 { v -= ec * (es[j] * inv - 1) }
                exponent[j] += weight * v
            }
        }
        var total = 0.0
        for j in sigmas.indices {
            total += sigmaWeights[j] * -expm1(-sigmas[j]) * exp(-sigmas[j] * noise / y + scale * exponent[j])
        }
        return total
    }
}

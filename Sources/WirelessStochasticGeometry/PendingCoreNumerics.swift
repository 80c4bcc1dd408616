// TEMPORARY: stand-ins for WirelessCore numerics that are being written in parallel
// (GaussKronrodQuadrature, SpecialFunctions). Deleted once the core lands; the module only
// calls them through `Integration` and `SF` below so the switch is a one-file change.
import Foundation

enum SF {
    static func logGamma(_ x: Double) -> Double { lgamma(x) }
    static func gamma(_ x: Double) -> Double { tgamma(x) }
    static func sinc(_ x: Double) -> Double { x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x) }
    static func erfcx(_ x: Double) -> Double {
        if x < 5 { return exp(x * x) * erfc(x) }
        // Continued fraction (Lentz) for x ≥ 5: erfcx(x) = (1/√π)·1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
        var f = x
        var c = x
        var d = 0.0
        for k in 1..<200 {
            let a = Double(k) / 2
            d = x + a * d
            d = d == 0 ? 1e-300 : 1 / d
            c = x + a / c
            if c == 0 { c = 1e-300 }
            let delta = c * d
            f *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return 1 / (f * Double.pi.squareRoot())
    }
    /// ₂F₁(a, b; c; z) for z ≤ 0 via Pfaff, or |z| < 1 by series.
    static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        if z < -0.5 {
            let w = z / (z - 1)
            return pow(1 - z, -a) * series2F1(a, c - b, c, w)
        }
        return series2F1(a, b, c, z)
    }
    static func series2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        while n < 1_000_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if abs(term) < 1e-17 * abs(sum) { break }
        }
        return sum
    }
    /// Physicists' Gauss–Hermite nodes and weights (∫ e^{−x²} f(x) dx ≈ Σ w f(x)).
    static func gaussHermite(nodes n: Int) -> (nodes: [Double], weights: [Double]) {
        var x = [Double](repeating: 0, count: n)
        var w = [Double](repeating: 0, count: n)
        let m = (n + 1) / 2
        var z = 0.0
        for i in 0..<m {
            if i == 0 {
                z = (2 * Double(n) + 1).squareRoot() - 1.85575 * pow(2 * Double(n) + 1, -0.16667)
            } else if i == 1 {
                z -= 1.14 * pow(Double(n), 0.426) / z
            } else if i == 2 {
                z = 1.86 * z - 0.86 * x[0]
            } else if i == 3 {
                z = 1.91 * z - 0.91 * x[1]
            } else {
                z = 2 * z - x[i - 2]
            }
            var pp = 0.0
            for _ in 0..<100 {
                var p1 = 1 / pow(Double.pi, 0.25)
                var p2 = 0.0
                for j in 0..<n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2 / Double(j + 1)).squareRoot() * p2 - (Double(j) / Double(j + 1)).squareRoot() * p3
                }
                pp = (2 * Double(n)).squareRoot() * p2
                let z1 = z
                z = z1 - p1 / pp
                if abs(z - z1) <= 1e-15 { break }
            }
            x[i] = z
            x[n - 1 - i] = -z
            w[i] = 2 / (pp * pp)
            w[n - 1 - i] = w[i]
        }
        return (x, w)
    }
}

enum PendingQuadrature {
    static let xgk: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0,
    ]
    static let wgk: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    static let wg: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    static func rule(_ f: (Double) -> Double, _ a: Double, _ b: Double) -> (Double, Double) {
        let c = 0.5 * (a + b)
        let h = 0.5 * (b - a)
        let fc = f(c)
        var k = fc * wgk[7]
        var g = fc * wg[3]
        for j in 0..<7 {
            let dx = h * xgk[j]
            let s = f(c - dx) + f(c + dx)
            k += wgk[j] * s
            if j % 2 == 1 { g += wg[j / 2] * s }
        }
        return (k * h, abs((k - g) * h))
    }

    static func integrate(
        _ f: (Double) -> Double, _ a: Double, _ b: Double, absTol: Double, relTol: Double, maxIntervals: Int
    ) -> (value: Double, error: Double) {
        if a == b { return (0, 0) }
        if a.isInfinite || b.isInfinite {
            if a.isFinite {
                return integrate({ t in let x = a + t / (1 - t); let v = f(x) / ((1 - t) * (1 - t)); return v.isFinite ? v : 0 },
                                 0, 1, absTol: absTol, relTol: relTol, maxIntervals: maxIntervals)
            }
            if b.isFinite {
                return integrate({ t in let x = b - t / (1 - t); let v = f(x) / ((1 - t) * (1 - t)); return v.isFinite ? v : 0 },
                                 0, 1, absTol: absTol, relTol: relTol, maxIntervals: maxIntervals)
            }
            let l = integrate(f, -.infinity, 0, absTol: absTol / 2, relTol: relTol, maxIntervals: maxIntervals)
            let r = integrate(f, 0, .infinity, absTol: absTol / 2, relTol: relTol, maxIntervals: maxIntervals)
            return (l.value + r.value, l.error + r.error)
        }
        var intervals: [(a: Double, b: Double, v: Double, e: Double)] = []
        let (v0, e0) = rule(f, a, b)
        intervals.append((a, b, v0, e0))
        var total = v0
        var err = e0
        while err > max(absTol, relTol * abs(total)) && intervals.count < maxIntervals {
            var worst = 0
            for i in 1..<intervals.count where intervals[i].e > intervals[worst].e { worst = i }
            let iv = intervals[worst]
            let m = 0.5 * (iv.a + iv.b)
            let (v1, e1) = rule(f, iv.a, m)
            let (v2, e2) = rule(f, m, iv.b)
            intervals[worst] = (iv.a, m, v1, e1)
            intervals.append((m, iv.b, v2, e2))
            total = 0
            err = 0
            for x in intervals {
                total += x.v
                err += x.e
            }
        }
        return (total, err)
    }
}

enum StandardNormalSampler {
    static func sample(using g: inout some RandomNumberGenerator) -> Double {
        // Box–Muller (one of the pair).
        let u1 = g.nextOpenUnitDouble()
        let u2 = g.nextUnitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

enum GammaSampler {
    /// Marsaglia–Tsang, unit scale.
    static func sample(shape: Double, using g: inout some RandomNumberGenerator) -> Double {
        if shape < 1 {
            let u = g.nextOpenUnitDouble()
            return sample(shape: shape + 1, using: &g) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = StandardNormalSampler.sample(using: &g)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = g.nextOpenUnitDouble()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}

import Foundation
import Numerics
import WirelessCore

/// Route (i) for multi-slope path gain (Rayleigh h, any S) with its work shared across densities and thresholds
/// (docs/DENSIFICATION.md#route-i-strongest-bs-at-every-threshold, "one table per sweep").
///
/// Λ̄ and E are linear in λ: Λ̄(y) = λΛ̄₁(y), E(s; y) = λE₁(s; y), with Λ̄₁, E₁ those of unit density. In the
/// variable ln y the route's u-integral reads
///
///     P_c(λ, T) = ∫ e^{−λΛ̄₁(y)} F_y(1/T − W/y; λ) · λS₁(y) d ln y,   S₁ = −dΛ̄₁/d ln y,
///     F_y(x; λ) the CDF at x of the law with Laplace transform exp(λE₁(s; y))
///
/// so the nodes y, Λ̄₁, S₁ and E₁ at the Euler nodes of x do not depend on λ. The ln y axis is cut into
/// panels m with ln Λ̄₁ ∈ [m, m + 1] (edges y_m = Λ̄₁⁻¹(e^m), shared by all thresholds), each integrated by one
/// 15-point Kronrod rule (error |K15 − G7| as QUADPACK scales it); for W > 0 the panel holding y = TW is cut
/// there (F = 0 below). A density uses the panels covering ln u = ln λ + ln Λ̄₁ ∈ [−23, ln 50] (u < e^{−23}
/// adds < e^{−23}, u > 50 < e^{−50}); a panel is built once per threshold and reused by every density, so a
/// value depends only on (λ, T), never on which other cells a sweep asks for. The adaptive
/// `StrongestCellCoverage.multiSlopeConditional` is the reference it is tested against.
///
/// Thread-safe: panels are computed outside the lock and inserted under it (a duplicate has the same bits).
final class StrongestConditionalTable: @unchecked Sendable {
    /// ln u below which the integrand is dropped (adds < e^{−23} ≈ 1e−10).
    static let lowerLogMass = -23.0
    /// ln u above which the integrand is dropped (e^{−50}).
    static let upperLogMass = log(50.0)

    let pathGain: MultiSlopePathGain
    let fading: FadingModel
    let noise: Double
    /// Width in ln x of the Gauss–Legendre panels of E₁ and Λ̄₁ (`StrongestPowerProcess.grid`): ½, twice the
    /// adaptive routes' ¼ (tested against them at 1e−7).
    static let gridPanelWidth = 0.5
    let process: StrongestPowerProcess
    let lock = NSLock()
    private var edges: [Int: Double] = [:]
    private var panels: [PanelKey: Panel] = [:]
    /// Rate panels by index m (`StrongestConditionalTable+Rate.swift`), threshold-free.
    var ratePanels: [Int: RatePanel] = [:]

    private struct PanelKey: Hashable {
        let threshold: Double
        let index: Int
    }

    /// One panel at one threshold: its K15 rule in ln y (nil when the panel is empty) and the data at its nodes.
    private struct Panel {
        let rule: KronrodPanel?
        let tail: [Double]
        let slope: [Double]
        let argument: [Double]
        let exponents: [[Complex<Double>]]
    }

    /// - Parameters:
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S with Rayleigh h.
    ///   - noise: W [linear, units of g], ≥ 0, finite.
    init(pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double) {
        self.pathGain = pathGain
        self.fading = fading
        self.noise = noise
        self.process = StrongestPowerProcess(
            pathGain: pathGain, fading: fading, density: 1, panelWidth: Self.gridPanelWidth)
    }

    /// Whether this is the table of (g, H, W).
    func isTable(pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double) -> Bool {
        self.pathGain == pathGain && self.fading == fading && self.noise == noise
    }

    /// P_c(λ, T) for T ∈ (0, 1), λ > 0 (validated by the caller).
    func coverage(density: Double, threshold: Double) -> AnalyticValue {
        var value = 0.0
        var error = exp(Self.lowerLogMass) + exp(-50)
        guard let range = Self.panelRange(density: density) else {
            return AnalyticValue(value: 0, absError: 1, method: .strongestConditional)
        }
        for m in range {
            let p = panel(threshold: threshold, index: m)
            guard let rule = p.rule else { continue }
            var values = [Double](repeating: 0, count: rule.nodes.count)
            var laplaceErrors = values
            for i in rule.nodes.indices {
                let weight = exp(-density * p.tail[i]) * density * p.slope[i]
                guard weight > 0 else { continue }
                let f = LaplaceInversion.cdf(
                    at: p.argument[i], batch: { _ in p.exponents[i].map { Complex.expOf($0.multiplied(by: density)) } })
                values[i] = weight * f.value
                laplaceErrors[i] = weight * f.error
            }
            guard let r = try? rule.integrate(values) else {
                return AnalyticValue(value: .nan, absError: .infinity, method: .strongestConditional)
            }
            value += r.value
            error += r.errorEstimate
            error += (try? rule.integrate(laplaceErrors)).map { abs($0.value) } ?? .infinity
        }
        return AnalyticValue(value: value, absError: error, method: .strongestConditional)
    }

    /// The panels indices a density uses (ln Λ̄₁ from −23 − ln λ to ln 50 − ln λ).
    static func panelRange(density: Double) -> ClosedRange<Int>? {
        let logDensity = log(density)
        let first = Int((lowerLogMass - logDensity).rounded(.down))
        let last = Int((upperLogMass - logDensity).rounded(.up)) - 1
        return first <= last ? first...last : nil
    }

    /// Builds the panels of every (threshold in (0, 1), density) pair on both cores (one task per panel), so the
    /// densities of a sweep, evaluated in parallel, find them built instead of building them twice.
    func prepare(densities: [Double], thresholds: [Double]) {
        let ranges = densities.filter { $0 > 0 && $0.isFinite }.compactMap { Self.panelRange(density: $0) }
        guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else { return }
        let indices = Array(low...(high + 1))
        let edgeValues = ParallelExecution.parallelMap(count: indices.count) { i in
            self.edge(indices[i])
        }
        _ = edgeValues
        var keys: [PanelKey] = []
        var seen = Set<PanelKey>()
        for t in thresholds where t > 0 && t < 1 {
            for r in ranges {
                for m in r where seen.insert(PanelKey(threshold: t, index: m)).inserted {
                    keys.append(PanelKey(threshold: t, index: m))
                }
            }
        }
        let planned = keys
        _ = ParallelExecution.parallelMap(count: planned.count) { i in
            self.panel(threshold: planned[i].threshold, index: planned[i].index).tail.count
        }
    }

    /// ln y_m with Λ̄₁(y_m) = e^m.
    func edge(_ m: Int) -> Double {
        if let e = lock.withLock({ edges[m] }) { return e }
        let e = log(process.inverseTail(exp(Double(m))))
        lock.withLock { edges[m] = e }
        return e
    }

    private func panel(threshold: Double, index m: Int) -> Panel {
        let key = PanelKey(threshold: threshold, index: m)
        if let p = lock.withLock({ panels[key] }) { return p }
        // Λ̄₁ decreases in y: ln Λ̄₁ ∈ [m, m + 1] is ln y ∈ [edge(m + 1), edge(m)].
        var lower = edge(m + 1)
        let upper = edge(m)
        if noise > 0 { lower = max(lower, log(threshold * noise)) }
        let rule = KronrodPanel(from: lower, to: upper)
        var tail: [Double] = []
        var slope: [Double] = []
        var argument: [Double] = []
        var exponents: [[Complex<Double>]] = []
        for t in rule?.nodes ?? [] {
            let y = exp(t)
            let (a, b) = process.tailAndSlope(y)
            tail.append(a)
            slope.append(b)
            let x = 1 / threshold - noise / y
            argument.append(x)
            var e: [Complex<Double>] = []
            _ = LaplaceInversion.cdf(
                at: x,
                batch: { nodes in
                    e = process.exponents(nodes, servingPower: y)
                    return nodes.map { _ in Complex(1, 0) }
                })
            exponents.append(e)
        }
        let p = Panel(rule: rule, tail: tail, slope: slope, argument: argument, exponents: exponents)
        lock.withLock { panels[key] = p }
        return p
    }
}

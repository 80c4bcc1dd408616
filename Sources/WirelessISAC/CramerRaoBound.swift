import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// The deterministic single-snapshot Cramér–Rao bound on (θ, d, v) of every path
/// (Stoica & Nehorai, IEEE Trans. ASSP 37(5), 1989; docs/ISAC.md#bounds).
///
///     S = V⊙D⊙A,  Δ = [V⊙D⊙Ȧ, V⊙Ḋ⊙A, V̇⊙D⊙A]   (columns differentiated w.r.t. θ_p, d_p, v_p)
///     FIM = (2/σ²)·Re{(Δ^H P_S^⊥ Δ) ∘ (1_{3×3} ⊗ ββ^H)^T},   CRB = FIM^{−1}
///     Δ^H P_S^⊥ Δ = Δ^HΔ − Δ^HS (S^HS)^{−1} S^HΔ
///
/// Structured form: every block is a Hadamard product of per-mode P×P Grams,
/// `(X_3⊙X_2⊙X_1)^H(Y_3⊙Y_2⊙Y_1) = (X_3^HY_3)∘(X_2^HY_2)∘(X_1^HY_1)`, so the cost is
/// O(P²ΣN_m + P³) and no N_tot-row matrix is ever built. Multiple snapshots sum their FIMs.
/// Parameter order: `[θ_1…θ_P, d_1…d_P, v_1…v_P]` in [deg], [m], [m/s].
public struct CramerRaoBound: Sendable, Equatable, Codable {
    /// The 3P × 3P bound on `[θ_1…θ_P, d_1…d_P, v_1…v_P]` ([deg²], [m²], [(m/s)²] on the diagonal blocks).
    public var covariance: Matrix<Double>
    /// Number of paths P.
    public var pathCount: Int

    /// √CRB of parameter `parameter` (0 angle [deg], 1 distance [m], 2 velocity [m/s]) of path `path`.
    public func standardDeviation(parameter: Int, path: Int) -> Double {
        let index = parameter * pathCount + path
        return covariance[index, index].squareRoot()
    }

    /// The reported curve value: sqrt(mean over paths of CRB_pp) for a parameter.
    public func rootMeanBound(parameter: Int) -> Double {
        var sum = 0.0
        for p in 0..<pathCount { sum += covariance[parameter * pathCount + p, parameter * pathCount + p] }
        return (sum / Double(pathCount)).squareRoot()
    }

    /// The bound for the full (uncompressed) data of a scenario.
    ///
    /// - Parameters:
    ///   - scenario: grid and paths (gains are the β_p).
    ///   - noiseVariance: σ² [channel units²], > 0.
    /// - Throws: `invalidParameter` for σ² ≤ 0, `numericalFailure` for a singular FIM (e.g. coincident paths).
    public init(scenario: ISACScenario, noiseVariance: Double) throws(ISACError) {
        try self.init(
            grid: scenario.grid, paths: scenario.paths, noiseVariance: noiseVariance,
            dimensions: scenario.grid.dimensions, spacings: [1, 1, 1],
            amplitudes: [scenario.paths.map(\.gain)])
    }

    /// The bound for compressed data (docs/ISAC.md#bounds "Compressed data"): the same FIM with spacing Δ_m,
    /// sizes N'_m, amplitudes β_p·Π_m g_{Δm}(ω_{m,p}) and noise σ²/ΠΔ_m (Averaging), or β_p and σ² (Decimation).
    /// The ∂g terms are parallel to S and are projected out.
    ///
    /// - Throws: `invalidParameter(name: "compression")` for modes other than none/decimation/averaging.
    public init(scenario: ISACScenario, noiseVariance: Double, compression: TensorCompression) throws(ISACError) {
        switch compression.mode {
        case .none:
            try self.init(scenario: scenario, noiseVariance: noiseVariance)
        case .decimation, .averaging:
            let amplitudes = scenario.paths.map { path in
                path.gain * compression.amplitudeFactor(fullGridFrequencies: scenario.grid.spatialFrequencies(of: path))
            }
            try self.init(
                grid: scenario.grid, paths: scenario.paths,
                noiseVariance: compression.noiseVariance(inputNoiseVariance: noiseVariance),
                dimensions: compression.outputDimensions, spacings: compression.factors, amplitudes: [amplitudes])
        case .decimation2, .smoothing:
            throw ISACError.invalidParameter(name: "compression")
        }
    }

    /// The general structured bound.
    ///
    /// - Parameters:
    ///   - grid: conventions and derivatives ∂ω/∂(θ, d, v).
    ///   - paths: the P paths (their gains are ignored; see `amplitudes`).
    ///   - noiseVariance: σ² [channel units²], > 0.
    ///   - dimensions: sample counts N_m per mode.
    ///   - spacings: Δ_m: samples sit at n·Δ_m on the full grid (frequency Δ_m·ω, derivative ×Δ_m).
    ///   - amplitudes: `[snapshot][path]` complex amplitudes; the FIMs of the snapshots add.
    public init(
        grid: ISACGrid, paths: [ISACPath], noiseVariance: Double, dimensions: [Int], spacings: [Int],
        amplitudes: [[Complex<Double>]]
    ) throws(ISACError) {
        let p = paths.count
        guard p >= 1 else { throw ISACError.zeroPaths }
        guard noiseVariance.isFinite, noiseVariance > 0 else { throw ISACError.invalidParameter(name: "noiseVariance") }
        guard amplitudes.allSatisfy({ $0.count == p }), !amplitudes.isEmpty else {
            throw ISACError.invalidParameter(name: "amplitudes")
        }
        // Per-mode Grams G0 = M^HM, G01 = M^HṀ, G11 = Ṁ^HṀ (G10 = G01^H).
        var g0: [Matrix<Complex<Double>>] = []
        var g01: [Matrix<Complex<Double>>] = []
        var g11: [Matrix<Complex<Double>>] = []
        let frequencies = paths.map { grid.spatialFrequencies(of: $0) }
        let derivatives = paths.map { grid.frequencyDerivatives(of: $0) }
        for m in 0..<3 {
            let n = dimensions[m]
            let spacing = Double(spacings[m])
            var a = Matrix<Complex<Double>>(rows: n, columns: p, repeating: .zero)
            var da = a
            for q in 0..<p {
                let w = spacing * frequencies[q][m]
                let chain = spacing * derivatives[q][m]
                for i in 0..<n {
                    let e = Complex(length: 1, phase: w * Double(i))
                    a[i, q] = e
                    da[i, q] = Complex(0, chain * Double(i)) * e
                }
            }
            g0.append(try ISACError.numerical("CRB Gram matrix") { try multiply(a, a, .conjugateTranspose, .none) })
            g01.append(try ISACError.numerical("CRB Gram matrix") { try multiply(a, da, .conjugateTranspose, .none) })
            g11.append(try ISACError.numerical("CRB Gram matrix") { try multiply(da, da, .conjugateTranspose, .none) })
        }
        func factor(mode m: Int, left: Int?, right: Int?, i: Int, j: Int) -> Complex<Double> {
            switch (left == m, right == m) {
            case (true, true): return g11[m][i, j]
            case (true, false): return g01[m][j, i].conjugate  // (Ṁ^HM)_{ij} = conj((M^HṀ)_{ji})
            case (false, true): return g01[m][i, j]
            case (false, false): return g0[m][i, j]
            }
        }
        func block(left: Int?, right: Int?) -> Matrix<Complex<Double>> {
            var out = Matrix<Complex<Double>>(rows: p, columns: p, repeating: .zero)
            for j in 0..<p {
                for i in 0..<p {
                    var value = Complex<Double>.one
                    for m in 0..<3 { value *= factor(mode: m, left: left, right: right, i: i, j: j) }
                    out[i, j] = value
                }
            }
            return out
        }
        let size = 3 * p
        var deltaDelta = Matrix<Complex<Double>>(rows: size, columns: size, repeating: .zero)
        var deltaS = Matrix<Complex<Double>>(rows: size, columns: p, repeating: .zero)
        for a in 0..<3 {
            for b in 0..<3 {
                let blk = block(left: a, right: b)
                for j in 0..<p { for i in 0..<p { deltaDelta[a * p + i, b * p + j] = blk[i, j] } }
            }
            let blk = block(left: a, right: nil)
            for j in 0..<p { for i in 0..<p { deltaS[a * p + i, j] = blk[i, j] } }
        }
        let sS = block(left: nil, right: nil)
        let projected: Matrix<Complex<Double>>
        do {
            let solved = try leastSquares(sS, conjugateTranspose(deltaS)).solution  // (S^HS)^{-1} S^HΔ
            let correction = try multiply(deltaS, solved)
            var c = deltaDelta
            for index in c.elements.indices { c.elements[index] -= correction.elements[index] }
            projected = c
        } catch {
            throw ISACError.numericalFailure(reason: "CRB projection: \(error)")
        }
        var fim = Matrix<Double>(rows: size, columns: size, repeating: 0)
        for snapshot in amplitudes {
            for j in 0..<size {
                for i in 0..<size {
                    let value = projected[i, j] * snapshot[i % p].conjugate * snapshot[j % p]
                    fim[i, j] += 2 / noiseVariance * value.real
                }
            }
        }
        do { covariance = try inverse(fim) } catch {
            throw ISACError.numericalFailure(reason: "singular Fisher information: \(error)")
        }
        pathCount = p
    }

    // MARK: Closed forms

    /// Single-tone frequency bound with unknown phase (Rife & Boorstyn, IEEE Trans. IT 1974):
    ///
    ///     var ω̂ ≥ 6 / (SNR·N(N²−1))    [rad²]
    ///
    /// - Parameters:
    ///   - snr: linear SNR |β|²/σ², > 0.
    ///   - count: N ≥ 2 samples.
    public static func singleTone(snr: Double, count: Int) -> Double {
        let n = Double(count)
        return 6 / (snr * n * (n * n - 1))
    }

    /// Single-tone bound with a known phase: 3/(SNR·N(N−1)(2N−1)) [rad²].
    public static func singleToneKnownPhase(snr: Double, count: Int) -> Double {
        let n = Double(count)
        return 3 / (snr * n * (n - 1) * (2 * n - 1))
    }

    /// Single target on a full grid: CRB(ω_m) = 6/(SNR·N_tot·(N_m²−1)) [rad²]; the modes decouple.
    public static func singleTarget(snr: Double, dimensions: [Int], mode: Int) -> Double {
        let total = Double(dimensions.reduce(1, *))
        let n = Double(dimensions[mode])
        return 6 / (snr * total * (n * n - 1))
    }
}

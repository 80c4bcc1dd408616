import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// Where the complex gains of the paired triplets are refitted (docs/ISAC.md#fusion).
public enum GainRefitDomain: String, Sendable, Equatable, Codable, CaseIterable {
    /// Least squares on the uncompressed input (default):
    ///
    ///     β̂ = G^{−1}b,  G = (V^HV)∘(D^HD)∘(A^HA),  b_n = H ×_A a_n^H ×_F d_n^H ×_T v_n^H
    ///
    /// with full-grid Vandermonde columns; b costs one pass over H per distinct Doppler.
    case uncompressed
    /// Least squares on the compressed tensor's first snapshot, divided by the amplitude factor
    /// Π_m g_{Δ_m}(ω_m) (Averaging) or e^{jΣ_m ω_m o_m} (offset snapshots).
    case compressed
}

/// LS gains for known frequency triplets on a tensor.
public enum GainRefit {
    /// Gains `[path][snapshot]` of the model Σ_p β_{p,s} a(ω_{A,p})∘d(ω_{F,p})∘v(ω_{T,p}) fitted to `tensor`.
    ///
    /// - Parameters:
    ///   - tensor: any tensor (its own grid; frequencies are per sample of that grid).
    ///   - frequencies: `[ω_A, ω_F, ω_T]` per path [rad/sample].
    ///   - parallel: unused (the contraction is BLAS zgemm over blocks of rows, threaded by BLAS itself); kept
    ///     for API stability.
    /// - Complexity: O(N_tot·U + P·N_A·N_F + P³) with U ≤ P distinct Doppler values.
    public static func gains(
        tensor: ChannelTensor, frequencies: [[Double]], parallel: Bool = true
    ) throws(ISACError) -> [[Complex<Double>]] {
        let p = frequencies.count
        guard p > 0 else { return [] }
        let dims = tensor.dimensions
        let (nA, nF, nT) = (dims[0], dims[1], dims[2])
        let plane = nA * nF
        let snapshots = tensor.snapshotCount
        // Distinct Doppler columns.
        var dopplers: [Double] = []
        var dopplerIndex: [Int] = []
        for w in frequencies {
            if let found = dopplers.firstIndex(of: w[2]) {
                dopplerIndex.append(found)
            } else {
                dopplerIndex.append(dopplers.count)
                dopplers.append(w[2])
            }
        }
        let u = dopplers.count
        // W[:, u, s] = H_s(plane × N_T) · conj(v_u): zgemm over blocks of 16 symbols per snapshot (the only pass over H).
        var conjugateDoppler = Matrix<Complex<Double>>(rows: nT, columns: u, repeating: .zero)
        for (d, w) in dopplers.enumerated() {
            for l in 0..<nT { conjugateDoppler[l, d] = Complex(length: 1, phase: -w * Double(l)) }
        }
        // The tensor is read in place, front to back, a block of columns at a time (no copy of the whole tensor).
        var w = [Complex<Double>]()
        w.reserveCapacity(plane * u * snapshots)
        do {
            try tensor.elements.withUnsafeBufferPointer { (elements) throws(LinearAlgebraError) in
                for s in 0..<snapshots {
                    let slice = UnsafeBufferPointer(rebasing: elements[(s * plane * nT)..<((s + 1) * plane * nT)])
                    let product = try TallMatrixProduct.multiplyByColumnBlocks(
                        slice, rows: plane, columns: nT, by: conjugateDoppler)
                    w += product.elements
                }
            }
        } catch {
            throw ISACError.numericalFailure(reason: "gain refit contraction: \(error)")
        }
        // b[n, s] = Σ_{r,k} conj(a_n[r] d_n[k]) W[r + nA k, u_n, s].
        var b = Matrix<Complex<Double>>(rows: p, columns: snapshots, repeating: .zero)
        for n in 0..<p {
            let a = Vandermonde.vector(count: nA, frequency: -frequencies[n][0])
            let d = Vandermonde.vector(count: nF, frequency: -frequencies[n][1])
            for s in 0..<snapshots {
                var sum = Complex<Double>.zero
                let base = plane * (dopplerIndex[n] + u * s)
                for k in 0..<nF {
                    var inner = Complex<Double>.zero
                    for r in 0..<nA { inner += a[r] * w[base + r + nA * k] }
                    sum += d[k] * inner
                }
                b[n, s] = sum
            }
        }
        let g = gram(dimensions: dims, frequencies: frequencies)
        do {
            let solution = try leastSquares(g, b).solution
            return (0..<p).map { n in (0..<snapshots).map { solution[n, $0] } }
        } catch {
            throw ISACError.numericalFailure(reason: "gain refit: \(error)")
        }
    }

    /// Sets each target's `gain` to the LS gain of the first snapshot of `tensor` at the targets'
    /// full-grid `frequencies` (the last step of every estimator; nothing to do for no targets).
    ///
    /// - Throws: `ISACError.numericalFailure` when the LS solve fails.
    public static func refitGains(of targets: inout [ISACTargetEstimate], on tensor: ChannelTensor) throws(ISACError) {
        guard !targets.isEmpty else { return }
        let gains = try Self.gains(tensor: tensor, frequencies: targets.map(\.frequencies))
        for index in targets.indices { targets[index].gain = gains[index][0] }
    }

    /// G = (V^HV)∘(D^HD)∘(A^HA) from closed-form Vandermonde inner products
    /// a_N(ω_i)^H a_N(ω_j) = Σ_{n<N} e^{j(ω_j−ω_i)n}.
    static func gram(dimensions dims: [Int], frequencies: [[Double]]) -> Matrix<Complex<Double>> {
        let p = frequencies.count
        var g = Matrix<Complex<Double>>(rows: p, columns: p, repeating: .one)
        for j in 0..<p {
            for i in 0..<p {
                var value = Complex<Double>.one
                for m in 0..<3 {
                    value *= vandermondeInnerProduct(count: dims[m], difference: frequencies[j][m] - frequencies[i][m])
                }
                g[i, j] = value
            }
        }
        return g
    }

    /// Σ_{n<N} e^{jδn} = e^{jδ(N−1)/2}·sin(Nδ/2)/sin(δ/2) (Dirichlet kernel); summed directly when
    /// |sin(δ/2)| < 1e−3, where the quotient loses digits.
    static func vandermondeInnerProduct(count: Int, difference: Double) -> Complex<Double> {
        let half = sin(difference / 2)
        if abs(half) < 1e-3 {
            var sum = Complex<Double>.zero
            for n in 0..<count { sum += Complex(length: 1, phase: difference * Double(n)) }
            return sum
        }
        let magnitude = sin(Double(count) * difference / 2) / half
        return Complex(cos(difference * Double(count - 1) / 2), sin(difference * Double(count - 1) / 2))
            .multiplied(by: magnitude)
    }
}

import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// Hermitian eigendecomposition (zheevd, eigenvalues and eigenvectors) of random matrices.
let linearAlgebraBenchmarks = BenchmarkGroup(name: "linalg") {
    [16, 32, 64, 128, 256, 512].map { n in
        Benchmark(name: "hermitianEigendecomposition n=\(n)", samples: n >= 256 ? 7 : 31) {
            let a = randomHermitian(n)
            return { _ = try! hermitianEigendecomposition(a) }
        }
    }
}

/// (G + Gᴴ)/2 with G uniform complex, seeded.
func randomHermitian(_ n: Int) -> Matrix<Complex<Double>> {
    let g = randomSignal(count: n * n, seed: UInt64(n))
    var a = Matrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
    for j in 0..<n { for i in 0..<n { a[i, j] = (g[i + j * n] + g[j + i * n].conjugate).divided(by: 2) } }
    return a
}

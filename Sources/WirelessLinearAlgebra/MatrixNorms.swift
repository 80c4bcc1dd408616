import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Conjugate transpose `Aᴴ` (`Aᴴ[i, j] = conj(A[j, i])`).
public func conjugateTranspose(_ a: Matrix<Complex<Double>>) -> Matrix<Complex<Double>> {
    var result = Matrix<Complex<Double>>(rows: a.columns, columns: a.rows, repeating: .zero)
    for j in 0..<a.columns {
        for i in 0..<a.rows { result[j, i] = a[i, j].conjugate }
    }
    return result
}

/// Frobenius norm `‖A‖_F = √(Σ |aᵢⱼ|²)`, computed without overflow (LAPACK `zlange`, 'F').
public func frobeniusNorm(_ a: Matrix<Complex<Double>>) -> Double {
    guard a.rows > 0, a.columns > 0,
        let rows = Int32(exactly: a.rows), let columns = Int32(exactly: a.columns)
    else { return 0 }
    let storage = LAPACKBuffer(copying: a.elements)
    return LAPACKE_zlange_work(columnMajorLayout, lapackChar("F"), rows, columns, storage.opaque, rows, nil)
}

/// Frobenius norm `‖A‖_F = √(Σ aᵢⱼ²)` of a real matrix, without overflow (LAPACK `dlange`, 'F').
public func frobeniusNorm(_ a: Matrix<Double>) -> Double {
    guard a.rows > 0, a.columns > 0,
        let rows = Int32(exactly: a.rows), let columns = Int32(exactly: a.columns)
    else { return 0 }
    let storage = LAPACKBuffer(copying: a.elements)
    return LAPACKE_dlange_work(columnMajorLayout, lapackChar("F"), rows, columns, storage.pointer, rows, nil)
}

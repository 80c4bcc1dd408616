// TEMPORARY (pathloss branch): stand-ins for the contract's real `leastSquares` and `inverse`
// until the LAPACKE versions land on main. Delete this file when merging main.
import WirelessCore

public func leastSquares(_ a: Matrix<Double>, _ b: [Double]) throws -> [Double] {
    let at = a.transposed
    var ata = Matrix<Double>(rows: a.columns, columns: a.columns, repeating: 0)
    var atb = [Double](repeating: 0, count: a.columns)
    for i in 0..<a.columns {
        for j in 0..<a.columns {
            var s = 0.0
            for k in 0..<a.rows { s += at[i, k] * a[k, j] }
            ata[i, j] = s
        }
        var s = 0.0
        for k in 0..<a.rows { s += at[i, k] * b[k] }
        atb[i] = s
    }
    let inv = try inverse(ata)
    return (0..<a.columns).map { i in (0..<a.columns).reduce(0.0) { $0 + inv[i, $1] * atb[$1] } }
}

struct _PendingSingular: Error {}

public func inverse(_ m: Matrix<Double>) throws -> Matrix<Double> {
    let n = m.rows
    var a = m
    var inv = Matrix<Double>(rows: n, columns: n, repeating: 0)
    for i in 0..<n { inv[i, i] = 1 }
    for col in 0..<n {
        var pivot = col
        for r in col..<n where abs(a[r, col]) > abs(a[pivot, col]) { pivot = r }
        if a[pivot, col] == 0 { throw _PendingSingular() }
        if pivot != col {
            for j in 0..<n {
                let t = a[col, j]; a[col, j] = a[pivot, j]; a[pivot, j] = t
                let u = inv[col, j]; inv[col, j] = inv[pivot, j]; inv[pivot, j] = u
            }
        }
        let p = a[col, col]
        for j in 0..<n { a[col, j] /= p; inv[col, j] /= p }
        for r in 0..<n where r != col {
            let f = a[r, col]
            if f == 0 { continue }
            for j in 0..<n { a[r, j] -= f * a[col, j]; inv[r, j] -= f * inv[col, j] }
        }
    }
    return inv
}

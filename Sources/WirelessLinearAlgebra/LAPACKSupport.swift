import Numerics
import WirelessCore
import _WirelessLAPACKEShim

// Internal helpers shared by the LAPACKE/CBLAS wrappers. Not API.

/// LAPACKE's matrix layout constant for column-major storage (`LAPACK_COL_MAJOR` = 102), the
/// storage of `Matrix`.
let columnMajorLayout: Int32 = 102

/// A LAPACK character argument (`'V'`, `'N'`, `'L'`, …).
@inline(__always)
func lapackChar(_ scalar: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: scalar)) }

/// Converts a dimension to LAPACK's 32-bit `lapack_int`, refusing sizes that do not fit.
@inline(__always)
func lapackInt(_ value: Int) throws(LinearAlgebraError) -> Int32 {
    guard let converted = Int32(exactly: value) else {
        throw LinearAlgebraError.invalidArgument(reason: "dimension \(value) exceeds LAPACK's 32-bit integers")
    }
    return converted
}

/// A leading dimension: LAPACK requires `ld ≥ max(1, rows)`.
@inline(__always)
func leadingDimension(_ rows: Int) throws(LinearAlgebraError) -> Int32 { try lapackInt(max(1, rows)) }

/// Maps a LAPACK `info` < 0 (an argument our wrapper passed wrongly) to an error.
@inline(__always)
func checkArgumentInfo(_ info: Int32, routine: String) throws(LinearAlgebraError) {
    if info < 0 {
        throw LinearAlgebraError.invalidArgument(reason: "\(routine) rejected argument \(-info)")
    }
}

/// Optimal workspace length returned by a query (`lwork = −1`) in `work[0]`, at least 1.
@inline(__always)
func workspaceLength(_ value: Double) -> Int { max(1, Int(value.rounded(.up))) }

/// The element types of the LAPACK wrappers (`Double`, `Complex<Double>`): numbers with a finiteness test.
protocol LAPACKScalar: Numeric {
    /// Whether the value (both parts of a complex one) is finite.
    var isFinite: Bool { get }
}

extension Double: LAPACKScalar {}
extension Complex: LAPACKScalar where RealType == Double {}

extension Matrix where Scalar: LAPACKScalar {
    /// Throws `.nonFiniteInput` unless every element is finite.
    func requireFinite() throws(LinearAlgebraError) {
        for x in elements where !x.isFinite { throw LinearAlgebraError.nonFiniteInput }
    }

    /// Throws `.notSquare` unless rows == columns.
    func requireSquare() throws(LinearAlgebraError) {
        guard rows == columns else { throw LinearAlgebraError.notSquare(rows: rows, columns: columns) }
    }

    /// The checks every routine on one square matrix starts with (square, finite), and its order as LAPACK's
    /// `lapack_int`; nil for the 0 × 0 matrix, which needs no call.
    func checkedSquareOrder() throws(LinearAlgebraError) -> Int32? {
        try requireSquare()
        try requireFinite()
        return rows == 0 ? nil : try lapackInt(rows)
    }

    /// The `n × n` identity.
    static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n, repeating: .zero)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }
}

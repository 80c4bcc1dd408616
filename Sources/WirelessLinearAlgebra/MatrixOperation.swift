import _WirelessLAPACKEShim

/// How an operand enters a product: `op(A)` ∈ {A, Aᵀ, Aᴴ}.
public enum MatrixOperation: String, Sendable, Equatable, Codable, CaseIterable {
    /// `A` as stored.
    case none
    /// `Aᵀ` (no conjugation).
    case transpose
    /// `Aᴴ` (conjugate transpose); for real matrices the same as `.transpose`.
    case conjugateTranspose

    var cblas: CBLAS_TRANSPOSE {
        switch self {
        case .none: return CblasNoTrans
        case .transpose: return CblasTrans
        case .conjugateTranspose: return CblasConjTrans
        }
    }

    /// Shape of `op(A)` for `A` of shape `rows × columns`.
    func shape(rows: Int, columns: Int) -> (rows: Int, columns: Int) {
        self == .none ? (rows, columns) : (columns, rows)
    }
}

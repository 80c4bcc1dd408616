import Numerics

/// A single- or multi-snapshot OFDM channel tensor `H[s, r, k, l]`.
///
/// Shape `[antennas × subcarriers × symbols]` (modes 0, 1, 2) plus a snapshot count S ≥ 1, in
/// column-major storage with the antenna index fastest:
///
///     elements[r + N_R·(k + N_F·(l + N_T·s))] = H[s, r, k, l]
///
/// so `vec(H_s) = (V ⊙ D ⊙ A)·β_s` for the Vandermonde model of docs/ISAC.md#signal-model.
/// Compressed tensors use the same layout with the compressed sizes N'_m and the virtual
/// snapshots of Decimation2 / Smoothing as S.
public struct ChannelTensor: Sendable, Equatable, Codable {
    /// Mode sizes `[N_R, N_F, N_T]`, each ≥ 1.
    public let dimensions: [Int]
    /// Number of snapshots S ≥ 1 (slowest index).
    public let snapshotCount: Int
    /// Samples in column-major order; `count == N_R·N_F·N_T·S`.
    public var elements: [Complex<Double>]

    /// A zero tensor of the given shape.
    ///
    /// - Precondition: three positive dimensions and S ≥ 1 (programmer error otherwise).
    public init(dimensions: [Int], snapshotCount: Int = 1) {
        precondition(dimensions.count == 3 && dimensions.allSatisfy { $0 >= 1 } && snapshotCount >= 1)
        self.dimensions = dimensions
        self.snapshotCount = snapshotCount
        self.elements = Array(repeating: .zero, count: dimensions.reduce(1, *) * snapshotCount)
    }

    /// A tensor over existing column-major samples.
    ///
    /// - Throws: `ISACError.shapeMismatch` when `elements.count ≠ ΠN_m·S` or the rank is not 3.
    public init(dimensions: [Int], snapshotCount: Int = 1, elements: [Complex<Double>]) throws(ISACError) {
        guard dimensions.count == 3, dimensions.allSatisfy({ $0 >= 1 }), snapshotCount >= 1,
            elements.count == dimensions.reduce(1, *) * snapshotCount
        else {
            throw ISACError.shapeMismatch(
                expected: dimensions + [snapshotCount], actual: [elements.count])
        }
        self.dimensions = dimensions
        self.snapshotCount = snapshotCount
        self.elements = elements
    }

    /// Number of antennas N_R (mode 0).
    public var antennaCount: Int { dimensions[0] }
    /// Number of subcarriers N_F (mode 1).
    public var subcarrierCount: Int { dimensions[1] }
    /// Number of OFDM symbols N_T (mode 2).
    public var symbolCount: Int { dimensions[2] }
    /// Samples per snapshot, N_R·N_F·N_T.
    public var snapshotElementCount: Int { dimensions[0] * dimensions[1] * dimensions[2] }

    /// Element `H[snapshot, antenna, subcarrier, symbol]`.
    @inlinable
    public subscript(antenna: Int, subcarrier: Int, symbol: Int, snapshot: Int) -> Complex<Double> {
        get { elements[antenna + dimensions[0] * (subcarrier + dimensions[1] * (symbol + dimensions[2] * snapshot))] }
        set {
            elements[antenna + dimensions[0] * (subcarrier + dimensions[1] * (symbol + dimensions[2] * snapshot))] =
                newValue
        }
    }

    /// Total energy Σ|H|².
    public var energy: Double { elements.reduce(0) { $0 + $1.lengthSquared } }

    /// Checks every sample is finite and the tensor is not all zero.
    ///
    /// - Throws: `ISACError.nonFiniteInput(index:)` at the first NaN/Inf sample,
    ///   `ISACError.zeroEnergyInput` for an all-zero tensor.
    public func validateSamples() throws(ISACError) {
        var anyNonZero = false
        let firstNonFinite: Int? = elements.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let value = buffer[index]
                guard value.real.isFinite && value.imaginary.isFinite else { return index }
                if !anyNonZero && (value.real != 0 || value.imaginary != 0) { anyNonZero = true }
            }
            return nil
        }
        if let firstNonFinite { throw .nonFiniteInput(index: firstNonFinite) }
        guard anyNonZero else { throw .zeroEnergyInput }
    }
}

import Foundation
import Numerics
import WirelessIO

/// NumPy `.npy` exchange of channel tensors, so measured channels from other tools can be used.
///
/// The logical NumPy array is `H[r, k, l]` with shape `(N_R, N_F, N_T)`, or `H[s, r, k, l]` with
/// shape `(S, N_R, N_F, N_T)` for several snapshots (axes: antenna, subcarrier, symbol), whatever the
/// file's memory order (C or Fortran) or dtype (complex128, complex64; `init(npy:)` reads float64 as real,
/// `read(from:)` refuses it: a channel is complex, and a real array has a mirror image of every target).
extension ChannelTensor {
    /// A tensor from an NPY array of rank 3 `(N_R, N_F, N_T)` or rank 4 `(S, N_R, N_F, N_T)`.
    ///
    /// - Throws: `ISACError.shapeMismatch` for another rank or an empty dimension.
    public init(npy array: NPYArray) throws(ISACError) {
        let shape = array.shape
        guard shape.count == 3 || shape.count == 4, shape.allSatisfy({ $0 >= 1 }) else {
            throw ISACError.shapeMismatch(expected: [-1, -1, -1], actual: shape)
        }
        let snapshots = shape.count == 4 ? shape[0] : 1
        let dims = Array(shape.suffix(3))
        let (n0, n1, n2) = (dims[0], dims[1], dims[2])
        var elements = [Complex<Double>](repeating: .zero, count: array.elements.count)
        array.elements.withUnsafeBufferPointer { source in
            elements.withUnsafeMutableBufferPointer { target in
                var c = 0  // C order: l fastest, then k, r, s
                for s in 0..<snapshots {
                    for r in 0..<n0 {
                        for k in 0..<n1 {
                            for l in 0..<n2 {
                                target[r + n0 * (k + n1 * (l + n2 * s))] = source[c]
                                c += 1
                            }
                        }
                    }
                }
            }
        }
        try self.init(dimensions: dims, snapshotCount: snapshots, elements: elements)
    }

    /// The tensor as an NPY array of shape `(N_R, N_F, N_T)` (S = 1) or `(S, N_R, N_F, N_T)`.
    ///
    /// - Throws: `IOError` from `NPYArray.init(shape:elements:dataType:)` (a shape NPY cannot hold).
    public func npyArray(dataType: NPYArray.DataType = .complex128) throws(IOError) -> NPYArray {
        let (n0, n1, n2) = (dimensions[0], dimensions[1], dimensions[2])
        var c = [Complex<Double>](repeating: .zero, count: elements.count)
        elements.withUnsafeBufferPointer { source in
            c.withUnsafeMutableBufferPointer { target in
                var index = 0
                for s in 0..<snapshotCount {
                    for r in 0..<n0 {
                        for k in 0..<n1 {
                            for l in 0..<n2 {
                                target[index] = source[r + n0 * (k + n1 * (l + n2 * s))]
                                index += 1
                            }
                        }
                    }
                }
            }
        }
        let shape = snapshotCount == 1 ? dimensions : [snapshotCount] + dimensions
        return try NPYArray(shape: shape, elements: c, dataType: dataType)
    }

    /// Reads a tensor from an `.npy` file.
    ///
    /// - Throws: `IOError` naming the file: unreadable or malformed files; `.malformedInput` (column
    ///   `shape`) for a rank other than 3 or 4 or an empty dimension; `.nonFiniteValue` with the
    ///   multi-index `element (s, r, k, l)` of the first NaN/±∞ element as the file indexes it;
    ///   `.malformedInput` (column `dtype`) for a real-valued float64 array.
    public static func read(from url: URL) throws(IOError) -> ChannelTensor {
        let array = try NPYArray.read(from: url)
        // A real array is the sum of e^{+jω} and e^{−jω}: every target appears twice, once as a ghost at the
        // mirrored angle, distance and velocity. Real data that is meant as a channel lost its phase on saving.
        guard array.dataType != .float64 else {
            throw IOError.malformedInput(
                file: url.path, line: nil, column: "dtype",
                reason:
                    "a real-valued float64 array is not a channel tensor (its mirror image gives ghost targets): save the complex channel, e.g. np.save(path, H.astype(np.complex128))"
            )
        }
        guard array.shape.count == 3 || array.shape.count == 4, array.shape.allSatisfy({ $0 >= 1 }) else {
            throw IOError.malformedInput(
                file: url.path, line: nil, column: "shape",
                reason:
                    "shape \(NPYArray.text(array.shape)) is not a channel tensor: need (N_R, N_F, N_T) or (S, N_R, N_F, N_T), every dimension ≥ 1"
            )
        }
        try array.checkFinite(file: url.path)
        // Rank 3 or 4 and every dimension ≥ 1 were checked above, and NPYArray holds exactly
        // Π shape elements, so the tensor's own shape check cannot fail.
        return try! ChannelTensor(npy: array)
    }

    /// Writes the tensor to an `.npy` file (atomically).
    ///
    /// - Parameters:
    ///   - dataType: `.complex128` (default) or `.complex64` (rounded to Float).
    ///   - fortranOrder: store column-major (the tensor's native order) instead of C order.
    ///
    /// - Throws: `IOError` when the file cannot be written.
    public func write(to url: URL, dataType: NPYArray.DataType = .complex128, fortranOrder: Bool = false)
        throws(IOError)
    {
        try npyArray(dataType: dataType).write(to: url, fortranOrder: fortranOrder)
    }
}

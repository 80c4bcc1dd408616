import Numerics
import WirelessCore

/// A batch of complex (or real) 1-D feature maps in split-plane contiguous storage.
///
///     shape [batch × channels × length], row-major:
///     element (n, c, t) = real[(n·channels + c)·length + t] + i·imaginary[...]
///
/// Re and Im live in separate planes so the convolution kernels run over contiguous memory
/// (Float32 Re/Im planes, docs/SPECTRUM.md#layers). A real-valued tensor (`isComplex == false`, used by the
/// RV counterpart network) keeps `imaginary` empty.
public struct ComplexTensor<Scalar: NetworkScalar>: Sendable, Equatable {
    /// Number of examples, ≥ 0.
    public var batch: Int
    /// Number of channels, ≥ 0.
    public var channels: Int
    /// Positions per channel (frequency bins), ≥ 0.
    public var length: Int
    /// Whether the tensor has an imaginary plane.
    public var isComplex: Bool
    /// Real plane, `batch·channels·length` values.
    public var real: [Scalar]
    /// Imaginary plane, the same count as `real`, or empty when `isComplex == false`.
    public var imaginary: [Scalar]

    /// A zero tensor.
    public init(batch: Int, channels: Int, length: Int, isComplex: Bool = true) {
        self.init(batch: batch, channels: channels, length: length, isComplex: isComplex) {
            Array(repeating: 0, count: $0)
        }
    }

    /// A tensor whose values are left unset, for a producer that writes every element before
    /// anything reads one (saves the zero fill of `init(batch:channels:length:)`: a few percent of
    /// a training step, whose activations are tens of megabytes).
    init(uninitializedBatch batch: Int, channels: Int, length: Int, isComplex: Bool) {
        self.init(batch: batch, channels: channels, length: length, isComplex: isComplex) { count in
            Array(unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
    }

    /// A tensor of this shape with each plane made by `plane(count)` (the imaginary one only when complex).
    private init(batch: Int, channels: Int, length: Int, isComplex: Bool, plane: (Int) -> [Scalar]) {
        precondition(batch >= 0 && channels >= 0 && length >= 0, "negative tensor dimension")
        self.batch = batch
        self.channels = channels
        self.length = length
        self.isComplex = isComplex
        let count = batch * channels * length
        self.real = plane(count)
        self.imaginary = isComplex ? plane(count) : []
    }

    /// The tensor with the same shape and domain, values unset (see `init(uninitializedBatch:…)`).
    func uninitializedLike() -> ComplexTensor {
        ComplexTensor(uninitializedBatch: batch, channels: channels, length: length, isComplex: isComplex)
    }

    /// A tensor over existing planes.
    ///
    /// - Precondition: the plane sizes match the shape (a programmer error otherwise).
    public init(batch: Int, channels: Int, length: Int, real: [Scalar], imaginary: [Scalar]?) {
        let count = batch * channels * length
        precondition(real.count == count, "real plane does not match the shape")
        if let imaginary { precondition(imaginary.count == count, "imaginary plane does not match the shape") }
        self.batch = batch
        self.channels = channels
        self.length = length
        self.isComplex = imaginary != nil
        self.real = real
        self.imaginary = imaginary ?? []
    }

    /// Number of (complex) elements, `batch·channels·length`.
    public var count: Int { batch * channels * length }

    /// Values per example, `channels·length`.
    public var exampleStride: Int { channels * length }

    /// The tensor with the same shape and domain, all zeros.
    public func zerosLike() -> ComplexTensor {
        ComplexTensor(batch: batch, channels: channels, length: length, isComplex: isComplex)
    }

    /// Whether two tensors have the same shape and domain.
    public func hasSameShape(as other: ComplexTensor) -> Bool {
        batch == other.batch && channels == other.channels && length == other.length
            && isComplex == other.isComplex
    }

    /// The element-wise sum (same shape required).
    public static func + (lhs: ComplexTensor, rhs: ComplexTensor) -> ComplexTensor {
        precondition(lhs.hasSameShape(as: rhs), "tensor shapes differ")
        var out = lhs
        out.add(rhs)
        return out
    }

    /// Adds `other` in place (same shape required).
    public mutating func add(_ other: ComplexTensor) {
        precondition(hasSameShape(as: other), "tensor shapes differ")
        let (n, complex) = (count, isComplex)
        withMutablePlanePointers { yr, yi in
            other.withPlanePointers { xr, xi in
                for k in 0..<n { yr.base[k] += xr.base[k] }
                if complex { for k in 0..<n { yi.base[k] += xi.base[k] } }
            }
        }
    }

    /// Calls `body` with pointers to the Re and Im planes (Im = Re for a real tensor, never to be
    /// read then), valid only inside `body`, for parallel kernels that read disjoint or shared slices.
    func withPlanePointers<R>(_ body: (SendablePointer<Scalar>, SendablePointer<Scalar>) throws(SpectrumNetError) -> R)
        rethrows -> R
    {
        try real.withUnsafeBufferPointer { r in
            let re = SendablePointer(
                readOnly: r.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Scalar>.alignment)!)
            if !isComplex { return try body(re, re) }
            return try imaginary.withUnsafeBufferPointer { i in
                try body(re, i.baseAddress.map { SendablePointer(readOnly: $0) } ?? re)
            }
        }
    }

    /// Calls `body` with mutable pointers to the Re and Im planes (Im = Re for a real tensor,
    /// never to be written then), valid only inside `body`; tasks must write disjoint slices.
    mutating func withMutablePlanePointers<R>(
        _ body: (SendablePointer<Scalar>, SendablePointer<Scalar>) throws -> R
    ) rethrows -> R {
        let complex = isComplex
        return try real.withUnsafeMutableBufferPointer { r in
            let re = SendablePointer(r.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Scalar>.alignment)!)
            if !complex { return try body(re, re) }
            return try imaginary.withUnsafeMutableBufferPointer { i in
                try body(re, SendablePointer(i.baseAddress ?? re.base))
            }
        }
    }

    /// Examples `range` of the batch as a new tensor.
    public func examples(_ range: Range<Int>) -> ComplexTensor {
        let stride = exampleStride
        let lo = range.lowerBound * stride
        let hi = range.upperBound * stride
        return ComplexTensor(
            batch: range.count, channels: channels, length: length,
            real: Array(real[lo..<hi]), imaginary: isComplex ? Array(imaginary[lo..<hi]) : nil)
    }

    /// Whether every value is finite.
    public var isFinite: Bool {
        real.allSatisfy { $0.isFinite } && imaginary.allSatisfy { $0.isFinite }
    }

    /// Converts the scalar type (e.g. Float ↔ Double), value by value.
    public func converted<Other: NetworkScalar>(to: Other.Type) -> ComplexTensor<Other> {
        ComplexTensor<Other>(
            batch: batch, channels: channels, length: length,
            real: real.map { Other($0) }, imaginary: isComplex ? imaginary.map { Other($0) } : nil)
    }
}

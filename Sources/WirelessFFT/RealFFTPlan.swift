import Numerics
import _WirelessFFTWShim

/// A planned real-to-complex forward FFT in `Double` precision (FFTW's r2c).
///
///     X[k] = s · Σₙ x[n] · exp(−2πi·k·n/N),   k = 0 … ⌊N/2⌋
///
/// Only the non-redundant half is computed: for real input `X[N−k] = conj(X[k])`, so a 1-D
/// transform of `N` reals gives `N/2 + 1` complex outputs (integer division). For a shape
/// `[n₀, …, n_{r−1}]` (row-major, last index fastest) the output shape is
/// `[n₀, …, n_{r−2}, n_{r−1}/2 + 1]` (FFTW manual §4.3.4 "Real-data DFT Array Format").
/// Batches are contiguous: transform `b` reads `input[b·count …]` and writes
/// `output[b·outputCount …]`. Out-of-place only; the input is not modified.
///
/// Thread safety: `@unchecked Sendable` for the same reason as `FFTPlan` (immutable after
/// `init`; FFTW manual §5.4: "`fftw_execute` is thread-safe; the planner is not").
public final class RealFFTPlan: @unchecked Sendable {
    /// Extents of one real input transform, row-major.
    public let shape: [Int]
    /// Number of transforms per execution, ≥ 1.
    public let batchCount: Int
    /// Scale applied to the output.
    public let normalization: FFTNormalization
    /// Real input points per transform (product of `shape`).
    public let count: Int
    /// Complex outputs per transform: `product(shape.dropLast()) · (shape.last / 2 + 1)`.
    public let outputCount: Int
    /// Real elements the input buffer must hold: `batchCount · count`.
    public var inputBufferCount: Int { batchCount * count }
    /// Complex elements the output buffer must hold: `batchCount · outputCount`.
    public var outputBufferCount: Int { batchCount * outputCount }

    private let plans: FFTWPlanPair<Double>
    private let scale: Double

    /// Plans a batched real-to-complex forward FFT.
    ///
    /// - Parameters:
    ///   - shape: Extents of one real transform, r ≥ 1, each ≥ 1 [samples], row-major.
    ///   - batchCount: Transforms per execution, ≥ 1 (contiguous).
    ///   - normalization: Output scale (`.none` = FFTW convention).
    ///   - rigor: Planner rigor.
    /// - Throws: `FFTError.invalidShape`, `.invalidBatch`, `.allocationFailed`, `.planningFailed`.
    public init(
        shape: [Int], batchCount: Int = 1, normalization: FFTNormalization = .none,
        rigor: FFTPlanningRigor = .estimate
    ) throws(FFTError) {
        let layout = try FFTLayout(shape: shape, batchCount: batchCount, batchDistance: nil)
        var outputShape = layout.shape
        outputShape[outputShape.count - 1] = outputShape[outputShape.count - 1] / 2 + 1
        let outputCount = outputShape.reduce(1, *)
        _ = try FFTLayout(shape: outputShape, batchCount: batchCount, batchDistance: nil)
        self.shape = layout.shape
        self.batchCount = batchCount
        self.normalization = normalization
        self.count = layout.count
        self.outputCount = outputCount
        self.scale = normalization.scale(count: layout.count)

        let dims = layout.fftwShape
        let inputDistance = Int32(layout.count)
        let outputDistance = Int32(outputCount)
        // Both element counts are ≤ Int32.max (FFTLayout): the byte counts cannot overflow.
        self.plans = try FFTWPlanPair(
            inputBytes: batchCount * layout.count * MemoryLayout<Double>.stride,
            outputBytes: batchCount * outputCount * MemoryLayout<Complex<Double>>.stride, shape: shape, rigor: rigor
        ) { flags, input, output in
            dims.withUnsafeBufferPointer { n in
                fftw_plan_many_dft_r2c(
                    Int32(dims.count), n.baseAddress, Int32(batchCount), input.assumingMemoryBound(to: Double.self),
                    nil, 1, inputDistance, output.assumingMemoryBound(to: fftw_complex.self), nil, 1, outputDistance,
                    flags)
            }
        }
    }

    /// Plans a 1-D real transform of `count` points.
    public convenience init(
        count: Int, batchCount: Int = 1, normalization: FFTNormalization = .none, rigor: FFTPlanningRigor = .estimate
    ) throws(FFTError) {
        try self.init(shape: [count], batchCount: batchCount, normalization: normalization, rigor: rigor)
    }

    deinit { plans.destroy() }

    /// Transforms `inputBufferCount` reals into `outputBufferCount` complex values.
    /// Thread-safe, no allocation; `input` is not modified.
    @inline(__always)
    public func execute(input: UnsafePointer<Double>, output: UnsafeMutablePointer<Complex<Double>>) {
        let source = UnsafeMutablePointer(mutating: input)
        let destination = UnsafeMutableRawPointer(output)
        fftw_execute_dft_r2c(
            plans.plan(input: UnsafeMutableRawPointer(source), output: destination), source,
            destination.assumingMemoryBound(to: fftw_complex.self))
        if scale != 1 {
            for i in 0..<outputBufferCount { output[i] = output[i].multiplied(by: scale) }
        }
    }

    /// The half-spectrum of `x` as a new array (convenience; allocates the result).
    ///
    /// - Precondition: `x.count == inputBufferCount`.
    public func callAsFunction(_ x: [Double]) -> [Complex<Double>] {
        precondition(x.count == inputBufferCount, "RealFFTPlan expects \(inputBufferCount) reals, got \(x.count)")
        var y = [Complex<Double>](repeating: .zero, count: outputBufferCount)
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { destination in
                execute(input: source.baseAddress!, output: destination.baseAddress!)
            }
        }
        return y
    }
}

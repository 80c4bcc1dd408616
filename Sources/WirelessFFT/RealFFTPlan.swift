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

    private let alignedPlan: OpaquePointer
    private let unalignedPlan: OpaquePointer
    private let plannedInputAlignment: Int32
    private let plannedOutputAlignment: Int32
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
    ) throws {
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
        let inputElements = batchCount * layout.count
        let outputElements = batchCount * outputCount
        let inputDistance = Int32(layout.count)
        let outputDistance = Int32(outputCount)
        // fftw_malloc is thread-safe (only the planner needs the lock); a failed allocation is an
        // error, not a trap. Both element counts are ≤ Int32.max (FFTLayout): no overflow.
        let inputBytes = inputElements * MemoryLayout<Double>.stride
        let outputBytes = outputElements * MemoryLayout<fftw_complex>.stride
        guard let inputRaw = fftw_malloc(inputBytes) else {
            throw FFTError.allocationFailed(bytes: inputBytes, shape: shape)
        }
        guard let outputRaw = fftw_malloc(outputBytes) else {
            fftw_free(inputRaw)
            throw FFTError.allocationFailed(bytes: outputBytes, shape: shape)
        }
        defer {
            fftw_free(inputRaw)
            fftw_free(outputRaw)
        }
        let input = inputRaw.bindMemory(to: Double.self, capacity: inputElements)
        let output = outputRaw.bindMemory(to: fftw_complex.self, capacity: outputElements)
        let plans: (OpaquePointer?, OpaquePointer?, Int32, Int32) = FFTWPlanner.withLock {
            let make = { (flags: UInt32) in
                dims.withUnsafeBufferPointer { n in
                    fftw_plan_many_dft_r2c(
                        Int32(dims.count), n.baseAddress, Int32(batchCount),
                        input, nil, 1, inputDistance, output, nil, 1, outputDistance, flags)
                }
            }
            let aligned = make(rigor.fftwFlags)
            let unaligned = make(rigor.fftwFlags | fftwUnalignedFlag)
            let outputAlignment = fftw_alignment_of(
                UnsafeMutableRawPointer(output).assumingMemoryBound(to: Double.self))
            return (aligned, unaligned, fftw_alignment_of(input), outputAlignment)
        }
        guard let aligned = plans.0, let unaligned = plans.1 else {
            FFTWPlanner.withLock {
                if let plan = plans.0 { fftw_destroy_plan(plan) }
                if let plan = plans.1 { fftw_destroy_plan(plan) }
            }
            throw FFTError.planningFailed(shape: shape)
        }
        self.alignedPlan = aligned
        self.unalignedPlan = unaligned
        self.plannedInputAlignment = plans.2
        self.plannedOutputAlignment = plans.3
    }

    /// Plans a 1-D real transform of `count` points.
    public convenience init(
        count: Int, batchCount: Int = 1, normalization: FFTNormalization = .none, rigor: FFTPlanningRigor = .estimate
    ) throws {
        try self.init(shape: [count], batchCount: batchCount, normalization: normalization, rigor: rigor)
    }

    deinit {
        let aligned = alignedPlan
        let unaligned = unalignedPlan
        FFTWPlanner.withLock {
            fftw_destroy_plan(aligned)
            fftw_destroy_plan(unaligned)
        }
    }

    /// Transforms `inputBufferCount` reals into `outputBufferCount` complex values.
    /// Thread-safe, no allocation; `input` is not modified.
    @inline(__always)
    public func execute(input: UnsafePointer<Double>, output: UnsafeMutablePointer<Complex<Double>>) {
        let source = UnsafeMutablePointer(mutating: input)
        let destination = UnsafeMutablePointer<fftw_complex>(OpaquePointer(output))
        let plan =
            (fftw_alignment_of(source) == plannedInputAlignment
                && fftw_alignment_of(UnsafeMutableRawPointer(destination).assumingMemoryBound(to: Double.self))
                    == plannedOutputAlignment)
            ? alignedPlan : unalignedPlan
        fftw_execute_dft_r2c(plan, source, destination)
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

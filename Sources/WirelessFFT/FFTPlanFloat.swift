import Numerics
import _WirelessFFTWShim

/// A planned complex-to-complex FFT in `Float` precision: plan once, execute many.
///
/// The single-precision twin of `FFTPlan` (same API and conventions, `fftwf_*` underneath), for
/// the neural network. Keep the two files in step.
///
///     forward:  X[k] = s · Σₙ x[n] · exp(−2πi·⟨k, n/N⟩)
///     inverse:  x[n] = s · Σₖ X[k] · exp(+2πi·⟨k, n/N⟩)
///
/// where `s` is the `FFTNormalization` factor (1 by default: FFTW's unnormalised convention, so
/// inverse ∘ forward = N · identity). Multi-dimensional shapes `[n₀, n₁, …]` are row-major: the
/// last index varies fastest (FFTW manual §3.2 "Multi-Dimensional Array Format"). A column-major
/// `Matrix` with `rows × columns` is the shape `[columns, rows]`.
///
/// Batches: `batchCount` transforms whose inputs start `batchDistance` elements apart
/// (`fftwf_plan_many_dft` with unit stride; contiguous by default).
///
/// Two FFTW plans are kept: one made on SIMD-aligned scratch buffers (used when the caller's
/// buffers have the same alignment, `fftwf_alignment_of`) and one with `FFTW_UNALIGNED` (used
/// otherwise), so the new-array execute (`fftwf_execute_dft`) is valid on any caller buffer.
///
/// Thread safety: `@unchecked Sendable` because the state is immutable after `init` and FFTW
/// guarantees "`fftw_execute` (and the new-array variants) is thread-safe; the planner is not"
/// (FFTW manual §5.4). Planning and destruction hold the module's one planner lock; `execute`
/// takes no lock and may run concurrently on distinct output buffers.
public final class FFTPlanFloat: @unchecked Sendable {
    /// Extents of one transform, row-major (last index fastest).
    public let shape: [Int]
    /// Exponent sign.
    public let direction: FFTDirection
    /// Number of transforms per execution, ≥ 1.
    public let batchCount: Int
    /// Elements between the starts of consecutive transforms (same for input and output).
    public let batchDistance: Int
    /// Whether the plan runs with `input == output` (required then, forbidden otherwise).
    public let isInPlace: Bool
    /// Scale applied to the output.
    public let normalization: FFTNormalization
    /// Planner rigor used.
    public let rigor: FFTPlanningRigor
    /// Points per transform (product of `shape`).
    public let count: Int
    /// Elements the input and output buffers must hold: `(batchCount − 1)·batchDistance + count`.
    public let bufferCount: Int

    private let alignedPlan: OpaquePointer
    private let unalignedPlan: OpaquePointer
    private let plannedAlignment: Int32
    private let scale: Float

    /// Plans a batched complex FFT of any rank.
    ///
    /// - Parameters:
    ///   - shape: Extents of one transform `[n₀, …, n_{r−1}]`, r ≥ 1, each ≥ 1 [samples], row-major.
    ///   - direction: `.forward` (e^{−i…}) or `.inverse` (e^{+i…}, unnormalised unless `normalization` says so).
    ///   - batchCount: Number of transforms per execution, ≥ 1.
    ///   - batchDistance: Elements between consecutive transforms, ≥ product(shape); `nil` = contiguous.
    ///   - inPlace: Plan for `input == output`.
    ///   - normalization: Output scale (`.none` = FFTW convention).
    ///   - rigor: `.estimate` (default, fast and deterministic) or `.measure`.
    /// - Throws: `FFTError.invalidShape`, `.invalidBatch`, `.allocationFailed`, `.planningFailed`.
    /// - Complexity: planning O(1)-ish with `.estimate`; each execution O(N log N) per transform,
    ///   including prime sizes (FFTW uses Rader/Bluestein).
    public init(
        shape: [Int], direction: FFTDirection = .forward, batchCount: Int = 1, batchDistance: Int? = nil,
        inPlace: Bool = false, normalization: FFTNormalization = .none, rigor: FFTPlanningRigor = .estimate
    ) throws {
        let layout = try FFTLayout(shape: shape, batchCount: batchCount, batchDistance: batchDistance)
        self.shape = layout.shape
        self.direction = direction
        self.batchCount = layout.batchCount
        self.batchDistance = layout.batchDistance
        self.isInPlace = inPlace
        self.normalization = normalization
        self.rigor = rigor
        self.count = layout.count
        self.bufferCount = layout.bufferCount
        self.scale = Float(normalization.scale(count: layout.count))

        let dims = layout.fftwShape
        let elements = layout.bufferCount
        // Scratch buffers from fftwf_malloc carry FFTW's SIMD alignment; `measure` overwrites them.
        // fftwf_malloc is thread-safe (only the planner needs the lock). `elements` ≤ Int32.max
        // (FFTLayout), so the byte count cannot overflow; a failed allocation is an error, not a trap.
        let bytes = elements * MemoryLayout<fftwf_complex>.stride
        guard let inputRaw = fftwf_malloc(bytes) else { throw FFTError.allocationFailed(bytes: bytes, shape: shape) }
        guard let outputRaw = inPlace ? inputRaw : fftwf_malloc(bytes) else {
            fftwf_free(inputRaw)
            throw FFTError.allocationFailed(bytes: bytes, shape: shape)
        }
        defer {
            fftwf_free(inputRaw)
            if !inPlace { fftwf_free(outputRaw) }
        }
        let input = inputRaw.bindMemory(to: fftwf_complex.self, capacity: elements)
        let output = outputRaw.bindMemory(to: fftwf_complex.self, capacity: elements)
        let plans: (OpaquePointer?, OpaquePointer?, Int32) = FFTWPlanner.withLock {
            let distance = Int32(layout.batchDistance)
            let make = { (flags: UInt32) in
                dims.withUnsafeBufferPointer { n in
                    fftwf_plan_many_dft(
                        Int32(dims.count), n.baseAddress, Int32(layout.batchCount),
                        input, nil, 1, distance, output, nil, 1, distance,
                        direction.fftwSign, flags)
                }
            }
            let aligned = make(rigor.fftwFlags)
            let unaligned = make(rigor.fftwFlags | fftwUnalignedFlag)
            return (
                aligned, unaligned,
                fftwf_alignment_of(UnsafeMutableRawPointer(input).assumingMemoryBound(to: Float.self))
            )
        }
        guard let aligned = plans.0, let unaligned = plans.1 else {
            FFTWPlanner.withLock {
                if let plan = plans.0 { fftwf_destroy_plan(plan) }
                if let plan = plans.1 { fftwf_destroy_plan(plan) }
            }
            throw FFTError.planningFailed(shape: shape)
        }
        self.alignedPlan = aligned
        self.unalignedPlan = unaligned
        self.plannedAlignment = plans.2
    }

    /// Plans a 1-D transform of `count` points (see `init(shape:…)`).
    public convenience init(
        count: Int, direction: FFTDirection = .forward, batchCount: Int = 1, inPlace: Bool = false,
        normalization: FFTNormalization = .none, rigor: FFTPlanningRigor = .estimate
    ) throws {
        try self.init(
            shape: [count], direction: direction, batchCount: batchCount, batchDistance: nil, inPlace: inPlace,
            normalization: normalization, rigor: rigor)
    }

    deinit {
        let aligned = alignedPlan
        let unaligned = unalignedPlan
        FFTWPlanner.withLock {
            fftwf_destroy_plan(aligned)
            fftwf_destroy_plan(unaligned)
        }
    }

    /// Transforms `bufferCount` elements from `input` into `output`. Thread-safe, no allocation.
    ///
    /// `Complex<Float>` has the layout of C99 `float _Complex` (two `Float`s), which is
    /// `fftwf_complex`, so the buffers go to FFTW as they are.
    ///
    /// - Parameters:
    ///   - input: `bufferCount` elements; not modified by an out-of-place plan.
    ///   - output: `bufferCount` elements; must equal `input` iff the plan is in-place, must not
    ///     partially overlap it otherwise.
    /// - Precondition: `(input == output) == isInPlace`.
    @inline(__always)
    public func execute(input: UnsafePointer<Complex<Float>>, output: UnsafeMutablePointer<Complex<Float>>) {
        precondition(
            (UnsafeRawPointer(input) == UnsafeRawPointer(output)) == isInPlace,
            isInPlace
                ? "In-place FFTPlanFloat needs input == output" : "Out-of-place FFTPlanFloat needs input != output")
        let source = UnsafeMutablePointer<fftwf_complex>(OpaquePointer(input))
        let destination = UnsafeMutablePointer<fftwf_complex>(OpaquePointer(output))
        let plan =
            (fftwf_alignment_of(UnsafeMutableRawPointer(source).assumingMemoryBound(to: Float.self)) == plannedAlignment
                && fftwf_alignment_of(UnsafeMutableRawPointer(destination).assumingMemoryBound(to: Float.self))
                    == plannedAlignment)
            ? alignedPlan : unalignedPlan
        fftwf_execute_dft(plan, source, destination)
        if scale != 1 { applyScale(output) }
    }

    private func applyScale(_ output: UnsafeMutablePointer<Complex<Float>>) {
        let s = scale
        for batch in 0..<batchCount {
            let start = output + batch * batchDistance
            for i in 0..<count { start[i] = start[i].multiplied(by: s) }
        }
    }

    /// The transform of `x` as a new array (convenience; allocates the result).
    ///
    /// - Precondition: `x.count == bufferCount`.
    public func callAsFunction(_ x: [Complex<Float>]) -> [Complex<Float>] {
        precondition(x.count == bufferCount, "FFTPlanFloat expects \(bufferCount) elements, got \(x.count)")
        if isInPlace {
            var y = x
            execute(&y)
            return y
        }
        var y = [Complex<Float>](repeating: .zero, count: bufferCount)
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { destination in
                execute(input: source.baseAddress!, output: destination.baseAddress!)
            }
        }
        return y
    }

    /// Transforms `x` in place (convenience; an out-of-place plan copies `x` first).
    ///
    /// - Precondition: `x.count == bufferCount`.
    public func execute(_ x: inout [Complex<Float>]) {
        precondition(x.count == bufferCount, "FFTPlanFloat expects \(bufferCount) elements, got \(x.count)")
        if isInPlace {
            x.withUnsafeMutableBufferPointer { buffer in
                execute(input: buffer.baseAddress!, output: buffer.baseAddress!)
            }
        } else {
            x = callAsFunction(x)
        }
    }
}

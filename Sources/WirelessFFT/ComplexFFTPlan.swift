import Numerics

/// A planned complex `Double` FFT (`fftw_*`); see `ComplexFFTPlan`.
public typealias FFTPlan = ComplexFFTPlan<Double>
/// A planned complex `Float` FFT (`fftwf_*`, the neural network's precision); see `ComplexFFTPlan`.
public typealias FFTPlanFloat = ComplexFFTPlan<Float>

/// A planned complex-to-complex FFT in `Double` or `Float` precision: plan once, execute many.
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
/// (`fftw_plan_many_dft` with unit stride; contiguous by default).
///
/// `FFTPlan` (= `ComplexFFTPlan<Double>`, `libfftw3`) and `FFTPlanFloat` (= `ComplexFFTPlan<Float>`,
/// `libfftw3f`) are the two instances. The execution path is `@inlinable`, so a caller in another
/// module compiles it specialised for its precision (no generic dispatch in the hot loop); FFTW
/// itself is reached through `FFTScalar`'s entry points. Two FFTW plans are kept (`FFTWPlanPair`):
/// one for SIMD-aligned buffers and one with `FFTW_UNALIGNED`, so the new-array execute is valid on
/// any caller buffer.
///
/// Thread safety: `@unchecked Sendable` because the state is immutable after `init` and FFTW
/// guarantees "`fftw_execute` (and the new-array variants) is thread-safe; the planner is not"
/// (FFTW manual §5.4). Planning and destruction hold the module's one planner lock; `execute`
/// takes no lock and may run concurrently on distinct output buffers.
public final class ComplexFFTPlan<Scalar: FFTScalar>: @unchecked Sendable {
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

    @usableFromInline let plans: FFTWPlanPair<Scalar>
    @usableFromInline let scale: Scalar
    /// The convenience calls' output kept between calls, for contiguous outputs of at least
    /// `RecycledOutput.thresholdBytes` (32 MiB); nil for smaller or strided plans.
    @usableFromInline let recycledOutput: RecycledOutput<Complex<Scalar>>?

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
    ) throws(FFTError) {
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
        self.scale = Scalar(normalization.scale(count: layout.count))

        let dims = layout.fftwShape
        // `bufferCount` ≤ Int32.max (FFTLayout), so the byte count cannot overflow.
        let bytes = layout.bufferCount * MemoryLayout<Complex<Scalar>>.stride
        // Contiguous batches only: FFTW leaves the gaps of a strided batch alone, so a recycled array would
        // carry stale gap values where a new one has zeros.
        let contiguous = layout.batchDistance == layout.count
        self.recycledOutput =
            contiguous && bytes >= RecycledOutput<Complex<Scalar>>.thresholdBytes ? RecycledOutput() : nil
        let (batches, distance) = (Int32(layout.batchCount), Int32(layout.batchDistance))
        self.plans = try FFTWPlanPair(
            inputBytes: bytes, outputBytes: inPlace ? nil : bytes, shape: shape, rigor: rigor
        ) { flags, input, output in
            dims.withUnsafeBufferPointer { n in
                Scalar._fftwPlanManyDFT(
                    rank: Int32(dims.count), shape: n.baseAddress!, batchCount: batches, input: input,
                    output: output, distance: distance, sign: direction.fftwSign, flags: flags)
            }
        }
    }

    /// Plans a 1-D transform of `count` points (see `init(shape:…)`).
    public convenience init(
        count: Int, direction: FFTDirection = .forward, batchCount: Int = 1, inPlace: Bool = false,
        normalization: FFTNormalization = .none, rigor: FFTPlanningRigor = .estimate
    ) throws(FFTError) {
        try self.init(
            shape: [count], direction: direction, batchCount: batchCount, batchDistance: nil, inPlace: inPlace,
            normalization: normalization, rigor: rigor)
    }

    deinit { plans.destroy() }

    /// Transforms `bufferCount` elements from `input` into `output`. Thread-safe, no allocation.
    ///
    /// - Parameters:
    ///   - input: `bufferCount` elements; not modified by an out-of-place plan.
    ///   - output: `bufferCount` elements; must equal `input` iff the plan is in-place, must not
    ///     partially overlap it otherwise.
    /// - Precondition: `(input == output) == isInPlace`.
    @inlinable @inline(__always)
    public func execute(input: UnsafePointer<Complex<Scalar>>, output: UnsafeMutablePointer<Complex<Scalar>>) {
        precondition(
            (UnsafeRawPointer(input) == UnsafeRawPointer(output)) == isInPlace,
            isInPlace ? "In-place FFT plan needs input == output" : "Out-of-place FFT plan needs input != output")
        let source = UnsafeMutableRawPointer(mutating: input)
        let destination = UnsafeMutableRawPointer(output)
        Scalar._fftwExecuteDFT(plans.plan(input: source, output: destination), input: source, output: destination)
        if scale != 1 { applyScale(output) }
    }

    @inlinable
    func applyScale(_ output: UnsafeMutablePointer<Complex<Scalar>>) {
        let s = scale
        for batch in 0..<batchCount {
            let start = output + batch * batchDistance
            for i in 0..<count { start[i] = start[i].multiplied(by: s) }
        }
    }

    /// The transform of `x` as an array (convenience).
    ///
    /// Small plans allocate the result. Contiguous plans whose buffers hold 32 MiB or more (e.g. a
    /// 2048 × 4096 batch) recycle it: the plan keeps the array it returned and, if the caller has let go of it by the
    /// next call, writes the next result into the same memory instead of mapping fresh pages; a result
    /// the caller still holds is never changed (copy-on-write). See `RecycledOutput` for the costs, and
    /// `discardRecycledOutput()` to release the kept array.
    ///
    /// - Precondition: `x.count == bufferCount`.
    @inlinable
    public func callAsFunction(_ x: [Complex<Scalar>]) -> [Complex<Scalar>] {
        precondition(x.count == bufferCount, "FFT plan expects \(bufferCount) elements, got \(x.count)")
        var y = recycledOutput?.take() ?? newOutput()
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { destination in
                if isInPlace {
                    destination.baseAddress!.update(from: source.baseAddress!, count: bufferCount)
                    execute(input: destination.baseAddress!, output: destination.baseAddress!)
                } else {
                    execute(input: source.baseAddress!, output: destination.baseAddress!)
                }
            }
        }
        recycledOutput?.keep(y)
        return y
    }

    /// Transforms `x` in place (convenience). An in-place plan allocates nothing; an out-of-place plan
    /// transforms into a second array and swaps it in (the recycled one for large plans, whose memory
    /// then receives the next call's result).
    ///
    /// - Precondition: `x.count == bufferCount`.
    @inlinable
    public func execute(_ x: inout [Complex<Scalar>]) {
        precondition(x.count == bufferCount, "FFT plan expects \(bufferCount) elements, got \(x.count)")
        if isInPlace {
            x.withUnsafeMutableBufferPointer { buffer in
                execute(input: buffer.baseAddress!, output: buffer.baseAddress!)
            }
            return
        }
        var y = recycledOutput?.take() ?? newOutput()
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { destination in
                execute(input: source.baseAddress!, output: destination.baseAddress!)
            }
        }
        swap(&x, &y)
        recycledOutput?.keep(y)
    }

    /// Releases the output array the convenience calls keep between calls (no effect on small plans).
    public func discardRecycledOutput() {
        recycledOutput?.discard()
    }

    /// A new output array of `bufferCount` elements. Contiguous batches are left uninitialised
    /// (every element is written by the transform, so zero-filling would be a wasted pass);
    /// the gaps of a strided batch are zero.
    @inlinable
    func newOutput() -> [Complex<Scalar>] {
        guard batchDistance == count else { return [Complex<Scalar>](repeating: .zero, count: bufferCount) }
        return [Complex<Scalar>](unsafeUninitializedCapacity: bufferCount) { _, initialized in
            initialized = bufferCount
        }
    }
}

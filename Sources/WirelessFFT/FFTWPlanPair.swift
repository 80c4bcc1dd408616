/// The two FFTW plans of one transform, and the choice between them at execution.
///
/// One plan is made on SIMD-aligned scratch buffers (`fftw_malloc`) and is used when the caller's
/// buffers have the same alignment class (`fftw_alignment_of`); the other carries
/// `FFTW_UNALIGNED` and is used otherwise, so the new-array execute is valid on any buffer
/// (FFTW manual §4.6 "New-array Execute Functions"). `Scalar` names the FFTW library (`fftw_*`
/// for `Double`, `fftwf_*` for `Float`) that owns the plans.
///
/// A plain value: its owner (`ComplexFFTPlan`, `RealFFTPlan`, each a `final class`) calls
/// `destroy()` exactly once, in its `deinit`.
@usableFromInline
struct FFTWPlanPair<Scalar: FFTScalar> {
    @usableFromInline let aligned: OpaquePointer
    @usableFromInline let unaligned: OpaquePointer
    @usableFromInline let inputAlignment: Int32
    @usableFromInline let outputAlignment: Int32

    /// Plans both variants on fresh scratch buffers, holding the planner lock.
    ///
    /// - Parameters:
    ///   - inputBytes: Size of the input scratch buffer [bytes], > 0.
    ///   - outputBytes: Size of the output scratch buffer [bytes]; nil = in place (output = input).
    ///   - shape: The transform's shape, for error messages.
    ///   - rigor: Planner rigor; the unaligned plan adds `FFTW_UNALIGNED`.
    ///   - make: Calls the FFTW planner for `(flags, input, output)`; runs under the lock.
    /// - Throws: `FFTError.allocationFailed` when `fftw_malloc` fails, `.planningFailed` when FFTW
    ///   returns a null plan (both plans are destroyed then).
    init(
        inputBytes: Int, outputBytes: Int?, shape: [Int], rigor: FFTPlanningRigor,
        make: (UInt32, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> OpaquePointer?
    ) throws(FFTError) {
        // fftw_malloc is thread-safe (only the planner needs the lock); `measure` overwrites the
        // scratch. A failed allocation is an error, not a trap.
        guard let input = Scalar._fftwMalloc(bytes: inputBytes) else {
            throw .allocationFailed(bytes: inputBytes, shape: shape)
        }
        defer { Scalar._fftwFree(input) }
        var separateOutput: UnsafeMutableRawPointer?
        if let outputBytes {
            guard let output = Scalar._fftwMalloc(bytes: outputBytes) else {
                throw .allocationFailed(bytes: outputBytes, shape: shape)
            }
            separateOutput = output
        }
        defer { if let separateOutput { Scalar._fftwFree(separateOutput) } }
        let output = separateOutput ?? input
        let plans = FFTWPlanner.withLock {
            (
                make(rigor.fftwFlags, input, output), make(rigor.fftwFlags | fftwUnalignedFlag, input, output),
                Scalar._fftwAlignment(of: input), Scalar._fftwAlignment(of: output)
            )
        }
        guard let aligned = plans.0, let unaligned = plans.1 else {
            FFTWPlanner.withLock {
                if let plan = plans.0 { Scalar._fftwDestroyPlan(plan) }
                if let plan = plans.1 { Scalar._fftwDestroyPlan(plan) }
            }
            throw .planningFailed(shape: shape)
        }
        self.aligned = aligned
        self.unaligned = unaligned
        self.inputAlignment = plans.2
        self.outputAlignment = plans.3
    }

    /// The plan valid for these buffers: the aligned one when both have the planned alignment.
    @inlinable @inline(__always)
    func plan(input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer) -> OpaquePointer {
        Scalar._fftwAlignment(of: input) == inputAlignment && Scalar._fftwAlignment(of: output) == outputAlignment
            ? aligned : unaligned
    }

    /// Destroys both plans (holding the planner lock).
    func destroy() {
        let (aligned, unaligned) = (self.aligned, self.unaligned)
        FFTWPlanner.withLock {
            Scalar._fftwDestroyPlan(aligned)
            Scalar._fftwDestroyPlan(unaligned)
        }
    }
}

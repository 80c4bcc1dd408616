import Numerics
import _WirelessFFTWShim

/// A real type FFTW has a library for: `Double` (`libfftw3`, `fftw_*`) and `Float` (`libfftw3f`,
/// `fftwf_*`). `ComplexFFTPlan<Scalar>` is written once over this protocol; the two conformances
/// below are the only places that name a precision-specific FFTW function.
///
/// `Complex<Scalar>` has the layout of C99 `Scalar _Complex` (two `Scalar`s, real part first),
/// which is `fftw_complex` / `fftwf_complex`, so buffers go to FFTW as they are (raw pointers).
///
/// The underscored requirements are FFTW's entry points, not API: other types cannot usefully
/// conform (there is no FFTW library for them). Once the `@inlinable` plan code is specialised
/// for `Double` or `Float` (in this module or a client), calls to them are direct calls.
public protocol FFTScalar: Real, BinaryFloatingPoint, Sendable {
    /// `fftw_malloc`: SIMD-aligned memory (thread-safe), or nil when the allocation fails.
    static func _fftwMalloc(bytes: Int) -> UnsafeMutableRawPointer?
    /// `fftw_free` of memory from `_fftwMalloc`.
    static func _fftwFree(_ pointer: UnsafeMutableRawPointer)
    /// `fftw_plan_many_dft` with unit stride and the same distance for input and output. Planner: hold the lock.
    static func _fftwPlanManyDFT(
        rank: Int32, shape: UnsafePointer<Int32>, batchCount: Int32, input: UnsafeMutableRawPointer,
        output: UnsafeMutableRawPointer, distance: Int32, sign: Int32, flags: UInt32
    ) -> OpaquePointer?
    /// `fftw_execute_dft`: the new-array execute (thread-safe).
    static func _fftwExecuteDFT(
        _ plan: OpaquePointer, input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer)
    /// `fftw_destroy_plan`. Planner: hold the lock.
    static func _fftwDestroyPlan(_ plan: OpaquePointer)
    /// `fftw_alignment_of`: the SIMD alignment class of an address (equal classes ⇒ a plan made on
    /// one array may run on the other).
    static func _fftwAlignment(of pointer: UnsafeMutableRawPointer) -> Int32
}

extension Double: FFTScalar {
    public static func _fftwMalloc(bytes: Int) -> UnsafeMutableRawPointer? { fftw_malloc(bytes) }
    public static func _fftwFree(_ pointer: UnsafeMutableRawPointer) { fftw_free(pointer) }
    public static func _fftwPlanManyDFT(
        rank: Int32, shape: UnsafePointer<Int32>, batchCount: Int32, input: UnsafeMutableRawPointer,
        output: UnsafeMutableRawPointer, distance: Int32, sign: Int32, flags: UInt32
    ) -> OpaquePointer? {
        fftw_plan_many_dft(
            rank, shape, batchCount, input.assumingMemoryBound(to: fftw_complex.self), nil, 1, distance,
            output.assumingMemoryBound(to: fftw_complex.self), nil, 1, distance, sign, flags)
    }
    public static func _fftwExecuteDFT(
        _ plan: OpaquePointer, input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer
    ) {
        fftw_execute_dft(
            plan, input.assumingMemoryBound(to: fftw_complex.self), output.assumingMemoryBound(to: fftw_complex.self))
    }
    public static func _fftwDestroyPlan(_ plan: OpaquePointer) { fftw_destroy_plan(plan) }
    public static func _fftwAlignment(of pointer: UnsafeMutableRawPointer) -> Int32 {
        fftw_alignment_of(pointer.assumingMemoryBound(to: Double.self))
    }
}

extension Float: FFTScalar {
    public static func _fftwMalloc(bytes: Int) -> UnsafeMutableRawPointer? { fftwf_malloc(bytes) }
    public static func _fftwFree(_ pointer: UnsafeMutableRawPointer) { fftwf_free(pointer) }
    public static func _fftwPlanManyDFT(
        rank: Int32, shape: UnsafePointer<Int32>, batchCount: Int32, input: UnsafeMutableRawPointer,
        output: UnsafeMutableRawPointer, distance: Int32, sign: Int32, flags: UInt32
    ) -> OpaquePointer? {
        fftwf_plan_many_dft(
            rank, shape, batchCount, input.assumingMemoryBound(to: fftwf_complex.self), nil, 1, distance,
            output.assumingMemoryBound(to: fftwf_complex.self), nil, 1, distance, sign, flags)
    }
    public static func _fftwExecuteDFT(
        _ plan: OpaquePointer, input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer
    ) {
        fftwf_execute_dft(
            plan, input.assumingMemoryBound(to: fftwf_complex.self),
            output.assumingMemoryBound(to: fftwf_complex.self))
    }
    public static func _fftwDestroyPlan(_ plan: OpaquePointer) { fftwf_destroy_plan(plan) }
    public static func _fftwAlignment(of pointer: UnsafeMutableRawPointer) -> Int32 {
        fftwf_alignment_of(pointer.assumingMemoryBound(to: Float.self))
    }
}

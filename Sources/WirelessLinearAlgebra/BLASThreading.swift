import _WirelessLAPACKEShim

/// The number of threads OpenBLAS uses inside one BLAS/LAPACK call (process-wide setting).
///
/// Code that already parallelises over independent tasks (Monte-Carlo trials on every core) sets
/// this to 1: the cores are not oversubscribed, and each call's blocking, hence its summation order
/// and rounding, no longer depends on how many cores the machine has, so seeded results are
/// byte-identical on 1 or 2 cores (measured: with OpenBLAS threading, `wtk isac sweep` differed in
/// the 14th digit between `taskset -c 0` and 2 cores).
public enum BLASThreading {
    /// Current OpenBLAS thread count, ≥ 1.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count.
    ///
    /// - Parameter count: threads per BLAS call, ≥ 1 (programmer error otherwise).
    public static func setThreadCount(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be ≥ 1")
        openblas_set_num_threads(Int32(count))
    }
}

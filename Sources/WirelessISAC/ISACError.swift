import WirelessCore
import WirelessLinearAlgebra

/// Typed errors of the ISAC module (PLAIN, its baselines and bounds).
///
/// The cases follow the error table in docs/ISAC.md#errors. Data
/// problems (non-finite or all-zero samples, a tensor of the wrong shape) are `.invalidData`;
/// parameter problems (factors, path counts, grid constants) are `.invalidArgument`.
public enum ISACError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A compression factor Δ_m < 1.
    case invalidCompressionFactor(mode: Int, factor: Int)
    /// Δ_m does not divide N_m.
    case compressionFactorNotDivisor(mode: Int, size: Int, factor: Int)
    /// A path count of zero was requested (or a scenario has no paths).
    case zeroPaths
    /// More paths than a mode (or the fusion, or a rank limit) can resolve.
    case tooManyPaths(mode: Int, requested: Int, limit: Int)
    /// A NaN or infinite sample at linear (column-major) element `index`.
    case nonFiniteInput(index: Int)
    /// A tensor whose rank or shape differs from the one the estimator was planned for.
    case shapeMismatch(expected: [Int], actual: [Int])
    /// A (compressed) mode with fewer than two samples: nothing to estimate.
    case dimensionTooSmall(mode: Int, size: Int)
    /// The input tensor is identically zero.
    case zeroEnergyInput
    /// A grid or scenario constant (f_c, Δf, d_a, T_sym, an angle, a count ...) out of range.
    case invalidParameter(name: String)
    /// A planted path lies outside the compressed unambiguous interval and would alias.
    case outsideUnambiguousRange(path: Int, parameter: String)
    /// A numerical kernel (eigendecomposition, root finding, solve) failed.
    case numericalFailure(reason: String)

    public var category: ErrorCategory {
        switch self {
        case .nonFiniteInput, .shapeMismatch, .zeroEnergyInput: return .invalidData
        case .numericalFailure: return .numerical
        default: return .invalidArgument
        }
    }

    public var description: String {
        switch self {
        case .invalidCompressionFactor(let mode, let factor):
            return "compression factor \(factor) of mode \(mode) must be ≥ 1"
        case .compressionFactorNotDivisor(let mode, let size, let factor):
            return "compression factor \(factor) does not divide mode \(mode) of size \(size)"
        case .zeroPaths:
            return "the number of paths must be at least 1"
        case .tooManyPaths(let mode, let requested, let limit):
            return "mode \(mode) can resolve at most \(limit) paths, \(requested) requested"
        case .nonFiniteInput(let index):
            return
                "the input tensor has a non-finite sample at column-major index \(index) (= r + N_R·(k + N_F·(l + N_T·s)), antenna r fastest)"
        case .shapeMismatch(let expected, let actual):
            return "tensor shape \(actual) does not match the expected shape \(expected)"
        case .dimensionTooSmall(let mode, let size):
            return "mode \(mode) has \(size) sample(s) after compression; at least 2 are needed"
        case .zeroEnergyInput:
            return "the input tensor is identically zero"
        case .invalidParameter(let name):
            return "invalid parameter: \(name)"
        case .outsideUnambiguousRange(let path, let parameter):
            return "path \(path): \(parameter) lies outside the compressed unambiguous interval and would alias"
        case .numericalFailure(let reason):
            return "numerical failure: \(reason)"
        }
    }
}

/// The name docs/ISAC.md#errors also uses for the module's error type.
public typealias PLAINError = ISACError

extension ISACError {
    /// Runs the linear-algebra kernels of `step` (LAPACK/BLAS calls that throw `LinearAlgebraError`),
    /// reporting a failure as `.numericalFailure` that names the step and the kernel's own message:
    /// the one place the module maps those errors.
    static func numerical<T>(_ step: String, _ body: () throws -> T) throws(ISACError) -> T {
        do { return try body() } catch { throw .numericalFailure(reason: "\(step): \(error)") }
    }
}

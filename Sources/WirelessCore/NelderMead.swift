/// Nelder–Mead downhill-simplex minimiser in n dimensions (deterministic; derivative-free).
///
/// Standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½ (Nelder and Mead,
/// Comput. J. 7, 1965; Lagarias et al., SIAM J. Optim. 9, 1998 for the tie-breaking rules).
/// The initial simplex is x₀ and x₀ + hᵢ·eᵢ with hᵢ = initialStep·max(1, |x₀ᵢ|).
/// Converged when both the spread of function values and the simplex diameter are small:
///
///     max|f(xᵢ) − f(x_best)| ≤ functionTolerance·max(|f(x_best)|, 1)
///     max‖xᵢ − x_best‖∞ ≤ pointTolerance·max(‖x_best‖∞, 1)
///
/// (relative for large values, absolute below 1, so minima at 0 or with f = 0 terminate).
///
/// Non-finite objective values are treated as +∞ (so constraints can be expressed by returning ∞).
public struct NelderMead: Sendable, Equatable, Codable {
    /// Relative tolerance on the spread of function values, > 0.
    public var functionTolerance: Double
    /// Relative tolerance on the simplex size, > 0.
    public var pointTolerance: Double
    /// Maximum iterations before `NumericalError.didNotConverge`, ≥ 1.
    public var maximumIterations: Int
    /// Relative size of the initial simplex, > 0.
    public var initialStep: Double

    public init(
        functionTolerance: Double = 1e-12, pointTolerance: Double = 1e-10,
        maximumIterations: Int = 20_000, initialStep: Double = 0.05
    ) {
        self.functionTolerance = functionTolerance
        self.pointTolerance = pointTolerance
        self.maximumIterations = maximumIterations
        self.initialStep = initialStep
    }

    /// The outcome of a minimisation.
    public struct Result: Sendable, Equatable, Codable {
        /// The best point found.
        public let point: [Double]
        /// f(point).
        public let value: Double
        /// Iterations used.
        public let iterations: Int
        /// Objective evaluations used.
        public let evaluations: Int
    }

    /// Minimises `f` starting from `start` (n = start.count ≥ 1).
    ///
    /// - Throws: `valueOutOfRange` for an empty start or bad settings, `nonFiniteValue` if
    ///   f(start) is not finite, `didNotConverge(iterations:)` when the budget runs out.
    public func minimize(_ f: ([Double]) -> Double, from start: [Double]) throws(CoreError) -> Result {
        let n = start.count
        guard n >= 1 else { throw .valueOutOfRange(name: "start.count", value: 0) }
        guard initialStep > 0, functionTolerance > 0, pointTolerance > 0, maximumIterations >= 1 else {
            throw .valueOutOfRange(name: "tolerance", value: min(initialStep, functionTolerance, pointTolerance))
        }
        var evaluations = 0
        func objective(_ x: [Double]) -> Double {
            evaluations += 1
            let value = f(x)
            return value.isNaN ? .infinity : value
        }
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep * max(1, abs(start[i]))
            simplex.append(vertex)
        }
        var values = simplex.map(objective)
        guard values[0].isFinite else { throw .nonFiniteValue(name: "objective", at: start.first ?? .nan) }
        var centroid = [Double](repeating: 0, count: n)
        var trial = centroid
        var second = centroid

        for iteration in 0..<maximumIterations {
            // Order vertices by value (stable: ties keep their order).
            let order = (0...n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }

            let best = values[0]
            let worst = values[n]
            var size = 0.0
            var scale = 0.0
            for j in 0..<n { scale = max(scale, abs(simplex[0][j])) }
            for i in 1...n {
                for j in 0..<n { size = max(size, abs(simplex[i][j] - simplex[0][j])) }
            }
            if abs(worst - best) <= functionTolerance * max(abs(best), 1)
                && size <= pointTolerance * max(scale, 1)
            {
                return Result(point: simplex[0], value: best, iterations: iteration, evaluations: evaluations)
            }

            for j in 0..<n {
                var sum = 0.0
                for i in 0..<n { sum += simplex[i][j] }
                centroid[j] = sum / Double(n)
            }
            for j in 0..<n { trial[j] = centroid[j] + (centroid[j] - simplex[n][j]) }
            let reflected = objective(trial)
            if reflected < values[0] {
                for j in 0..<n { second[j] = centroid[j] + 2 * (centroid[j] - simplex[n][j]) }
                let expanded = objective(second)
                if expanded < reflected {
                    simplex[n] = second
                    values[n] = expanded
                } else {
                    simplex[n] = trial
                    values[n] = reflected
                }
                continue
            }
            if reflected < values[n - 1] {
                simplex[n] = trial
                values[n] = reflected
                continue
            }
            // Contraction: outside if the reflection improved on the worst, inside otherwise.
            let outside = reflected < values[n]
            for j in 0..<n {
                second[j] =
                    outside
                    ? centroid[j] + 0.5 * (trial[j] - centroid[j])
                    : centroid[j] + 0.5 * (simplex[n][j] - centroid[j])
            }
            let contracted = objective(second)
            if contracted < (outside ? reflected : values[n]) {
                simplex[n] = second
                values[n] = contracted
                continue
            }
            // Shrink towards the best vertex.
            for i in 1...n {
                for j in 0..<n { simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]) }
                values[i] = objective(simplex[i])
            }
        }
        throw .didNotConverge(iterations: maximumIterations)
    }
}

import Foundation

/// Globally adaptive Gauss–Kronrod (G7, K15) quadrature on finite, semi-infinite and infinite intervals.
///
///     ∫ₐᵇ f(x) dx ≈ Σ_subintervals K15,   error ≈ Σ QUADPACK-scaled |K15 − G7|
///
/// Each step bisects the subinterval with the largest error estimate (a max-heap) until
///
///     Σ error ≤ max(absoluteTolerance, relativeTolerance · |Σ value|)
///
/// Infinite ends are mapped to (0, 1) / (−1, 1) before integrating:
///
///     [a, ∞):  x = a + t/(1−t),      dx = dt/(1−t)²
///     (−∞, b]: x = b − t/(1−t),      dx = dt/(1−t)²
///     (−∞, ∞): x = t/(1−t²),         dx = (1+t²)/(1−t²)² dt
///
/// The rule never evaluates the end points, so integrable end-point singularities are allowed
/// (they converge slowly). The error scaling follows QUADPACK's QK15 (Piessens et al. 1983, §2.2):
/// err = resasc · min(1, (200·|K15 − G7|/resasc)^1.5), floored by 50·ε·resabs.
public struct GaussKronrodQuadrature: Sendable, Equatable, Codable {
    /// Absolute error target [unit of the integral], ≥ 0.
    public var absoluteTolerance: Double
    /// Relative error target [dimensionless], ≥ 0 (at least one tolerance must be positive).
    public var relativeTolerance: Double
    /// Maximum number of subintervals before `NumericalError.didNotConverge` is thrown, ≥ 1.
    public var maximumSubdivisions: Int

    /// - Parameters:
    ///   - absoluteTolerance: Absolute error target, ≥ 0.
    ///   - relativeTolerance: Relative error target, ≥ 0.
    ///   - maximumSubdivisions: Subinterval budget, ≥ 1 (each costs 15 evaluations).
    public init(
        absoluteTolerance: Double = 1e-12, relativeTolerance: Double = 1e-10,
        maximumSubdivisions: Int = 500
    ) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.maximumSubdivisions = maximumSubdivisions
    }

    /// ∫ₐᵇ f(x) dx; either end may be infinite; a > b gives −∫ᵇₐ.
    ///
    /// - Throws: `NumericalError.valueOutOfRange` for invalid tolerances or NaN ends,
    ///   `NumericalError.nonFiniteValue` if f returns NaN/±∞ at a node,
    ///   `NumericalError.didNotConverge(iterations:)` when the subdivision budget runs out.
    public func integrate(_ f: (Double) -> Double, from a: Double, to b: Double) throws(CoreError) -> QuadratureResult {
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0 else {
            throw .valueOutOfRange(name: "tolerance", value: min(absoluteTolerance, relativeTolerance))
        }
        guard maximumSubdivisions >= 1 else {
            throw .valueOutOfRange(name: "maximumSubdivisions", value: Double(maximumSubdivisions))
        }
        guard !a.isNaN, !b.isNaN else { throw .valueOutOfRange(name: "interval", value: .nan) }
        if a == b { return QuadratureResult(value: 0, errorEstimate: 0, evaluations: 0) }
        if a > b {
            let r = try integrate(f, from: b, to: a)
            return QuadratureResult(value: -r.value, errorEstimate: r.errorEstimate, evaluations: r.evaluations)
        }
        switch (a.isFinite, b.isFinite) {
        case (true, true):
            return try adapt(f, a, b)
        case (true, false):
            return try adapt(
                { t in
                    let s = 1 - t
                    return f(a + t / s) / (s * s)
                }, 0, 1)
        case (false, true):
            return try adapt(
                { t in
                    let s = 1 - t
                    return f(b - t / s) / (s * s)
                }, 0, 1)
        case (false, false):
            return try adapt(
                { t in
                    let s = 1 - t * t
                    return f(t / s) * (1 + t * t) / (s * s)
                }, -1, 1)
        }
    }

    private struct Segment {
        var lower: Double
        var upper: Double
        var value: Double
        var error: Double
    }

    private func adapt(_ f: (Double) -> Double, _ a: Double, _ b: Double) throws(CoreError) -> QuadratureResult {
        var heap: [Segment] = []
        heap.reserveCapacity(maximumSubdivisions + 1)
        var evaluations = 0
        let first = try Self.kronrod15(f, a, b)
        evaluations += 15
        heap.append(Segment(lower: a, upper: b, value: first.value, error: first.error))
        var total = first.value
        var totalError = first.error
        while true {
            if totalError <= max(absoluteTolerance, relativeTolerance * abs(total)) {
                // Re-sum to remove drift from the incremental updates.
                let value = heap.reduce(0) { $0 + $1.value }
                let error = heap.reduce(0) { $0 + $1.error }
                return QuadratureResult(value: value, errorEstimate: error, evaluations: evaluations)
            }
            if heap.count >= maximumSubdivisions {
                throw .didNotConverge(iterations: heap.count)
            }
            let worst = Self.popMax(&heap)
            let mid = 0.5 * (worst.lower + worst.upper)
            let left = try Self.kronrod15(f, worst.lower, mid)
            let right = try Self.kronrod15(f, mid, worst.upper)
            evaluations += 30
            total += left.value + right.value - worst.value
            totalError += left.error + right.error - worst.error
            Self.push(&heap, Segment(lower: worst.lower, upper: mid, value: left.value, error: left.error))
            Self.push(&heap, Segment(lower: mid, upper: worst.upper, value: right.value, error: right.error))
            // Re-sum the error periodically; the incremental sum can lose accuracy.
            if heap.count % 64 == 0 {
                total = heap.reduce(0) { $0 + $1.value }
                totalError = heap.reduce(0) { $0 + $1.error }
            }
        }
    }

    // MARK: Binary max-heap on `error`

    private static func push(_ heap: inout [Segment], _ segment: Segment) {
        heap.append(segment)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent].error >= heap[child].error { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private static func popMax(_ heap: inout [Segment]) -> Segment {
        let top = heap[0]
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < heap.count && heap[left].error > heap[largest].error { largest = left }
            if right < heap.count && heap[right].error > heap[largest].error { largest = right }
            if largest == parent { break }
            heap.swapAt(parent, largest)
            parent = largest
        }
        return top
    }

    // MARK: The G7–K15 rule

    /// Kronrod abscissae on [−1, 1] (positive half, descending; index 7 is the centre).
    /// Odd indices 1, 3, 5 are the Gauss 7-point nodes (plus the centre).
    static let kronrodNodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0,
    ]
    /// Kronrod weights matching `kronrodNodes`.
    static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// Gauss weights for nodes 1, 3, 5 and the centre (index 7).
    static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    static func kronrod15(_ f: (Double) -> Double, _ a: Double, _ b: Double) throws(CoreError) -> (
        value: Double, error: Double
    ) {
        let center = 0.5 * (a + b)
        let halfLength = 0.5 * (b - a)
        let fCenter = f(center)
        guard fCenter.isFinite else { throw .nonFiniteValue(name: "integrand", at: center) }
        var values = SIMD16<Double>()  // f(center − dxⱼ) at j, f(center + dxⱼ) at j + 7 (no heap)
        for j in 0..<7 {
            let dx = halfLength * kronrodNodes[j]
            let f1 = f(center - dx)
            let f2 = f(center + dx)
            guard f1.isFinite else { throw .nonFiniteValue(name: "integrand", at: center - dx) }
            guard f2.isFinite else { throw .nonFiniteValue(name: "integrand", at: center + dx) }
            values[j] = f1
            values[j + 7] = f2
        }
        return combine(center: fCenter, sides: values, halfLength: halfLength)
    }

    /// The K15 value and its QUADPACK (QK15) error estimate from f at the centre and at c ∓ dxⱼ (`sides[j]`,
    /// `sides[j + 7]`), half-length (b − a)/2.
    static func combine(center fCenter: Double, sides values: SIMD16<Double>, halfLength: Double) -> (
        value: Double, error: Double
    ) {
        var kronrod = fCenter * kronrodWeights[7]
        var gauss = fCenter * gaussWeights[3]
        var absolute = abs(kronrod)
        for j in 0..<7 {
            let f1 = values[j]
            let f2 = values[j + 7]
            kronrod += kronrodWeights[j] * (f1 + f2)
            absolute += kronrodWeights[j] * (abs(f1) + abs(f2))
            if j % 2 == 1 { gauss += gaussWeights[j / 2] * (f1 + f2) }
        }
        let mean = 0.5 * kronrod
        var asc = kronrodWeights[7] * abs(fCenter - mean)
        for j in 0..<7 {
            asc += kronrodWeights[j] * (abs(values[j] - mean) + abs(values[j + 7] - mean))
        }
        let scale = abs(halfLength)
        let value = kronrod * halfLength
        var error = abs((kronrod - gauss) * halfLength)
        let resasc = asc * scale
        let resabs = absolute * scale
        if resasc != 0 && error != 0 {
            error = resasc * min(1, pow(200 * error / resasc, 1.5))
        }
        if resabs > Double.leastNormalMagnitude / (50 * Double.ulpOfOne) {
            error = max(50 * Double.ulpOfOne * resabs, error)
        }
        return (value, error)
    }
}

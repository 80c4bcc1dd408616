import Foundation
import WirelessCore

/// Optimal assignment of estimates to ground-truth paths, and per-parameter errors
/// (docs/ISAC.md#evaluations: estimates are matched to truth by optimal assignment).
///
/// The cost of pairing estimate e with path p is Σ_m ((ω̂_{e,m} − ω_{p,m}) wrapped / (2π/N_m))², the
/// squared spatial-frequency error in Rayleigh cells on the full grid, so the three parameters weigh alike.
public struct TargetMatching: Sendable, Equatable, Codable {
    /// `estimateIndex[p]` = index of the estimate paired with path p, or nil when there are fewer estimates.
    public var estimateIndex: [Int?]
    /// Signed errors per path `[Δθ [deg], Δd [m], Δv [m/s]]` (nil when unpaired).
    public var errors: [[Double]?]
    /// Errors per path in Rayleigh cells per mode `[|Δω_A|, |Δω_F|, |Δω_T|]·N_m/2π` (nil when unpaired).
    public var cellErrors: [[Double]?]

    /// Matches `estimates` to `paths` on `grid`.
    public init(estimates: [ISACTargetEstimate], paths: [ISACPath], grid: ISACGrid) {
        let dims = grid.dimensions.map(Double.init)
        let truth = paths.map { grid.spatialFrequencies(of: $0) }
        func cells(_ e: ISACTargetEstimate, _ p: Int) -> [Double] {
            (0..<3).map { abs(ISACGrid.wrapToPlusMinusPi(e.frequencies[$0] - truth[p][$0])) * dims[$0] / (2 * .pi) }
        }
        var index = [Int?](repeating: nil, count: paths.count)
        if !estimates.isEmpty && !paths.isEmpty {
            if estimates.count >= paths.count {
                let cost = paths.indices.map { p in estimates.map { e in cells(e, p).reduce(0) { $0 + $1 * $1 } } }
                for (p, e) in LinearAssignment.solve(cost: cost).enumerated() { index[p] = e }
            } else {
                let cost = estimates.map { e in paths.indices.map { p in cells(e, p).reduce(0) { $0 + $1 * $1 } } }
                for (e, p) in LinearAssignment.solve(cost: cost).enumerated() { index[p] = e }
            }
        }
        estimateIndex = index
        errors = paths.indices.map { p in
            index[p].map { e in
                [
                    estimates[e].angleDegrees - paths[p].angleDegrees,
                    estimates[e].distanceMeters - paths[p].distanceMeters,
                    estimates[e].velocityMetersPerSecond - paths[p].velocityMetersPerSecond,
                ]
            }
        }
        cellErrors = paths.indices.map { p in index[p].map { cells(estimates[$0], p) } }
    }

    /// Whether every path is paired and each of its parameters lies within `cells` Rayleigh cells.
    public func allWithin(cells: Double) -> Bool {
        cellErrors.allSatisfy { $0.map { $0.allSatisfy { $0 <= cells } } ?? false }
    }
}

/// Minimum-cost perfect assignment (the Hungarian method; Kuhn 1955, Munkres 1957), in the
/// O(n²m) shortest-augmenting-path form with row/column potentials.
///
///     minimise Σ_i cost[i, σ(i)]  over injective σ: rows → columns      (rows ≤ columns)
///
/// Used to match estimates to ground truth (each truth to a distinct estimate) before scoring.
public enum LinearAssignment {
    /// The optimal column for every row of an n × m cost matrix (n ≤ m, finite costs).
    ///
    /// - Parameter cost: row-major nested costs, `cost[i][j]`, every row of equal length m ≥ n.
    /// - Returns: `assignment[i]` = the column given to row i (distinct columns).
    /// - Precondition: rectangular with n ≤ m and finite entries (a programmer error otherwise).
    /// - Complexity: O(n²·m).
    public static func solve(cost: [[Double]]) -> [Int] {
        let n = cost.count
        guard n > 0 else { return [] }
        let m = cost[0].count
        precondition(m >= n && cost.allSatisfy { $0.count == m }, "cost must be n × m with n ≤ m")
        precondition(cost.allSatisfy { $0.allSatisfy(\.isFinite) }, "costs must be finite")
        // 1-based arrays with a virtual column 0, after the classic potentials formulation.
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1)  // owner[j] = row assigned to column j (0: none)
        var way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            owner[0] = i
            var column = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[column] = true
                let row = owner[column]
                var delta = Double.infinity
                var next = 0
                for j in 1...m where !used[j] {
                    let reduced = cost[row - 1][j - 1] - u[row] - v[j]
                    if reduced < minimum[j] {
                        minimum[j] = reduced
                        way[j] = column
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        next = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                column = next
            } while owner[column] != 0
            repeat {
                let previous = way[column]
                owner[column] = owner[previous]
                column = previous
            } while column != 0
        }
        var assignment = [Int](repeating: -1, count: n)
        for j in 1...m where owner[j] != 0 { assignment[owner[j] - 1] = j - 1 }
        return assignment
    }
}

/// Rectangular linear assignment (Hungarian / Kuhn–Munkres with row potentials).
///
///     maximise Σ_i score[i, σ(i)] over injective σ (rows ≤ columns), or the transpose otherwise
///
/// Kuhn (1955); Munkres (1957); the O(n²m) shortest-augmenting-path form (Jonker–Volgenant style).
public enum LinearAssignment {
    /// The assignment maximising the total score.
    ///
    /// - Parameter score: `rows × columns` row-major scores (any finite values); either side may be empty.
    /// - Returns: for each row, the assigned column or `nil` (only when rows > columns).
    /// - Complexity: O(min(r,c)²·max(r,c)).
    public static func maximize(_ score: [[Double]]) -> [Int?] {
        let rows = score.count
        let columns = score.first?.count ?? 0
        guard rows > 0, columns > 0 else { return Array(repeating: nil, count: rows) }
        if rows > columns {
            let transposed = (0..<columns).map { j in (0..<rows).map { score[$0][j] } }
            let byColumn = maximize(transposed)
            var result = [Int?](repeating: nil, count: rows)
            for (j, i) in byColumn.enumerated() { if let i { result[i] = j } }
            return result
        }
        // Minimise cost = −score with potentials u (rows) and v (columns), 1-based with a dummy 0.
        let n = rows
        let m = columns
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var match = [Int](repeating: 0, count: m + 1)  // match[j] = row assigned to column j
        var way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            match[0] = i
            var j0 = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = match[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let current = -score[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minimum[j] {
                        minimum[j] = current
                        way[j] = j0
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[match[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while match[j0] != 0
            repeat {
                let j1 = way[j0]
                match[j0] = match[j1]
                j0 = j1
            } while j0 != 0
        }
        var result = [Int?](repeating: nil, count: n)
        for j in 1...m where match[j] != 0 { result[match[j] - 1] = j - 1 }
        return result
    }

    /// The minimum-cost assignment of an n × m cost matrix with n ≤ m: the column of every row.
    ///
    ///     minimise Σ_i cost[i, σ(i)]  over injective σ: rows → columns
    ///
    /// Used to match estimates to ground truth (each truth to a distinct estimate) before scoring.
    ///
    /// - Parameter cost: row-major costs `cost[i][j]`, every row of length m ≥ n, finite.
    /// - Returns: `assignment[i]`, distinct columns.
    /// - Precondition: rectangular with n ≤ m and finite entries (a programmer error otherwise).
    /// - Complexity: O(n²·m).
    public static func solve(cost: [[Double]]) -> [Int] {
        guard let m = cost.first?.count else { return [] }
        precondition(m >= cost.count && cost.allSatisfy { $0.count == m }, "cost must be n × m with n ≤ m")
        precondition(cost.allSatisfy { $0.allSatisfy(\.isFinite) }, "costs must be finite")
        return maximize(cost.map { row in row.map { -$0 } }).map { $0! }
    }
}

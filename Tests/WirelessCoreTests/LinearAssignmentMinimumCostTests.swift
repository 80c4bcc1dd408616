import Testing
import WirelessCore

/// Brute-force oracle: the minimum over all injective maps rows → columns.
private func bruteForceMinimumCost(_ cost: [[Double]]) -> Double {
    let n = cost.count
    let m = cost[0].count
    var best = Double.infinity
    var used = [Bool](repeating: false, count: m)
    func search(_ row: Int, _ total: Double) {
        if row == n {
            best = min(best, total)
            return
        }
        for j in 0..<m where !used[j] {
            used[j] = true
            search(row + 1, total + cost[row][j])
            used[j] = false
        }
    }
    search(0, 0)
    return best
}

@Suite struct LinearAssignmentMinimumCostTests {
    @Test func matchesBruteForceOnRandomMatrices() {
        var generator = Xoshiro256StarStar(seed: 42)
        for trial in 0..<200 {
            let n = 1 + trial % 6
            let m = n + (trial / 6) % 3
            let cost = (0..<n).map { _ in (0..<m).map { _ in (generator.nextUnitDouble() * 10).rounded() - 3 } }
            let assignment = LinearAssignment.solve(cost: cost)
            #expect(Set(assignment).count == n && assignment.allSatisfy { $0 >= 0 && $0 < m })
            let total = (0..<n).reduce(0.0) { $0 + cost[$1][assignment[$1]] }
            #expect(abs(total - bruteForceMinimumCost(cost)) < 1e-9)
        }
    }

    @Test func identityAndEmpty() {
        #expect(LinearAssignment.solve(cost: []) == [])
        #expect(LinearAssignment.solve(cost: [[0, 5, 5], [5, 0, 5], [5, 5, 0]]) == [0, 1, 2])
        #expect(LinearAssignment.solve(cost: [[9, 1], [1, 9]]) == [1, 0])
    }
}

import Testing

@testable import WirelessCore

@Suite struct LinearAssignmentTests {
    /// Brute-force oracle over all injective maps rows → columns (rows ≤ columns).
    func bruteForce(_ score: [[Double]]) -> Double {
        let rows = score.count
        let columns = score[0].count
        var best = -Double.infinity
        func search(_ i: Int, _ used: Set<Int>, _ total: Double) {
            if i == rows {
                best = max(best, total)
                return
            }
            for j in 0..<columns where !used.contains(j) { search(i + 1, used.union([j]), total + score[i][j]) }
        }
        search(0, [], 0)
        return best
    }

    @Test func matchesBruteForceOnRandomRectangularProblems() {
        var generator = Xoshiro256StarStar(seed: 5)
        for trial in 0..<40 {
            let rows = 1 + trial % 4
            let columns = rows + (trial / 4) % 3
            let score = (0..<rows).map { _ in (0..<columns).map { _ in generator.nextUnitDouble() } }
            let assignment = LinearAssignment.maximize(score)
            #expect(Set(assignment.compactMap { $0 }).count == rows)
            let total = assignment.enumerated().reduce(0.0) { $0 + score[$1.offset][$1.element!] }
            #expect(abs(total - bruteForce(score)) < 1e-12)
            // Transposed (rows > columns) gives the same optimum.
            let transposed = (0..<columns).map { j in (0..<rows).map { score[$0][j] } }
            let back = LinearAssignment.maximize(transposed)
            var totalT = 0.0
            for (i, j) in back.enumerated() { if let j { totalT += transposed[i][j] } }
            #expect(abs(totalT - total) < 1e-12)
        }
    }

    @Test func emptySides() {
        #expect(LinearAssignment.maximize([]).isEmpty)
        #expect(LinearAssignment.maximize([[], []]) == [nil, nil])
    }
}

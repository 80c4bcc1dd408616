import Testing

@testable import WirelessStochasticGeometry

/// The association rule shared by the Monte-Carlo reference and the fast kernel.
@Suite struct ServingSelectionTests {
    /// BSs in order of distance: (instantaneous received power, mean received power).
    let powers: [(received: Double, meanPower: Double)] = [(1, 4), (3, 2), (3, 5), (2, 5)]

    func serving(_ association: Association) -> Int {
        var selection = ServingSelection(association)
        for (k, p) in powers.enumerated() { selection.offer(k, received: p.received, meanPower: p.meanPower) }
        return selection.index
    }

    /// Nearest ignores the powers; each strongest rule takes its own power's first maximum (a tie keeps the nearer BS).
    @Test func eachAssociationPicksByItsOwnPower() {
        #expect(serving(.nearest) == 0)
        #expect(serving(.strongestInstantaneous) == 1)
        #expect(serving(.strongestMeanPower) == 2)
    }

    /// Before any BS is offered the index is the nearest's.
    @Test func startsAtTheNearest() {
        #expect(ServingSelection(.strongestInstantaneous).index == 0)
    }
}

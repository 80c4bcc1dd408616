import Testing

@testable import WirelessSpectrumNet

/// The eight-lane helpers against plain scalar loops, at every tail length.
@Suite struct ChannelLanesTests {
    /// Small integers in `Float`: every partial sum is exact, so any summation order gives the
    /// same value and the comparison can be `==`.
    func integers(_ count: Int, offset: Int = 0) -> [Float] { (0..<count).map { Float(($0 * 7 + offset) % 13) - 6 } }

    @Test(arguments: 0...19)
    func laneSumMatchesScalarSum(count: Int) {
        let values = integers(count)
        #expect(values.withUnsafeBufferPointer { laneSum($0.baseAddress!, count: count) } == values.reduce(0, +))
    }

    @Test(arguments: 0...19)
    func addLanesAddsExactlyTheFirstCountElements(count: Int) {
        let source = integers(24, offset: 3)
        var destination = integers(24)
        let expected = (0..<24).map { $0 < count ? destination[$0] + source[$0] : destination[$0] }
        source.withUnsafeBufferPointer { s in
            destination.withUnsafeMutableBufferPointer { addLanes(s.baseAddress!, into: $0.baseAddress!, count: count) }
        }
        #expect(destination == expected)
    }

    @Test func chunksCoverEachRowOfTheChannelOnce() {
        // [batch 3, channels 2, length 11]: channel 1 owns elements 11..<22, 33..<44, 55..<66.
        let lanes = ChannelLanes(batch: 3, channels: 2, length: 11, channel: 1)
        var visited: [Int] = []
        var counts: [Int] = []
        lanes.forEachChunk { offset, count in
            visited += offset..<(offset + count)
            counts.append(count)
        }
        #expect(visited == Array(11..<22) + Array(33..<44) + Array(55..<66))
        #expect(counts == [8, 3, 8, 3, 8, 3])
    }

    @Test(arguments: 1...8)
    func partialLoadsZeroAndPartialStoresLeaveTheRest(count: Int) {
        let values = integers(8, offset: 1)
        let lanes: SIMD8<Float> = values.withUnsafeBufferPointer { loadLanes($0.baseAddress!, 0, count) }
        for j in 0..<8 { #expect(lanes[j] == (j < count ? values[j] : 0)) }
        var target = [Float](repeating: 100, count: 8)
        target.withUnsafeMutableBufferPointer { storeLanes(lanes, $0.baseAddress!, 0, count) }
        for j in 0..<8 { #expect(target[j] == (j < count ? values[j] : 100)) }
        let mask: SIMD8<Float> = laneMask(count)
        for j in 0..<8 { #expect(mask[j] == (j < count ? 1 : 0)) }
    }
}

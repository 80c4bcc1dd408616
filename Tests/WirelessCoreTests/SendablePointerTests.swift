import Testing

@testable import WirelessCore

@Test func sendablePointerSharesDisjointSlotsAcrossTasks() {
    // Each of 64 tasks reads its own input element through a read-only pointer and writes its own
    // output slot through a mutable one: the contract of `SendablePointer`.
    let input = (0..<64).map { Double($0) }
    var output = [Double](repeating: -1, count: 64)
    input.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
            let read = SendablePointer(readOnly: source.baseAddress!)
            let write = SendablePointer(destination.baseAddress!)
            ParallelExecution.forEachTask(count: 64) { task in write[task] = 2 * read[task] }
        }
    }
    #expect(output == input.map { 2 * $0 })
}

@Test func sendablePointerOffsetAddressesLaterElements() {
    var values = [10, 20, 30, 40]
    values.withUnsafeMutableBufferPointer { buffer in
        let pointer = SendablePointer(buffer.baseAddress!) + 2
        #expect(pointer[0] == 30)
        pointer[1] = 41
    }
    #expect(values == [10, 20, 30, 41])
}

import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessISAC

struct ChannelTensorNPYTests {
    func sampleTensor(snapshots: Int = 1) throws -> ChannelTensor {
        var generator = Xoshiro256StarStar(seed: 1)
        let dims = [3, 4, 5]
        let elements = (0..<(60 * snapshots)).map { _ in
            Complex(generator.nextUnitDouble() - 0.5, generator.nextUnitDouble())
        }
        return try ChannelTensor(dimensions: dims, snapshotCount: snapshots, elements: elements)
    }

    @Test(arguments: [
        (NPYArray.DataType.complex128, false), (.complex128, true), (.complex64, false), (.complex64, true),
    ])
    func roundTripThroughFile(dataType: NPYArray.DataType, fortranOrder: Bool) throws {
        let tensor = try sampleTensor()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isac-\(UUID().uuidString).npy")
        defer { try? FileManager.default.removeItem(at: url) }
        try tensor.write(to: url, dataType: dataType, fortranOrder: fortranOrder)
        let back = try ChannelTensor.read(from: url)
        #expect(back.dimensions == tensor.dimensions)
        // complex64 keeps 24 mantissa bits: |error| ≤ 2^-24 relative per component.
        let tolerance = dataType == .complex64 ? 1e-7 : 0
        for i in tensor.elements.indices { #expect((back.elements[i] - tensor.elements[i]).length <= tolerance) }
    }

    @Test func logicalAxesAreAntennaSubcarrierSymbol() throws {
        let tensor = try sampleTensor(snapshots: 2)
        let array = try tensor.npyArray()
        #expect(array.shape == [2, 3, 4, 5])
        // C order: element (s, r, k, l) at ((s·3 + r)·4 + k)·5 + l.
        let (s, r, k, l) = (1, 2, 3, 4)
        #expect(array.elements[((s * 3 + r) * 4 + k) * 5 + l] == tensor[r, k, l, s])
        #expect(try ChannelTensor(npy: array) == tensor)
        let bad = try NPYArray(shape: [60], elements: Array(tensor.elements.prefix(60)))
        #expect(throws: ISACError.self) { try ChannelTensor(npy: bad) }
    }
}

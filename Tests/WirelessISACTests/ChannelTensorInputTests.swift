import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessISAC

@Suite struct ChannelTensorInputTests {
    let grid = ISACGrid(
        carrierFrequencyHz: 26e9, antennaCount: 3, subcarrierCount: 4, subcarrierSpacingHz: 120e3, symbolCount: 5)

    func written(_ tensor: ChannelTensor) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isac-\(UUID().uuidString).npy")
        try tensor.write(to: url)
        return url
    }

    /// A tensor of the grid's shape with a non-zero element is read as written.
    @Test func aMatchingTensorIsRead() throws {
        var tensor = ChannelTensor(dimensions: [3, 4, 5])
        tensor.elements[7] = Complex(0.5, -1)
        let url = try written(tensor)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ChannelTensor.read(url.path, for: grid, preset: .paper) == tensor)
    }

    /// Another shape names the scenario and both shapes; an all-zero tensor is bad data too.
    @Test func wrongShapeAndZeroTensorAreBadData() throws {
        let other = try written(ChannelTensor(dimensions: [3, 4, 6]))
        let zero = try written(ChannelTensor(dimensions: [3, 4, 5]))
        defer { for url in [other, zero] { try? FileManager.default.removeItem(at: url) } }
        do {
            _ = try ChannelTensor.read(other.path, for: grid, preset: .nr28)
            Issue.record("a (3, 4, 6) tensor was accepted for a (3, 4, 5) grid")
        } catch let error as IOError {
            #expect(error.category == .invalidData)
            #expect(error.description.contains("(3, 4, 6) but --scenario nr28 needs (3, 4, 5)"))
        }
        do {
            _ = try ChannelTensor.read(zero.path, for: grid, preset: .paper)
            Issue.record("an all-zero tensor was accepted")
        } catch let error as IOError {
            #expect(error.description.contains("every element is zero"))
        }
    }
}

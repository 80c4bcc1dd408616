import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessISAC

/// `.npy` channel tensors that are not usable (issue 12): every error names the file, and a NaN is
/// placed by its multi-index as the file indexes it, not by a flat column-major position.
struct ChannelTensorHostileFileTests {
    func write(_ array: NPYArray, fortranOrder: Bool = false) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).npy")
        try array.write(to: url, fortranOrder: fortranOrder)
        return url
    }

    @Test(arguments: [false, true]) func aNaNIsReportedWithTheFileAndItsIndex(fortranOrder: Bool) throws {
        var elements = [Complex<Double>](repeating: Complex(1, 0), count: 2 * 3 * 4)
        elements[(1 * 3 + 2) * 4 + 0] = Complex(.nan, 0)  // H[1, 2, 0] in C order
        let url = try write(try NPYArray(shape: [2, 3, 4], elements: elements), fortranOrder: fortranOrder)
        defer { try? FileManager.default.removeItem(at: url) }
        // Before: read without complaint; the estimator later said "column-major index 5" without the file.
        #expect(throws: IOError.nonFiniteValue(file: url.path, line: nil, column: "element (1, 2, 0) (real part)")) {
            try ChannelTensor.read(from: url)
        }
    }

    /// Before: a float64 array was read as a real tensor and gave ghost targets at mirrored parameters.
    @Test func aRealValuedArrayIsRefusedWithTheFileAndTheDType() throws {
        let url = try write(try NPYArray(shape: [2, 3, 4], realElements: (0..<24).map { Double($0) + 1 }))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try ChannelTensor.read(from: url)
        } throws: { error in
            guard case IOError.malformedInput(let file, _, let column, let reason) = error else { return false }
            return file == url.path && column == "dtype" && reason.contains("float64")
                && (error as? IOError)?.category == .invalidData
        }
    }

    @Test func aWrongRankNamesTheFileAndTheShape() throws {
        let url = try write(try NPYArray(shape: [4, 5], elements: Array(repeating: Complex(1, 0), count: 20)))
        defer { try? FileManager.default.removeItem(at: url) }
        // Before: ISACError.shapeMismatch "tensor shape [4, 5] does not match the expected shape [-1, -1, -1]".
        #expect {
            try ChannelTensor.read(from: url)
        } throws: { error in
            guard case IOError.malformedInput(let file, _, let column, let reason) = error else { return false }
            return file == url.path && column == "shape" && reason.contains("(4, 5)")
        }
    }
}

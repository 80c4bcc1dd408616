import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessIO

/// NPY files written by NumPy 2.4 with `Fixtures/make_npy_fixtures.py` are the oracle: read them, and
/// check that files written here are byte-identical to NumPy's (NumPy reads its own files).
@Suite struct NPYArrayTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The generator script's value at C-order linear index c: c + i(100 + c/2), real part only for float64.
    static func expected(count: Int, real: Bool) -> [Complex<Double>] {
        (0..<count).map { c in Complex(Double(c), real ? 0 : 100 + 0.5 * Double(c)) }
    }

    @Test(arguments: [
        ("c16_c_2x3.npy", [2, 3], NPYArray.DataType.complex128),
        ("c16_f_2x3.npy", [2, 3], .complex128),
        ("c8_c_3x2x2.npy", [3, 2, 2], .complex64),
        ("c8_f_3x2x2.npy", [3, 2, 2], .complex64),
        ("f8_c_5.npy", [5], .float64),
        ("f8_f_2x3x2.npy", [2, 3, 2], .float64),
        ("c16_c_4_v2.npy", [4], .complex128),
        ("c16_c_scalar.npy", [], .complex128),
    ])
    func numpyFixturesReadInCOrder(name: String, shape: [Int], dataType: NPYArray.DataType) throws {
        let array = try NPYArray.read(from: Self.fixtures.appendingPathComponent(name))
        #expect(array.shape == shape)
        #expect(array.dataType == dataType)
        // Every fixture value (integers and halves below 2^24) is exact in float32 and float64: compare exactly.
        #expect(array.elements == Self.expected(count: shape.reduce(1, *), real: dataType == .float64))
    }

    /// C-order output of a version-1.0 file matches NumPy's bytes exactly (header text, padding, data).
    @Test(arguments: [
        "c16_c_2x3.npy", "c8_c_3x2x2.npy", "f8_c_5.npy", "c16_c_scalar.npy", "c16_f_2x3.npy", "c8_f_3x2x2.npy",
        "f8_f_2x3x2.npy",
    ])
    func writtenBytesEqualNumpy(name: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        let array = try NPYArray.read(from: url)
        let fortran = name.contains("_f_")
        #expect(try array.encoded(fortranOrder: fortran) == Data(contentsOf: url))
    }

    @Test func roundTripBothOrdersAndAlignment() throws {
        var generator = Xoshiro256StarStar(seed: 42)
        let shape = [3, 4, 5]
        let elements = (0..<60).map { _ in Complex(generator.nextUnitDouble() - 0.5, generator.nextUnitDouble()) }
        let array = try NPYArray(shape: shape, elements: elements)
        for fortran in [false, true] {
            let data = try array.encoded(fortranOrder: fortran)
            let headerLength = Int(data[8]) | Int(data[9]) << 8
            #expect((10 + headerLength) % 64 == 0)
            #expect(data[10 + headerLength - 1] == 0x0A)
            #expect(try NPYArray.decode(data, file: "mem") == array)
        }
        // Fortran storage really is column-major: the second stored element is elements[(1,0,0)] = elements[20].
        let fortranData = try array.encoded(fortranOrder: true)
        let headerEnd = 10 + (Int(fortranData[8]) | Int(fortranData[9]) << 8)
        let bits = fortranData[(headerEnd + 16)..<(headerEnd + 24)].reversed().reduce(UInt64(0)) {
            $0 << 8 | UInt64($1)
        }
        #expect(Double(bitPattern: bits) == elements[20].real)

        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try array.write(to: folder.file("a.npy"))
        #expect(try NPYArray.read(from: folder.file("a.npy")) == array)
    }

    /// With `WTK_NPY_EXPORT_DIR` set, writes files for `Fixtures/check_swift_written_npy.py` (a one-off check
    /// that NumPy loads them); otherwise does nothing.
    @Test func exportForNumpyCheck() throws {
        guard let path = ProcessInfo.processInfo.environment["WTK_NPY_EXPORT_DIR"] else { return }
        let folder = try OutputDirectory(path: path)
        for (shape, dataType) in [
            ([2, 3, 4], NPYArray.DataType.complex128), ([3, 5], .complex64), ([7], .float64), ([], .complex128),
        ] {
            let count = shape.reduce(1, *)
            let array = try NPYArray(
                shape: shape, elements: Self.expected(count: count, real: dataType == .float64), dataType: dataType)
            let stem = "swift_\(dataType.rawValue.dropFirst())_\(shape.map(String.init).joined(separator: "x"))"
            try array.write(to: folder.file(stem + "_C.npy"))
            try array.write(to: folder.file(stem + "_F.npy"), fortranOrder: true)
        }
    }

    @Test func complex64RoundsToFloat() throws {
        let array = try NPYArray(shape: [1], elements: [Complex(0.1, -0.2)], dataType: .complex64)
        let back = try NPYArray.decode(array.encoded(), file: "mem")
        #expect(back.elements == [Complex(Double(Float(0.1)), Double(Float(-0.2)))])
    }

    @Test func errors() throws {
        let good = try Data(contentsOf: Self.fixtures.appendingPathComponent("c16_c_2x3.npy"))
        var badMagic = good
        badMagic[1] = UInt8(ascii: "X")
        #expect(throws: IOError.self) { try NPYArray.decode(badMagic, file: "m") }
        #expect(throws: IOError.truncated(file: "t", expectedBytes: good.count, actualBytes: good.count - 5)) {
            try NPYArray.decode(good.dropLast(5), file: "t")
        }
        #expect {
            try NPYArray.decode(good + Data([0, 0, 0, 0, 0, 0, 0, 0]), file: "x")
        } throws: { error in
            guard case .malformedInput(_, _, _, let reason) = error as? IOError else { return false }
            return reason.contains("shape mismatch")
        }
        let bigEndian = Self.replacing("<c16", with: ">c16", in: good)
        #expect {
            try NPYArray.decode(bigEndian, file: "b")
        } throws: { error in
            guard case .unsupportedFormat(_, let reason) = error as? IOError else { return false }
            return reason.contains("'>c16'")
        }
        #expect(throws: IOError.self) { try NPYArray(shape: [2, 2], elements: [.zero]) }
        #expect(throws: IOError.self) {
            try NPYArray(shape: [1], elements: [Complex(0, 1)], dataType: .float64).encoded()
        }
    }

    static func replacing(_ old: String, with new: String, in data: Data) -> Data {
        var bytes = [UInt8](data)
        let pattern = Array(old.utf8)
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
            bytes.replaceSubrange(start..<(start + pattern.count), with: Array(new.utf8))
            break
        }
        return Data(bytes)
    }

    @Test func permutationMatchesIndexFormula() {
        let shape = [2, 3, 4]
        let cOrder = (0..<24).map { Complex(Double($0), 0) }
        let fortran = NPYArray.permute(cOrder, shape: shape, fromFortran: false)
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 {
                    #expect(fortran[i + 2 * j + 6 * k] == cOrder[12 * i + 4 * j + k])
                }
            }
        }
        #expect(NPYArray.permute(fortran, shape: shape, fromFortran: true) == cOrder)
    }
}

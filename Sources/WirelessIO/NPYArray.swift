import Foundation
import Numerics

/// An n-dimensional complex array stored in NumPy's `.npy` format.
///
/// Reads format versions 1.0, 2.0 and 3.0 (header length as uint16 or uint32, little-endian) with dtype
/// `<c16` (complex128), `<c8` (complex64) or `<f8` (float64, imaginary parts zero), in C or Fortran order.
/// Elements are always held in C (row-major) order: for shape `[d₀ × d₁ × … × dₙ₋₁]`,
///
///     elements[((i₀·d₁ + i₁)·d₂ + i₂)…]   (last index fastest)
///
/// Fortran-order files (first index fastest) are permuted on read. Writes version 1.0 (2.0 if the header
/// exceeds 65535 bytes), C order by default, header padded with spaces and `\n` so data starts at a
/// multiple of 64 bytes, byte-identical to `numpy.save` for the same array and dtype.
public struct NPYArray: Sendable, Equatable {
    /// Element types supported on disk.
    public enum DataType: String, Sendable, Equatable, CaseIterable {
        /// Little-endian complex128: two float64 per element.
        case complex128 = "<c16"
        /// Little-endian complex64: two float32 per element (rounded to Float on write).
        case complex64 = "<c8"
        /// Little-endian float64 (real part only).
        case float64 = "<f8"

        /// Bytes per element [bytes].
        public var itemSize: Int {
            switch self {
            case .complex128: return 16
            case .complex64: return 8
            case .float64: return 8
            }
        }
    }

    /// Dimensions; `[]` is a 0-d (scalar) array holding one element.
    public let shape: [Int]
    /// Elements in C order; `elements.count == shape.reduce(1, *)`.
    public let elements: [Complex<Double>]
    /// The on-disk type (what was read, and what `write` uses).
    public var dataType: DataType

    /// An array from C-order elements.
    /// - Throws: `IOError.malformedInput` (column `shape`) if the shape has a negative dimension, more than
    ///   `maximumRank` dimensions, a product beyond `Int.max`, or `elements.count` differs from that product.
    public init(shape: [Int], elements: [Complex<Double>], dataType: DataType = .complex128) throws(IOError) {
        let count = try Self.elementCount(of: shape, file: "<NPYArray>")
        guard elements.count == count else {
            throw .malformedInput(
                file: "<NPYArray>", line: nil, column: "shape",
                reason: "shape \(Self.text(shape)) holds \(count) elements but \(elements.count) were given")
        }
        self.shape = shape
        self.elements = elements
        self.dataType = dataType
    }

    /// Most dimensions an array may have (NumPy's `NPY_MAXDIMS` since NumPy 2.0).
    public static let maximumRank = 64

    /// The number of elements of `shape`, Π dᵢ (1 for `[]`), computed without overflow.
    /// - Throws: `IOError.malformedInput` (column `shape`, naming `file`) for a negative dimension, a rank
    ///   above `maximumRank`, or a product beyond `Int.max`.
    public static func elementCount(of shape: [Int], file: String) throws(IOError) -> Int {
        func fail(_ reason: String) -> IOError {
            .malformedInput(file: file, line: nil, column: "shape", reason: reason)
        }
        guard shape.count <= maximumRank else {
            throw fail("\(shape.count) dimensions; at most \(maximumRank) are supported")
        }
        if let axis = shape.firstIndex(where: { $0 < 0 }) {
            throw fail("dimension \(axis) of shape \(text(shape)) is negative")
        }
        if shape.contains(0) { return 0 }
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else {
                throw fail("shape \(text(shape)) holds more elements than a 64-bit count can hold")
            }
            count = product
        }
        return count
    }

    /// A shape or multi-index as NumPy prints it: `(2, 3)`, `(5,)`, `()`.
    public static func text(_ indices: [Int]) -> String {
        indices.count == 1 ? "(\(indices[0]),)" : "(" + indices.map(String.init).joined(separator: ", ") + ")"
    }

    /// The multi-index `(i₀, i₁, …)` of the element at C-order position `flatIndex` (last index fastest).
    /// - Precondition: `0 ≤ flatIndex < elements.count`.
    public func multiIndex(ofElementAt flatIndex: Int) -> [Int] {
        precondition(elements.indices.contains(flatIndex), "element index out of range")
        var rest = flatIndex
        var index = [Int](repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }

    /// Checks that every element is finite.
    /// - Parameter file: Name used in the error.
    /// - Throws: `IOError.nonFiniteValue` naming `file` and the first NaN/±∞ element in C order as
    ///   `element (i, j, k) (real part)` or `(imaginary part)`.
    public func checkFinite(file: String) throws(IOError) {
        for (k, element) in elements.enumerated() {
            // `rawStorage`: `Complex.real` reports NaN for both parts of any non-finite value.
            let (re, im) = element.rawStorage
            if re.isFinite && im.isFinite { continue }
            let part = re.isFinite ? "imaginary part" : "real part"
            throw .nonFiniteValue(
                file: file, line: nil, column: "element \(Self.text(multiIndex(ofElementAt: k))) (\(part))")
        }
    }

    /// A real float64 array from C-order values.
    public init(shape: [Int], realElements: [Double]) throws(IOError) {
        try self.init(shape: shape, elements: realElements.map { Complex($0, 0) }, dataType: .float64)
    }

    private static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"

    /// Reads the file at `url`.
    /// - Throws: `IOError.missingFile`, `.unreadable`, and the errors of `decode`.
    public static func read(from url: URL) throws(IOError) -> NPYArray {
        try decode(FileContents.read(url), file: url.path)
    }

    /// Decodes NPY bytes.
    /// - Throws: `IOError.malformedInput` (bad magic, bad header, more data than the shape holds),
    ///   `IOError.unsupportedFormat` (a dtype other than `<c16`/`<c8`/`<f8`, named; an unknown version),
    ///   `IOError.truncated` (less data than the shape needs).
    public static func decode(_ data: Data, file: String) throws(IOError) -> NPYArray {
        // Read in place (no byte copy); rebase a slice so that indices start at 0.
        let bytes = data.startIndex == 0 ? data : Data(data)
        func malformed(_ reason: String) -> IOError {
            .malformedInput(file: file, line: nil, column: nil, reason: reason)
        }
        guard bytes.count >= 10 else {
            // Empty (such as /dev/null) or cut inside the 10-byte preamble.
            if bytes.isEmpty || magic.starts(with: bytes.prefix(6)) || bytes.starts(with: magic) {
                throw IOError.truncated(file: file, expectedBytes: 10, actualBytes: bytes.count)
            }
            throw malformed("not an NPY file (the first bytes are not \\x93NUMPY)")
        }
        guard Array(bytes[0..<6]) == magic else {
            throw malformed("not an NPY file (the first bytes are not \\x93NUMPY)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else {
                throw IOError.truncated(file: file, expectedBytes: 12, actualBytes: bytes.count)
            }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw .unsupportedFormat(
                file: file, reason: "NPY format version \(major).\(bytes[7]) (supported: 1.0, 2.0, 3.0)")
        }
        let dataStart = headerStart + headerLength
        guard bytes.count >= dataStart else {
            throw .truncated(file: file, expectedBytes: dataStart, actualBytes: bytes.count)
        }
        guard let headerText = String(validating: bytes[headerStart..<dataStart], as: UTF8.self) else {
            throw malformed("the header is not valid text")
        }
        let header = try NPYHeader.parse(headerText, file: file)
        guard let dataType = DataType(rawValue: header.descr) else {
            throw .unsupportedFormat(
                file: file, reason: "dtype '\(header.descr)' is not supported; supported: '<c16', '<c8', '<f8'")
        }
        // Every size below comes from the file: checked arithmetic, and a comparison with the bytes
        // really present, before anything is allocated.
        let count = try Self.elementCount(of: header.shape, file: file)
        let (dataBytes, bytesOverflow) = count.multipliedReportingOverflow(by: dataType.itemSize)
        let (expectedBytes, endOverflow) = dataStart.addingReportingOverflow(dataBytes)
        guard !bytesOverflow, !endOverflow else {
            throw malformed(
                "shape mismatch: shape \(Self.text(header.shape)) of \(header.descr) needs more data bytes than a 64-bit size can hold; the file holds \(bytes.count - dataStart)"
            )
        }
        if bytes.count < expectedBytes {
            throw .truncated(file: file, expectedBytes: expectedBytes, actualBytes: bytes.count)
        }
        if bytes.count > expectedBytes {
            throw malformed(
                "shape mismatch: shape \(Self.text(header.shape)) of \(header.descr) needs \(dataBytes) data bytes but the file holds \(bytes.count - dataStart)"
            )
        }
        // Elements land directly at their C-order position: a Fortran-order file (first index fastest)
        // is permuted while decoding, so the peak memory is the file plus one array.
        let shape = header.shape
        var cStrides = [Int](repeating: 1, count: shape.count)
        if count > 0 {  // every partial product is then ≤ count: no overflow
            for axis in stride(from: shape.count - 2, through: 0, by: -1) {
                cStrides[axis] = cStrides[axis + 1] * shape[axis + 1]
            }
        }
        var fortranIndex = [Int](repeating: 0, count: shape.count)
        var stored = [Complex<Double>](repeating: .zero, count: count)
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for k in 0..<count {
                let destination: Int
                if header.fortranOrder {
                    var position = 0
                    for axis in 0..<shape.count { position += fortranIndex[axis] * cStrides[axis] }
                    destination = position
                    var axis = 0
                    while axis < shape.count {
                        fortranIndex[axis] += 1
                        if fortranIndex[axis] < shape[axis] { break }
                        fortranIndex[axis] = 0
                        axis += 1
                    }
                } else {
                    destination = k
                }
                let offset = dataStart + k * dataType.itemSize
                switch dataType {
                case .complex128:
                    let re = Double(
                        bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    let im = Double(
                        bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                    )
                    stored[destination] = Complex(re, im)
                case .complex64:
                    let re = Float(
                        bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                    let im = Float(
                        bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                    )
                    stored[destination] = Complex(Double(re), Double(im))
                case .float64:
                    let re = Double(
                        bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    stored[destination] = Complex(re, 0)
                }
            }
        }
        return try NPYArray(shape: header.shape, elements: stored, dataType: dataType)
    }

    /// The NPY bytes of this array.
    /// - Parameter fortranOrder: Store column-major (`fortran_order: True`) instead of C order.
    /// - Throws: `IOError.malformedInput` if `dataType` is `.float64` and an element has a nonzero imaginary part.
    public func encoded(fortranOrder: Bool = false) throws(IOError) -> Data {
        if dataType == .float64, let k = elements.firstIndex(where: { $0.rawStorage.y != 0 }) {
            throw .malformedInput(
                file: "<NPYArray>", line: nil, column: "element \(k)",
                reason: "dtype '<f8' cannot hold a nonzero imaginary part; use complex128")
        }
        let header = NPYHeader(descr: dataType.rawValue, fortranOrder: fortranOrder, shape: shape).dictionaryText
        var headerBytes = Array(header.utf8)
        let version: UInt8 = headerBytes.count + 11 + 63 > 65535 ? 2 : 1
        let prefixLength = version == 1 ? 10 : 12
        let padding = (64 - (prefixLength + headerBytes.count + 1) % 64) % 64
        headerBytes += [UInt8](repeating: 0x20, count: padding) + [0x0A]

        var out = Self.magic + [version, 0]
        let length = headerBytes.count
        out +=
            version == 1
            ? [UInt8(length & 0xFF), UInt8(length >> 8)]
            : [UInt8(length & 0xFF), UInt8((length >> 8) & 0xFF), UInt8((length >> 16) & 0xFF), UInt8(length >> 24)]
        out += headerBytes
        let stored = fortranOrder ? Self.permute(elements, shape: shape, fromFortran: false) : elements
        out.reserveCapacity(out.count + stored.count * dataType.itemSize)
        for element in stored {
            let (re, im) = element.rawStorage
            switch dataType {
            case .complex128:
                Self.append(re.bitPattern, to: &out)
                Self.append(im.bitPattern, to: &out)
            case .complex64:
                Self.append(Float(re).bitPattern, to: &out)
                Self.append(Float(im).bitPattern, to: &out)
            case .float64:
                Self.append(re.bitPattern, to: &out)
            }
        }
        return Data(out)
    }

    /// Atomically writes the array to `url` (see `encoded(fortranOrder:)`).
    /// - Throws: `IOError.unwritable`, and the errors of `encoded`.
    public func write(to url: URL, fortranOrder: Bool = false) throws(IOError) {
        try AtomicFileWriter.write(encoded(fortranOrder: fortranOrder), to: url)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Reorders between C order and Fortran order.
    ///
    ///     C index      c = Σₖ iₖ · Πⱼ₌ₖ₊₁ⁿ⁻¹ dⱼ
    ///     Fortran      f = Σₖ iₖ · Πⱼ₌₀ᵏ⁻¹ dⱼ
    ///
    /// `fromFortran == true`: input in Fortran order, output in C order; otherwise the reverse.
    /// - Complexity: O(count · rank).
    static func permute(_ input: [Complex<Double>], shape: [Int], fromFortran: Bool) -> [Complex<Double>] {
        guard shape.count > 1, !input.isEmpty else { return input }
        var fortranStrides = [Int](repeating: 1, count: shape.count)
        for k in 1..<shape.count { fortranStrides[k] = fortranStrides[k - 1] * shape[k - 1] }
        var output = input
        var index = [Int](repeating: 0, count: shape.count)  // multi-index, advanced in C order
        var f = 0
        for c in 0..<input.count {
            if fromFortran { output[c] = input[f] } else { output[f] = input[c] }
            var k = shape.count - 1
            while k >= 0 {
                index[k] += 1
                f += fortranStrides[k]
                if index[k] < shape[k] { break }
                f -= fortranStrides[k] * shape[k]
                index[k] = 0
                k -= 1
            }
        }
        return output
    }
}

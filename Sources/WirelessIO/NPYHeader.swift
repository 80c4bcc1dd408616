/// The header dictionary of an NPY file: `{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }`.
///
/// Parsed with a small reader for the Python-literal subset NumPy writes (strings, `True`/`False`,
/// tuples of integers); see the NPY format specification (numpy.lib.format, versions 1.0–3.0).
struct NPYHeader: Equatable {
    var descr: String
    var fortranOrder: Bool
    var shape: [Int]

    private enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case tuple([Int])
    }

    /// Parses the header text.
    /// - Throws: `IOError.malformedInput` naming `file` and the problem.
    static func parse(_ text: String, file: String) throws(IOError) -> NPYHeader {
        func fail(_ reason: String) -> IOError {
            .malformedInput(file: file, line: nil, column: nil, reason: "bad NPY header: \(reason)")
        }
        var scanner = Scanner(bytes: Array(text.utf8), file: file)
        var members: [String: Value] = [:]
        try scanner.expect(UInt8(ascii: "{"))
        while true {
            scanner.skipSpace()
            if scanner.peek() == UInt8(ascii: "}") { break }
            let key = try scanner.string()
            try scanner.expect(UInt8(ascii: ":"))
            members[key] = try scanner.value()
            scanner.skipSpace()
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.advance()
                continue
            }
            try scanner.expect(UInt8(ascii: "}"))
            break
        }
        guard case .string(let descr)? = members["descr"] else { throw fail("the header has no 'descr' string") }
        guard case .bool(let fortranOrder)? = members["fortran_order"] else {
            throw fail("the header has no 'fortran_order' True/False")
        }
        guard case .tuple(let shape)? = members["shape"] else { throw fail("the header has no 'shape' tuple") }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("the shape has a negative dimension") }
        return NPYHeader(descr: descr, fortranOrder: fortranOrder, shape: shape)
    }

    /// The dictionary text as NumPy writes it (without padding): `(5,)` for one dimension, `()` for none.
    var dictionaryText: String {
        let shapeText: String
        switch shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(shape[0]),)"
        default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        return "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }"
    }

    private struct Scanner {
        let bytes: [UInt8]
        let file: String
        var index = 0

        func fail(_ reason: String) -> IOError {
            .malformedInput(file: file, line: nil, column: nil, reason: "bad NPY header: \(reason)")
        }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
        mutating func advance() { index += 1 }

        mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { advance() }
        }

        mutating func expect(_ byte: UInt8) throws(IOError) {
            skipSpace()
            guard peek() == byte else {
                throw fail("expected '\(Character(Unicode.Scalar(byte)))' at header offset \(index)")
            }
            advance()
        }

        mutating func string() throws(IOError) -> String {
            skipSpace()
            guard let delimiter = peek(), delimiter == UInt8(ascii: "'") || delimiter == UInt8(ascii: "\"") else {
                throw fail("expected a quoted string at header offset \(index)")
            }
            advance()
            let start = index
            while let byte = peek(), byte != delimiter { advance() }
            guard peek() == delimiter else { throw fail("unterminated string in the header") }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            advance()
            return text
        }

        mutating func integer() throws(IOError) -> Int {
            skipSpace()
            let start = index
            if peek() == UInt8(ascii: "-") { throw fail("negative dimension in the shape at header offset \(start)") }
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { advance() }
            let digits = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let value = Int(digits) else {
                throw fail(
                    digits.isEmpty
                        ? "expected an integer at header offset \(start)"
                        : "dimension \(digits.prefix(30)) at header offset \(start) does not fit in a 64-bit integer")
            }
            if peek() == UInt8(ascii: "L") { advance() }  // Python 2 long suffix in old files
            return value
        }

        mutating func value() throws(IOError) -> Value {
            skipSpace()
            switch peek() {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "("):
                advance()
                var items: [Int] = []
                while true {
                    skipSpace()
                    if peek() == UInt8(ascii: ")") {
                        advance()
                        return .tuple(items)
                    }
                    items.append(try integer())
                    skipSpace()
                    if peek() == UInt8(ascii: ",") {
                        advance()
                    } else {
                        try expect(UInt8(ascii: ")"))
                        return .tuple(items)
                    }
                }
            default:
                let start = index
                while let byte = peek(), (UInt8(ascii: "A")...UInt8(ascii: "z")).contains(byte) { advance() }
                switch String(decoding: bytes[start..<index], as: UTF8.self) {
                case "True": return .bool(true)
                case "False": return .bool(false)
                default: throw fail("unexpected value at header offset \(start)")
                }
            }
        }
    }
}

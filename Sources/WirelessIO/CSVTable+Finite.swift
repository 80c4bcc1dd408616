import Foundation

extension CSVTable {
    /// The first cell, row by row, that reads as a NaN or infinite number, with its file line (the header
    /// is line 1) and column name; nil when every number is finite. A missing value is an empty cell, never
    /// `nan`.
    public func firstNonFiniteCell() -> (line: Int, column: String, text: String)? {
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where Self.isNonFiniteNumber(cell) {
                return (r + 2, header[c], cell)
            }
        }
        return nil
    }

    /// Whether `text` reads as a number that is NaN or infinite (`NaN`, `nan`, `Inf`, `-inf`, `infinity`, `1e999`).
    public static func isNonFiniteNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        // Fast path: a finite number or a word that is not nan/inf starts with neither of these.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: " "):
            break
        default:
            return false
        }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else { return false }
        return !value.isFinite
    }
}

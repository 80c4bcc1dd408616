import Foundation
import Testing
import WirelessCore

@testable import WirelessIO

/// `JSONTable`: `--format json` output is valid JSON (checked by Foundation's independent parser), with
/// missing values as null, booleans as true/false and numbers as numbers.
@Suite struct JSONTableTests {
    /// Parses `text` with Foundation's `JSONSerialization` (the oracle) into columns and rows.
    static func parse(_ text: String) throws -> (columns: [String], rows: [[Any]]) {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        let dictionary = try #require(object as? [String: Any])
        let columns = try #require(dictionary["columns"] as? [String])
        let rows = try #require(dictionary["rows"] as? [[Any]])
        return (columns, rows)
    }

    @Test func hostileStringsSurviveARoundTrip() throws {
        let hostile = [
            "quote \" inside", "back\\slash", "new\nline", "tab\tand\rreturn", "bell \u{07} nul \u{00} esc \u{1B}",
            "\u{08}\u{0C}\u{1F}", "unicode: κ → ∞ 🛰️ e\u{301}", "</script>", "{\"rows\": []}", "line\u{2028}sep", "",
        ]
        let table = CSVTable(
            header: ["label \"x\"", "n"], rows: hostile.enumerated().map { [$0.element, String($0.offset)] })
        let text = JSONTable(table).encoded()
        let (columns, rows) = try Self.parse(text)
        #expect(columns == ["label \"x\"", "n"])
        #expect(rows.count == hostile.count)
        for (r, row) in rows.enumerated() {
            if hostile[r].isEmpty {
                #expect(row[0] is NSNull)  // an empty cell is a missing value
            } else {
                #expect(row[0] as? String == hostile[r])
            }
            #expect((row[1] as? NSNumber)?.intValue == r)
        }
        // The toolkit's own parser agrees.
        let value = try JSONValue(parsing: Data(text.utf8), file: "t.json")
        #expect(value["columns"] == .array([.string("label \"x\""), .string("n")]))
        // No raw control character reaches the file.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func missingValuesAreNullBooleansAreBooleansNumbersAreNumbers() throws {
        let table = CSVTable(
            header: ["distance_m", "clamped", "status", "code"],
            rows: [
                ["10", "true", "ok", "007"],
                ["", "false", "", "12"],
                ["-2.5e-05", "", "not achievable", "0x10"],
            ])
        let (_, rows) = try Self.parse(JSONTable(table).encoded())
        #expect((rows[0][0] as? NSNumber)?.doubleValue == 10)
        #expect(rows[1][0] is NSNull)
        #expect((rows[2][0] as? NSNumber)?.doubleValue == -2.5e-05)
        #expect(rows[0][1] as? Bool == true)
        #expect(rows[1][1] as? Bool == false)
        #expect(rows[2][1] is NSNull)
        #expect(rows[1][2] is NSNull)
        #expect(rows[2][2] as? String == "not achievable")
        // "007" and "0x10" are not JSON numbers (the old writer emitted them bare: invalid JSON): text.
        #expect(rows[0][3] as? String == "007")
        #expect(rows[2][3] as? String == "0x10")
    }

    @Test func studyTablesAreTypedByTheirColumns() throws {
        let table = StudyTable(columns: [
            StudyColumn("rmse", unit: "db", [1.5, nil]),
            StudyColumn("links", [3, 4]),
            StudyColumn("group", ["1", "B1"]),  // text, even where a cell looks like a number
            StudyColumn("converged", ["true", "false"]),
            StudyColumn("value", values: .mixed([.real(nil), .text("n/a")])),
        ])
        let (columns, rows) = try Self.parse(JSONTable(table).encoded())
        #expect(columns == ["rmse_db", "links", "group", "converged", "value"])
        #expect((rows[0][0] as? NSNumber)?.doubleValue == 1.5)
        #expect(rows[1][0] is NSNull)
        #expect((rows[1][1] as? NSNumber)?.intValue == 4)
        #expect(rows[0][2] as? String == "1")
        #expect(rows[1][3] as? Bool == false)
        #expect(rows[0][4] is NSNull)
        #expect(rows[1][4] as? String == "n/a")
    }

    @Test func numbersKeepTheirCSVDigits() throws {
        let values = [0.1, 1e-300, -0.0, 6.02214076e23, 123456789.125, Double.leastNonzeroMagnitude]
        let table = StudyTable(columns: [StudyColumn("x", values)])
        let text = JSONTable(table).encoded()
        let (_, rows) = try Self.parse(text)
        for (row, value) in zip(rows, values) {
            #expect((row[0] as? NSNumber)?.doubleValue == value)
        }
        #expect(text.contains("[6.02214076e+23]"))
    }

    @Test func emptyTableIsValidJSON() throws {
        let (columns, rows) = try Self.parse(JSONTable(CSVTable(header: ["a"], rows: [])).encoded())
        #expect(columns == ["a"])
        #expect(rows.isEmpty)
    }

    @Test(arguments: [
        ("0", true), ("-0", true), ("10", true), ("-2.5", true), ("1e5", true), ("1E+05", true), ("1.5e-07", true),
        ("", false), ("-", false), ("+1", false), ("01", false), (".5", false), ("1.", false), ("1e", false),
        ("0x10", false), ("NaN", false), ("Inf", false), (" 1", false), ("1 ", false), ("1,5", false),
    ])
    func numberGrammar(text: String, isNumber: Bool) {
        #expect(JSONTable.isNumber(text) == isNumber)
    }
}

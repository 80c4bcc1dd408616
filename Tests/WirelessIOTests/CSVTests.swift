import Foundation
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct CSVTests {
    /// Random field text drawn from an alphabet rich in the characters CSV must escape.
    static func randomField(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet: [String] = [
            "a", "b", "Z", "0", " ", ",", "\"", "\n", "\r\n", "\r", "é", "µ", "\t", "x,y", "\"\"",
        ]
        let length = Int(generator.next() % 7)
        return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test func roundTripOfRandomTextWithCommasQuotesAndNewlines() throws {
        var generator = Xoshiro256StarStar(seed: 20_261_127)
        for trial in 0..<200 {
            let columnCount = 1 + Int(generator.next() % 4)
            let rowCount = Int(generator.next() % 6)
            let header = (0..<columnCount).map { "c\($0)_" + Self.randomField(using: &generator) }
            let rows = (0..<rowCount).map { _ in (0..<columnCount).map { _ in Self.randomField(using: &generator) } }
            let table = CSVTable(header: header, rows: rows)
            for terminator in [CSVWriter.LineTerminator.lf, .crlf] {
                let text = CSVWriter(lineTerminator: terminator).encode(table)
                let document = try CSVReader.parse(text, file: "trial\(trial).csv")
                #expect(document.header == header)
                #expect(document.rows == rows, "trial \(trial)")
            }
        }
    }

    @Test func physicalLineNumbersFollowQuotedLineBreaks() throws {
        let text = "name,value\n\"two\nlines\",1\nplain,2\n\"three\r\nline\rfield\",3\nlast,4"
        let document = try CSVReader.parse(text)
        #expect(document.rowLines == [2, 4, 5, 8])
        #expect(document.rows[2][0] == "three\r\nline\rfield")
        #expect(try document.ints(column: "value") == [1, 2, 3, 4])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("distance_m,path_gain_db,extra\r\n1.5,-60.25,x\r\n10,-80,\"y,z\"\r\n\r\n\r\n".utf8)
        let document = try CSVReader.parse(Data(bytes), file: "bom.csv")
        #expect(document.header == ["distance_m", "path_gain_db", "extra"])
        #expect(try document.doubles(column: "distance_m") == [1.5, 10])
        #expect(try document.doubles(column: "path_gain_db") == [-60.25, -80])
        #expect(document.rowLines == [2, 3])
    }

    @Test func missingTrailingNewlineAndTrailingEmptyField() throws {
        let document = try CSVReader.parse("a,b\n1,\n2,3")
        #expect(document.rows == [["1", ""], ["2", "3"]])
        #expect(try document.optionalDoubles(column: "b") == [nil, 3])
    }

    @Test func singleColumnEmptyValuesSurviveRoundTrip() throws {
        let table = CSVTable(header: ["label"], rows: [[""], ["x"], [""]])
        let text = CSVWriter().encode(table)
        #expect(text == "label\n\"\"\nx\n\"\"\n")
        #expect(try CSVReader.parse(text).rows == table.rows)
    }

    @Test func columnBuilderAndTypedAccessIgnoreExtraColumns() throws {
        let distances = [1.0, 2.5, 1e-7, 123_456_789.125]
        let table = CSVTable(columns: [("distance_m", distances), ("path_gain_db", [-1, -2, -3, -4])])
        let document = try CSVReader.parse(CSVWriter().encode(table))
        #expect(try document.doubles(column: "distance_m") == distances)
        #expect(try document.strings(column: "path_gain_db") == ["-1", "-2", "-3", "-4"])
    }

    enum Expected: Equatable {
        case malformed(line: Int?, column: String?)
        case missingColumn(String)
        case nonFinite(line: Int, column: String)
    }

    static let malformedCases: [(name: String, text: String, expected: Expected)] = [
        ("unterminated quote", "a,b\n1,2\n3,\"open\nstill open\n", .malformed(line: 3, column: "b")),
        ("ragged row", "a,b\n1,2\n3\n4,5\n", .malformed(line: 3, column: nil)),
        ("too many fields", "a,b\n1,2,3\n", .malformed(line: 2, column: nil)),
        ("non-numeric value", "a,distance_m\nx,1\ny,abc\n", .malformed(line: 3, column: "distance_m")),
        ("empty numeric value", "a,distance_m\nx,\n", .malformed(line: 2, column: "distance_m")),
        ("missing column", "a,b\n1,2\n", .missingColumn("distance_m")),
        ("ragged after quoted newline", "distance_m\n1\n\"multi\nline\",\nNaN\n", .malformed(line: 3, column: nil)),
        ("NaN not allowed", "distance_m\n1\nnan\n", .nonFinite(line: 3, column: "distance_m")),
        (
            "NaN after quoted newline", "name,distance_m\n\"two\nlines\",1\nx,NaN\n",
            .nonFinite(line: 4, column: "distance_m")
        ),
        ("infinity not allowed", "distance_m\n-inf\n", .nonFinite(line: 2, column: "distance_m")),
        ("empty file", "", .malformed(line: 1, column: nil)),
        ("only blank lines", "\n\n", .malformed(line: 1, column: nil)),
        ("text after closing quote", "a,b\n\"x\"y,1\n", .malformed(line: 2, column: "a")),
        ("quote in unquoted field", "a,b\nx\"y,1\n", .malformed(line: 2, column: "a")),
        ("blank line inside data", "a,b\n1,2\n\n3,4\n", .malformed(line: 3, column: nil)),
    ]

    @Test(arguments: malformedCases.indices)
    func malformedInputGivesTheExpectedError(caseIndex: Int) {
        let (name, text, expected) = Self.malformedCases[caseIndex]
        do {
            let document = try CSVReader.parse(text, file: "bad.csv")
            _ = try document.doubles(column: "distance_m")
            Issue.record("\(name): no error thrown")
        } catch {
            switch (error, expected) {
            case (.malformedInput(let file, let line, let column, _), .malformed(let expectedLine, let expectedColumn)):
                #expect(file == "bad.csv")
                #expect(line == expectedLine, "\(name)")
                #expect(column == expectedColumn, "\(name)")
            case (.missingColumn(let file, let column), .missingColumn(let expectedColumn)):
                #expect(file == "bad.csv")
                #expect(column == expectedColumn, "\(name)")
            case (.nonFiniteValue(let file, let line, let column), .nonFinite(let expectedLine, let expectedColumn)):
                #expect(file == "bad.csv")
                #expect(line == expectedLine, "\(name)")
                #expect(column == expectedColumn, "\(name)")
            default:
                Issue.record("\(name): unexpected error \(error)")
            }
            #expect(error.category == .invalidData)
            #expect(error.description.contains("bad.csv"))
        }
    }

    @Test func nonFiniteValuesAreReadWhenAllowed() throws {
        let document = try CSVReader.parse("x\nNaN\nInf\n-Inf\n1\n")
        let values = try document.doubles(column: "x", allowNonFinite: true)
        #expect(values[0].isNaN)
        #expect(values[1] == .infinity && values[2] == -.infinity && values[3] == 1)
    }

    @Test func errorDescriptionNamesFileLineAndColumn() {
        let error = IOError.malformedInput(
            file: "links.csv", line: 7, column: "distance_m", reason: "'abc' is not a number")
        #expect(error.description == "links.csv, line 7, column 'distance_m': malformed input: 'abc' is not a number")
        #expect(IOError.unwritable(path: "/x", reason: "r").category == .inputOutput)
        #expect(IOError.unreadable(path: "/x", reason: "r").category == .inputOutput)
        #expect(IOError.truncated(file: "f", expectedBytes: 8, actualBytes: 5).category == .invalidData)
    }

    @Test func integersRejectFractions() {
        #expect(
            throws: IOError.malformedInput(file: "<string>", line: 3, column: "n", reason: "'1.5' is not an integer")
        ) {
            try CSVReader.parse("n\n1\n1.5\n").ints(column: "n")
        }
    }

    @Test func duplicateColumnNameIsReportedWhenUsed() throws {
        let document = try CSVReader.parse("a,a,b\n1,2,3\n")
        #expect(try document.doubles(column: "b") == [3])
        #expect(throws: IOError.self) { try document.doubles(column: "a") }
    }
}

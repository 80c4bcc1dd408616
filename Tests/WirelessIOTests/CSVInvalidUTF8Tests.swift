import Foundation
import Testing

@testable import WirelessIO

/// Text that is not UTF-8 is bad data located by line and column (issue 12, class 4), found while the
/// cells are decoded (the reader no longer validates the whole file first).
struct CSVInvalidUTF8Tests {
    private func malformed(_ bytes: [UInt8]) -> (line: Int?, column: String?, reason: String)? {
        do {
            _ = try CSVReader.parse(bytes, file: "latin1.csv")
            return nil
        } catch {
            guard case .malformedInput(let file, let line, let column, let reason) = error, file == "latin1.csv" else {
                return nil
            }
            return (line, column, reason)
        }
    }

    @Test func anUnquotedCellNamesItsLineAndColumn() throws {
        // "Montréal" in Latin-1 (0xE9) on the second data line.
        let bytes = Array("site,distance_m\nA,10\n".utf8) + Array("Montr".utf8) + [0xE9] + Array("al,20\n".utf8)
        let failure = try #require(malformed(bytes))
        #expect(failure.line == 3)
        #expect(failure.column == "site")
        #expect(failure.reason.contains("UTF-8"))
    }

    @Test func aQuotedCellSpanningLinesNamesTheLineWhereItOpens() throws {
        let bytes = Array("a,b\n1,\"x\ny".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8)
        let failure = try #require(malformed(bytes))
        #expect(failure.line == 2)
        #expect(failure.column == "b")
    }

    @Test func aHeaderCellIsNamedByItsPosition() throws {
        let failure = try #require(malformed([0x61, 0x2C, 0xC3, 0x28, 0x0A, 0x31, 0x2C, 0x32, 0x0A]))
        #expect(failure.line == 1)
        #expect(failure.column == "field 2")
    }

    @Test func validMultibyteTextAndABOMStillParse() throws {
        let document = try CSVReader.parse(
            [0xEF, 0xBB, 0xBF] + Array("lieu,µ\n\"Montréal, QC\",é\n".utf8), file: "ok.csv")
        #expect(document.header == ["lieu", "µ"])
        #expect(document.rows == [["Montréal, QC", "é"]])
    }
}

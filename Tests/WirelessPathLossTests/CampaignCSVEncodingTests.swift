import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// A campaign that is not UTF-8 text is bad data (exit 65) with its line, not an I/O failure (issue 12).
struct CampaignCSVEncodingTests {
    private func latin1Campaign() -> [UInt8] {
        Array("# measured in Qu".utf8) + Array("ebec\ndistance_m,path_gain_db,building_id\n10,-80,B1\n".utf8)
            + Array("20,-85,Caf".utf8) + [0xE9] + Array("\n".utf8)
    }

    @Test func invalidUTF8IsAMalformedRowWithItsLine() throws {
        do {
            _ = try CampaignCSV.parse(bytes: latin1Campaign(), file: "latin1.csv")
            Issue.record("expected an error")
        } catch {
            guard case .malformedRow(let file, let line, let column, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "latin1.csv")
            #expect(line == 4)  // the comment line counts
            #expect(column == "building_id")
            #expect(reason.contains("UTF-8"))
            #expect(error.category == .invalidData)
        }
    }

    @Test func readingSuchAFileIsBadDataNotAnIOError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wtk-latin1-\(UUID().uuidString).csv")
        try Data(latin1Campaign()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try CampaignCSV.read(contentsOf: url)
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .invalidData)
            guard case .malformedRow(_, let line, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(line == 4)
        }
    }

    @Test func aCommentLineThatIsNotUTF8IsNamed() throws {
        let bytes = Array("# ok\n# caf".utf8) + [0xE9] + Array("\ndistance_m,path_gain_db\n10,-80\n".utf8)
        #expect(throws: PathLossError.self) { try CampaignCSV.parse(bytes: bytes, file: "c.csv") }
        do {
            _ = try CampaignCSV.parse(bytes: bytes, file: "c.csv")
        } catch {
            guard case .malformedRow(_, let line, _, _) = error else { return }
            #expect(line == 2)
        }
    }

    /// The fast trim agrees with Foundation's `trimmingCharacters(in: .whitespaces)` it replaced.
    @Test func trimmingMatchesFoundation() {
        let samples = [
            "", " ", "\t", "10", " 10 ", "\t-80\t", "  a b  ", "\u{00A0}10\u{00A0}", "\u{3000}x", "x\u{2009}",
            " \u{00A0} y \u{00A0} ", "é", " é ", "\u{00A0}", "a\u{0301} ", " \u{0301}", "\n10\n", "10\r",
        ]
        for text in samples {
            #expect(String(CampaignCSV.trimmedWhitespace(text)) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }

    /// Byte-level parsing gives the same campaign as before on a file with every schema column,
    /// CRLF line ends, a BOM, quoted cells and padded values.
    @Test func everySchemaColumnParsesAsBefore() throws {
        let text =
            "\u{FEFF}# SYNTHETIC replica - generated, not measured; generator x v1, seed 1\r\n"
            + "Link_ID, scenario_id ,building_id,glass_type,scaffolding,foliage,elevated_subway,floor,los,censored,"
            + "frequency_ghz,tx_height_m,rx_height_m,distance_m,path_loss_db\r\n"
            + "\"L,1\",s1,B1, Low_Loss ,yes,no,TRUE,3,,1, 28 ,10,1.5, 25.5 ,95.25\r\n"
            + "L2,s2,B2,high_loss,0,1,false, 2 ,0,0,39,12.5,2,40,100\r\n"
        let campaign = try CampaignCSV.parse(text, file: "all.csv")
        #expect(campaign.isSynthetic)
        #expect(campaign.links.count == 2)
        let first = campaign.links[0]
        #expect(first.linkID == "L,1")
        #expect(first.scenarioID == "s1")
        #expect(first.glassType == .lowLoss)
        #expect(first.scaffolding == true && first.foliage == false && first.elevatedSubway == true)
        #expect(first.floor == 3)
        #expect(first.lineOfSight == nil)
        #expect(first.isCensored)
        #expect(first.frequencyGHz == 28 && first.txHeightMeters == 10 && first.rxHeightMeters == 1.5)
        #expect(first.distanceMeters == 25.5 && first.pathGainDB == -95.25)
        let second = campaign.links[1]
        #expect(second.floor == 2 && second.lineOfSight == false && !second.isCensored)
        #expect(second.glassType == .highLoss && second.frequencyGHz == 39)
    }
}

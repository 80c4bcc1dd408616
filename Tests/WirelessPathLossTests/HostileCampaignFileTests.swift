import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessPathLoss

/// Hostile campaign CSV files read from disk the way `wtk pathloss` reads them (`CampaignCSV.read`),
/// issue 12: each is either read as the documented schema says or refused as bad data (exit 65) with
/// the file and, where one exists, the line named; none traps or is silently misread. (The malformed
/// schema values — bad categories, positive gains, zero frequencies — are in `CampaignCSVTests`.)
@Suite struct HostileCampaignFileTests {
    /// How a hostile file must end.
    enum Outcome: Sendable {
        /// Read; the campaign has this many links.
        case links(Int)
        /// Refused as bad data, naming the file and this 1-based physical line.
        case refused(line: Int)
        /// Refused as bad data, naming the file (no line: the header or the whole file is at fault).
        case refusedFile
    }

    /// (what is hostile, the file's bytes, the outcome).
    static let cases: [(name: String, bytes: [UInt8], outcome: Outcome)] = [
        ("ragged row: a field short", bytes("distance_m,path_gain_db\n10,-80\n20\n"), .refused(line: 3)),
        ("ragged row: a field more", bytes("distance_m,path_gain_db\n10,-80,7\n"), .refused(line: 2)),
        (
            "quoted field with an embedded newline, then a bad row",
            bytes("link_id,distance_m,path_gain_db\n\"a\nb\",10,-80\nc,x,-80\n"), .refused(line: 4)
        ),
        (
            "quoted field with an embedded CRLF", bytes("link_id,distance_m,path_gain_db\r\n\"a\r\nb\",10,-80\r\n"),
            .links(1)
        ),
        ("unterminated quote", bytes("distance_m,path_gain_db\n10,-80\n\"20,-85\n30,-90\n"), .refused(line: 3)),
        ("text after a closing quote", bytes("distance_m,path_gain_db\n\"10\"x,-80\n"), .refused(line: 2)),
        ("a quote inside an unquoted field", bytes("distance_m,path_gain_db\n1\"0,-80\n"), .refused(line: 2)),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + bytes("distance_m,path_gain_db\n10,-80\n"), .links(1)),
        // (The campaign reader and the CSV layer each drop one mark.)
        (
            "byte-order mark twice", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + bytes("distance_m,path_gain_db\n10,-80\n"),
            .links(1)
        ),
        ("CRLF line ends", bytes("distance_m,path_gain_db\r\n10,-80\r\n20,-85\r\n"), .links(2)),
        ("lone CR line ends", bytes("distance_m,path_gain_db\r10,-80\r20,-85\r"), .links(2)),
        ("NaN cell", bytes("distance_m,path_gain_db\n10,-80\n20,NaN\n"), .refused(line: 3)),
        ("Inf cell", bytes("distance_m,path_gain_db\ninf,-80\n"), .refused(line: 2)),
        ("1e999 cell (overflows to infinity)", bytes("distance_m,path_gain_db\n1e999,-80\n"), .refused(line: 2)),
        ("-1e999 cell", bytes("distance_m,path_gain_db\n10,-1e999\n"), .refused(line: 2)),
        ("1e-400 distance (underflows to zero)", bytes("distance_m,path_gain_db\n1e-400,-80\n"), .refused(line: 2)),
        ("negative distance", bytes("# c\ndistance_m,path_gain_db\n10,-80\n-5,-80\n"), .refused(line: 4)),
        ("empty header line", bytes("\ndistance_m,path_gain_db\n10,-80\n"), .refusedFile),
        ("empty file", [], .refusedFile),
        ("only comment lines", bytes("# a\n# b\n"), .refused(line: 3)),
        ("only blank lines", bytes("\n\n\n"), .refusedFile),
        ("header without rows", bytes("distance_m,path_gain_db\n"), .links(0)),
        // Before: the first of the two columns was used silently.
        ("duplicate column", bytes("distance_m,path_gain_db,distance_m\n10,-80,20\n"), .refused(line: 1)),
        (
            "duplicate column after comments", bytes("# c\nDISTANCE_M,path_gain_db,distance_m \n10,-80,20\n"),
            .refused(line: 2)
        ),
        (
            "huge field (1 MB of digits: infinity)",
            bytes("distance_m,path_gain_db\n1" + String(repeating: "0", count: 1 << 20) + ",-80\n"), .refused(line: 2)
        ),
        (
            "huge text field (1 MB link id)",
            bytes("link_id,distance_m,path_gain_db\n" + String(repeating: "x", count: 1 << 20) + ",10,-80\n"), .links(1)
        ),
        // Before: Double("1\u{0}0") stops at the NUL and read 1 m.
        ("NUL byte in a number", bytes("distance_m,path_gain_db\n1\u{0}0,-80\n"), .refused(line: 2)),
        ("hexadecimal float", bytes("distance_m,path_gain_db\n0x1p3,-80\n"), .refused(line: 2)),
        ("NUL byte in the header", bytes("distance_m\u{0},path_gain_db\n10,-80\n"), .refusedFile),
        ("blank line inside the data", bytes("distance_m,path_gain_db\n10,-80\n\n20,-85\n"), .refused(line: 3)),
        ("text where a number belongs", bytes("distance_m,path_gain_db\nten,-80\n"), .refused(line: 2)),
        ("floor beyond Int", bytes("distance_m,path_gain_db,floor\n10,-80,99999999999999999999\n"), .refused(line: 2)),
        ("height of zero", bytes("distance_m,path_gain_db,tx_height_m\n10,-80,0\n"), .refused(line: 2)),
        ("1e999 frequency", bytes("distance_m,path_gain_db,frequency_ghz\n10,-80,1e999\n"), .refused(line: 2)),
    ]

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: cases.indices)
    func aHostileCampaignFileIsReadOrRefusedAsBadData(_ index: Int) throws {
        let (name, bytes, outcome) = Self.cases[index]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hostile.csv")
        try Data(bytes).write(to: url)
        do {
            let campaign = try CampaignCSV.read(contentsOf: url)
            guard case .links(let count) = outcome else {
                Issue.record("\(name): read \(campaign.links.count) links, expected a refusal")
                return
            }
            #expect(campaign.links.count == count, "\(name)")
        } catch {
            #expect(error.category == .invalidData, "\(name): \(error)")
            #expect(error.description.contains(url.path), "\(name): \(error)")
            switch outcome {
            case .links: Issue.record("\(name): refused: \(error)")
            case .refused(let line): #expect(error.description.contains("\(url.path):\(line)"), "\(name): \(error)")
            case .refusedFile: break
            }
        }
    }

    @Test func dropInvalidRowsStillRefusesWhatIsNotANumber() throws {
        // --drop-invalid-rows drops non-finite and non-positive rows only; a malformed cell stays an error.
        let text = "distance_m,path_gain_db\n10,-80\n1e999,-80\n-1,-80\n20,abc\n"
        #expect(
            throws: PathLossError.malformedRow(
                file: "d.csv", line: 5, column: "path_gain_db", reason: "expected a number, got 'abc'")
        ) {
            try CampaignCSV.parse(text, file: "d.csv", options: .init(dropInvalidRows: true))
        }
    }

    @Test func invalidUTF8IsATypedErrorNamingTheFile() throws {
        // Bad data (65) naming the file and the line of the bad byte (line 3); it was an I/O error (74).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("latin1.csv")
        try Data(Self.bytes("distance_m,path_gain_db\n10,-80\n") + [0xE9, 0x2C, 0x31, 0x0A]).write(to: url)
        #expect {
            try CampaignCSV.read(contentsOf: url)
        } throws: { error in
            guard let error = error as? PathLossError else { return false }
            return error.description.contains("\(url.path):3:")
                && error.category == .invalidData
        }
    }
}

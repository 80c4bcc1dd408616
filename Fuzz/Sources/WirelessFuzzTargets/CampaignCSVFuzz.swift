import Foundation
import WirelessIO
import WirelessPathLoss

/// Campaign CSV: the input is the file's bytes.
///
/// Runs the generic RFC 4180 reader on the bytes (`CSVReader.parse`, which checks UTF-8 itself),
/// then the campaign reader (`CampaignCSV.read`, the path `wtk pathloss` takes) on a file holding them,
/// in both row modes (strict, and `--drop-invalid-rows`).
enum CampaignCSVFuzz {
    static func run(_ data: Data) {
        _ = try? CSVReader.parse(data, file: "fuzz.csv")
        let url = FuzzInput.file("campaign.csv", data)
        _ = try? CampaignCSV.read(contentsOf: url)
        _ = try? CampaignCSV.read(contentsOf: url, options: .init(dropInvalidRows: true))
    }
}

import Foundation
internal import WirelessIO
internal import WirelessPathLoss

/// Campaign CSV: the input is the file's bytes.
///
/// Reads a file holding them with the campaign reader (`CampaignCSV.read`, the path `wtk pathloss`
/// takes, which parses with `CSVReader`), strict for an even input length and with
/// `--drop-invalid-rows` for an odd one. Bytes that are not UTF-8 also go through the generic
/// reader's own decoding (`CSVReader.parse(_:file:)` on `Data`).
enum CampaignCSVFuzz {
    static func run(_ data: Data) {
        let url = FuzzInput.file("campaign.csv", data)
        _ = try? CampaignCSV.read(contentsOf: url, options: .init(dropInvalidRows: data.count % 2 == 1))
        if String(validating: data, as: UTF8.self) == nil {
            _ = try? CSVReader.parse(data, file: "fuzz.csv")
        }
    }
}

import Foundation
import Testing

@testable import WirelessPathLoss

/// `CampaignCSV.read(path:options:)`: a path reads that file with the options; no path reads the bundled replica,
/// which a run records under `BundledReplica.repositoryPath`.
@Test func campaignReadByPathOrTheBundledReplica() throws {
    let bundled = try CampaignCSV.read(path: nil)
    #expect(bundled.links == (try CampaignCSV.read(contentsOf: BundledReplica.url())).links)
    #expect(BundledReplica.repositoryPath.hasSuffix("/" + BundledReplica.fileName))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-path-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mine.csv")
    try "distance_m,path_gain_db\n10,-80\n-1,-90\n20,-85\n".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: PathLossError.self) { try CampaignCSV.read(path: file.path) }
    let kept = try CampaignCSV.read(path: file.path, options: .init(dropInvalidRows: true))
    #expect(kept.links.map(\.distanceMeters) == [10, 20])
}

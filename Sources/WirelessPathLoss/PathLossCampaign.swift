/// A measurement campaign: its links, where they came from, and whether they are synthetic.
///
/// `isSynthetic` propagates to every fit and report derived from the campaign (docs/PATHLOSS.md#synthetic-replica).
public struct PathLossCampaign: Sendable, Equatable, Codable {
    /// The links in file order.
    public var links: [PathLossLink]
    /// True for generated (synthetic) data; set from the file's `# SYNTHETIC` banner or by the generator.
    public var isSynthetic: Bool
    /// Where the links came from (file path or generator name).
    public var source: String
    /// Rows dropped by the reader (`dropInvalidRows`), 0 otherwise.
    public var droppedRowCount: Int

    /// A campaign over `links`.
    public init(links: [PathLossLink], isSynthetic: Bool, source: String, droppedRowCount: Int = 0) {
        self.links = links
        self.isSynthetic = isSynthetic
        self.source = source
        self.droppedRowCount = droppedRowCount
    }

    /// Links not below the detection floor.
    public var uncensoredLinks: [PathLossLink] { links.filter { !$0.isCensored } }

    /// Number of censored links.
    public var censoredCount: Int { links.reduce(0) { $0 + ($1.isCensored ? 1 : 0) } }

    /// Distinct scenario identifiers in order of first appearance.
    public var scenarioIDs: [String] { distinct(links.compactMap(\.scenarioID)) }

    /// Distinct building identifiers in order of first appearance.
    public var buildingIDs: [String] { distinct(links.compactMap(\.buildingID)) }

    /// The sub-campaign of links satisfying `predicate` (same provenance).
    public func filtered(_ predicate: (PathLossLink) -> Bool) -> PathLossCampaign {
        PathLossCampaign(links: links.filter(predicate), isSynthetic: isSynthetic, source: source)
    }

    private func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

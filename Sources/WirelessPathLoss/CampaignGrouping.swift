/// An attribute by which links are grouped for per-group fits (docs/PATHLOSS.md#groups).
public enum CampaignGrouping: String, Sendable, Equatable, Codable, CaseIterable {
    case glassType = "glass_type"
    case building = "building_id"
    case scenario = "scenario_id"
    case floor
    case scaffolding
    case foliage
    case elevatedSubway = "elevated_subway"
    case lineOfSight = "los"

    /// The group label of `link`, or nil if the attribute is missing.
    public func key(of link: PathLossLink) -> String? {
        switch self {
        case .glassType: return link.glassType?.rawValue
        case .building: return link.buildingID
        case .scenario: return link.scenarioID
        case .floor: return link.floor.map(String.init)
        case .scaffolding: return link.scaffolding.map { $0 ? "1" : "0" }
        case .foliage: return link.foliage.map { $0 ? "1" : "0" }
        case .elevatedSubway: return link.elevatedSubway.map { $0 ? "1" : "0" }
        case .lineOfSight: return link.lineOfSight.map { $0 ? "1" : "0" }
        }
    }

    /// Whether any link of `campaign` has a value in this column.
    public func isPresent(in campaign: PathLossCampaign) -> Bool { campaign.links.contains { key(of: $0) != nil } }

    /// The grouping used when none is asked for: `glass_type` when the campaign has that column, else nil
    /// (the campaign is analysed as one group).
    public static func defaultGrouping(for campaign: PathLossCampaign) -> CampaignGrouping? {
        glassType.isPresent(in: campaign) ? glassType : nil
    }
}

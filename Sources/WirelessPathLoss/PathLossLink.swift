/// One measured (or synthetic) outdoor-to-indoor link (docs/PATHLOSS.md#csv-schema).
///
/// Path gain is stored (PG = −PL). Optional fields are nil when the column is absent or,
/// for `lineOfSight`, empty (unknown).
public struct PathLossLink: Sendable, Equatable, Codable {
    /// TX–RX distance [m], > 0 (`distance_m`).
    public var distanceMeters: Double
    /// Path gain [dB] (`path_gain_db`; `path_loss_db` is sign-flipped on read). For a censored link, the floor.
    public var pathGainDB: Double
    /// Scenario (TX position) identifier, the clustering unit (`scenario_id`).
    public var scenarioID: String?
    /// Building identifier (`building_id`).
    public var buildingID: String?
    /// Link identifier (`link_id`).
    public var linkID: String?
    /// Glass type of the building (`glass_type`).
    public var glassType: GlassType?
    /// Scaffolding in front of the façade (`scaffolding`).
    public var scaffolding: Bool?
    /// Tree foliage in the path (`foliage`).
    public var foliage: Bool?
    /// Elevated subway tracks in the path (`elevated_subway`).
    public var elevatedSubway: Bool?
    /// Floor, ≥ 1 (1 = street level) (`floor`).
    public var floor: Int?
    /// Line of sight to the façade; nil = unknown (`los`).
    public var lineOfSight: Bool?
    /// Below the detection floor: `pathGainDB` is the floor (`censored`).
    public var isCensored: Bool
    /// Carrier frequency [GHz], > 0 (`frequency_ghz`, default 28).
    public var frequencyGHz: Double
    /// TX antenna height [m] (`tx_height_m`).
    public var txHeightMeters: Double?
    /// RX antenna height [m] (`rx_height_m`).
    public var rxHeightMeters: Double?

    /// A link; every optional attribute defaults to absent, frequency to 28 GHz.
    public init(
        distanceMeters: Double, pathGainDB: Double, scenarioID: String? = nil, buildingID: String? = nil,
        linkID: String? = nil, glassType: GlassType? = nil, scaffolding: Bool? = nil, foliage: Bool? = nil,
        elevatedSubway: Bool? = nil, floor: Int? = nil, lineOfSight: Bool? = nil, isCensored: Bool = false,
        frequencyGHz: Double = 28, txHeightMeters: Double? = nil, rxHeightMeters: Double? = nil
    ) {
        self.distanceMeters = distanceMeters
        self.pathGainDB = pathGainDB
        self.scenarioID = scenarioID
        self.buildingID = buildingID
        self.linkID = linkID
        self.glassType = glassType
        self.scaffolding = scaffolding
        self.foliage = foliage
        self.elevatedSubway = elevatedSubway
        self.floor = floor
        self.lineOfSight = lineOfSight
        self.isCensored = isCensored
        self.frequencyGHz = frequencyGHz
        self.txHeightMeters = txHeightMeters
        self.rxHeightMeters = rxHeightMeters
    }
}

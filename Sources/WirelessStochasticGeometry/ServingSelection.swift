/// The serving BS of a drop under an `Association`, chosen as the drop's BSs are offered in order of
/// distance (docs/DENSIFICATION.md#association): the nearest (index 0) for `.nearest`, else the first
/// maximum of the instantaneous received power H_k·g(r_k) (`.strongestInstantaneous`) or of the mean
/// received power S_k·g(r_k) (`.strongestMeanPower`).
///
/// The Monte-Carlo reference (`DropPlan.sinr`) and the fast single-slope kernel (`DropKernel`) both choose
/// through it, so the two evaluations cannot disagree on the rule (ties keep the nearer BS).
struct ServingSelection {
    let association: Association
    /// The serving BS among those offered so far (0 before any).
    private(set) var index = 0
    /// The largest power offered so far under the association's criterion.
    private var best = -Double.infinity

    init(_ association: Association) { self.association = association }

    /// Offers BS `k` (offered in increasing k) with its instantaneous and mean received powers.
    @inline(__always)
    mutating func offer(_ k: Int, received: Double, meanPower: Double) {
        let power: Double
        switch association {
        case .nearest: return
        case .strongestInstantaneous: power = received
        case .strongestMeanPower: power = meanPower
        }
        if power > best {
            best = power
            index = k
        }
    }
}

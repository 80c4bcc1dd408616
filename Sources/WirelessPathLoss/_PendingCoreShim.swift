// TEMPORARY (pathloss branch): stand-in for the contract's `Statistics.quantile` (Hyndman–Fan type 7)
// until it lands in WirelessCore. Delete this file when it does.
enum Statistics {
    static func quantile(_ values: [Double], probability: Double) -> Double {
        let s = values.sorted()
        let h = Double(s.count - 1) * probability
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}

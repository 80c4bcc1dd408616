// TEMPORARY (pathloss branch): stand-ins for contract names of WirelessCore (SpecialFunctions,
// Statistics) until the core lands on main. Delete this file when merging main.
import Foundation

enum SpecialFunctions {
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    static func inverseNormalCDF(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if normalCDF(mid) < p { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }
}

enum Statistics {
    static func quantile(_ values: [Double], probability: Double) -> Double {
        let s = values.sorted()
        let h = Double(s.count - 1) * probability
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}

extension SpecialFunctions {
    static func erfcx(_ x: Double) -> Double {
        if x < 25 { return exp(x * x) * erfc(x) }
        let x2 = x * x
        return 1 / (x * Double.pi.squareRoot()) * (1 - 1 / (2 * x2) + 3 / (4 * x2 * x2))
    }
}

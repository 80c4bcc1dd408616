import Foundation
import WirelessCore

/// Monte-Carlo drops of a `MultiTierNetwork`, the independent check of its analytic coverage
/// (docs/DENSIFICATION.md#multi-tier-networks).
///
/// Each drop places every tier's PPP in a disc of radius R around the typical user at the origin, with R
/// chosen so the disc holds `meanBaseStations` BSs on average, draws Rayleigh fading per BS, associates with
/// the largest biased mean power B_k·P_k·r^{−α_k} (each tier its own exponent) and records the SINR. The
/// interference from beyond R enters as its mean, Σ_k 2πλ_k P_k R^{2−α_k}/(α_k−2) (the tail correction; a BS
/// beyond R is never the serving one when its biased mean power is below the best inside, which the default
/// R, holding 400 BSs on average, makes overwhelmingly likely). Drop d draws from stream d of the seed, so the
/// result does not depend on the number of threads; drops run on all cores in chunks.
public struct MultiTierSimulator: Sendable {
    /// One drop's outcome.
    public struct Drop: Sendable, Equatable {
        /// Serving tier (0-based), nil when no tier has a BS in the disc (counted as not covered).
        public var tier: Int?
        /// SINR [linear] (0 without a serving BS).
        public var sinr: Double
    }

    /// The network simulated.
    public let network: MultiTierNetwork
    /// Mean number of BSs per drop in the simulated disc, ≥ 10.
    public let meanBaseStations: Double

    /// - Throws: `.invalidSimulationParameter` for fewer than 10 BSs on average.
    public init(network: MultiTierNetwork, meanBaseStations: Double = 400) throws(DensificationError) {
        guard meanBaseStations >= 10, meanBaseStations.isFinite else {
            throw .invalidSimulationParameter(name: "mean BSs per drop", value: meanBaseStations)
        }
        self.network = network
        self.meanBaseStations = meanBaseStations
    }

    /// Radius R of the simulated disc [unit of length].
    public var radius: Double {
        (meanBaseStations / (Double.pi * network.tiers.reduce(0) { $0 + $1.density })).squareRoot()
    }

    /// `count` drops from `seed`, in drop order.
    /// - Throws: `.invalidSimulationParameter` for `count` < 1.
    public func drops(_ count: Int, seed: UInt64) throws(DensificationError) -> [Drop] {
        guard count >= 1 else { throw .invalidSimulationParameter(name: "drops", value: Double(count)) }
        let chunk = 512
        let chunks = (count + chunk - 1) / chunk
        let parts = ParallelExecution.parallelMap(count: chunks) { c -> [Drop] in
            var workspace = Workspace()
            return (c * chunk..<min(count, (c + 1) * chunk)).map { d in
                var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(d))
                return drop(using: &generator, workspace: &workspace)
            }
        }
        return parts.flatMap { $0 }
    }

    /// Buffers reused across the drops of one chunk (no allocation per drop once they have grown).
    struct Workspace {
        var received: [Double] = []
        var biased: [Double] = []
        var tierOf: [Int] = []
    }

    func drop(using generator: inout Xoshiro256StarStar, workspace w: inout Workspace) -> Drop {
        let r = radius
        w.received.removeAll(keepingCapacity: true)
        w.biased.removeAll(keepingCapacity: true)
        w.tierOf.removeAll(keepingCapacity: true)
        var tail = 0.0
        for (k, tier) in network.tiers.enumerated() {
            let alpha = network.exponent(ofTier: k)
            // λπR² > 0 by construction, so the Poisson law is valid.
            let count = (try! PoissonDistribution(mean: tier.density * Double.pi * r * r)).sample(using: &generator)
            for _ in 0..<count {
                let distance = r * generator.nextOpenUnitDouble().squareRoot()
                let gain = pow(distance, -alpha)
                let fading = -log(generator.nextOpenUnitDouble())
                w.received.append(tier.transmitPower * fading * gain)
                w.biased.append(tier.bias * tier.transmitPower * gain)
                w.tierOf.append(k)
            }
            tail += 2 * Double.pi * tier.density * tier.transmitPower * pow(r, 2 - alpha) / (alpha - 2)
        }
        guard let serving = w.biased.indices.max(by: { w.biased[$0] < w.biased[$1] }) else {
            return Drop(tier: nil, sinr: 0)
        }
        var interference = tail
        for i in w.received.indices where i != serving { interference += w.received[i] }
        return Drop(tier: w.tierOf[serving], sinr: w.received[serving] / (interference + network.noise))
    }
}

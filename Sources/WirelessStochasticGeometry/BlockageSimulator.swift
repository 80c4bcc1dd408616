import Foundation
import WirelessCore

/// Monte-Carlo drops of a `BlockageNetwork`, the independent check of its analytic coverage
/// (docs/DENSIFICATION.md#mmwave-blockage).
///
/// Each drop places a PPP in a disc of radius R around the user, draws each BS's LOS state from p(r) and its
/// Rayleigh fading, joins the BS of largest mean gain and records the SINR. R holds `meanBaseStations` BSs on
/// average and at least reaches 10/β (exponential) or 2·R_B (ball), so LOS BSs beyond it are negligible; the
/// mean NLOS interference from beyond R, 2πλC_N R^{2−α_N}/(α_N − 2), is added as a constant. Drop d uses
/// stream d of the seed; chunks of drops run on all cores.
public struct BlockageSimulator: Sendable {
    /// The network simulated.
    public let network: BlockageNetwork
    /// Radius R of the simulated disc [unit length].
    public let radius: Double

    /// - Throws: `.invalidSimulationParameter` for fewer than 10 BSs on average or a disc that would need more
    ///   than 10⁵ BSs per drop to reach the blockage range.
    public init(network: BlockageNetwork, meanBaseStations: Double = 400) throws(DensificationError) {
        guard meanBaseStations >= 10, meanBaseStations.isFinite else {
            throw .invalidSimulationParameter(name: "mean BSs per drop", value: meanBaseStations)
        }
        let reach: Double
        switch network.lineOfSight {
        case .exponential(let beta): reach = 10 / beta
        case .ball(let radius): reach = 2 * radius
        }
        let r = max((meanBaseStations / (Double.pi * network.density)).squareRoot(), reach)
        guard Double.pi * r * r * network.density <= 1e5 else {
            throw .invalidSimulationParameter(name: "BSs per drop", value: Double.pi * r * r * network.density)
        }
        self.network = network
        self.radius = r
    }

    /// SINR [linear] of `count` drops from `seed`, in drop order (0 when a drop has no BS).
    /// - Throws: `.invalidSimulationParameter` for `count` < 1.
    public func sinr(drops count: Int, seed: UInt64) throws(DensificationError) -> [Double] {
        guard count >= 1 else { throw .invalidSimulationParameter(name: "drops", value: Double(count)) }
        let chunk = 512
        let n = network
        let r = radius
        let tail = 2 * Double.pi * n.density * n.nlosIntercept * pow(r, 2 - n.nlosExponent) / (n.nlosExponent - 2)
        // λπR² > 0 by construction, so the Poisson law is valid.
        let population = try! PoissonDistribution(mean: n.density * Double.pi * r * r)
        let parts = ParallelExecution.parallelMap(count: (count + chunk - 1) / chunk) { c -> [Double] in
            var received: [Double] = []
            var mean: [Double] = []
            return (c * chunk..<min(count, (c + 1) * chunk)).map { d in
                var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(d))
                received.removeAll(keepingCapacity: true)
                mean.removeAll(keepingCapacity: true)
                for _ in 0..<population.sample(using: &generator) {
                    let distance = r * generator.nextOpenUnitDouble().squareRoot()
                    let los = generator.nextUnitDouble() < n.lineOfSight.probability(distance)
                    let g = n.gain(los: los, distance: distance)
                    mean.append(g)
                    received.append(g * -log(generator.nextOpenUnitDouble()))
                }
                guard let serving = mean.indices.max(by: { mean[$0] < mean[$1] }) else { return 0 }
                var interference = tail + n.noise
                for i in received.indices where i != serving { interference += received[i] }
                return received[serving] / interference
            }
        }
        return parts.flatMap { $0 }
    }
}

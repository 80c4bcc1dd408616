#if canImport(Glibc)
    import Glibc
#endif

/// A side-by-side comparison with a peer program (`../shared/peers/`, see its README): rounds alternate
/// ours and the peer's (A B A B …) in one run, so load on a shared machine hits both alike; each round
/// yields one rate per metric for each side, and the table prints every round, the medians and the
/// ratio ours/peer of the medians. Listed in `Registry.swift` (`allPeerComparisons`); selected by the same
/// filters as the benchmark groups ("group/name").
struct PeerComparison: Sendable {
    /// Label, "group/name".
    let name: String
    /// Metric names with their unit, e.g. ("training, batch 32", "examples/s").
    let metrics: [(name: String, unit: String)]
    /// Number of A B rounds.
    let rounds: Int
    /// Prepares our side (untimed) and returns one round of it: a rate per metric.
    let ours: @Sendable () throws -> () throws -> [Double]
    /// One run of the peer: a rate per metric, or nil with the reason when it cannot run.
    let peer: @Sendable () -> Result<[Double], PeerError>

    struct PeerError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs the rounds and prints the table (or why the peer could not run).
    func run() {
        print("  comparing \(name) with its peer, \(rounds) rounds (peer, ours, peer, ours, …) …")
        let round: () throws -> [Double]
        do { round = try ours() } catch {
            print("  \(name): set-up FAILED (\(error))")
            return
        }
        var peerRates: [[Double]] = []
        var ourRates: [[Double]] = []
        for index in 0..<rounds {
            switch peer() {
            case .success(let rates): peerRates.append(rates)
            case .failure(let error):
                print("  \(name): the peer did not run (\(error)); no comparison")
                return
            }
            do { ourRates.append(try round()) } catch {
                print("  \(name): FAILED (\(error))")
                return
            }
            print("    round \(index + 1): peer \(peerRates.last!.map(format)), ours \(ourRates.last!.map(format))")
        }
        print("")
        print("| comparison | metric | peer (median) | ours (median) | ours / peer | rounds peer | rounds ours |")
        print("|---|---|---|---|---|---|---|")
        for (k, metric) in metrics.enumerated() {
            let p = peerRates.map { $0[k] }
            let o = ourRates.map { $0[k] }
            let (pm, om) = (median(p), median(o))
            print(
                "| \(name) | \(metric.name) | \(format(pm)) \(metric.unit) | \(format(om)) \(metric.unit) | "
                    + "\(Harness.fixed(om / pm, 2))× | \(p.map(format).joined(separator: ", ")) | "
                    + "\(o.map(format).joined(separator: ", ")) |")
        }
        print("")
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : Harness.fixed(value, 1)
    }
}

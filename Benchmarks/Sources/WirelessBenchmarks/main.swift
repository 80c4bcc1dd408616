import Foundation

// Usage: WirelessBenchmarks [--list] [filter …]
//        WirelessBenchmarks --peers [--rounds N] [comparison …]   (side by side with ../shared/peers)
// A benchmark runs if its "group/name" contains any filter (case-insensitive); no filter runs all.
var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 5
if let index = arguments.firstIndex(of: "--rounds"), index + 1 < arguments.count, let value = Int(arguments[index + 1])
{
    rounds = max(1, value)
    arguments.removeSubrange(index...(index + 1))
}
let filters = arguments.filter { !$0.hasPrefix("--") }.map { $0.lowercased() }
let listOnly = arguments.contains("--list")

if arguments.contains("--peers") {
    for comparison in peerRuns where filters.isEmpty || filters.contains(comparison.name) {
        if listOnly {
            print("peers/\(comparison.name)")
            continue
        }
        do { try comparison.run(rounds) } catch { print("  \(comparison.name): FAILED (\(error))") }
        print("")
    }
    exit(0)
}

var results: [Measurement] = []
for group in allBenchmarkGroups {
    let selected = group.benchmarks().filter { benchmark in
        let label = "\(group.name)/\(benchmark.name)".lowercased()
        return filters.isEmpty || filters.contains(where: { label.contains($0) })
    }
    if listOnly {
        for benchmark in selected { print("\(group.name)/\(benchmark.name)") }
        continue
    }
    guard !selected.isEmpty else { continue }
    print("  measuring \(group.name) (\(selected.count) benchmarks, interleaved) …")
    results += Harness.measure(group: group.name, selected)
}
if !listOnly && !results.isEmpty {
    print("")
    Harness.printTable(results)
}
// Side-by-side comparisons with the peers (minutes each): only when a filter names them.
for comparison in allPeerComparisons
where listOnly || filters.contains(where: { comparison.name.lowercased().contains($0) }) {
    if listOnly {
        print("\(comparison.name) (peer comparison)")
    } else {
        print("")
        comparison.run()
    }
}

// Usage: WirelessBenchmarks [--list] [filter …]
// A benchmark runs if its "group/name" contains any filter (case-insensitive); no filter runs all.
let arguments = Array(CommandLine.arguments.dropFirst())
let filters = arguments.filter { !$0.hasPrefix("--") }.map { $0.lowercased() }
let listOnly = arguments.contains("--list")

var results: [Measurement] = []
for group in allBenchmarkGroups {
    for benchmark in group.benchmarks() {
        let label = "\(group.name)/\(benchmark.name)"
        guard filters.isEmpty || filters.contains(where: { label.lowercased().contains($0) }) else { continue }
        if listOnly {
            print(label)
            continue
        }
        do {
            let result = try Harness.measure(benchmark, group: group.name)
            results.append(result)
            print("  \(label): \(Harness.format(seconds: result.median))")
        } catch {
            print("  \(label): FAILED (\(error))")
        }
    }
}
if !listOnly {
    print("")
    Harness.printTable(results)
}

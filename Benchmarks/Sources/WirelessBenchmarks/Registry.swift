// Every benchmark group, in report order. To add a group: create `<Name>Benchmarks.swift`
// defining `let <name>Benchmarks = BenchmarkGroup(...)` and list it here.
let allBenchmarkGroups: [BenchmarkGroup] = [
    fftBenchmarks,
    welchBenchmarks,
    linearAlgebraBenchmarks,
    pathLossBenchmarks,
    isacBenchmarks,
    densifyBenchmarks,
    spectrumNetBenchmarks,
    readerBenchmarks,
]

// Side-by-side comparisons with the programs in `../shared/peers/` (see `PeerComparison`).
let allPeerComparisons: [PeerComparison] = [
    spectrumNetJAXComparison
]

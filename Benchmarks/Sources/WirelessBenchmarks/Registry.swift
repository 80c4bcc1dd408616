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

// A small self-contained timing harness: warm-up, auto-calibrated inner loop, median of N samples.

/// One timed operation. `make` does the set-up (allocations, planning, data) and returns the
/// closure to time; set-up is never timed and its data lives only while this benchmark runs.
struct Benchmark {
    /// Row label, e.g. "FFTPlan.execute n=1024".
    let name: String
    /// Work per call for a throughput column (e.g. samples), with its unit ("samples").
    var work: (count: Double, unit: String)? = nil
    /// Name of another benchmark in the same group to report the relative difference against.
    var baseline: String? = nil
    /// Number of timed samples (the median is reported).
    var samples: Int = 31
    /// Builds the operation to time.
    let make: () throws -> () -> Void
}

/// A named list of benchmarks, built on demand. One file per group; list it in `Registry.swift`.
struct BenchmarkGroup: Sendable {
    let name: String
    let benchmarks: @Sendable () -> [Benchmark]
}

/// The result of timing one benchmark.
struct Measurement {
    let group: String
    let name: String
    /// Median seconds per call.
    let median: Double
    /// Fastest sample, seconds per call.
    let minimum: Double
    let callsPerSample: Int
    let work: (count: Double, unit: String)?
    let baseline: String?
}

enum Harness {
    /// Minimum duration of one timed sample; the inner loop count is chosen to reach it. Short
    /// samples (2 ms) keep most samples inside one scheduler time slice on a shared machine, so the
    /// median is robust to preemption; `min` is the uncontended estimate.
    static let targetSampleSeconds = 0.002

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) * 1e-18
    }

    /// Times `benchmark`: one warm-up call, calibration, a few warm-up samples, then `samples` samples.
    static func measure(_ benchmark: Benchmark, group: String) throws -> Measurement {
        let operation = try benchmark.make()
        let clock = ContinuousClock()
        operation()  // warm-up (first-touch page faults, caches, lazy set-up)
        let once = seconds(clock.measure { operation() })
        let calls = max(1, Int((targetSampleSeconds / max(once, 1e-9)).rounded(.up)))
        for _ in 0..<2 { for _ in 0..<calls { operation() } }  // warm-up samples
        var perCall: [Double] = []
        perCall.reserveCapacity(benchmark.samples)
        for _ in 0..<benchmark.samples {
            let elapsed = clock.measure { for _ in 0..<calls { operation() } }
            perCall.append(seconds(elapsed) / Double(calls))
        }
        perCall.sort()
        return Measurement(
            group: group, name: benchmark.name, median: perCall[perCall.count / 2], minimum: perCall[0],
            callsPerSample: calls, work: benchmark.work, baseline: benchmark.baseline)
    }

    /// Human-readable time.
    static func format(seconds: Double) -> String {
        if seconds >= 1 { return fixed(seconds, 3) + " s" }
        if seconds >= 1e-3 { return fixed(seconds * 1e3, 3) + " ms" }
        if seconds >= 1e-6 { return fixed(seconds * 1e6, 3) + " µs" }
        return fixed(seconds * 1e9, 1) + " ns"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            text += "." + String(repeating: "0", count: digits)
        }
        return text
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Prints the results as a Markdown table.
    static func printTable(_ results: [Measurement]) {
        let header = ["group", "benchmark", "median", "min", "calls/sample", "throughput / vs baseline"]
        var rows: [[String]] = []
        for result in results {
            var extra: [String] = []
            if let work = result.work {
                extra.append(fixed(work.count / result.median / 1e6, 2) + " M\(work.unit)/s")
            }
            if let baselineName = result.baseline,
                let reference = results.first(where: { $0.group == result.group && $0.name == baselineName })
            {
                let percent = (result.median / reference.median - 1) * 100
                extra.append((percent >= 0 ? "+" : "") + fixed(percent, 1) + " % vs \(baselineName)")
            }
            rows.append([
                result.group, result.name, format(seconds: result.median), format(seconds: result.minimum),
                String(result.callsPerSample), extra.joined(separator: "; "),
            ])
        }
        let widths = header.indices.map { column in
            max(header[column].count, rows.map { $0[column].count }.max() ?? 0)
        }
        let line = { (cells: [String]) -> String in
            "| " + cells.indices.map { pad(cells[$0], widths[$0], right: $0 >= 2 && $0 <= 4) }.joined(separator: " | ")
                + " |"
        }
        print(line(header))
        print("|" + widths.indices.map { String(repeating: "-", count: widths[$0] + 2) }.joined(separator: "|") + "|")
        for row in rows { print(line(row)) }
    }
}

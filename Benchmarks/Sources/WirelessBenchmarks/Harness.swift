#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Median process CPU time per call [s] (all threads): on a busy machine, close to the
    /// uncontended wall time of single-threaded code; above wall time for multi-threaded code.
    let cpuMedian: Double
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

    /// Times the benchmarks of one group, interleaved: after set-up, one warm-up call and
    /// calibration for each, the samples are taken round-robin (one sample of each benchmark per
    /// round), so load changes on a shared machine hit all of them alike and comparisons against a
    /// baseline stay fair.
    static func measure(group: String, _ benchmarks: [Benchmark]) -> [Measurement] {
        let clock = ContinuousClock()
        var operations: [(benchmark: Benchmark, run: () -> Void, calls: Int)] = []
        for benchmark in benchmarks {
            do {
                let operation = try benchmark.make()
                operation()  // warm-up (first-touch page faults, caches, lazy set-up)
                // Calibrate on the fastest of three calls so one preempted call does not shrink the loop.
                let once = (0..<3).map { _ in seconds(clock.measure { operation() }) }.min()!
                let calls = max(1, Int((targetSampleSeconds / max(once, 1e-9)).rounded(.up)))
                for _ in 0..<calls { operation() }  // a warm-up sample
                operations.append((benchmark, operation, calls))
            } catch {
                print("  \(group)/\(benchmark.name): set-up FAILED (\(error))")
            }
        }
        var perCall = [[Double]](repeating: [], count: operations.count)
        var cpuPerCall = [[Double]](repeating: [], count: operations.count)
        let rounds = operations.map(\.benchmark.samples).max() ?? 0
        for round in 0..<rounds {
            for (index, entry) in operations.enumerated() where round < entry.benchmark.samples {
                let cpuStart = processCPUSeconds()
                let elapsed = clock.measure { for _ in 0..<entry.calls { entry.run() } }
                let cpu = processCPUSeconds() - cpuStart
                perCall[index].append(seconds(elapsed) / Double(entry.calls))
                cpuPerCall[index].append(cpu / Double(entry.calls))
            }
        }
        return operations.indices.map { index in
            let sorted = perCall[index].sorted()
            let cpuSorted = cpuPerCall[index].sorted()
            let entry = operations[index]
            return Measurement(
                group: group, name: entry.benchmark.name, median: sorted[sorted.count / 2], minimum: sorted[0],
                cpuMedian: cpuSorted[cpuSorted.count / 2],
                callsPerSample: entry.calls, work: entry.benchmark.work, baseline: entry.benchmark.baseline)
        }
    }

    /// CPU time consumed by the process so far (all threads) [s].
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
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

    /// A rate with an SI prefix chosen so that three significant digits show (e.g. "49.9 examples/s",
    /// "111 Msamples/s").
    static func rate(_ perSecond: Double, unit: String) -> String {
        let (value, prefix) =
            perSecond >= 1e9
            ? (perSecond / 1e9, "G")
            : perSecond >= 1e6
                ? (perSecond / 1e6, "M")
                : perSecond >= 1e3 ? (perSecond / 1e3, "k") : (perSecond, "")
        let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
        let text = digits == 0 ? String(Int(value.rounded())) : fixed(value, digits)
        return text + " " + prefix + unit + "/s"
    }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + fixed(value, 1) }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Prints the results as a Markdown table.
    static func printTable(_ results: [Measurement]) {
        let header = ["group", "benchmark", "median", "min", "cpu median", "calls/sample", "throughput / vs baseline"]
        var rows: [[String]] = []
        for result in results {
            var extra: [String] = []
            if let work = result.work {
                let perMedian = rate(work.count / result.median, unit: work.unit)
                let perCPU = rate(work.count / result.cpuMedian, unit: work.unit)
                extra.append("\(perMedian) (median), \(perCPU) (cpu)")
            }
            if let baselineName = result.baseline,
                let reference = results.first(where: { $0.group == result.group && $0.name == baselineName })
            {
                let medianPercent = (result.median / reference.median - 1) * 100
                let minimumPercent = (result.minimum / reference.minimum - 1) * 100
                extra.append(
                    "vs \(baselineName): " + signed(minimumPercent) + " % (min), " + signed(medianPercent)
                        + " % (median)")
            }
            rows.append([
                result.group, result.name, format(seconds: result.median), format(seconds: result.minimum),
                format(seconds: result.cpuMedian),
                String(result.callsPerSample), extra.joined(separator: "; "),
            ])
        }
        let widths = header.indices.map { column in
            max(header[column].count, rows.map { $0[column].count }.max() ?? 0)
        }
        let line = { (cells: [String]) -> String in
            "| " + cells.indices.map { pad(cells[$0], widths[$0], right: $0 >= 2 && $0 <= 5) }.joined(separator: " | ")
                + " |"
        }
        print(line(header))
        print("|" + widths.indices.map { String(repeating: "-", count: widths[$0] + 2) }.joined(separator: "|") + "|")
        for row in rows { print(line(row)) }
    }
}

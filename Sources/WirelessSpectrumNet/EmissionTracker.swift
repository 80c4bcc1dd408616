import Foundation
import WirelessCore

/// Merges per-window occupied intervals across time into emissions (docs/SPECTRUM.md#emissions).
///
/// Rule: windows arrive in stream order. An interval of window w continues an open emission when
///
///     the emission was last seen in a window w′ with w − w′ − 1 ≤ maxGapWindows (default 0: the previous window),
///     in the same capture, and
///     [lower, upper] of the interval overlaps the emission's extent in w′ widened by toleranceBins bins on each side
///     (default 1 bin: intervals that touch or miss by one bin continue).
///
/// An interval that continues several open emissions merges them (into the one that started first); several
/// intervals that continue one emission all join it (its extent in w is their union). An interval that
/// continues none starts an emission. An emission closes when a window passes without continuing it beyond
/// the gap tolerance, when the capture changes, or at `finish()`. The extent tracked for overlap is the last
/// window's (a slowly drifting carrier stays one emission); the reported edges are the union over all windows.
///
/// Closed emissions are returned by `add(_:)` / `finish()` ordered by start sample, then lower edge, so the
/// output is a deterministic function of the windows. Memory holds only the open emissions.
public struct EmissionTracker: Sendable {
    /// The merging tolerances.
    public struct Configuration: Sendable, Equatable {
        /// Bin width of the detections [Hz] (fs / N), > 0.
        public var binWidthHz: Double
        /// Frequency tolerance [bins], ≥ 0.
        public var toleranceBins: Int = 1
        /// Windows without a detection an emission may skip and continue, ≥ 0.
        public var maxGapWindows: Int = 0

        public init(binWidthHz: Double, toleranceBins: Int = 1, maxGapWindows: Int = 0) {
            self.binWidthHz = binWidthHz
            self.toleranceBins = toleranceBins
            self.maxGapWindows = maxGapWindows
        }
    }

    /// An emission being followed.
    struct Open: Sendable {
        var capture: Int
        var firstWindow: Int
        var lastWindow: Int
        var windows: Int
        var sampleStart: Int
        var sampleEnd: Int
        var lower: Double
        var upper: Double
        /// Extent in the last window seen.
        var lastLower: Double
        var lastUpper: Double
        var powerSum: Double
        var peakPower: Double
        var noiseSum: Double
        var padded: Bool
        var captureSampleStart: Int
        var captureStartDate: Date?
        /// Window being accumulated (its band power summed over the intervals that joined in it).
        var pendingWindow: Int
        var pendingPower: Double
        var pendingNoise: Double
        var pendingLower: Double
        var pendingUpper: Double
    }

    public let configuration: Configuration
    /// Sample rate [Hz], for the emissions' times.
    public let sampleRateHz: Double
    var open: [Open] = []

    /// - Precondition: binWidthHz > 0, sampleRateHz > 0, toleranceBins ≥ 0, maxGapWindows ≥ 0.
    public init(configuration: Configuration, sampleRateHz: Double) {
        precondition(configuration.binWidthHz > 0 && sampleRateHz > 0, "positive bin width and sample rate")
        precondition(configuration.toleranceBins >= 0 && configuration.maxGapWindows >= 0, "non-negative tolerances")
        self.configuration = configuration
        self.sampleRateHz = sampleRateHz
    }

    /// Emissions open now.
    public var openCount: Int { open.count }

    /// Adds a window; returns the emissions it closes.
    /// - Precondition: windows arrive in increasing `window` order.
    public mutating func add(_ detections: WindowDetections) -> [Emission] {
        let w = detections.window
        precondition(open.allSatisfy { $0.pendingWindow < w }, "windows must arrive in increasing order")
        var closed: [Open] = []
        // Close what cannot continue: another capture, or a gap beyond the tolerance.
        var keep: [Open] = []
        for e in open {
            if e.capture != detections.capture || w - e.lastWindow - 1 > configuration.maxGapWindows {
                closed.append(e)
            } else {
                keep.append(e)
            }
        }
        open = keep
        let tolerance = Double(configuration.toleranceBins) * configuration.binWidthHz
        let candidates = open.count  // emissions opened in this window are not matched against
        for interval in detections.intervals {
            let matches = (0..<candidates).filter { k in
                !open[k].isRemoved
                    && interval.lowerEdgeHz <= open[k].lastUpper + tolerance
                    && interval.upperEdgeHz >= open[k].lastLower - tolerance
            }
            if matches.isEmpty {
                open.append(
                    Open(
                        capture: detections.capture, firstWindow: w, lastWindow: w, windows: 0,
                        sampleStart: detections.sampleStart, sampleEnd: detections.sampleStart + detections.sampleCount,
                        lower: interval.lowerEdgeHz, upper: interval.upperEdgeHz, lastLower: interval.lowerEdgeHz,
                        lastUpper: interval.upperEdgeHz, powerSum: 0, peakPower: 0, noiseSum: 0,
                        padded: detections.isPadded, captureSampleStart: detections.captureSampleStart,
                        captureStartDate: detections.captureStartDate, pendingWindow: w,
                        pendingPower: interval.bandPower, pendingNoise: interval.noisePower,
                        pendingLower: interval.lowerEdgeHz, pendingUpper: interval.upperEdgeHz))
                continue
            }
            // Merge every match into the earliest-starting one.
            let target = matches.min {
                (open[$0].sampleStart, open[$0].lower) < (open[$1].sampleStart, open[$1].lower)
            }!
            for k in matches where k != target { merge(k, into: target) }
            join(interval, window: detections, into: target)
        }
        open.removeAll { $0.isRemoved }
        for k in open.indices where open[k].pendingWindow == w { flushPending(&open[k]) }
        // What the next window can no longer continue closes now, not one window later.
        closed += open.filter { w - $0.lastWindow > configuration.maxGapWindows }
        open.removeAll { w - $0.lastWindow > configuration.maxGapWindows }
        return Self.emissions(closed.map { finalized($0) })
    }

    /// Closes every open emission (end of the stream).
    public mutating func finish() -> [Emission] {
        let closed = open.map { finalized($0) }
        open = []
        return Self.emissions(closed)
    }

    // MARK: - Accumulation

    private mutating func join(_ interval: WindowDetections.Interval, window d: WindowDetections, into k: Int) {
        if open[k].pendingWindow != d.window {
            open[k].pendingWindow = d.window
            open[k].pendingPower = 0
            open[k].pendingNoise = 0
            open[k].pendingLower = interval.lowerEdgeHz
            open[k].pendingUpper = interval.upperEdgeHz
        }
        open[k].pendingPower += interval.bandPower
        open[k].pendingNoise += interval.noisePower
        open[k].pendingLower = min(open[k].pendingLower, interval.lowerEdgeHz)
        open[k].pendingUpper = max(open[k].pendingUpper, interval.upperEdgeHz)
        open[k].lower = min(open[k].lower, interval.lowerEdgeHz)
        open[k].upper = max(open[k].upper, interval.upperEdgeHz)
        open[k].sampleEnd = max(open[k].sampleEnd, d.sampleStart + d.sampleCount)
        open[k].padded = open[k].padded || d.isPadded
    }

    /// Folds emission `source` into `target` (both open; `source` is marked removed).
    private mutating func merge(_ source: Int, into target: Int) {
        let s = open[source]
        var t = open[target]
        // The source's current window, if it already joined intervals in it, moves with it.
        if s.pendingWindow != s.lastWindow {
            if t.pendingWindow == s.pendingWindow {
                t.pendingPower += s.pendingPower
                t.pendingNoise += s.pendingNoise
                t.pendingLower = min(t.pendingLower, s.pendingLower)
                t.pendingUpper = max(t.pendingUpper, s.pendingUpper)
            } else {
                (t.pendingWindow, t.pendingPower, t.pendingNoise) = (s.pendingWindow, s.pendingPower, s.pendingNoise)
                (t.pendingLower, t.pendingUpper) = (s.pendingLower, s.pendingUpper)
            }
        }
        t.firstWindow = min(t.firstWindow, s.firstWindow)
        t.windows = max(t.windows, s.windows)
        t.sampleStart = min(t.sampleStart, s.sampleStart)
        t.sampleEnd = max(t.sampleEnd, s.sampleEnd)
        t.lower = min(t.lower, s.lower)
        t.upper = max(t.upper, s.upper)
        t.powerSum += s.powerSum
        t.noiseSum += s.noiseSum
        t.peakPower = max(t.peakPower, s.peakPower)
        t.padded = t.padded || s.padded
        open[target] = t
        open[source].isRemoved = true
    }

    /// Ends the window being accumulated: its band power counts once.
    private func flushPending(_ e: inout Open) {
        e.windows += 1
        e.lastWindow = e.pendingWindow
        e.lastLower = e.pendingLower
        e.lastUpper = e.pendingUpper
        e.powerSum += e.pendingPower
        e.noiseSum += e.pendingNoise
        e.peakPower = max(e.peakPower, e.pendingPower)
    }

    private func finalized(_ e: Open) -> Emission {
        let n = Double(max(e.windows, 1))
        let mean = e.powerSum / n
        let noise = e.noiseSum / n
        let snr: Double? = mean > noise && noise > 0 ? Decibels.fromPower((mean - noise) / noise) : nil
        let date = e.captureStartDate.map {
            $0.addingTimeInterval(Double(e.sampleStart - e.captureSampleStart) / sampleRateHz)
        }
        return Emission(
            capture: e.capture, firstWindow: e.firstWindow, lastWindow: e.lastWindow, windows: e.windows,
            sampleStart: e.sampleStart, sampleEnd: e.sampleEnd, sampleRateHz: sampleRateHz, lowerEdgeHz: e.lower,
            upperEdgeHz: e.upper, peakPowerDBFS: Self.dBFS(e.peakPower), meanPowerDBFS: Self.dBFS(mean), snrDB: snr,
            includesPaddedWindow: e.padded, startDate: date)
    }

    /// 10·log10(p), floored at −300 dBFS (an all-zero band).
    static func dBFS(_ power: Double) -> Double { Decibels.fromPower(max(power, 1e-30)) }

    static func emissions(_ list: [Emission]) -> [Emission] {
        list.sorted { ($0.sampleStart, $0.lowerEdgeHz) < ($1.sampleStart, $1.lowerEdgeHz) }
    }
}

extension EmissionTracker.Open {
    /// Set when merged into another emission (dropped at the end of the window).
    var isRemoved: Bool {
        get { windows < 0 }
        set { if newValue { windows = -1 } }
    }
}

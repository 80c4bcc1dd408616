import Foundation
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// Emission merging on a synthetic scene with known on/off times (docs/SPECTRUM.md#emissions): detections are
/// built directly on an N = 1024-bin grid at 20 MS/s with W = 16 384-sample windows, so every expected start,
/// stop, edge and power is exact.
@Suite struct EmissionTrackerTests {
    static let fs = 20e6
    static let bins = 1024
    static let binWidth = fs / Double(bins)
    static let w = 16_384

    /// An interval on bins [start, end) with band power p and band noise n (full-scale power).
    static func interval(_ start: Int, _ end: Int, power p: Double = 1e-3, noise n: Double = 1e-5)
        -> WindowDetections.Interval
    {
        .init(
            bins: BinInterval(start: start, end: end), lowerEdgeHz: -fs / 2 + Double(start) * binWidth,
            upperEdgeHz: -fs / 2 + Double(end) * binWidth, bandPower: p, noisePower: n, meanProbability: 0.9)
    }

    static func window(
        _ k: Int, capture: Int = 0, captureStart: Int = 0, date: Date? = nil, padded: Int? = nil,
        _ intervals: [WindowDetections.Interval]
    ) -> WindowDetections {
        WindowDetections(
            window: k, capture: capture, sampleStart: k * w, sampleCount: padded ?? w, isPadded: padded != nil,
            intervals: intervals.sorted { $0.lowerEdgeHz < $1.lowerEdgeHz }, captureSampleStart: captureStart,
            captureStartDate: date)
    }

    /// The scene, 12 windows:
    /// - A: a carrier on bins 100–150 in every window, its edges jittering by one bin;
    /// - B: a burst on bins 500–520, on in windows 2–3 and 6–8 (power 1e-3, 4e-3, 1e-3, 2e-3, 1e-3);
    /// - C: a drifting signal, 20 bins wide, moving up 10 bins per window over windows 4–7;
    /// - D: a tone on bins 800–802 in window 5 only.
    static func scene() -> [WindowDetections] {
        let burst: [Int: Double] = [2: 1e-3, 3: 4e-3, 6: 1e-3, 7: 2e-3, 8: 1e-3]
        return (0..<12).map { k in
            var list = [interval(100 + (k % 2), 150 - (k % 2))]
            if let p = burst[k] { list.append(interval(500, 520, power: p)) }
            if (4...7).contains(k) { list.append(interval(300 + 10 * (k - 4), 320 + 10 * (k - 4))) }
            if k == 5 { list.append(interval(800, 802)) }
            return window(k, list)
        }
    }

    /// Runs the tracker; returns every emission and the window after which each one was handed out.
    static func track(_ windows: [WindowDetections], maxGap: Int = 0, tolerance: Int = 1) -> [(Emission, Int)] {
        var tracker = EmissionTracker(
            configuration: .init(binWidthHz: binWidth, toleranceBins: tolerance, maxGapWindows: maxGap),
            sampleRateHz: fs)
        var out: [(Emission, Int)] = []
        for d in windows { out += tracker.add(d).map { ($0, d.window) } }
        out += tracker.finish().map { ($0, windows.count) }
        return out
    }

    @Test func sceneGivesOneEmissionPerOnPeriodWithExactTimesAndEdges() throws {
        let emissions = Self.track(Self.scene())
        #expect(emissions.count == 5)
        let byLower = emissions.map(\.0).sorted { ($0.lowerEdgeHz, $0.sampleStart) < ($1.lowerEdgeHz, $1.sampleStart) }
        let (a, c, b1, b2, d) = (byLower[0], byLower[1], byLower[2], byLower[3], byLower[4])
        let t = Double(Self.w) / Self.fs  // one window [s]
        // A: the whole recording; edges are the union of the jittering intervals.
        #expect(a.firstWindow == 0 && a.lastWindow == 11 && a.windows == 12)
        #expect(a.startSeconds == 0 && abs(a.stopSeconds - 12 * t) < 1e-15)
        #expect(
            a.lowerEdgeHz == -Self.fs / 2 + 100 * Self.binWidth && a.upperEdgeHz == -Self.fs / 2 + 150 * Self.binWidth)
        #expect(abs(a.meanPowerDBFS - (-30)) < 1e-12 && abs(a.peakPowerDBFS - (-30)) < 1e-12)
        #expect(abs(a.snrDB! - 10 * log10((1e-3 - 1e-5) / 1e-5)) < 1e-12)
        // B: two bursts, on/off times exact; powers per burst (peak = strongest window, mean over its windows).
        #expect(b1.firstWindow == 2 && b1.lastWindow == 3 && b1.windows == 2)
        #expect(b1.sampleStart == 2 * Self.w && b1.sampleEnd == 4 * Self.w)
        #expect(abs(b1.peakPowerDBFS - 10 * log10(4e-3)) < 1e-12)
        #expect(abs(b1.meanPowerDBFS - 10 * log10(2.5e-3)) < 1e-12)
        #expect(b2.firstWindow == 6 && b2.lastWindow == 8 && b2.sampleEnd == 9 * Self.w)
        #expect(abs(b2.peakPowerDBFS - 10 * log10(2e-3)) < 1e-12)
        // C: the drift is followed (each window overlaps the previous one): one emission spanning 300–350.
        #expect(c.firstWindow == 4 && c.lastWindow == 7 && c.windows == 4)
        #expect(
            c.lowerEdgeHz == -Self.fs / 2 + 300 * Self.binWidth && c.upperEdgeHz == -Self.fs / 2 + 350 * Self.binWidth)
        // D: one window, a 2-bin tone.
        #expect(d.windows == 1 && d.firstWindow == 5 && abs(d.bandwidthHz - 2 * Self.binWidth) < 1e-9)
        #expect(!emissions.contains { $0.0.includesPaddedWindow })
    }

    /// Emissions are handed out as they close, not at the end: the first burst after window 4 (the first window
    /// without it), the tone after window 6, the carrier only at the end.
    @Test func emissionsCloseAsSoonAsAWindowPassesWithoutThem() {
        let closed = Self.track(Self.scene()).map { ($0.0.firstWindow, $0.0.lowerEdgeHz, $0.1) }
        let burstLower = -Self.fs / 2 + 500 * Self.binWidth
        #expect(closed.contains { $0.0 == 2 && $0.1 == burstLower && $0.2 == 4 })
        #expect(closed.contains { $0.0 == 5 && $0.1 == -Self.fs / 2 + 800 * Self.binWidth && $0.2 == 6 })
        #expect(closed.contains { $0.0 == 0 && $0.2 == 12 })
        // Within one closing window: ordered by start, then lower edge.
        let starts = Self.track(Self.scene()).map { ($0.1, $0.0.sampleStart, $0.0.lowerEdgeHz) }
        for (x, y) in zip(starts, starts.dropFirst()) where x.0 == y.0 { #expect((x.1, x.2) <= (y.1, y.2)) }
    }

    /// A gap tolerance of 2 windows bridges the burst's off period (windows 4–5); 1 does not.
    @Test func gapToleranceBridgesShortOffPeriods() {
        let bursts1 = Self.track(Self.scene(), maxGap: 1).map(\.0).filter {
            $0.lowerEdgeHz == -Self.fs / 2 + 500 * Self.binWidth
        }
        #expect(bursts1.count == 2)
        let bursts2 = Self.track(Self.scene(), maxGap: 2).map(\.0).filter {
            $0.lowerEdgeHz == -Self.fs / 2 + 500 * Self.binWidth
        }
        #expect(bursts2.count == 1)
        #expect(bursts2.first?.windows == 5 && bursts2.first?.firstWindow == 2 && bursts2.first?.lastWindow == 8)
    }

    /// Frequency tolerance: intervals one bin apart continue with the default tolerance (1 bin), two bins apart
    /// do not; with tolerance 0 even the touching-by-one-bin case splits.
    @Test func frequencyToleranceInBins() {
        let scene = [Self.window(0, [Self.interval(100, 110)]), Self.window(1, [Self.interval(111, 120)])]
        #expect(Self.track(scene).count == 1)
        #expect(Self.track(scene, tolerance: 0).count == 2)
        let apart = [Self.window(0, [Self.interval(100, 110)]), Self.window(1, [Self.interval(112, 120)])]
        #expect(Self.track(apart).count == 2)
    }

    /// Two emissions bridged by one wider interval merge into the one that started first; one emission split
    /// into two intervals stays one emission (band power summed per window).
    @Test func mergeAndSplit() throws {
        let merging = [
            Self.window(0, [Self.interval(100, 110)]),
            Self.window(1, [Self.interval(100, 110), Self.interval(130, 140)]),
            Self.window(2, [Self.interval(100, 140)]),
        ]
        let merged = Self.track(merging)
        #expect(merged.count == 1)
        let e = try #require(merged.first?.0)
        #expect(e.firstWindow == 0 && e.lastWindow == 2 && e.sampleStart == 0)
        #expect(e.upperEdgeHz == -Self.fs / 2 + 140 * Self.binWidth)
        let splitting = [
            Self.window(0, [Self.interval(100, 140, power: 2e-3)]),
            Self.window(1, [Self.interval(100, 115, power: 1e-3), Self.interval(125, 140, power: 1e-3)]),
        ]
        let split = Self.track(splitting)
        #expect(split.count == 1)
        #expect(split.first?.0.windows == 2)
        #expect(abs(split.first!.0.meanPowerDBFS - 10 * log10(2e-3)) < 1e-12)
    }

    /// A new capture closes every open emission (the tuning may differ), and dates come from the capture's
    /// `core:datetime` plus the offset into it; a padded window is marked.
    @Test func capturesCloseEmissionsAndDateThem() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let scene = [
            Self.window(0, [Self.interval(100, 110)]),
            Self.window(1, capture: 1, captureStart: Self.w, date: date, [Self.interval(100, 110)]),
            Self.window(2, capture: 1, captureStart: Self.w, date: date, padded: 100, [Self.interval(100, 110)]),
        ]
        let emissions = Self.track(scene).map(\.0)
        #expect(emissions.count == 2)
        #expect(emissions[0].capture == 0 && emissions[0].startDate == nil && !emissions[0].includesPaddedWindow)
        #expect(emissions[1].capture == 1 && emissions[1].startDate == date && emissions[1].includesPaddedWindow)
        #expect(emissions[1].sampleEnd == 2 * Self.w + 100)
        // A band below its noise estimate has no SNR (empty cell), not a NaN.
        let weak = Self.track([Self.window(0, [Self.interval(1, 3, power: 1e-6, noise: 1e-5)])])
        #expect(weak.first?.0.snrDB == nil)
        #expect(EmissionTable.fields(weak[0].0)[9] == "")
    }
}

import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

/// Streaming segmentation (docs/SPECTRUM.md#streaming): bounded buffers, windows per capture, the trailing
/// partial window, and equality with a recording segmented in memory. A tiny random compact net (M = 16,
/// N = 1024, W = 16 384) keeps these fast; what they check does not depend on what the net detects.
@Suite struct SpectrumStreamSegmenterTests {
    static let w = 16_384

    static func tinyNetwork() throws -> SegmentationNetwork<Float> {
        var generator = Xoshiro256StarStar(seed: 1)
        return try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 16, bins: 1024, widths: [2, 2, 2, 2]), using: &generator)
    }

    /// A source that makes its samples as they are asked for (a tone plus noise), never holding more than one
    /// request, and records the largest request and how far it has been read.
    struct GeneratedSource: IQSampleSource {
        let total: Int
        var position = 0
        var largestRequest = 0
        var generator = Xoshiro256StarStar(seed: 7)

        mutating func read(into buffer: inout [Complex<Float>], maxCount: Int) -> Int {
            largestRequest = max(largestRequest, maxCount)
            let count = min(maxCount, total - position)
            for n in position..<(position + count) {
                let phase = 2 * Double.pi * 0.1 * Double(n)
                let noise = Float(generator.nextUnitDouble() - 0.5) * 0.1
                buffer.append(Complex(Float(Foundation.cos(phase)) + noise, Float(Foundation.sin(phase)) - noise))
            }
            position += count
            return count
        }
    }

    /// Bounded memory whatever the length: over a 96-window stream (1.57 M samples) the window batch never
    /// holds more than batchWindows · W samples, the source is never asked for more than 65 536 samples at a
    /// time, and each window reaches the caller before the source has been read more than one batch past it.
    /// An implementation that buffered the stream would fail all three.
    @Test func longStreamIsSegmentedWithBoundedBuffers() throws {
        let windows = 96
        let batch = 8
        let segmenter = try SpectrumStreamSegmenter(network: Self.tinyNetwork(), batchWindows: batch)
        var source = GeneratedSource(total: windows * Self.w)
        var readAhead: [Int] = []
        // `source` is inout to `run`, so the callback sees the read position through a box.
        let position = PositionCounter()
        var tracked = TrackingSource(inner: source, position: position)
        let summary = try segmenter.run(
            source: &tracked, sampleRateHz: 20e6, captures: [SigMFCapture(sampleStart: 0)],
            window: { window in readAhead.append(position.value - window.detections.sampleStart) },
            emission: { _ in })
        source = tracked.inner
        #expect(summary.windows == windows && summary.samples == windows * Self.w && summary.paddedWindows == 0)
        #expect(summary.peakBufferedSamples <= batch * Self.w)
        #expect(source.largestRequest <= 65_536)
        #expect(readAhead.count == windows)
        #expect(readAhead.allSatisfy { $0 <= batch * Self.w })
    }

    struct TrackingSource: IQSampleSource {
        var inner: GeneratedSource
        let position: PositionCounter

        mutating func read(into buffer: inout [Complex<Float>], maxCount: Int) -> Int {
            let count = inner.read(into: &buffer, maxCount: maxCount)
            position.value = inner.position
            return count
        }
    }

    /// A recording of 2 W + 100 samples: three windows, the last zero-padded, holding 100 input samples and
    /// marked; nothing dropped.
    @Test func trailingPartialWindowIsPaddedAndMarked() throws {
        let segmenter = try SpectrumStreamSegmenter(network: Self.tinyNetwork(), batchWindows: 2)
        var source = GeneratedSource(total: 2 * Self.w + 100)
        var seen: [WindowDetections] = []
        var paddedTail: ArraySlice<Complex<Float>> = []
        let summary = try segmenter.run(
            source: &source, sampleRateHz: 20e6, captures: [SigMFCapture(sampleStart: 0)],
            window: { window in
                seen.append(window.detections)
                if window.detections.isPadded { paddedTail = window.samples }
            }, emission: { _ in })
        #expect(summary.windows == 3 && summary.paddedWindows == 1)
        #expect(seen.map(\.isPadded) == [false, false, true])
        #expect(seen[2].sampleStart == 2 * Self.w && seen[2].sampleCount == 100)
        #expect(paddedTail.count == Self.w && paddedTail.dropFirst(100).allSatisfy { $0 == .zero })
        #expect(paddedTail.prefix(100).contains { $0 != .zero })
    }

    /// Three captures (starts 0, W + 500, 2 W + 1000; centres 1, 2, 3 GHz): windows restart at every capture
    /// (none straddles a boundary), each capture's tail is a padded window, and every interval lies in the band
    /// of its own capture's centre.
    @Test func windowsFollowCapturesAndTheirFrequencies() throws {
        let segmenter = try SpectrumStreamSegmenter(network: Self.tinyNetwork(), batchWindows: 3)
        let captures = [
            SigMFCapture(sampleStart: 0, frequencyHz: 1e9),
            SigMFCapture(sampleStart: Self.w + 500, frequencyHz: 2e9),
            SigMFCapture(sampleStart: 2 * Self.w + 1000, frequencyHz: 3e9, datetime: "2026-12-07T14:00:00Z"),
        ]
        var source = GeneratedSource(total: 3 * Self.w + 1000)
        var seen: [WindowDetections] = []
        _ = try segmenter.run(
            source: &source, sampleRateHz: 20e6, captures: captures, window: { seen.append($0.detections) },
            emission: { _ in })
        #expect(seen.map(\.sampleStart) == [0, Self.w, Self.w + 500, 2 * Self.w + 500, 2 * Self.w + 1000])
        #expect(seen.map(\.capture) == [0, 0, 1, 1, 2])
        #expect(seen.map(\.isPadded) == [false, true, false, true, false])
        #expect(seen.map(\.sampleCount) == [Self.w, 500, Self.w, 500, Self.w])
        for window in seen {
            let centre = captures[window.capture].frequencyHz!
            for interval in window.intervals {
                #expect(interval.lowerEdgeHz >= centre - 10e6 && interval.upperEdgeHz <= centre + 10e6)
            }
            #expect(window.captureSampleStart == (window.capture == 0 ? 0 : captures[window.capture].sampleStart))
        }
        #expect(seen[4].captureStartDate == Date(timeIntervalSince1970: 1_796_652_000))
        // A capture past the end of the stream is an error, not a silent stop.
        var short = GeneratedSource(total: Self.w)
        #expect(throws: SpectrumNetError.self) {
            try segmenter.run(source: &short, sampleRateHz: 20e6, captures: captures, emission: { _ in })
        }
    }

    /// The batch size does not change the result: batches of 1 and of 5 give the same windows and emissions.
    @Test func batchSizeDoesNotChangeTheResult() throws {
        var results: [([WindowDetections], [Emission])] = []
        for batch in [1, 5] {
            let segmenter = try SpectrumStreamSegmenter(network: Self.tinyNetwork(), batchWindows: batch)
            var source = GeneratedSource(total: 7 * Self.w + 3)
            var windows: [WindowDetections] = []
            var emissions: [Emission] = []
            _ = try segmenter.run(
                source: &source, sampleRateHz: 20e6, captures: [SigMFCapture(sampleStart: 0)],
                window: { windows.append($0.detections) }, emission: { emissions.append($0) })
            results.append((windows, emissions))
        }
        #expect(results[0].0 == results[1].0)
        #expect(results[0].1 == results[1].1)
    }
}

/// How far a source has been read (shared with a callback).
final class PositionCounter {
    var value = 0
}

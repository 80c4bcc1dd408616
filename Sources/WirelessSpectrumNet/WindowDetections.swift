import Foundation

/// What segmentation found in one window: its place in the stream and its occupied intervals with their
/// measured band powers (the input of `EmissionTracker`; docs/SPECTRUM.md#emissions).
public struct WindowDetections: Sendable, Equatable {
    /// One occupied interval of the window.
    public struct Interval: Sendable, Equatable {
        /// First and one-past-last bin on the network's N-bin grid.
        public var bins: BinInterval
        /// Lower / upper edge [Hz] (RF when the capture's centre frequency is known, else baseband).
        public var lowerEdgeHz: Double
        public var upperEdgeHz: Double
        /// Band power [full-scale power, |x|² = 1 is 0 dBFS]: Σ of the averaged periodogram over the band / L.
        public var bandPower: Double
        /// Noise power in the same band [full-scale power]: σ̂² × (periodogram bins in the band) / L.
        public var noisePower: Double
        /// Mean Re-part probability over the run.
        public var meanProbability: Double

        public init(
            bins: BinInterval, lowerEdgeHz: Double, upperEdgeHz: Double, bandPower: Double, noisePower: Double,
            meanProbability: Double
        ) {
            self.bins = bins
            self.lowerEdgeHz = lowerEdgeHz
            self.upperEdgeHz = upperEdgeHz
            self.bandPower = bandPower
            self.noisePower = noisePower
            self.meanProbability = meanProbability
        }
    }

    /// Window index in the stream (0, 1, …, over every capture).
    public var window: Int
    /// Capture index (SigMF `captures` order; 0 for a stream).
    public var capture: Int
    /// First sample of the capture in the stream [samples] and its `core:datetime`, if known.
    public var captureSampleStart: Int
    public var captureStartDate: Date?
    /// First sample of the window in the stream [samples].
    public var sampleStart: Int
    /// Samples of the input in the window (< M·N for a zero-padded trailing window) [samples].
    public var sampleCount: Int
    /// Whether the window was zero-padded (the trailing partial window of a capture or stream).
    public var isPadded: Bool
    /// The occupied intervals, in frequency order.
    public var intervals: [Interval]

    public init(
        window: Int, capture: Int, sampleStart: Int, sampleCount: Int, isPadded: Bool, intervals: [Interval],
        captureSampleStart: Int = 0, captureStartDate: Date? = nil
    ) {
        self.window = window
        self.capture = capture
        self.captureSampleStart = captureSampleStart
        self.captureStartDate = captureStartDate
        self.sampleStart = sampleStart
        self.sampleCount = sampleCount
        self.isPadded = isPadded
        self.intervals = intervals
    }
}

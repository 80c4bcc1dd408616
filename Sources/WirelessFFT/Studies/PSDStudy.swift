import Foundation
import Numerics
import WirelessCore

/// The spectral study of `wtk psd`: the Welch power spectral density of complex IQ samples, as a
/// table (baseband offset, RF frequency when the centre is known, density in dB/Hz) and a line plot.
///
/// The density is two-sided in W/Hz (samples taken as volts across 1 Ω), reported as
/// 10·log10(max(S, smallest normal double)) dB/Hz.
///
///     var configuration = PSDStudy.Configuration(samples: samples, sampleRateHz: 1e6)
///     let result = try PSDStudy(configuration).run()
///     result.tables[0]["psd_db_per_hz"]
public struct PSDStudy: Study {
    /// The samples and the estimator.
    public struct Configuration: Sendable {
        /// The complex baseband samples (at least one segment).
        public var samples: [Complex<Float>]
        /// Sample rate fs [Hz], > 0.
        public var sampleRateHz: Double
        /// Centre frequency [Hz] (adds an RF column when known).
        public var centerFrequencyHz: Double?
        /// Welch segment length = FFT size [samples], ≥ 8.
        public var segmentLength = 1024
        /// Overlap between segments as a fraction of the segment, in [0, 1).
        public var overlap = 0.5
        /// The taper.
        public var window: Window = .hann(.periodic)
        /// What the samples are, for the title (a file name).
        public var sourceName = "samples"

        public init(samples: [Complex<Float>], sampleRateHz: Double) {
            self.samples = samples
            self.sampleRateHz = sampleRateHz
        }
    }

    /// The density.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Baseband frequency offsets [Hz], ascending from −fs/2.
        public let frequenciesHz: [Double]
        /// Two-sided density [W/Hz].
        public let density: [Double]
        /// Number of Welch segments averaged.
        public let segmentCount: Int

        /// The density in dB/Hz.
        public var densityDB: [Double] { density.map { Decibels.fromPower(max($0, Double.leastNormalMagnitude)) } }

        public var tables: [StudyTable] {
            var columns = [StudyColumn("frequency", unit: "hz", frequenciesHz)]
            if let centre = configuration.centerFrequencyHz {
                columns.append(StudyColumn("rf_frequency", unit: "hz", frequenciesHz.map { $0 + centre }))
            }
            columns.append(StudyColumn("psd", unit: "db_per_hz", densityDB))
            return [StudyTable(columns: columns)]
        }

        public var plots: [StudyPlot] {
            let c = configuration
            let xLabel =
                c.centerFrequencyHz.map { "Frequency offset from \(String(format: "%.6g", $0 / 1e6)) MHz [MHz]" }
                ?? "Frequency offset [MHz]"
            return [
                StudyPlot(
                    title: "Welch PSD of \(c.sourceName)", xLabel: xLabel, yLabel: "PSD [dB/Hz]",
                    series: [
                        StudySeries(
                            "Welch, \(c.window.name), N = \(c.segmentLength)",
                            .line(x: frequenciesHz.map { $0 / 1e6 }, y: densityDB))
                    ])
            ]
        }

        public var summary: String {
            guard let peak = density.indices.max(by: { density[$0] < density[$1] }) else { return "psd: empty" }
            return "psd: \(configuration.samples.count) samples, \(segmentCount) segments; peak "
                + SummaryText.quantity(densityDB[peak], "dB/Hz", decimals: 1) + " at "
                + SummaryText.quantity(frequenciesHz[peak], "Hz", prefixed: true)
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Estimates the density (deterministic: `seed` is ignored).
    /// - Throws: `FFTError` for a segment length, overlap or sample rate the estimator refuses, or fewer
    ///   samples than one segment.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let estimator = try WelchPSD(
            segmentLength: c.segmentLength, overlap: .fraction(c.overlap), window: c.window,
            sampleRateHz: c.sampleRateHz)
        let density = try estimator.estimate(samples: c.samples)
        return Result(
            configuration: c, frequenciesHz: estimator.frequenciesHz, density: density,
            segmentCount: estimator.segmentCount(sampleCount: c.samples.count))
    }
}

extension Window {
    /// The window's command-line name: `hann`, `hamming`, `blackman-harris`, `kaiser`, `rectangular`.
    public var name: String {
        switch self {
        case .rectangular: "rectangular"
        case .hann: "hann"
        case .hamming: "hamming"
        case .blackmanHarris: "blackman-harris"
        case .kaiser: "kaiser"
        }
    }
}

extension PSDStudy.Configuration {
    /// The settings a run records beside its outputs: `sample_rate_hz`, `segment_length`, `overlap` and
    /// `window` (its family's name).
    public var recordedParameters: [String: String] {
        [
            "sample_rate_hz": String(sampleRateHz), "segment_length": String(segmentLength),
            "overlap": String(overlap), "window": window.family.rawValue,
        ]
    }
}

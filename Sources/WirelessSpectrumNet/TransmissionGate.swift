import WirelessCore

/// When a gated (bursty or TDD) signal transmits within a window (docs/SPECTRUM.md#realistic-scenes).
///
///     bursty: alternating on/off runs, each U(0.1, 0.5)·W samples, random initial state
///     tdd:    period P ~ U(0.25, 1)·W, duty U(0.3, 0.7), random phase
///     edges:  raised-cosine ramps of `rampSamples` (1 µs at 20 MS/s) after each switch
public struct TransmissionGate: Sendable, Equatable {
    /// Whether the transmitter is on at each sample of the window (before the ramps).
    public var isOn: [Bool]

    /// Samples of the ramp after each switch (16: 0.8 µs at 20 MS/s).
    public static let rampSamples = 16

    public init(isOn: [Bool]) { self.isOn = isOn }

    /// Random bursts over `count` samples.
    static func bursty(count: Int, using generator: inout Xoshiro256StarStar) -> TransmissionGate {
        var on = generator.next() & 1 == 0
        var isOn: [Bool] = []
        isOn.reserveCapacity(count)
        while isOn.count < count {
            let run = Int((0.1 + 0.4 * generator.nextUnitDouble()) * Double(count))
            isOn.append(contentsOf: repeatElement(on, count: min(max(run, 1), count - isOn.count)))
            on.toggle()
        }
        return TransmissionGate(isOn: isOn)
    }

    /// Periodic on/off (TDD) over `count` samples.
    static func tdd(count: Int, using generator: inout Xoshiro256StarStar) -> TransmissionGate {
        let period = (0.25 + 0.75 * generator.nextUnitDouble()) * Double(count)
        let duty = 0.3 + 0.4 * generator.nextUnitDouble()
        let phase = generator.nextUnitDouble() * period
        let isOn = (0..<count).map { n -> Bool in
            let t = (Double(n) + phase).truncatingRemainder(dividingBy: period)
            return t < duty * period
        }
        return TransmissionGate(isOn: isOn)
    }

    /// The amplitude gain per sample: 0 or 1, with a raised-cosine ramp over the first `rampSamples` after
    /// each switch.
    public var gains: [Double] {
        var gains = isOn.map { $0 ? 1.0 : 0.0 }
        let ramp = Self.rampSamples
        for n in 1..<max(1, isOn.count) where isOn[n] != isOn[n - 1] {
            for j in 0..<min(ramp, isOn.count - n) {
                let up = 0.5 - 0.5 * Double.cos(Double.pi * Double(j + 1) / Double(ramp + 1))
                guard isOn[n + j] == isOn[n] else { break }
                gains[n + j] = isOn[n] ? up : 1 - up
            }
        }
        return gains
    }

    /// Runs of label frames (`frameSamples` each) in which the transmitter is on for at least half the frame, as
    /// sample ranges of whole frames.
    public func onFrameRuns(frameSamples: Int) -> [Range<Int>] {
        let frames = isOn.count / frameSamples
        var runs: [Range<Int>] = []
        var start: Int?
        for f in 0...frames {
            let on =
                f < frames
                && 2 * isOn[(f * frameSamples)..<((f + 1) * frameSamples)].lazy.filter { $0 }.count
                    >= frameSamples
            if on, start == nil { start = f }
            if !on, let s = start {
                runs.append((s * frameSamples)..<(f * frameSamples))
                start = nil
            }
        }
        return runs
    }
}

import Numerics
import WirelessFFT

/// The modulations of the synthetic generator (docs/SPECTRUM.md#synthetic-generator step 3), in the authors' draw
/// order.
public enum SignalModulation: String, Sendable, Equatable, Codable, CaseIterable {
    case qpsk = "QPSK"
    case bpsk = "BPSK"
    case psk8 = "8-PSK"
    case qam8 = "8-QAM"
    case qam16 = "16-QAM"
    case gmsk = "GMSK"
    case fsk2 = "2-FSK"

    /// Whether the waveform is RRC-shaped linear modulation.
    public var isLinear: Bool { self != .gmsk && self != .fsk2 }

    /// The name the authors' generator records (quirk Q1: 8-PSK and 8-QAM swapped).
    public var authorsName: String {
        switch self {
        case .psk8: return SignalModulation.qam8.rawValue
        case .qam8: return SignalModulation.psk8.rawValue
        default: return rawValue
        }
    }

    /// Unit-mean-power constellation points.
    ///
    ///     QPSK e^{j(π/4 + kπ/2)}, BPSK ±1, 8-PSK e^{jkπ/4},
    ///     8-QAM rectangular {±1, ±3} × {±1}, 16-QAM {±1, ±3}²   (scaled to unit mean power)
    public var constellation: [Complex<Double>] {
        switch self {
        case .qpsk:
            return (0..<4).map { Complex(length: 1, phase: Double.pi / 4 + Double($0) * Double.pi / 2) }
        case .bpsk:
            return [Complex(1, 0), Complex(-1, 0)]
        case .psk8:
            return (0..<8).map { Complex(length: 1, phase: Double($0) * Double.pi / 4) }
        case .qam8:
            let points = [-3.0, -1, 1, 3].flatMap { i in [-1.0, 1].map { Complex(i, $0) } }
            return Self.normalised(points)
        case .qam16:
            let levels = [-3.0, -1, 1, 3]
            return Self.normalised(levels.flatMap { i in levels.map { Complex(i, $0) } })
        case .gmsk, .fsk2:
            return []
        }
    }

    static func normalised(_ points: [Complex<Double>]) -> [Complex<Double>] {
        let power = points.reduce(0.0) { $0 + $1.lengthSquared } / Double(points.count)
        let scale = 1 / power.squareRoot()
        return points.map { $0.multiplied(by: scale) }
    }

    /// Baseband samples at rate bw (2 samples/symbol for PSK/QAM/GMSK, 8 for 2-FSK), unit mean power.
    ///
    /// - PSK/QAM: symbol rate bw/2, RRC roll-off 0.35, span 10 symbols; the first `count` samples
    ///   after `skip` samples of the filtered stream (the filter start-up lasts 10 symbols).
    /// - GMSK: h = ½, BT = 0.3, Gaussian frequency pulse over 4 symbols, phase step π/2 per symbol.
    /// - 2-FSK: symbol rate bw/8, tone spacing ⌊bw/4⌋ Hz, continuous phase.
    ///
    /// - Parameters:
    ///   - count: samples to return, ≥ 1.
    ///   - skip: samples of start-up to discard first, ≥ 0.
    ///   - bandwidthHz: bw [Hz] (the sample rate of the returned samples).
    ///   - mapper: the constellation actually used (differs from `self` under quirk Q1).
    func baseband(
        count: Int, skip: Int, bandwidthHz: Double, mapper: SignalModulation, rrc: RootRaisedCosineFilter,
        using generator: inout some RandomNumberGenerator
    ) -> [Complex<Double>] {
        let total = count + skip
        var out = [Complex<Double>](repeating: .zero, count: total)
        switch self {
        case .gmsk:
            let sps = 2
            let symbols = total / sps + 8
            // Gaussian frequency pulse h(t) ∝ exp(−2π²B²t²/ln 2), BT = 0.3, span 4 symbols, sum 1.
            let bt = 0.3
            let taps = (0...(4 * sps)).map { n -> Double in
                let t = Double(n - 2 * sps) / Double(sps)
                return Double.exp(-2 * Double.pi * Double.pi * bt * bt * t * t / Double.log(2.0))
            }
            let tapSum = taps.reduce(0, +)
            let nrz = (0..<symbols).flatMap { _ -> [Double] in
                let bit: Double = generator.next() & 1 == 0 ? -1 : 1
                return Array(repeating: bit, count: sps)
            }
            var phase = 0.0
            let start = 2 * sps
            for n in 0..<total {
                var f = 0.0
                for (j, h) in taps.enumerated() {
                    let index = n + start + j - 2 * sps
                    if index >= 0 && index < nrz.count { f += h * nrz[index] }
                }
                phase += Double.pi / 2 / Double(sps) * f / tapSum
                out[n] = Complex(length: 1, phase: phase)
            }
        case .fsk2:
            let sps = 8
            let spacing = (bandwidthHz / 4).rounded(.down)
            var phase = 0.0
            var bit = 0.0
            for n in 0..<total {
                if n % sps == 0 { bit = generator.next() & 1 == 0 ? -1 : 1 }
                phase += 2 * Double.pi * bit * spacing / 2 / bandwidthHz
                out[n] = Complex(length: 1, phase: phase)
            }
        default:
            let points = mapper.constellation
            let sps = rrc.samplesPerSymbol
            let taps = rrc.taps
            let symbols = total / sps + taps.count / sps + 2
            var upsampled = [Complex<Double>](repeating: .zero, count: symbols * sps)
            for s in 0..<symbols {
                upsampled[s * sps] = points[Int(generator.next() % UInt64(points.count))]
            }
            // Causal FIR: out[n] = Σ_j h[j]·u[n − j]; the first taps.count − 1 samples are the start-up.
            for n in 0..<total {
                var acc = Complex<Double>.zero
                for (j, h) in taps.enumerated() where n - j >= 0 {
                    acc += upsampled[n - j].multiplied(by: h)
                }
                out[n] = acc
            }
        }
        let result = Array(out[skip..<total])
        let power = result.reduce(0.0) { $0 + $1.lengthSquared } / Double(result.count)
        let scale = power > 0 ? 1 / power.squareRoot() : 1
        return result.map { $0.multiplied(by: scale) }
    }
}

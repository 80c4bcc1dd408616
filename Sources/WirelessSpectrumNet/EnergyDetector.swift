import Numerics
import WirelessCore

/// How the energy detector learns the noise power σ² (docs/SPECTRUM.md#baselines).
public enum NoiseFloorEstimator: Sendable, Equatable, Codable {
    /// σ² given (e.g. the generator's noise power).
    case oracle(noisePower: Double)
    /// σ̂² = median(P̄) / median(χ²_ν/ν).
    case median
    /// Forward consecutive mean excision: σ̂² = mean{P̄ < q_c σ̂²} / E[X | X < q_c], X ~ χ²_ν/ν,
    /// E[X | X < q] = P(ν/2 + 1, νq/2) / P(ν/2, νq/2), iterated from the median estimate.
    case fcme
}

/// Energy detector on the Welch-averaged periodogram (Urkowitz 1967; Kay, *Detection Theory* II):
///
///     detect bin k  ⇔  P̄[k] > γ,   γ = σ² · F⁻¹_{χ²_ν}(1 − P_FA) / ν
///
/// then runs shorter than 2 bins are dropped and the mask is brought to the network's N bins.
public struct EnergyDetector: Sendable {
    public let periodogram: AveragedPeriodogram
    /// Target false-alarm probability per bin, in (0, 1) (1e-3).
    public let falseAlarmProbability: Double
    public let estimator: NoiseFloorEstimator
    /// F⁻¹_{χ²_ν}(1 − P_FA)/ν.
    public let thresholdFactor: Double
    let medianFactor: Double
    let chi: ChiSquaredDistribution

    /// - Throws: `SpectrumNetError.invalidConfiguration` for P_FA ∉ (0, 1).
    public init(
        periodogram: AveragedPeriodogram, falseAlarmProbability: Double = 1e-3,
        estimator: NoiseFloorEstimator = .fcme
    ) throws(SpectrumNetError) {
        guard falseAlarmProbability > 0, falseAlarmProbability < 1 else {
            throw SpectrumNetError.invalidConfiguration(reason: "P_FA must be in (0, 1)")
        }
        self.periodogram = periodogram
        self.falseAlarmProbability = falseAlarmProbability
        self.estimator = estimator
        let nu = periodogram.degreesOfFreedom
        (chi, thresholdFactor, medianFactor) = try SpectrumNetError.configuring("energy-detector threshold") {
            let chi = try ChiSquaredDistribution(degreesOfFreedom: nu)
            return (chi, try chi.quantile(1 - falseAlarmProbability) / nu, try chi.quantile(0.5) / nu)
        }
    }

    /// The noise power estimate σ̂² from P̄.
    public func noisePower(_ power: [Double]) -> Double {
        switch estimator {
        case .oracle(let noisePower):
            return noisePower
        case .median:
            return median(power) / medianFactor
        case .fcme:
            let nu = periodogram.degreesOfFreedom
            let q = thresholdFactor
            let conditionalMean =
                SpecialFunctions.regularizedGammaP(nu / 2 + 1, nu * q / 2)
                / SpecialFunctions.regularizedGammaP(nu / 2, nu * q / 2)
            var estimate = median(power) / medianFactor
            for _ in 0..<50 {
                var sum = 0.0
                var count = 0
                for p in power where p < q * estimate {
                    sum += p
                    count += 1
                }
                guard count > 0 else { break }
                let next = sum / Double(count) / conditionalMean
                if abs(next - estimate) <= 1e-12 * estimate {
                    estimate = next
                    break
                }
                estimate = next
            }
            return estimate
        }
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Raw per-bin decisions on the L-bin grid (no post-processing).
    public func rawMask(_ samples: ArraySlice<Complex<Float>>) throws(SpectrumNetError) -> [Bool] {
        let power = try periodogram(samples)
        let threshold = noisePower(power) * thresholdFactor
        return power.map { $0 > threshold }
    }

    /// The mask on N bins after post-processing.
    public func mask(_ samples: ArraySlice<Complex<Float>>, bins: Int) throws(SpectrumNetError) -> [Bool] {
        AveragedPeriodogram.postProcess(try rawMask(samples), bins: bins)
    }
}

import Foundation
import Numerics
import WirelessCore

/// A sensing scenario: a grid plus the planted paths, with the ideal multi-path tensor model.
///
///     H[s, r, k, l] = Σ_p β_p e^{jω_{A,p} r} e^{jω_{F,p} k} e^{jω_{T,p} l} + W,   W ~ iid CN(0, σ²)
///     SNR = Σ_p |β_p|² / σ²    (per resource element per antenna; authors' public code)
///
/// Shape `[N_R × N_F × N_T]`, column-major with the antenna index fastest (`ChannelTensor`).
/// Source: docs/ISAC.md#signal-model and docs/ISAC.md#scenarios (Tahir, Svoboda, Rupp 2025).
public struct ISACScenario: Sendable, Equatable, Codable {
    /// The measurement grid and conventions.
    public var grid: ISACGrid
    /// The planted paths (P ≥ 1).
    public var paths: [ISACPath]

    public init(grid: ISACGrid, paths: [ISACPath]) {
        self.grid = grid
        self.paths = paths
    }

    /// The paper's default scenario (docs/ISAC.md#scenarios, authors' `main.m`): 26 GHz, 16×180×560,
    /// P = 6 at θ = 30…150°, path lengths n·c·T_s with n = 2, 5, 9, 12, 15, 18 and T_s = 1/(225Δf),
    /// velocities 0, 5, 0, 15, 0, 25 km/h, gains 10^{−PL/20}·e^{jφ_p} with
    ///
    ///     PL = 28 + 22·log10(d/m) + 20·log10(f_c/GHz) + 2.96   [dB]   (TR 38.901 UMa-LOS + 4·0.74 dB)
    ///
    /// - Parameter phasesRadians: the six phases φ_p [rad]; draw them with `paperDefault(using:)`.
    public static func paperDefault(phasesRadians: [Double] = Array(repeating: 0, count: 6)) -> ISACScenario {
        precondition(phasesRadians.count == 6, "the default scenario has six paths")
        let grid = ISACGrid.paperDefault
        let sampleDistance = PhysicalConstants.speedOfLightMetersPerSecond / (225 * grid.subcarrierSpacingHz)
        let multiples: [Double] = [2, 5, 9, 12, 15, 18]
        let anglesDegrees: [Double] = [30, 54, 78, 102, 126, 150]
        let speedsKmh: [Double] = [0, 5, 0, 15, 0, 25]
        var paths: [ISACPath] = []
        for p in 0..<6 {
            let distance = multiples[p] * sampleDistance
            let magnitude = gainMagnitude(distanceMeters: distance, carrierFrequencyHz: grid.carrierFrequencyHz)
            paths.append(
                ISACPath(
                    angleDegrees: anglesDegrees[p], distanceMeters: distance,
                    velocityMetersPerSecond: speedsKmh[p] / 3.6,
                    gain: Complex(length: magnitude, phase: phasesRadians[p])))
        }
        return ISACScenario(grid: grid, paths: paths)
    }

    /// The default scenario with phases φ_p ~ U[0, 2π) drawn from `generator`.
    public static func paperDefault(using generator: inout some RandomNumberGenerator) -> ISACScenario {
        paperDefault(phasesRadians: (0..<6).map { _ in 2 * .pi * generator.nextUnitDouble() })
    }

    /// The 5G NR 28 GHz scenario (project choice, docs/ISAC.md#scenarios): the NR grid, θ = 30…150°,
    /// d = 20, 80, …, 320 m, v = 0, 20, 0, 60, 0, 100 km/h, gains from the same path-loss law.
    public static func nr28GHz(phasesRadians: [Double] = Array(repeating: 0, count: 6)) -> ISACScenario {
        precondition(phasesRadians.count == 6, "the NR scenario has six paths")
        let grid = ISACGrid.nr28GHz
        let anglesDegrees: [Double] = [30, 54, 78, 102, 126, 150]
        let speedsKmh: [Double] = [0, 20, 0, 60, 0, 100]
        var paths: [ISACPath] = []
        for p in 0..<6 {
            let distance = 20 + 60 * Double(p)
            paths.append(
                ISACPath(
                    angleDegrees: anglesDegrees[p], distanceMeters: distance,
                    velocityMetersPerSecond: speedsKmh[p] / 3.6,
                    gain: Complex(
                        length: gainMagnitude(distanceMeters: distance, carrierFrequencyHz: grid.carrierFrequencyHz),
                        phase: phasesRadians[p])))
        }
        return ISACScenario(grid: grid, paths: paths)
    }

    /// The amplitude 10^{−PL/20} of a path of length `distanceMeters` [m] at `carrierFrequencyHz` [Hz]:
    ///
    ///     PL = 28 + 22·log10(d/m) + 20·log10(f_c/GHz) + 2.96   [dB]   (TR 38.901 UMa-LOS + 4·0.74 dB)
    static func gainMagnitude(distanceMeters: Double, carrierFrequencyHz: Double) -> Double {
        let pathLossDB = 28 + 22 * log10(distanceMeters) + 20 * log10(carrierFrequencyHz / 1e9) + 2.96
        return Decibels.toAmplitude(-pathLossDB)
    }

    /// Total path power Σ|β_p|² [channel units²].
    public var totalPathPower: Double { paths.reduce(0) { $0 + $1.gain.lengthSquared } }

    /// Noise variance σ² = Σ|β_p|² / 10^{SNR/10} for an SNR [dB].
    public func noiseVariance(snrDB: Double) -> Double { totalPathPower / Decibels.toPower(snrDB) }

    /// Checks the grid and the paths.
    ///
    /// - Throws: `ISACError.invalidParameter`, or `.zeroPaths` for an empty path list.
    public func validate() throws(ISACError) {
        try grid.validate()
        guard !paths.isEmpty else { throw ISACError.zeroPaths }
        for (p, path) in paths.enumerated() {
            guard path.angleDegrees.isFinite, path.distanceMeters.isFinite, path.distanceMeters >= 0,
                path.velocityMetersPerSecond.isFinite, path.gain.isFinite
            else { throw ISACError.invalidParameter(name: "paths[\(p)]") }
        }
    }

    /// Checks every path is unambiguous on a grid compressed by `factors` (docs/ISAC.md#scenarios; silent aliasing,
    /// docs/ISAC.md#physical-mapping):
    /// |x/Δ_A|·2d_a/λ < 1 for the angle, τ < 1/(ΔfΔ_F), |f_D| < 1/(2Δ_T T_sym).
    ///
    /// - Throws: `ISACError.outsideUnambiguousRange(path:parameter:)` for the first aliasing path.
    public func validateUnambiguous(compressionFactors factors: [Int]) throws(ISACError) {
        for (p, path) in paths.enumerated() {
            let w = grid.spatialFrequencies(of: path)
            if abs(w[0]) * Double(factors[0]) >= .pi {
                throw ISACError.outsideUnambiguousRange(path: p, parameter: "angle")
            }
            if -w[1] * Double(factors[1]) >= 2 * .pi || w[1] > 0 {
                throw ISACError.outsideUnambiguousRange(path: p, parameter: "distance")
            }
            if abs(w[2]) * Double(factors[2]) >= .pi {
                throw ISACError.outsideUnambiguousRange(path: p, parameter: "velocity")
            }
        }
    }

    /// The noiseless tensor Σ_p β_p a(ω_A)∘d(ω_F)∘v(ω_T), shape `[N_R × N_F × N_T]`.
    ///
    /// - Complexity: O(P·N_R·N_F·N_T).
    public func noiselessTensor() -> ChannelTensor {
        let dims = grid.dimensions
        var tensor = ChannelTensor(dimensions: dims)
        let (nA, nF, nT) = (dims[0], dims[1], dims[2])
        for path in paths {
            let w = grid.spatialFrequencies(of: path)
            let a = Vandermonde.vector(count: nA, frequency: w[0])
            let d = Vandermonde.vector(count: nF, frequency: w[1])
            let v = Vandermonde.vector(count: nT, frequency: w[2]).map { $0 * path.gain }
            tensor.elements.withUnsafeMutableBufferPointer { out in
                for l in 0..<nT {
                    for k in 0..<nF {
                        let dv = d[k] * v[l]
                        let base = nA * (k + nF * l)
                        for r in 0..<nA { out[base + r] += a[r] * dv }
                    }
                }
            }
        }
        return tensor
    }

    /// A noisy realisation at `snrDB` [dB]: the noiseless tensor plus iid CN(0, σ²) noise.
    ///
    /// - Throws: `ISACError.invalidParameter(name: "snrDB")` for a non-finite SNR or σ².
    public func tensor(snrDB: Double, using generator: inout some RandomNumberGenerator) throws(ISACError)
        -> ChannelTensor
    {
        var tensor = noiselessTensor()
        let variance = noiseVariance(snrDB: snrDB)
        guard snrDB.isFinite, variance.isFinite, variance > 0 else { throw ISACError.invalidParameter(name: "snrDB") }
        // variance is finite and > 0 (checked above), so the distribution cannot reject it.
        let noise = try! ComplexNormalDistribution(variance: variance)
        for index in tensor.elements.indices { tensor.elements[index] += noise.sample(using: &generator) }
        return tensor
    }
}

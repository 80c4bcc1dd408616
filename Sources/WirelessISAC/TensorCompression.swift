import Foundation
import Numerics
import WirelessCore

/// PLAIN stage 1: how the input tensor is shrunk before the per-mode estimation (docs/ISAC.md#compression).
public enum CompressionMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// No compression.
    case none
    /// Keep every Δ-th sample: a_N(ω) → a_{N/Δ}(Δω); keeps 1/ΠΔ of the energy, σ² unchanged.
    case decimation
    /// Block means `H ×_m (J_m^T/Δ_m)`: a_N(ω) → g_Δ(ω)·a_{N/Δ}(Δω), noise σ²/ΠΔ (default).
    case averaging
    /// Every polyphase offset tuple is a virtual snapshot `H[o_1::Δ_1, o_2::Δ_2, o_3::Δ_3]`.
    case decimation2
    /// Sub-tensors of size N_m/Δ_m at ≤ 10 even shifts per compressed mode, stacked as snapshots;
    /// the mapping uses Δ = 1 (the aperture shrinks; decorrelation only).
    case smoothing
}

/// A planned compression: sizes, offsets and gathers computed once from the input shape.
///
/// Output shape `[N'_R × N'_F × N'_T]` with S' snapshots in `ChannelTensor` layout.
public struct TensorCompression: Sendable, Equatable {
    /// The compression mode.
    public let mode: CompressionMode
    /// Δ_m per mode, each ≥ 1 and dividing N_m.
    public let factors: [Int]
    /// Input sizes N_m.
    public let inputDimensions: [Int]
    /// Input snapshots S.
    public let inputSnapshotCount: Int
    /// Output sizes N'_m.
    public let outputDimensions: [Int]
    /// Output snapshots S'.
    public let outputSnapshotCount: Int
    /// The spacing factors the physical mapping uses (Δ_m, or 1 for `.none` and `.smoothing`).
    public let mappingFactors: [Int]
    /// Start offsets `[o_1, o_2, o_3]` of each virtual snapshot per input snapshot (Decimation2, Smoothing).
    public let snapshotOffsets: [[Int]]
    /// The sampling stride per mode inside one output snapshot (Δ_m for decimation modes, 1 otherwise).
    let strides: [Int]

    /// Plans a compression.
    ///
    /// - Parameters:
    ///   - mode: The compression mode.
    ///   - factors: Δ_m per mode, ≥ 1 and dividing the size.
    ///   - dimensions: Input sizes `[N_R, N_F, N_T]`.
    ///   - snapshotCount: Input snapshots S ≥ 1.
    ///   - maxVirtualSnapshots: Cap on Decimation2 offset tuples (a seeded subset beyond it), ≥ 1.
    ///   - maxShiftsPerMode: Smoothing shifts per compressed mode (evenly spaced), ≥ 1.
    ///   - seed: Seed of the Decimation2 subset.
    /// - Throws: `invalidCompressionFactor`, `compressionFactorNotDivisor`, `dimensionTooSmall`, `shapeMismatch`.
    public init(
        mode: CompressionMode, factors: [Int], dimensions: [Int], snapshotCount: Int = 1,
        maxVirtualSnapshots: Int = 100, maxShiftsPerMode: Int = 10, seed: UInt64 = 0
    ) throws(ISACError) {
        guard factors.count == 3, dimensions.count == 3, snapshotCount >= 1 else {
            throw ISACError.shapeMismatch(expected: [3], actual: [factors.count, dimensions.count])
        }
        let effectiveFactors = mode == .none ? [1, 1, 1] : factors
        for m in 0..<3 {
            guard effectiveFactors[m] >= 1 else {
                throw ISACError.invalidCompressionFactor(mode: m, factor: factors[m])
            }
            guard dimensions[m] % effectiveFactors[m] == 0 else {
                throw ISACError.compressionFactorNotDivisor(mode: m, size: dimensions[m], factor: effectiveFactors[m])
            }
        }
        self.mode = mode
        self.factors = effectiveFactors
        self.inputDimensions = dimensions
        self.inputSnapshotCount = snapshotCount
        let reduced = (0..<3).map { dimensions[$0] / effectiveFactors[$0] }
        self.outputDimensions = reduced
        for m in 0..<3 where reduced[m] < 2 { throw ISACError.dimensionTooSmall(mode: m, size: reduced[m]) }
        switch mode {
        case .none, .averaging:
            mappingFactors = mode == .none ? [1, 1, 1] : effectiveFactors
            strides = mode == .none ? [1, 1, 1] : effectiveFactors
            snapshotOffsets = [[0, 0, 0]]
        case .decimation:
            mappingFactors = effectiveFactors
            strides = effectiveFactors
            snapshotOffsets = [[0, 0, 0]]
        case .decimation2:
            mappingFactors = effectiveFactors
            strides = effectiveFactors
            var all: [[Int]] = []
            for o2 in 0..<effectiveFactors[2] {
                for o1 in 0..<effectiveFactors[1] {
                    for o0 in 0..<effectiveFactors[0] { all.append([o0, o1, o2]) }
                }
            }
            if all.count > maxVirtualSnapshots {
                var generator = Xoshiro256StarStar(seed: seed)
                all.shuffle(using: &generator)
                all = Array(all.prefix(max(1, maxVirtualSnapshots))).sorted {
                    ($0[2], $0[1], $0[0]) < ($1[2], $1[1], $1[0])
                }
            }
            snapshotOffsets = all
        case .smoothing:
            mappingFactors = [1, 1, 1]
            strides = [1, 1, 1]
            var shifts: [[Int]] = []
            for m in 0..<3 {
                let span = dimensions[m] - reduced[m]
                let count = min(max(1, maxShiftsPerMode), span + 1)
                if count == 1 {
                    shifts.append([0])
                } else {
                    var values: [Int] = []
                    for i in 0..<count {
                        let value = Int((Double(i) * Double(span) / Double(count - 1)).rounded())
                        if values.last != value { values.append(value) }
                    }
                    shifts.append(values)
                }
            }
            var all: [[Int]] = []
            for o2 in shifts[2] { for o1 in shifts[1] { for o0 in shifts[0] { all.append([o0, o1, o2]) } } }
            snapshotOffsets = all
        }
        self.outputSnapshotCount = snapshotOffsets.count * snapshotCount
    }

    /// Applies the compression.
    ///
    /// - Precondition: `input` has the planned shape (checked by the caller; programmer error otherwise).
    /// - Complexity: one pass over the input (Averaging) or over the kept samples.
    /// - Parameter parallel: split Averaging over both cores (disjoint output blocks).
    public func callAsFunction(_ input: ChannelTensor, parallel: Bool = false) -> ChannelTensor {
        precondition(input.dimensions == inputDimensions && input.snapshotCount == inputSnapshotCount)
        var output = ChannelTensor(dimensions: outputDimensions, snapshotCount: outputSnapshotCount)
        let (n0, n1, n2) = (inputDimensions[0], inputDimensions[1], inputDimensions[2])
        let (m0, m1, m2) = (outputDimensions[0], outputDimensions[1], outputDimensions[2])
        let inputSnapshotSize = n0 * n1 * n2
        let outputSnapshotSize = m0 * m1 * m2
        input.elements.withUnsafeBufferPointer { inBuffer in
            output.elements.withUnsafeMutableBufferPointer { outBuffer in
                if mode == .averaging {
                    averageBlocks(
                        input: UnsafeBufferPointer(rebasing: inBuffer[...]), output: outBuffer.baseAddress!,
                        parallel: parallel)
                    return
                }
                var outSnapshot = 0
                for s in 0..<inputSnapshotCount {
                    let inBase = s * inputSnapshotSize
                    for offset in snapshotOffsets {
                        let outBase = outSnapshot * outputSnapshotSize
                        for j2 in 0..<m2 {
                            let l = offset[2] + j2 * strides[2]
                            for j1 in 0..<m1 {
                                let k = offset[1] + j1 * strides[1]
                                let source = inBase + offset[0] + n0 * (k + n1 * l)
                                let target = outBase + m0 * (j1 + m1 * j2)
                                for j0 in 0..<m0 { outBuffer[target + j0] = inBuffer[source + j0 * strides[0]] }
                            }
                        }
                        outSnapshot += 1
                    }
                }
            }
        }
        return output
    }

    /// Block means of every snapshot: output block (j1, j2) = mean over its Δ_0×Δ_1×Δ_2 input samples.
    /// Tasks own disjoint ranges of output symbol blocks j2, so they never write the same element.
    private func averageBlocks(
        input: UnsafeBufferPointer<Complex<Double>>, output: UnsafeMutablePointer<Complex<Double>>, parallel: Bool
    ) {
        let (n0, n1, n2) = (inputDimensions[0], inputDimensions[1], inputDimensions[2])
        let (m0, m1, m2) = (outputDimensions[0], outputDimensions[1], outputDimensions[2])
        let (d0, d1, d2) = (factors[0], factors[1], factors[2])
        let scale = 1.0 / Double(d0 * d1 * d2)
        let rows = inputSnapshotCount * m2  // (snapshot, j2) pairs, each an independent output slab
        let taskCount = parallel && rows >= 2 && input.count >= 1 << 18 ? 2 : 1
        // Each task writes only its own output slabs (disjoint (snapshot, j2) ranges); the input is
        // only read; both outlive `forEachTask` (SendablePointer's contract).
        let (sharedOutput, sharedInput) = (SendablePointer(output), SendablePointer(readOnly: input.baseAddress!))
        let work: @Sendable (Int) -> Void = { task in
            let start = task * rows / taskCount
            let end = (task + 1) * rows / taskCount
            let out = sharedOutput.base
            let h = sharedInput.base
            for row in start..<end {
                let s = row / m2
                let j2 = row % m2
                let outBase = s * m0 * m1 * m2 + m0 * m1 * j2
                for index in 0..<(m0 * m1) { out[outBase + index] = .zero }
                for l in (j2 * d2)..<((j2 + 1) * d2) {
                    for k in 0..<n1 {
                        let source = s * n0 * n1 * n2 + n0 * (k + n1 * l)
                        let target = outBase + m0 * (k / d1)
                        if d0 == 1 {
                            for r in 0..<n0 { out[target + r] += h[source + r] }
                        } else {
                            for r in 0..<n0 { out[target + r / d0] += h[source + r] }
                        }
                    }
                }
                for index in 0..<(m0 * m1) { out[outBase + index] = out[outBase + index].multiplied(by: scale) }
            }
        }
        if taskCount > 1 { ParallelExecution.forEachTask(count: taskCount, work) } else { work(0) }
    }

    /// The amplitude factor a path of frequencies ω (full grid) acquires in output snapshot 0:
    /// Π_m g_{Δ_m}(ω_m) for Averaging, 1 otherwise (docs/ISAC.md#compression).
    public func amplitudeFactor(fullGridFrequencies w: [Double]) -> Complex<Double> {
        guard mode == .averaging else { return .one }
        var product = Complex<Double>.one
        for m in 0..<3 { product *= Vandermonde.averagingGain(factor: factors[m], frequency: w[m]) }
        return product
    }

    /// Noise variance after compression for input noise σ² [channel units²]: σ²/ΠΔ_m for Averaging.
    public func noiseVariance(inputNoiseVariance: Double) -> Double {
        mode == .averaging ? inputNoiseVariance / Double(factors.reduce(1, *)) : inputNoiseVariance
    }
}

extension TensorCompression {
    /// Stage 1 with the input checks every compressed-domain estimator makes (PLAIN, sequential,
    /// tensor ESPRIT): the planned input shape, then finite, not-all-zero samples.
    ///
    /// Averaging sums every sample, so a NaN/Inf input gives a non-finite block mean and an all-zero
    /// input an all-zero H'; only then is the input scanned to report the exact error. Other modes
    /// validate the input first.
    ///
    /// - Parameters:
    ///   - tensor: The input, of shape `inputDimensions` with `inputSnapshotCount` snapshots.
    ///   - parallel: Split the averaging over two tasks for large inputs (same result either way).
    /// - Throws: `shapeMismatch`, `nonFiniteInput(index:)`, `zeroEnergyInput`, `numericalFailure`
    ///   when finite block sums overflow.
    public func validatedCompression(of tensor: ChannelTensor, parallel: Bool = false) throws(ISACError)
        -> ChannelTensor
    {
        guard tensor.dimensions == inputDimensions, tensor.snapshotCount == inputSnapshotCount else {
            throw ISACError.shapeMismatch(
                expected: inputDimensions + [inputSnapshotCount], actual: tensor.dimensions + [tensor.snapshotCount])
        }
        guard mode == .averaging else {
            try tensor.validateSamples()
            return self(tensor, parallel: parallel)
        }
        let compressed = self(tensor, parallel: parallel)
        do { try compressed.validateSamples() } catch {
            try tensor.validateSamples()  // reports the input's own first bad sample, if any
            if case ISACError.zeroEnergyInput = error { throw error }  // blocks cancel exactly: nothing to estimate
            throw ISACError.numericalFailure(reason: "block sums overflowed during compression")
        }
        return compressed
    }
}

import Numerics
import WirelessCore

/// Network inputs and per-bin labels held in memory (docs/SPECTRUM.md#input-and-labels).
///
///     inputs [count × M × N] complex (peak-normalised spectra), labels [count × N] ∈ {0, 1}
public struct SpectrumDataset: Sendable {
    public var inputs: ComplexTensor<Float>
    public var labels: [Float]
    /// SNR of each example [dB] (NaN when unknown, e.g. captures).
    public var snrDB: [Double]

    public var count: Int { inputs.batch }
    public var fftCount: Int { inputs.channels }
    public var bins: Int { inputs.length }

    public init(inputs: ComplexTensor<Float>, labels: [Float], snrDB: [Double]) {
        precondition(
            labels.count == inputs.batch * inputs.length && snrDB.count == inputs.batch,
            "dataset arrays do not match")
        self.inputs = inputs
        self.labels = labels
        self.snrDB = snrDB
    }

    /// Generates examples `indices` of every SNR level with `generator` (in parallel; the result
    /// does not depend on the thread count since each example has its own seed).
    ///
    /// - Parameters:
    ///   - snrLevelsDB: the SNR levels [dB]; level k seeds with SNR index k.
    ///   - indices: example indices within each level (splits are disjoint index ranges).
    /// - Throws: `SpectrumNetError.lengthMismatch` when M·N ≠ W; the first feature-extraction error in
    ///   example order (e.g. `.allZeroWindow`).
    public static func synthetic(
        generator: WidebandGenerator, snrLevelsDB: [Double], indices: Range<Int>,
        extractor: SpectrumFeatureExtractor, firstSNRIndex: Int = 0
    ) throws(SpectrumNetError) -> SpectrumDataset {
        let w = generator.configuration.windowSamples
        guard extractor.windowSamples <= w else {
            throw SpectrumNetError.lengthMismatch(expected: extractor.windowSamples, found: w)
        }
        let perLevel = indices.count
        let total = snrLevelsDB.count * perLevel
        let m = extractor.fftCount
        let n = extractor.bins
        let fs = generator.configuration.sampleRateHz
        let labelWidth = generator.configuration.labelWidth
        // Each task writes its example's slices of the preallocated planes directly (peak memory is
        // the dataset itself plus one window per core, not a second copy).
        var inputs = ComplexTensor<Float>(batch: total, channels: m, length: n)
        var labels = [Float](repeating: 0, count: total * n)
        let stride = m * n
        let failures: [SpectrumNetError?] = inputs.withMutablePlanePointers { xr, xi in
            labels.withUnsafeMutableBufferPointer { labelBuffer in
                let labelPointer = SendablePointer(labelBuffer.baseAddress!)
                return ParallelExecution.parallelMap(count: total) { task in
                    let level = task / perLevel
                    let index = indices.lowerBound + task % perLevel
                    let example = generator.generate(
                        snrDB: snrLevelsDB[level], snrIndex: firstSNRIndex + level, index: index)
                    var tensor = ComplexTensor<Float>(batch: 1, channels: m, length: n)
                    do {
                        try extractor.write(example.samples[0..<(m * n)], into: &tensor, slot: 0)
                    } catch let error as SpectrumNetError {
                        return error
                    } catch {
                        return .invalidConfiguration(reason: "\(error)")
                    }
                    (xr.base + task * stride).update(from: tensor.real, count: stride)
                    (xi.base + task * stride).update(from: tensor.imaginary, count: stride)
                    let mask = SpectrumLabels.mask(
                        intervalsHz: example.intervalsHz(labelWidth: labelWidth), bins: n, sampleRateHz: fs)
                    for k in 0..<n { labelPointer.base[task * n + k] = mask[k] ? 1 : 0 }
                    return nil
                }
            }
        }
        // The first failure in example order (the same whatever the thread count).
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        let snr = (0..<total).map { snrLevelsDB[$0 / perLevel] }
        return SpectrumDataset(inputs: inputs, labels: labels, snrDB: snr)
    }

    /// The examples `indices` as a network input (complex `[b × M × N]`, or real `[b × 2M × N]` with
    /// channels Re₀, Im₀, Re₁, …) and their labels.
    public func batch<Indices: Collection>(_ indices: Indices, isComplex: Bool) -> (ComplexTensor<Float>, [Float])
    where Indices.Element == Int {
        let m = fftCount
        let n = bins
        let stride = m * n
        var x = ComplexTensor<Float>(
            batch: indices.count, channels: isComplex ? m : 2 * m, length: n, isComplex: isComplex)
        var y = [Float](repeating: 0, count: indices.count * n)
        for (slot, index) in indices.enumerated() {
            let source = index * stride
            if isComplex {
                x.real.replaceSubrange(
                    (slot * stride)..<((slot + 1) * stride), with: inputs.real[source..<(source + stride)])
                x.imaginary.replaceSubrange(
                    (slot * stride)..<((slot + 1) * stride),
                    with: inputs.imaginary[source..<(source + stride)])
            } else {
                let base = slot * 2 * stride
                for channel in 0..<m {
                    let s = source + channel * n
                    x.real.replaceSubrange(
                        (base + 2 * channel * n)..<(base + (2 * channel + 1) * n), with: inputs.real[s..<(s + n)])
                    x.real.replaceSubrange(
                        (base + (2 * channel + 1) * n)..<(base + (2 * channel + 2) * n),
                        with: inputs.imaginary[s..<(s + n)])
                }
            }
            y.replaceSubrange((slot * n)..<((slot + 1) * n), with: labels[(index * n)..<((index + 1) * n)])
        }
        return (x, y)
    }

    /// The label mask of example `index`.
    public func mask(_ index: Int) -> [Bool] {
        labels[(index * bins)..<((index + 1) * bins)].map { $0 > 0.5 }
    }

    /// The examples whose SNR equals `snrDB`.
    public func indices(snrDB value: Double) -> [Int] {
        snrDB.indices.filter { snrDB[$0] == value }
    }
}

extension SpectrumDataset {
    /// The examples `indices`, in that order.
    public func subset(_ indices: [Int]) -> SpectrumDataset {
        let (x, y) = batch(indices, isComplex: true)
        return SpectrumDataset(inputs: x, labels: y, snrDB: indices.map { snrDB[$0] })
    }

    /// The examples of several datasets (same M and N) back to back.
    public static func concatenated(_ parts: [SpectrumDataset]) -> SpectrumDataset {
        precondition(!parts.isEmpty, "nothing to concatenate")
        var inputs = ComplexTensor<Float>(batch: 0, channels: parts[0].fftCount, length: parts[0].bins)
        var labels: [Float] = []
        var snr: [Double] = []
        for part in parts {
            precondition(part.fftCount == inputs.channels && part.bins == inputs.length, "datasets differ in shape")
            inputs.real += part.inputs.real
            inputs.imaginary += part.inputs.imaginary
            inputs.batch += part.count
            labels += part.labels
            snr += part.snrDB
        }
        return SpectrumDataset(inputs: inputs, labels: labels, snrDB: snr)
    }
}

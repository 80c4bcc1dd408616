import Foundation
import Numerics
import Synchronization
import WirelessCore
import WirelessLinearAlgebra

/// PLAIN: compression → decoupled per-mode subspace estimation → input-based tensor fusion
/// (Tahir, Svoboda, Rupp, arXiv:2503.21242, 2025; docs/ISAC.md).
///
/// Plan once with `init(configuration:shape:)` (validates settings, plans the compression and
/// fixes every size); then `estimate(_:)` per snapshot tensor. `estimate` is thread-safe.
///
///     H [N_R×N_F×N_T] ──compress──▶ H' [N'_R×N'_F×N'_T, S'] ──per mode──▶ {ω̂_A}, {ω̂_F}, {ω̂_T}
///       ──TensorOMP/LS on H'──▶ K triplets ──physical mapping──▶ (θ̂, d̂, v̂) ──LS refit──▶ β̂
public struct PLAINEstimator: ISACParameterEstimator {
    /// The settings.
    public let configuration: PLAINConfiguration
    /// The planned compression (sizes, offsets).
    public let compression: TensorCompression

    public var name: String { "plain" }

    /// Plans the estimator for tensors of `shape` = `[N_R, N_F, N_T]` (optionally `+ [S]`).
    ///
    /// - Throws: `invalidParameter` (grid), `invalidCompressionFactor`, `compressionFactorNotDivisor`,
    ///   `dimensionTooSmall`, `zeroPaths`, `tooManyPaths`, `shapeMismatch`.
    public init(configuration: PLAINConfiguration, shape: [Int]) throws(ISACError) {
        try configuration.grid.validate()
        guard shape.count == 3 || shape.count == 4 else {
            throw ISACError.shapeMismatch(expected: configuration.grid.dimensions, actual: shape)
        }
        guard Array(shape.prefix(3)) == configuration.grid.dimensions else {
            throw ISACError.shapeMismatch(expected: configuration.grid.dimensions, actual: shape)
        }
        guard configuration.maxVirtualSnapshots >= 1 else {
            throw ISACError.invalidParameter(name: "maxVirtualSnapshots")
        }
        guard configuration.maxSmoothingShifts >= 1 else {
            throw ISACError.invalidParameter(name: "maxSmoothingShifts")
        }
        let compression = try TensorCompression(
            mode: configuration.compression, factors: configuration.compressionFactors,
            dimensions: Array(shape.prefix(3)), snapshotCount: shape.count == 4 ? shape[3] : 1,
            maxVirtualSnapshots: configuration.maxVirtualSnapshots,
            maxShiftsPerMode: configuration.maxSmoothingShifts, seed: configuration.seed)
        if let count = configuration.pathCount {
            guard count >= 1 else { throw ISACError.zeroPaths }
            let limit = compression.outputDimensions.reduce(1) { $0 * ($1 - 1) }
            guard count <= limit else { throw ISACError.tooManyPaths(mode: -1, requested: count, limit: limit) }
            if configuration.pathCountUse == .everywhere {
                for m in 0..<3 {
                    let limit = compression.outputDimensions[m] - 1
                    guard count <= limit else { throw ISACError.tooManyPaths(mode: m, requested: count, limit: limit) }
                }
            }
        }
        self.configuration = configuration
        self.compression = compression
    }

    /// Stage 1 with the input checks (`TensorCompression.validatedCompression(of:parallel:)`).
    ///
    /// - Throws: `shapeMismatch`, `nonFiniteInput(index:)`, `zeroEnergyInput`, `numericalFailure`.
    public func validatedCompression(of tensor: ChannelTensor) throws(ISACError) -> ChannelTensor {
        try compression.validatedCompression(of: tensor, parallel: configuration.parallel)
    }

    /// Stage 1: the compressed tensor H'.
    public func compress(_ tensor: ChannelTensor) -> ChannelTensor {
        compression(tensor, parallel: configuration.parallel)
    }

    /// Stage 2: per-mode estimates on H' (the three modes in parallel when configured).
    public func estimateModes(_ compressed: ChannelTensor) throws(ISACError) -> [ModeEstimate] {
        let config = configuration
        let forced = config.pathCountUse == .everywhere ? config.pathCount : nil
        let results = Mutex([Result<ModeEstimate, ISACError>?](repeating: nil, count: 3))
        let work: @Sendable (Int) -> Void = { mode in
            let outcome: Result<ModeEstimate, ISACError>
            do throws(ISACError) {
                let covariance = try ModeSubspaceEstimation.covariance(of: compressed, mode: mode)
                let columns = compressed.elements.count / compressed.dimensions[mode]
                outcome = .success(
                    try ModeSubspaceEstimation.estimate(
                        covariance: covariance, snapshotCount: columns, estimator: config.frequencyEstimator,
                        criterion: config.modelOrderCriterion, forwardBackward: config.forwardBackwardAveraging,
                        forcedOrder: forced))
            } catch {
                outcome = .failure(Self.relabel(error, mode: mode))
            }
            results.withLock { $0[mode] = outcome }
        }
        if config.parallel { ParallelExecution.forEachTask(count: 3, work) } else { for m in 0..<3 { work(m) } }
        let outcomes = results.withLock { $0.map { $0! } }
        return try outcomes.map { outcome throws(ISACError) in try outcome.get() }
    }

    private static func relabel(_ error: ISACError, mode: Int) -> ISACError {
        if case .tooManyPaths(_, let requested, let limit) = error {
            return .tooManyPaths(mode: mode, requested: requested, limit: limit)
        }
        return error
    }

    /// Stage 3: the selected triplets (indices into each mode's candidates).
    public func fuse(_ compressed: ChannelTensor, modes: [ModeEstimate]) throws(ISACError) -> [CandidateTriplet] {
        let count = configuration.pathCount ?? modes.map(\.order).max() ?? 1
        return try TensorFusion.select(
            tensor: compressed, candidates: modes.map(\.frequencies), count: count, method: configuration.fusion,
            update: configuration.ompUpdate)
    }

    /// Physical mapping (docs/ISAC.md#physical-mapping) and gain refit of selected triplets.
    ///
    /// - Parameter input: the uncompressed tensor for the `.uncompressed` refit; nil forces the compressed refit.
    public func targets(
        input: ChannelTensor?, compressed: ChannelTensor, modes: [ModeEstimate], triplets: [CandidateTriplet]
    ) throws(ISACError) -> [ISACTargetEstimate] {
        var targets = triplets.map { triplet in
            ISACTargetEstimate(
                grid: configuration.grid,
                estimatedFrequencies: (0..<3).map { modes[$0].frequencies[triplet.indices[$0]] },
                factors: compression.mappingFactors)
        }
        guard !targets.isEmpty else { return targets }
        switch input == nil ? GainRefitDomain.compressed : configuration.gainRefit {
        case .uncompressed:
            guard let input else { return targets }
            try GainRefit.refitGains(of: &targets, on: input)
        case .compressed:
            // Compressed-grid frequencies: ω' = Δ_m·ω for every non-smoothing mode.
            let spacing = compression.mode == .smoothing || compression.mode == .none ? [1, 1, 1] : compression.factors
            let compressedFrequencies = targets.map { t in (0..<3).map { Double(spacing[$0]) * t.frequencies[$0] } }
            var first = compressed
            if compressed.snapshotCount > 1 {
                first = try ChannelTensor(
                    dimensions: compressed.dimensions, snapshotCount: 1,
                    elements: Array(compressed.elements.prefix(compressed.snapshotElementCount)))
            }
            let gains = try GainRefit.gains(tensor: first, frequencies: compressedFrequencies, parallel: false)
            let offsets = compression.snapshotOffsets[0]
            for index in targets.indices {
                let w = targets[index].frequencies
                var factor = compression.amplitudeFactor(fullGridFrequencies: w)
                if compression.mode == .decimation2 || compression.mode == .smoothing {
                    factor = Complex(length: 1, phase: (0..<3).reduce(0) { $0 + w[$1] * Double(offsets[$1]) })
                }
                targets[index].gain = gains[index][0] / factor
            }
        }
        return targets
    }

    /// Runs stages 2–3 on a tensor that is already compressed (shape `[N'_R, N'_F, N'_T]` with S'
    /// snapshots as planned), e.g. from another tool or drawn directly in the compressed domain.
    /// Gains are refitted on the compressed tensor.
    ///
    /// - Throws: `shapeMismatch`, `nonFiniteInput`, `zeroEnergyInput`, `tooManyPaths`, `numericalFailure`.
    public func estimate(compressed: ChannelTensor) throws(ISACError) -> ISACEstimate {
        guard compressed.dimensions == compression.outputDimensions,
            compressed.snapshotCount == compression.outputSnapshotCount
        else {
            throw ISACError.shapeMismatch(
                expected: compression.outputDimensions + [compression.outputSnapshotCount],
                actual: compressed.dimensions + [compressed.snapshotCount])
        }
        try compressed.validateSamples()
        let modes = try estimateModes(compressed)
        let triplets = try fuse(compressed, modes: modes)
        let targets = try targets(input: nil, compressed: compressed, modes: modes, triplets: triplets)
        return ISACEstimate(targets: targets, modeEstimates: modes)
    }

    /// Runs the three stages on one tensor.
    ///
    /// - Throws: `shapeMismatch`, `nonFiniteInput`, `zeroEnergyInput`, `tooManyPaths`, `numericalFailure`.
    public func estimate(_ tensor: ChannelTensor) throws(ISACError) -> ISACEstimate {
        let compressed = try validatedCompression(of: tensor)
        let modes = try estimateModes(compressed)
        let triplets = try fuse(compressed, modes: modes)
        let targets = try targets(input: tensor, compressed: compressed, modes: modes, triplets: triplets)
        return ISACEstimate(targets: targets, modeEstimates: modes)
    }
}

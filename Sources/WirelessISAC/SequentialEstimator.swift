import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// Baseline: sequential estimation — angle, then delay per beam, then Doppler per (beam, delay)
/// on the same compressed input as PLAIN (docs/ISAC.md#baselines).
///
///     Â from the mode-A unfolding of H';  beams Z_i = H' ×_A (Â^+)_i            [N'_F × N'_T × S]
///     D̂_i from the frequency unfolding of Z_i;  y_ij = Z_i ×_F (D̂_i^+)_j        [N'_T × S]
///     Doppler of y_ij from its Hankel-smoothed covariance (L = ⌈N'_T/2⌉, FBA, AIC)
///
/// Pairing is implicit (each Doppler belongs to its beam and delay branch) and errors propagate.
/// With `pathCount` set, the K triplets with the largest compressed-domain LS power are kept.
public struct SequentialEstimator: ISACParameterEstimator {
    /// The shared settings: the compression, 1-D estimator, criterion, FBA, path count and refit of PLAIN.
    public let configuration: PLAINConfiguration
    /// The planned compression.
    public let compression: TensorCompression

    public var name: String { "sequential" }

    /// - Throws: as `PLAINEstimator.init(configuration:shape:)`.
    public init(configuration: PLAINConfiguration, shape: [Int]) throws(ISACError) {
        let plain = try PLAINEstimator(configuration: configuration, shape: shape)
        self.configuration = configuration
        self.compression = plain.compression
    }

    private func estimateMode(_ covariance: Matrix<Complex<Double>>, columns: Int) throws(ISACError) -> ModeEstimate {
        let forced = configuration.pathCountUse == .everywhere ? configuration.pathCount : nil
        return try ModeSubspaceEstimation.estimate(
            covariance: covariance, snapshotCount: columns, estimator: configuration.frequencyEstimator,
            criterion: configuration.modelOrderCriterion, forwardBackward: configuration.forwardBackwardAveraging,
            forcedOrder: forced.map { min($0, covariance.rows - 1) })
    }

    public func estimate(_ tensor: ChannelTensor) throws(ISACError) -> ISACEstimate {
        let compressed = try compression.validatedCompression(of: tensor)
        let dims = compressed.dimensions
        let (nA, nF, nT, s) = (dims[0], dims[1], dims[2], compressed.snapshotCount)
        // 1. Angles.
        let angleCovariance = try ModeSubspaceEstimation.covariance(of: compressed, mode: 0)
        let angles = try estimateMode(angleCovariance, columns: compressed.elements.count / nA)
        let dictionaryA = Vandermonde.matrix(count: nA, frequencies: angles.frequencies)
        let beamformers = try ISACError.numerical("beamformers") { try pseudoInverse(dictionaryA) }  // K_A × N'_A
        let beams = TensorFusion.modeProduct(
            compressed.elements, dimensions: dims, snapshotCount: s, mode: 0, matrix: beamformers)
        var triplets: [[Double]] = []
        for i in 0..<angles.frequencies.count {
            // Z_i as an N'_F × (N'_T·S) matrix.
            let kA = angles.frequencies.count
            var z = Matrix<Complex<Double>>(rows: nF, columns: nT * s, repeating: .zero)
            for column in 0..<(nT * s) {
                for k in 0..<nF { z[k, column] = beams[i + kA * (k + nF * column)] }
            }
            var zCovariance = try ISACError.numerical("beam covariance") {
                try multiply(z, z, .none, .conjugateTranspose)
            }
            for e in zCovariance.elements.indices {
                zCovariance.elements[e] = zCovariance.elements[e].divided(by: Double(nT * s))
            }
            let delays = try estimateMode(zCovariance, columns: nT * s)
            let branches = try ISACError.numerical("delay filters") {  // K_F × (N'_T·S)
                try multiply(pseudoInverse(Vandermonde.matrix(count: nF, frequencies: delays.frequencies)), z)
            }
            for j in 0..<delays.frequencies.count {
                // Hankel smoothing of the length-N'_T branch (per snapshot), L = ⌈N'_T/2⌉.
                let l = (nT + 1) / 2
                let width = nT - l + 1
                var hankel = Matrix<Complex<Double>>(rows: l, columns: width * s, repeating: .zero)
                for snapshot in 0..<s {
                    for c in 0..<width {
                        for row in 0..<l { hankel[row, c + width * snapshot] = branches[j, row + c + nT * snapshot] }
                    }
                }
                var hCovariance = try ISACError.numerical("Hankel covariance") {
                    try multiply(hankel, hankel, .none, .conjugateTranspose)
                }
                for e in hCovariance.elements.indices {
                    hCovariance.elements[e] = hCovariance.elements[e].divided(by: Double(width * s))
                }
                let dopplers = try estimateMode(hCovariance, columns: width * s)
                for w in dopplers.frequencies { triplets.append([angles.frequencies[i], delays.frequencies[j], w]) }
            }
        }
        if let k = configuration.pathCount, triplets.count > k {
            let gains = try GainRefit.gains(tensor: compressed, frequencies: triplets, parallel: false)
            let power = gains.map { $0.reduce(0) { $0 + $1.lengthSquared } }
            let order = triplets.indices.sorted { power[$0] > power[$1] }
            triplets = order.prefix(k).map { triplets[$0] }
        }
        // Map and refit exactly as PLAIN does.
        var targets = triplets.map {
            ISACTargetEstimate(
                grid: configuration.grid, estimatedFrequencies: $0, factors: compression.mappingFactors)
        }
        try GainRefit.refitGains(of: &targets, on: tensor)
        return ISACEstimate(targets: targets)
    }
}

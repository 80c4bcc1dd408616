/// How the true path count P is used (the reference's `useTrueN_P` 0/1/2; docs/ISAC.md#fusion).
public enum PathCountUse: String, Sendable, Equatable, Codable, CaseIterable {
    /// P selects the final K triplets only; per-mode orders come from AIC/MDL (default).
    case finalSelection
    /// P also forces K_m = P in every mode.
    case everywhere
}

/// Settings of the PLAIN estimator (Tahir, Svoboda, Rupp 2025; docs/ISAC.md#compression to docs/ISAC.md#fusion).
public struct PLAINConfiguration: Sendable, Equatable, Codable {
    /// The sensing grid (f_c, spacings, conventions) used by the physical mapping.
    public var grid: ISACGrid
    /// Stage-1 compression (default `.averaging`).
    public var compression: CompressionMode
    /// Δ_m per mode (default [1, 4, 14]); each ≥ 1 and dividing N_m.
    public var compressionFactors: [Int]
    /// The 1-D estimator per mode (default root-MUSIC).
    public var frequencyEstimator: FrequencyEstimator
    /// Model-order criterion (default AIC).
    public var modelOrderCriterion: ModelOrderCriterion
    /// Forward–backward averaging of every mode covariance (default on).
    public var forwardBackwardAveraging: Bool
    /// Fusion method (default TensorOMP).
    public var fusion: FusionMethod
    /// The LS update inside TensorOMP (default `.cp`; `.tucker` is the reference's).
    public var ompUpdate: TensorOMPUpdate
    /// Number of paths K to return; nil → max_m K_m.
    public var pathCount: Int?
    /// How `pathCount` is used (default `.finalSelection`).
    public var pathCountUse: PathCountUse
    /// Where gains are refitted (default the uncompressed input).
    public var gainRefit: GainRefitDomain
    /// Cap on Decimation2 virtual snapshots (default 100).
    public var maxVirtualSnapshots: Int
    /// Smoothing shifts per compressed mode (default 10).
    public var maxSmoothingShifts: Int
    /// Seed of the Decimation2 subset when the cap applies.
    public var seed: UInt64
    /// Run the three modes (and the refit contraction) on both cores (default on).
    public var parallel: Bool

    /// The paper's setting: Averaging [1, 4, 14], root-MUSIC, FBA, AIC, TensorOMP, P used for the final selection.
    public init(
        grid: ISACGrid = .paperDefault, compression: CompressionMode = .averaging,
        compressionFactors: [Int] = [1, 4, 14], frequencyEstimator: FrequencyEstimator = .rootMUSIC,
        modelOrderCriterion: ModelOrderCriterion = .aic, forwardBackwardAveraging: Bool = true,
        fusion: FusionMethod = .tensorOMP, ompUpdate: TensorOMPUpdate = .cp, pathCount: Int? = nil,
        pathCountUse: PathCountUse = .finalSelection,
        gainRefit: GainRefitDomain = .uncompressed, maxVirtualSnapshots: Int = 100, maxSmoothingShifts: Int = 10,
        seed: UInt64 = 0, parallel: Bool = true
    ) {
        self.grid = grid
        self.compression = compression
        self.compressionFactors = compressionFactors
        self.frequencyEstimator = frequencyEstimator
        self.modelOrderCriterion = modelOrderCriterion
        self.forwardBackwardAveraging = forwardBackwardAveraging
        self.fusion = fusion
        self.ompUpdate = ompUpdate
        self.pathCount = pathCount
        self.pathCountUse = pathCountUse
        self.gainRefit = gainRefit
        self.maxVirtualSnapshots = maxVirtualSnapshots
        self.maxSmoothingShifts = maxSmoothingShifts
        self.seed = seed
        self.parallel = parallel
    }
}

import Numerics

/// The scalar a network is built over: `Float` for training and inference speed, `Double` for
/// finite-difference gradient checks (docs/SPECTRUM.md#gradient-checks).
///
/// `Real` (swift-numerics) supplies `exp`, `log(onePlus:)` and `sqrt` generically; `SIMDScalar`
/// the eight-lane reductions of `ChannelLanes`.
public typealias NetworkScalar = Real & BinaryFloatingPoint & Sendable & Codable & SIMDScalar

import Numerics

/// Adam (Kingma and Ba 2015) on every real component of every trainable parameter (docs/SPECTRUM.md#training).
///
///     m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
///     θ ← θ − lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
///
/// β = (0.9, 0.999), ε = 1e-8, no weight decay. For a complex weight w = a + ib this is Adam on
/// (a, b) with the Wirtinger gradient (∂L/∂a, ∂L/∂b).
public struct AdamOptimizer<Scalar: NetworkScalar>: Sendable, Equatable {
    /// Learning rate [dimensionless], > 0.
    public var learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    /// Steps taken, t.
    public private(set) var step: Int = 0
    /// First and second moments per parameter (visiting order).
    public var firstMoments: [[Scalar]] = []
    public var secondMoments: [[Scalar]] = []

    /// Sets the step counter (when resuming with stored moments).
    public mutating func restoreStep(_ value: Int) { step = value }

    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Applies one update to every trainable parameter of `model` using its accumulated gradients.
    @_specialize(exported:true,where Scalar == Float, Model == SegmentationNetwork<Float>)
    public mutating func update<Model: ParameterContainer>(_ model: inout Model) where Model.Scalar == Scalar {
        step += 1
        let b1 = Scalar(beta1)
        let b2 = Scalar(beta2)
        let eps = Scalar(epsilon)
        let correction1 = Scalar(1 - Double.pow(beta1, Double(step)))
        let correction2 = Scalar(1 - Double.pow(beta2, Double(step)))
        let lr = Scalar(learningRate)
        var index = 0
        var first = firstMoments
        var second = secondMoments
        let initialise = first.isEmpty
        model.forEachParameter { parameter in
            guard parameter.isTrainable else { return }
            if initialise {
                first.append(Array(repeating: 0, count: parameter.count))
                second.append(Array(repeating: 0, count: parameter.count))
            }
            first[index].withUnsafeMutableBufferPointer { m in
                second[index].withUnsafeMutableBufferPointer { v in
                    for k in 0..<parameter.count {
                        let g = parameter.gradient[k]
                        m[k] = b1 * m[k] + (1 - b1) * g
                        v[k] = b2 * v[k] + (1 - b2) * g * g
                        let mHat = m[k] / correction1
                        let vHat = v[k] / correction2
                        parameter.value[k] -= lr * mHat / (vHat.squareRoot() + eps)
                    }
                }
            }
            index += 1
        }
        firstMoments = first
        secondMoments = second
    }
}

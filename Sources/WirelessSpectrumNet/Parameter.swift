import Numerics

/// One trainable (or running-statistics) array of real values with its gradient.
///
/// A complex weight w = a + ib is stored as two parameters, `….re` (a) and `….im` (b). Their
/// gradients hold ∂L/∂a and ∂L/∂b, so the complex gradient ∂L/∂a + i·∂L/∂b = 2·∂L/∂w̄
/// (the Wirtinger convention of docs/SPECTRUM.md#gradient-checks), and Adam updates every real component independently.
public struct Parameter<Scalar: NetworkScalar>: Sendable, Equatable {
    /// Unique dotted name, e.g. `e2.conv1.weight.re`; the checkpoint's tensor-table key.
    public var name: String
    /// Logical shape, e.g. `[out, in, kernel]`.
    public var shape: [Int]
    /// The values, row-major over `shape`.
    public var value: [Scalar]
    /// ∂L/∂value, accumulated by `backward`; cleared by `zeroGradients`.
    public var gradient: [Scalar]
    /// `false` for batch-norm running statistics (checkpointed, never optimised).
    public var isTrainable: Bool

    /// A parameter filled with `initialValue`.
    public init(name: String, shape: [Int], initialValue: Scalar = 0, isTrainable: Bool = true) {
        let count = shape.reduce(1, *)
        self.name = name
        self.shape = shape
        self.value = Array(repeating: initialValue, count: count)
        self.gradient = Array(repeating: 0, count: count)
        self.isTrainable = isTrainable
    }

    /// Number of real values.
    public var count: Int { value.count }

    /// Sets the gradient to zero.
    public mutating func zeroGradient() {
        for k in 0..<gradient.count { gradient[k] = 0 }
    }
}

/// A layer or network that owns parameters.
public protocol ParameterContainer {
    associatedtype Scalar: NetworkScalar
    /// Visits every parameter (trainable ones and running statistics) in a fixed order.
    mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void)
}

extension ParameterContainer {
    /// Clears every gradient.
    public mutating func zeroGradients() {
        forEachParameter { $0.zeroGradient() }
    }

    /// A snapshot of every parameter, in visiting order.
    public mutating func parameterList() -> [Parameter<Scalar>] {
        var list: [Parameter<Scalar>] = []
        forEachParameter { list.append($0) }
        return list
    }

    /// Number of trainable real values.
    public mutating func trainableParameterCount() -> Int {
        var total = 0
        forEachParameter { if $0.isTrainable { total += $0.count } }
        return total
    }

    /// Replaces the values of every parameter from `list` (same order and shapes).
    ///
    /// - Precondition: `list` came from `parameterList()` of the same architecture.
    public mutating func setParameterValues(_ list: [Parameter<Scalar>]) {
        var index = 0
        forEachParameter { parameter in
            precondition(
                parameter.name == list[index].name && parameter.count == list[index].count,
                "parameter list does not match the architecture")
            parameter.value = list[index].value
            index += 1
        }
    }
}

import WirelessCore

@testable import WirelessSpectrumNet

/// Central-difference (Wirtinger) gradient checker in `Double` (docs/SPECTRUM.md#gradient-checks).
///
/// The probe loss is L = Σ_k c_r[k]·y_r[k] + c_i[k]·y_i[k] with random c, so ∂L/∂y = c. The analytic
/// gradient (∂L/∂a + i∂L/∂b for every input and trainable parameter) is compared with
/// (L(θ + h) − L(θ − h))/(2h) on every real component, or on a seeded subset when `maximumProbes`
/// is set.
struct GradientChecker {
    /// Step h for Double (docs/SPECTRUM.md#gradient-checks).
    static let step = 1e-6
    /// Pass threshold on ‖g − g_FD‖ / max(‖g‖, ‖g_FD‖, 1e-12) (docs/SPECTRUM.md#gradient-checks).
    static let tolerance = 1e-6

    struct Report {
        var inputError: Double
        var parameterError: Double
        var probes: Int
    }

    static func randomTensor(
        batch: Int, channels: Int, length: Int, isComplex: Bool = true, scale: Double = 1,
        using generator: inout Xoshiro256StarStar
    ) -> ComplexTensor<Double> {
        var t = ComplexTensor<Double>(batch: batch, channels: channels, length: length, isComplex: isComplex)
        for k in 0..<t.real.count { t.real[k] = scale * (2 * generator.nextUnitDouble() - 1) }
        for k in 0..<t.imaginary.count { t.imaginary[k] = scale * (2 * generator.nextUnitDouble() - 1) }
        return t
    }

    static func probeLoss(_ y: ComplexTensor<Double>, _ c: ComplexTensor<Double>) -> Double {
        var total = 0.0
        for k in 0..<y.real.count { total += c.real[k] * y.real[k] }
        for k in 0..<y.imaginary.count { total += c.imaginary[k] * y.imaginary[k] }
        return total
    }

    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        var diff = 0.0
        var na = 0.0
        var nb = 0.0
        for k in 0..<a.count {
            diff += (a[k] - b[k]) * (a[k] - b[k])
            na += a[k] * a[k]
            nb += b[k] * b[k]
        }
        return diff.squareRoot() / max(na.squareRoot(), nb.squareRoot(), 1e-12)
    }

    static func check<Layer: ParameterContainer>(
        _ layer: Layer, input: ComplexTensor<Double>, seed: UInt64 = 7, maximumProbes: Int? = nil,
        forward: @escaping (inout Layer, ComplexTensor<Double>) -> ComplexTensor<Double>,
        backward: @escaping (inout Layer, ComplexTensor<Double>) -> ComplexTensor<Double>
    ) -> Report where Layer.Scalar == Double {
        var generator = Xoshiro256StarStar(seed: seed)
        var analytic = layer
        let y = forward(&analytic, input)
        let c = randomTensor(
            batch: y.batch, channels: y.channels, length: y.length, isComplex: y.isComplex,
            using: &generator)
        analytic.zeroGradients()
        let gx = backward(&analytic, c)

        func loss(_ model: Layer, _ x: ComplexTensor<Double>) -> Double {
            var copy = model
            return probeLoss(forward(&copy, x), c)
        }
        // Input gradient.
        var inputIndices = Array(0..<(input.real.count + input.imaginary.count))
        if let maximumProbes, inputIndices.count > maximumProbes {
            inputIndices.shuffle(using: &generator)
            inputIndices = Array(inputIndices.prefix(maximumProbes))
        }
        var analyticInput: [Double] = []
        var numericInput: [Double] = []
        for index in inputIndices {
            var plus = input
            var minus = input
            if index < input.real.count {
                plus.real[index] += step
                minus.real[index] -= step
                analyticInput.append(gx.real[index])
            } else {
                let k = index - input.real.count
                plus.imaginary[k] += step
                minus.imaginary[k] -= step
                analyticInput.append(gx.imaginary[k])
            }
            numericInput.append((loss(layer, plus) - loss(layer, minus)) / (2 * step))
        }
        // Parameter gradients.
        var parameters = analytic.parameterList()
        var slots: [(Int, Int)] = []
        for (p, parameter) in parameters.enumerated() where parameter.isTrainable {
            for k in 0..<parameter.count { slots.append((p, k)) }
        }
        if let maximumProbes, slots.count > maximumProbes {
            slots.shuffle(using: &generator)
            slots = Array(slots.prefix(maximumProbes))
        }
        var analyticParameters: [Double] = []
        var numericParameters: [Double] = []
        for (p, k) in slots {
            analyticParameters.append(parameters[p].gradient[k])
            let original = parameters[p].value[k]
            var plusModel = layer
            var minusModel = layer
            parameters[p].value[k] = original + step
            plusModel.setParameterValues(parameters)
            parameters[p].value[k] = original - step
            minusModel.setParameterValues(parameters)
            parameters[p].value[k] = original
            numericParameters.append((loss(plusModel, input) - loss(minusModel, input)) / (2 * step))
        }
        return Report(
            inputError: relativeError(analyticInput, numericInput),
            parameterError: slots.isEmpty ? 0 : relativeError(analyticParameters, numericParameters),
            probes: inputIndices.count + slots.count)
    }
}

import Foundation
import Testing

@testable import WirelessFFT

/// Closed-form window values are evaluated with a handful of flops: a few ulp.
private let windowTolerance = 1e-14
/// The trapezoid rule on a periodic analytic integrand converges geometrically; 2000 nodes give
/// I₀(x) to ~1e-15 relative for x ≤ 20 (the series' own error is a few ulp).
private let besselTolerance = 1e-13

/// I₀(x) = (1/π)∫₀^π e^{x·cos θ} dθ by the trapezoid rule over the full period: an independent route.
private func besselI0Integral(_ x: Double) -> Double {
    let nodes = 2000
    var sum = 0.0
    for j in 0..<nodes { sum += exp(x * cos(2 * Double.pi * Double(j) / Double(nodes))) }
    return sum / Double(nodes)
}

@Test func besselI0MatchesTablesAndIntegral() {
    // Abramowitz & Stegun Table 9.8 (e^{−x}I₀(x)) converted: I₀(1), I₀(5), I₀(10).
    #expect(abs(besselI0(0) - 1) == 0)
    #expect(abs(besselI0(1) / 1.266065877752008 - 1) < besselTolerance)
    #expect(abs(besselI0(5) / 27.23987182360445 - 1) < besselTolerance)
    #expect(abs(besselI0(10) / 2815.716628466254 - 1) < besselTolerance)
    for x in stride(from: 0.0, through: 20, by: 0.7) {
        #expect(abs(besselI0(x) / besselI0Integral(x) - 1) < besselTolerance)
        #expect(besselI0(-x) == besselI0(x))
    }
}

@Test func windowsMatchHandFormulas() {
    let hannSymmetric = Window.hann(.symmetric).coefficients(length: 5)
    for (got, expected) in zip(hannSymmetric, [0, 0.5, 1, 0.5, 0]) { #expect(abs(got - expected) < windowTolerance) }
    let hannPeriodic = Window.hann(.periodic).coefficients(length: 4)
    for (got, expected) in zip(hannPeriodic, [0, 0.5, 1, 0.5]) { #expect(abs(got - expected) < windowTolerance) }
    let hamming = Window.hamming(.symmetric).coefficients(length: 5)
    for (got, expected) in zip(hamming, [0.08, 0.54, 1, 0.54, 0.08]) { #expect(abs(got - expected) < windowTolerance) }
    let harris = Window.blackmanHarris(.symmetric).coefficients(length: 5)
    let edge = 0.35875 - 0.48829 + 0.14128 - 0.01168
    // n = 1 of 5: φ = π/2, cos φ = 0, cos 2φ = −1, cos 3φ = 0.
    for (got, expected) in zip(harris, [edge, 0.35875 - 0.14128, 1, 0.35875 - 0.14128, edge]) {
        #expect(abs(got - expected) < windowTolerance)
    }
    #expect(Window.rectangular.coefficients(length: 3) == [1, 1, 1])
    #expect(Window.hann().coefficients(length: 1) == [1])
    #expect(Window.hann().coefficients(length: 0).isEmpty)

    // Kaiser symmetric, N = 5, β = 5: w[n] = I₀(β√(1 − (n/2 − 1)²))/I₀(β).
    let kaiser = Window.kaiser(beta: 5, symmetry: .symmetric).coefficients(length: 5)
    let i0beta = besselI0Integral(5)
    let expectedKaiser = [1 / i0beta, besselI0Integral(5 * 0.75.squareRoot()) / i0beta, 1]
    for (n, expected) in expectedKaiser.enumerated() {
        #expect(abs(kaiser[n] - expected) < besselTolerance)
        #expect(abs(kaiser[4 - n] - expected) < besselTolerance)
    }
    #expect(Window.kaiser(beta: 0).coefficients(length: 6).allSatisfy { abs($0 - 1) < windowTolerance })

    // Periodic length N equals symmetric length N + 1 without its last sample.
    for window in [Window.hann(.periodic), .hamming(.periodic), .blackmanHarris(.periodic), .kaiser(beta: 7)] {
        let symmetricTwin: Window
        switch window {
        case .hann: symmetricTwin = .hann(.symmetric)
        case .hamming: symmetricTwin = .hamming(.symmetric)
        case .blackmanHarris: symmetricTwin = .blackmanHarris(.symmetric)
        default: symmetricTwin = .kaiser(beta: 7, symmetry: .symmetric)
        }
        let periodic = window.coefficients(length: 16)
        let longer = symmetricTwin.coefficients(length: 17)
        #expect(zip(periodic, longer).allSatisfy { abs($0 - $1) < windowTolerance })
    }
}

@Test func windowGainsMatchClosedForms() {
    let n = 64
    let rectangular = Window.rectangular.gains(length: n)
    #expect(
        rectangular.coherentGain == 1 && rectangular.powerGain == 1 && rectangular.equivalentNoiseBandwidthBins == 1)
    // Periodic cosine-sum windows: Σw = N·a₀, Σw² = N·(a₀² + Σ_{k≥1} a_k²/2) exactly (N > 2·order).
    func closedForm(_ a: [Double]) -> (coherent: Double, enbw: Double) {
        let power = a[0] * a[0] + a.dropFirst().reduce(0) { $0 + $1 * $1 / 2 }
        return (a[0], power / (a[0] * a[0]))
    }
    for (window, a) in [
        (Window.hann(.periodic), [0.5, 0.5]), (.hamming(.periodic), [0.54, 0.46]),
        (.blackmanHarris(.periodic), [0.35875, 0.48829, 0.14128, 0.01168]),
    ] {
        let gains = window.gains(length: n)
        let expected = closedForm(a)
        #expect(abs(gains.coherentGain - expected.coherent) < windowTolerance)
        #expect(abs(gains.equivalentNoiseBandwidthBins - expected.enbw) < 1e-13)
    }
    // Published ENBW (Harris 1978, Table 1): Hann 1.50, Hamming 1.36, 4-term Blackman–Harris 2.00.
    #expect(abs(Window.hann().gains(length: n).equivalentNoiseBandwidthBins - 1.50) < 0.005)
    #expect(abs(Window.hamming().gains(length: n).equivalentNoiseBandwidthBins - 1.36) < 0.005)
    #expect(abs(Window.blackmanHarris().gains(length: n).equivalentNoiseBandwidthBins - 2.00) < 0.005)
    #expect(abs(Window.hann().gains(length: n).equivalentNoiseBandwidthHz(sampleRateHz: 6400) - 150) < 1e-9)
}

@Test func fftShiftEvenAndOdd() {
    #expect(fftShift([0, 1, 2, 3]) == [2, 3, 0, 1])
    #expect(fftShift([0, 1, 2, -2, -1]) == [-2, -1, 0, 1, 2])
    #expect(inverseFFTShift([-2, -1, 0, 1, 2]) == [0, 1, 2, -2, -1])
    #expect(inverseFFTShift([2, 3, 0, 1]) == [0, 1, 2, 3])
    #expect(fftShift([Int]()) == [] && fftShift([7]) == [7])
    for n in 0..<10 {
        let x = Array(0..<n)
        #expect(inverseFFTShift(fftShift(x)) == x)
        // FFT bin frequencies k (k < ⌈N/2⌉) or k − N become ascending, with DC at index ⌊N/2⌋.
        let binFrequencies = (0..<n).map { $0 < (n + 1) / 2 ? $0 : $0 - n }
        #expect(fftShift(binFrequencies) == Array((-(n / 2))..<(n - n / 2)))
        var out = [Int](repeating: -1, count: n)
        x.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in fftShift(from: source, into: destination) }
        }
        #expect(out == fftShift(x))
    }
}

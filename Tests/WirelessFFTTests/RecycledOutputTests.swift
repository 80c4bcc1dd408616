import Numerics
import Testing
import WirelessCore
import WirelessTestSupport

@testable import WirelessFFT

/// The recycled output of the convenience calls (`RecycledOutput`), on small plans made with the
/// threshold lowered to 0 bytes: every result must equal `execute(input:output:)` on fresh buffers (the
/// reference), and a result the caller keeps must never change.
struct RecycledOutputTests {
    /// Plans of every kind that recycles: out-of-place, in-place, normalised batch.
    static func plans() throws -> [FFTPlan] {
        try RecycledOutputTesting.$thresholdBytes.withValue(0) {
            [
                try FFTPlan(count: 64),
                try FFTPlan(count: 64, inPlace: true),
                try FFTPlan(shape: [16], direction: .inverse, batchCount: 3, normalization: .byLength),
            ]
        }
    }

    /// The reference: `execute(input:output:)` into a zeroed array of its own.
    static func reference(_ plan: FFTPlan, _ x: [Complex<Double>]) -> [Complex<Double>] {
        var y = [Complex<Double>](repeating: .zero, count: plan.bufferCount)
        if plan.isInPlace {
            y = x
            y.withUnsafeMutableBufferPointer { plan.execute(input: $0.baseAddress!, output: $0.baseAddress!) }
            return y
        }
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { plan.execute(input: source.baseAddress!, output: $0.baseAddress!) }
        }
        return y
    }

    @Test func smallPlansDoNotRecycleAndLargeOnesDo() throws {
        #expect(try FFTPlan(count: 64).recycledOutput == nil)
        #expect(try FFTPlan(count: 4096, batchCount: 512).recycledOutput != nil)  // 32 MiB
        #expect(try FFTPlan(count: 4096, batchCount: 511).recycledOutput == nil)
        for plan in try Self.plans() { #expect(plan.recycledOutput != nil) }
        // A strided batch keeps zero gaps in new arrays; it is never recycled.
        let strided = try RecycledOutputTesting.$thresholdBytes.withValue(0) {
            try FFTPlan(shape: [8], batchCount: 3, batchDistance: 10)
        }
        #expect(strided.recycledOutput == nil)
        let x = TestSignals.uniformComplex(count: strided.bufferCount, seed: 9)
        var y = x
        strided.execute(&y)
        #expect(y == Self.reference(strided, x))
        #expect(strided(x) == Self.reference(strided, x))
    }

    @Test func consecutiveCallsEqualTheReferenceAndReuseTheKeptArray() throws {
        for plan in try Self.plans() {
            for seed in 0..<4 {
                let x = TestSignals.uniformComplex(count: plan.bufferCount, seed: UInt64(seed))
                #expect(plan(x) == Self.reference(plan, x))  // the result is dropped here: memory reusable
                #expect(plan.recycledOutput!.isHoldingArray)
            }
        }
    }

    @Test func aResultTheCallerKeepsIsNeverOverwritten() throws {
        for plan in try Self.plans() {
            let inputs = (0..<3).map { TestSignals.uniformComplex(count: plan.bufferCount, seed: 20 + UInt64($0)) }
            let kept = inputs.map { plan($0) }  // each call finds the previous result still held
            for (x, y) in zip(inputs, kept) { #expect(y == Self.reference(plan, x)) }
            // The caller mutates a result the plan also holds: its copy changes, the next call is unaffected.
            var mine = plan(inputs[0])
            mine[0] = Complex(1e300, 0)
            #expect(plan(inputs[1]) == Self.reference(plan, inputs[1]))
            #expect(mine[0] == Complex(1e300, 0))
        }
    }

    @Test func feedingAResultBackInIsSafe() throws {
        for plan in try Self.plans() {
            let x = TestSignals.uniformComplex(count: plan.bufferCount, seed: 30)
            let once = plan(x)
            #expect(plan(once) == Self.reference(plan, Self.reference(plan, x)))
            var y = plan(x)
            plan.execute(&y)  // the input is the array the plan keeps
            #expect(y == Self.reference(plan, Self.reference(plan, x)))
            plan.execute(&y)
            #expect(y == Self.reference(plan, Self.reference(plan, Self.reference(plan, x))))
        }
    }

    @Test func discardReleasesTheKeptArray() throws {
        let plan = try Self.plans()[0]
        _ = plan(TestSignals.uniformComplex(count: plan.bufferCount, seed: 1))
        #expect(plan.recycledOutput!.isHoldingArray)
        plan.discardRecycledOutput()
        #expect(!plan.recycledOutput!.isHoldingArray)
    }

    @Test func concurrentCallsEachGetTheirOwnResult() async throws {
        let plan = try Self.plans()[0]
        let inputs = (0..<8).map { TestSignals.uniformComplex(count: plan.bufferCount, seed: 40 + UInt64($0)) }
        let expected = inputs.map { Self.reference(plan, $0) }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for (i, x) in inputs.enumerated() {
                group.addTask {
                    var ok = true
                    for _ in 0..<50 { ok = ok && plan(x) == expected[i] }
                    return (i, ok)
                }
            }
            var all: [Bool] = []
            for await (_, ok) in group { all.append(ok) }
            return all
        }
        #expect(results.allSatisfy { $0 })
    }
}

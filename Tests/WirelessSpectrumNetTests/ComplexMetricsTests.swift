import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The complex-valued metrics of docs/SPECTRUM.md#decision-rule-and-metrics (mask CIoU, interval CIoU) and the authors'
/// protocol
/// (docs/SPECTRUM.md#pitfalls, pitfall 2), on hand-made masks whose values are worked out by hand in the comments.
@Suite struct ComplexMetricsTests {
    /// Exact rational values computed in Double: equal to within a few ulps.
    static let tolerance = 1e-12

    func mask(_ text: String) -> [Bool] { text.map { $0 == "1" } }

    /// Probabilities 0.9 where `text` has a 1 and 0.1 elsewhere (τ = 0.5 splits them).
    func plane(_ text: String) -> [Float] { text.map { $0 == "1" ? 0.9 : 0.1 } }

    @Test func maskAndIntervalCIoUFromSeparateParts() throws {
        // Truth [2,6). Re > τ on [1,4), Im > τ on [4,8).
        let truth = mask("0011110000")
        let re = plane("0111000000")
        let im = plane("0000111100")
        var metrics = SegmentationMetrics()
        metrics.add(real: re[...], imaginary: im[...], rule: .standard, truth: truth)
        // Mask CIoU: ŝ = [1,8) vs [2,6): |∩| = 4, |∪| = 7.
        #expect(abs(metrics.meanComplexMaskIoU - 4.0 / 7.0) < Self.tolerance)
        // Interval CIoU: Re [1,4): I = 2, U = 6 − 1 = 5; Im [4,8): I = 2, U = 8 − 2 = 6 → 4/11.
        #expect(abs(metrics.meanIntervalCIoU - 4.0 / 11.0) < Self.tolerance)
        // The decided mask (rule Re > 0.5) is [1,4): IoU 2/5, interval IoU 2/5.
        #expect(abs(metrics.meanIoU - 0.4) < Self.tolerance)
        #expect(abs(metrics.meanIntervalIoU - 0.4) < Self.tolerance)
        // Rule "and": Re ∧ Im is empty, so the decided IoU is 0 while the CIoUs are unchanged.
        var and = SegmentationMetrics()
        and.add(real: re[...], imaginary: im[...], rule: try DecisionRule(part: .and), truth: truth)
        #expect(and.meanIoU == 0 && and.meanIntervalIoU == 0)
        #expect(abs(and.meanComplexMaskIoU - 4.0 / 7.0) < Self.tolerance)
        #expect(abs(and.meanIntervalCIoU - 4.0 / 11.0) < Self.tolerance)
    }

    @Test func unmatchedPartsCountTheirGroundTruthLength() {
        // Truth runs g1 = [0,2), g2 = [5,9). Re run [6,8) pairs with g2 (IoU 2/4; g1 would score 0);
        // Im run [1,3) pairs with g1 (IoU 1/3; g2 would score 0).
        let truth = mask("1100011110")
        var metrics = SegmentationMetrics()
        metrics.add(real: plane("0000001100")[...], imaginary: plane("0110000000")[...], rule: .standard, truth: truth)
        // g1: Re unmatched (I 0, U 2), Im I 1, U 3 → 1/5.  g2: Re I 2, U 4; Im unmatched (I 0, U 4) → 2/8.
        #expect(abs(metrics.meanIntervalCIoU - (1.0 / 5.0 + 2.0 / 8.0) / 2) < Self.tolerance)
        // Mask CIoU: ŝ = {1,2,6,7} vs truth {0,1,5,6,7,8}: |∩| = 3 (1,6,7), |∪| = 7.
        #expect(abs(metrics.meanComplexMaskIoU - 3.0 / 7.0) < Self.tolerance)
    }

    @Test func dilationAppliesToEachPart() throws {
        // Truth [2,6); Re > τ on [3,5) only, Im nowhere. With d = 1 the Re part becomes [2,6): exact.
        let truth = mask("0011110000")
        var metrics = SegmentationMetrics()
        metrics.add(
            real: plane("0001100000")[...], imaginary: plane("0000000000")[...],
            rule: try DecisionRule(dilationBins: 1), truth: truth)
        #expect(metrics.meanIoU == 1 && metrics.meanComplexMaskIoU == 1)
        // Re part I 4, U 4; Im part unmatched I 0, U 4 → 1/2.
        #expect(abs(metrics.meanIntervalCIoU - 0.5) < Self.tolerance)
    }

    @Test func realValuedNetUsesItsReplaneForBothParts() {
        // No Im plane: both parts are [1,4), so the CIoUs equal the IoUs (2/5).
        var metrics = SegmentationMetrics()
        metrics.add(real: plane("0111000000")[...], imaginary: [], rule: .standard, truth: mask("0011110000"))
        #expect(abs(metrics.meanComplexMaskIoU - 0.4) < Self.tolerance)
        #expect(abs(metrics.meanIntervalCIoU - 0.4) < Self.tolerance)
        #expect(metrics.meanComplexMaskIoU == metrics.meanIoU && metrics.meanIntervalCIoU == metrics.meanIntervalIoU)
    }

    @Test func decidedMaskAloneGivesCIoUEqualToIoU() {
        // The baselines only have a decided mask: mask CIoU = mask IoU, interval CIoU = interval IoU.
        var metrics = SegmentationMetrics()
        metrics.add(prediction: mask("1001110001"), truth: mask("0011110011"))
        #expect(abs(metrics.meanComplexMaskIoU - 4.0 / 7.0) < Self.tolerance)
        #expect(abs(metrics.meanIntervalCIoU - 0.625) < Self.tolerance)
    }

    @Test func authorsProtocolSkipsExamplesWithoutPrediction() {
        var metrics = SegmentationMetrics()
        metrics.add(prediction: mask("0011000"), truth: mask("0011000"))  // perfect
        metrics.add(prediction: mask("0000000"), truth: mask("0110110"))  // missed entirely: 2 runs
        metrics.add(prediction: mask("0000000"), truth: mask("0000000"))  // empty vs empty: IoU 1
        // Spec protocol: every example and every ground-truth run counts.
        #expect(abs(metrics.meanIoU - 2.0 / 3.0) < Self.tolerance)
        #expect(abs(metrics.recallAtIoU[0] - 1.0 / 3.0) < Self.tolerance)
        #expect(abs(metrics.meanIntervalIoU - 1.0 / 3.0) < Self.tolerance)
        // Authors' protocol: only the first example has a prediction.
        #expect(metrics.authorsProtocol.examples == 1 && metrics.authorsProtocol.groundTruthIntervals == 1)
        #expect(metrics.authorsProtocol.meanIoU == 1 && metrics.authorsProtocol.recallAtIoU == [1, 1, 1])
        #expect(metrics.authorsProtocol.meanIntervalIoU == 1)
    }

    @Test func mergeAddsTheNewAccumulators() {
        var a = SegmentationMetrics()
        a.add(
            real: plane("0111000000")[...], imaginary: plane("0000111100")[...], rule: .standard,
            truth: mask("0011110000"))
        var b = SegmentationMetrics()
        b.add(prediction: mask("0000000000"), truth: mask("0011110000"))
        var both = a
        both.merge(b)
        var sequential = a
        sequential.add(prediction: mask("0000000000"), truth: mask("0011110000"))
        #expect(both == sequential)
        #expect(abs(both.meanIntervalCIoU - (4.0 / 11.0) / 2) < Self.tolerance)
    }
}

import Foundation
import Numerics
import WirelessCore

/// Training, evaluation and inference of a `SegmentationNetwork<Float>` (docs/SPECTRUM.md#training).
///
/// Training: Adam per stage (fresh Adam per learning rate), batches of 64 in a seeded reshuffle per
/// epoch (`Xoshiro256StarStar(seed:stream: epoch)`), the last partial batch kept; early stopping on the
/// validation loss (patience 3, improvement > δ = 1e-3 absolute); each stage ends by restoring the
/// weights of the lowest validation loss so far from a deep copy (δ only drives the patience).
/// Deterministic: the same seed gives bit-identical weights at any thread count (every reduction has
/// a fixed order).
public enum SpectrumTrainer {
    /// Loss and metrics on a dataset in inference mode (running batch-norm statistics).
    public struct Evaluation: Sendable {
        public var loss: Double
        public var metrics: SegmentationMetrics
    }

    /// One optimisation step on a batch: zero gradients, forward (training mode), CFL, backward,
    /// Adam update; returns the batch loss.
    ///
    /// Concrete in `Float`. The network's passes, the loss and Adam are also pre-specialised for
    /// `Float`, so a hand-written loop in another module runs at the same speed.
    @discardableResult
    public static func step(
        network: inout SegmentationNetwork<Float>, input: ComplexTensor<Float>, labels: [Float],
        loss: ComplexFocalLoss, optimizer: inout AdamOptimizer<Float>
    ) -> Float {
        network.zeroGradients()
        let logits = network.forward(input, training: true)
        let (value, gradient) = loss.evaluate(logits: logits, labels: labels)
        network.accumulateGradients(gradient)
        optimizer.update(&network)
        return value
    }

    /// Inference-mode logits (specialised entry point; see `step`).
    public static func logits(network: inout SegmentationNetwork<Float>, input: ComplexTensor<Float>) -> ComplexTensor<
        Float
    > {
        network.forward(input, training: false)
    }

    /// Probabilities ŷ = σ(Re z) + iσ(Im z) for `indices` of `dataset`, in inference mode, in batches.
    public static func probabilities(
        network: inout SegmentationNetwork<Float>, dataset: SpectrumDataset, indices: [Int], batchSize: Int = 64
    ) -> ComplexTensor<Float> {
        let isComplex = network.configuration.isComplex
        var output = ComplexTensor<Float>(batch: indices.count, channels: 1, length: dataset.bins, isComplex: isComplex)
        var start = 0
        while start < indices.count {
            let end = min(indices.count, start + batchSize)
            let (x, _) = dataset.batch(indices[start..<end], isComplex: isComplex)
            let p = TensorOperations.splitSigmoid(network.forward(x, training: false))
            let n = dataset.bins
            output.real.replaceSubrange((start * n)..<(end * n), with: p.real)
            if isComplex { output.imaginary.replaceSubrange((start * n)..<(end * n), with: p.imaginary) }
            start = end
        }
        return output
    }

    /// Mean loss and metrics of `network` on `dataset` (inference mode).
    public static func evaluate(
        network: inout SegmentationNetwork<Float>, dataset: SpectrumDataset, loss: ComplexFocalLoss,
        rule: DecisionRule = .standard, batchSize: Int = 64
    ) -> Evaluation {
        let isComplex = network.configuration.isComplex
        var metrics = SegmentationMetrics()
        var lossSum = 0.0
        var start = 0
        let n = dataset.bins
        while start < dataset.count {
            let end = min(dataset.count, start + batchSize)
            let (x, y) = dataset.batch(start..<end, isComplex: isComplex)
            let logits = network.forward(x, training: false)
            lossSum += Double(loss.evaluate(logits: logits, labels: y).loss) * Double(end - start)
            let p = TensorOperations.splitSigmoid(logits)
            for slot in 0..<(end - start) {
                let prediction = rule.decide(
                    real: p.real[(slot * n)..<((slot + 1) * n)],
                    imaginary: isComplex ? p.imaginary[(slot * n)..<((slot + 1) * n)] : [])
                metrics.add(prediction: prediction, truth: dataset.mask(start + slot))
            }
            start = end
        }
        return Evaluation(loss: dataset.count > 0 ? lossSum / Double(dataset.count) : .nan, metrics: metrics)
    }

    /// Resumable training state beyond `TrainingState`: the optimiser and the stage's best weights.
    public struct Session: Sendable {
        public var state = TrainingState()
        public var optimizer: AdamOptimizer<Float>?
        public var bestWeights: [Parameter<Float>]?
        public init() {}
    }

    /// Trains until every stage has finished (or `maximumEpochs` more epochs have run).
    ///
    /// - Parameters:
    ///   - progress: called after each epoch with its record.
    ///   - checkpoint: called after each epoch with the network and the session (to save it).
    /// - Throws: `SpectrumNetError.nonFiniteLoss`, configuration errors, and whatever `checkpoint`
    ///   throws, unchanged (so the error type is the caller's as well as this module's: untyped).
    public static func train(
        network: inout SegmentationNetwork<Float>, training: SpectrumDataset, validation: SpectrumDataset,
        configuration: TrainingConfiguration, session: inout Session, maximumEpochs: Int = .max,
        progress: (EpochRecord) -> Void = { _ in },
        checkpoint: (inout SegmentationNetwork<Float>, Session) throws -> Void = { _, _ in }
    ) throws {
        try train(
            network: &network, trainingEpoch: { _ in training }, validation: validation,
            configuration: configuration, session: &session, maximumEpochs: maximumEpochs, progress: progress,
            checkpoint: checkpoint)
    }

    /// Trains with a training set supplied per epoch: `trainingEpoch(e)` returns the examples of
    /// epoch e (0-based over the whole run, stages included), e.g. a fresh block of synthetic
    /// windows each epoch so that memory holds one block while training sees many. Everything else
    /// is as `train(network:training:…)`; a resumed run asks for the epoch it resumes at.
    ///
    /// - Throws: as `train(network:training:…)`, an empty epoch set, and whatever `trainingEpoch` throws.
    public static func train(
        network: inout SegmentationNetwork<Float>, trainingEpoch: (Int) throws -> SpectrumDataset,
        validation: SpectrumDataset, configuration: TrainingConfiguration, session: inout Session,
        maximumEpochs: Int = .max, progress: (EpochRecord) -> Void = { _ in },
        checkpoint: (inout SegmentationNetwork<Float>, Session) throws -> Void = { _, _ in }
    ) throws {
        try configuration.validate()
        let loss = try ComplexFocalLoss(alpha: configuration.focalAlpha, gamma: configuration.focalGamma)
        let isComplex = network.configuration.isComplex
        let headOnly = configuration.trainableScope == .head
        var epochsRun = 0
        while !session.state.finished && epochsRun < maximumEpochs {
            let stage = session.state.stage
            guard stage < configuration.learningRates.count else {
                throw SpectrumNetError.invalidConfiguration(
                    reason:
                        "the session is at stage \(stage + 1) but only \(configuration.learningRates.count) learning rates are configured"
                )
            }
            let learningRate = configuration.learningRates[stage]
            if session.optimizer == nil { session.optimizer = AdamOptimizer(learningRate: learningRate) }
            if session.bestWeights == nil { session.bestWeights = network.parameterList() }
            let training = try trainingEpoch(session.state.totalEpochs)
            guard training.count > 0 else {
                throw SpectrumNetError.invalidConfiguration(reason: "empty training set")
            }
            let started = Date()
            var generator = Xoshiro256StarStar(seed: configuration.seed, stream: UInt64(session.state.totalEpochs))
            var order = Array(0..<training.count)
            order.shuffle(using: &generator)
            var lossSum = 0.0
            var batches = 0
            var start = 0
            while start < order.count {
                let end = min(order.count, start + configuration.batchSize)
                let (x, y) = training.batch(order[start..<end], isComplex: isComplex)
                network.zeroGradients()
                let logits: ComplexTensor<Float>
                if headOnly {
                    // Frozen body in inference mode (running statistics, no caches, no gradient).
                    let features = network.bodyForward(x, training: false)
                    logits = network.headForward(features, training: true)
                } else {
                    logits = network.forward(x, training: true)
                }
                let (value, gradient) = loss.evaluate(logits: logits, labels: y)
                guard value.isFinite else {
                    throw SpectrumNetError.nonFiniteLoss(epoch: session.state.totalEpochs + 1, batch: batches + 1)
                }
                if headOnly { _ = network.headBackward(gradient) } else { network.accumulateGradients(gradient) }
                // The body's gradients stay zero under `.head`, so its Adam moments stay zero and
                // Adam leaves it unchanged (Δθ = lr·0/(0 + ε) = 0).
                session.optimizer!.update(&network)
                lossSum += Double(value)
                batches += 1
                start = end
            }
            let trainSeconds = Date().timeIntervalSince(started)
            let evaluation = evaluate(network: &network, dataset: validation, loss: loss)
            guard evaluation.loss.isFinite else {
                throw SpectrumNetError.nonFiniteLoss(epoch: session.state.totalEpochs + 1, batch: 0)
            }
            session.state.epochInStage += 1
            session.state.totalEpochs += 1
            session.state.adamStep = session.optimizer!.step
            let record = EpochRecord(
                stage: stage, epoch: session.state.epochInStage, learningRate: learningRate,
                trainingLoss: lossSum / Double(max(batches, 1)), validationLoss: evaluation.loss,
                validationAccuracy: evaluation.metrics.accuracy, validationIoU: evaluation.metrics.meanIoU,
                seconds: Date().timeIntervalSince(started),
                examplesPerSecond: Double(training.count) / max(trainSeconds, 1e-9))
            session.state.history.append(record)
            if evaluation.loss < session.state.lowestValidationLoss {
                session.state.lowestValidationLoss = evaluation.loss
                session.bestWeights = network.parameterList()
            }
            if evaluation.loss < session.state.bestValidationLoss - configuration.minimumImprovement {
                session.state.bestValidationLoss = evaluation.loss
                session.state.epochsWithoutImprovement = 0
            } else {
                session.state.epochsWithoutImprovement += 1
            }
            if session.state.epochsWithoutImprovement >= configuration.patience
                || session.state.epochInStage >= configuration.epochCap(stage: stage)
            {
                if let best = session.bestWeights { network.setParameterValues(best) }
                session.state.stage += 1
                session.state.epochInStage = 0
                session.state.epochsWithoutImprovement = 0
                session.state.adamStep = 0
                session.optimizer = nil
                if session.state.stage >= configuration.learningRates.count { session.state.finished = true }
            }
            progress(record)
            try checkpoint(&network, session)
            epochsRun += 1
        }
    }
}

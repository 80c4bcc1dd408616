import Foundation
import WirelessCore
import WirelessLinearAlgebra
import WirelessSpectrumNet

/// CMuSeNet against the JAX peer (`../shared/peers/cmusenet_jax.py --bench-only`) on the peer's layout
/// (the compact complex U-Net without context blocks, 248,066 parameters) and batch (32), alternating
/// in one run: training-step throughput (forward + backward + Adam) and inference-forward throughput.
///
/// Both sides use both cores: ours runs BLAS on one thread per call and splits the work itself (as
/// `wtk` does), the peer's XLA uses its own thread pool. Each round measures as the peer does: after
/// warm-up, the median of 3 blocks of 3 calls. Environment: `WTK_PEERS_DIR` (default
/// `../shared/peers` beside the project), `WTK_PEER_ROUNDS` (3), `WTK_JAX_MODES` (the peer's
/// convolution modes, "split"; "split native" runs both and keeps the faster per metric).
let spectrumNetJAXComparison = PeerComparison(
    name: "spectrumnet/jax compact spec layout, batch 32",
    metrics: [("training step (fwd + bwd + Adam)", "examples/s"), ("inference forward", "windows/s")],
    rounds: Int(ProcessInfo.processInfo.environment["WTK_PEER_ROUNDS"] ?? "") ?? 3,
    ours: {
        BLASThreading.setThreadCount(1)
        HeapTuning.keepLargeBlocksInHeap()
        let configuration = NetworkConfiguration.compact(contextDilations: [])
        let batch = 32
        var generator = Xoshiro256StarStar(seed: 1)
        var x = ComplexTensor<Float>(batch: batch, channels: configuration.inputChannels, length: configuration.bins)
        for k in 0..<x.real.count {
            x.real[k] = 0.05 * (generator.nextUnitFloat() - 0.5)
            x.imaginary[k] = 0.05 * (generator.nextUnitFloat() - 0.5)
        }
        let labels = (0..<(batch * configuration.bins)).map { _ in generator.nextUnitFloat() < 0.2 ? Float(1) : 0 }
        var network = try SegmentationNetwork<Float>(configuration: configuration, using: &generator)
        var adam = AdamOptimizer<Float>(learningRate: 1e-3)
        let loss = try ComplexFocalLoss()
        let plan = InferencePlan(network: network)!
        // Warm-up as the peer's (its first calls compile).
        for _ in 0..<2 {
            SpectrumTrainer.step(network: &network, input: x, labels: labels, loss: loss, optimizer: &adam)
            _ = plan.logits(x)
        }
        /// Median over 3 blocks of 3 calls of `body`, in calls per second times `batch`.
        func rate(_ body: () -> Void) -> Double {
            var rates: [Double] = []
            for _ in 0..<3 {
                let start = ContinuousClock.now
                for _ in 0..<3 { body() }
                rates.append(Double(3 * batch) / Harness.seconds(ContinuousClock.now - start))
            }
            return rates.sorted()[1]
        }
        return {
            let training = rate {
                SpectrumTrainer.step(network: &network, input: x, labels: labels, loss: loss, optimizer: &adam)
            }
            let inference = rate { _ = plan.logits(x) }
            return [training, inference]
        }
    },
    peer: {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder =
            environment["WTK_PEERS_DIR"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/peers")
        let script = folder.appendingPathComponent("cmusenet_jax.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            return .failure(.init(description: "\(script.path) not found (set WTK_PEERS_DIR)"))
        }
        let modes = (environment["WTK_JAX_MODES"] ?? "split").split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, "--bench-only", "--batch", "32", "--warmup", "2", "--steps", "3", "--reps", "3"]
            + ["--bench-modes"] + modes
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return .failure(.init(description: "python3 did not start: \(error)")) }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(.init(description: "exit \(process.terminationStatus): \(output.suffix(400))"))
        }
        // "throughput, conv split: train step (fwd+bwd+Adam) batch 32: 13.6 ex/s (…); eval fwd: 69.0 ex/s; …"
        func number(after marker: String, in line: Substring) -> Double? {
            guard let range = line.range(of: marker) else { return nil }
            return Double(line[range.upperBound...].prefix { $0 == "." || $0.isNumber })
        }
        var training: [Double] = []
        var inference: [Double] = []
        for line in output.split(separator: "\n") where line.hasPrefix("throughput, conv") {
            if let value = number(after: "batch 32: ", in: line) { training.append(value) }
            if let value = number(after: "eval fwd: ", in: line) { inference.append(value) }
        }
        guard let bestTraining = training.max(), let bestInference = inference.max() else {
            return .failure(.init(description: "no throughput line in the peer's output: \(output.suffix(400))"))
        }
        return .success([bestTraining, bestInference])
    })

import Foundation
import Numerics
import WirelessCore

/// The inference forward pass of a compact `SegmentationNetwork<Float>` with CReLU (or ReLU), prepared
/// once and run on batches of windows (docs/SPECTRUM.md#inference).
///
/// Every batch norm is folded into the convolution before it (`FoldedConvolution`), each residual
/// block's shortcut is summed into the same output map by a second GEMM, and bias, residual and
/// activation run as one pass over that map; activations stay in a channel-major layout
/// `[planes·C × B·L]` (planes = Re, Im), which is the GEMM's own output layout, so no copies between
/// layers. A batch is cut into groups of `examplesPerTask` windows run in parallel, one group per core
/// at a time, each single-threaded in buffers that are reused from call to call (no allocation per
/// window once warm).
///
/// The logits equal `SegmentationNetwork.inference` up to rounding (tested against it); every window's
/// logits are independent of the other windows in the batch.
///
///     let plan = InferencePlan(network: network)!        // nil: an architecture it does not cover
///     let logits = plan.logits(input)                    // [B × 1 × N], as network.inference(input)
public struct InferencePlan: Sendable {
    /// The network's configuration.
    public let configuration: NetworkConfiguration
    /// Windows per parallel task, ≥ 1 (default 4: the bottleneck's GEMMs then see 4·128 columns, and a
    /// task's buffers, ≈ 3.5 MB per window, stay within reach of the caches).
    public let examplesPerTask: Int
    let stem: FoldedConvolution
    let encoder: [FoldedBlock]
    let context: [FoldedBlock]
    let decoder: [FoldedBlock]
    let head: FoldedConvolution
    let workspaces = WorkspacePool()

    /// A residual block with its three batch norms folded.
    struct FoldedBlock: Sendable {
        let conv1: FoldedConvolution
        let conv2: FoldedConvolution
        let shortcut: FoldedConvolution?

        init(_ block: ResidualBlock<Float>, gauss: Bool, winograd: Bool, winogradOutputs: Int) {
            conv1 = FoldedConvolution(
                block.conv1, norm: block.norm1, gaussMultiplication: gauss, winograd: winograd,
                winogradOutputs: winogradOutputs)
            conv2 = FoldedConvolution(
                block.conv2, norm: block.norm2, gaussMultiplication: gauss, winograd: winograd,
                winogradOutputs: winogradOutputs)
            shortcut = block.shortcutConv.map { FoldedConvolution($0, norm: block.shortcutNorm) }
        }
    }

    /// Whether `configuration` is one this plan covers: the compact architecture with the conv1×1 head
    /// and CReLU (complex) or ReLU (real) activations. Others run through `SegmentationNetwork.inference`.
    public static func supports(_ configuration: NetworkConfiguration) -> Bool {
        configuration.architecture == .compact && configuration.head == .convolution
            && configuration.activation == .crelu
    }

    /// Folds the network's current weights and running statistics; nil when `supports` is false.
    ///
    /// - Parameters:
    ///   - examplesPerTask: windows per parallel task (≥ 1).
    ///   - gaussMultiplication: run the complex 3- and 7-tap convolutions in the Gauss three-multiplication
    ///     form (25 % fewer multiply-adds, the batch norm applied after the products instead of folded).
    ///   - winograd: run the 3-tap stride-1 convolutions of the residual blocks in a Winograd form
    ///     (`FoldedConvolution+Winograd`; default). It takes precedence over the Gauss form on those layers;
    ///     the logits then differ from the direct form by rounding only (`InferencePlanTests.winogradTolerance`).
    ///   - winogradOutputs: outputs per Winograd tile: 4, F(4,3) (half the multiply-adds of those layers;
    ///     default, with F(2,3) on a layer whose length 4·dilation does not divide), or 2, F(2,3) (two thirds).
    public init?(
        network: SegmentationNetwork<Float>, examplesPerTask: Int = 4, gaussMultiplication: Bool = false,
        winograd: Bool = true, winogradOutputs: Int = 4
    ) {
        guard Self.supports(network.configuration) else { return nil }
        precondition(examplesPerTask >= 1, "examplesPerTask must be ≥ 1")
        precondition(winogradOutputs == 2 || winogradOutputs == 4, "winogradOutputs must be 2 or 4")
        configuration = network.configuration
        self.examplesPerTask = examplesPerTask
        stem = FoldedConvolution(network.stem, norm: network.stemNorm, gaussMultiplication: gaussMultiplication)
        encoder = network.encoder.map {
            FoldedBlock(
                $0, gauss: gaussMultiplication, winograd: winograd, winogradOutputs: winogradOutputs)
        }
        context = network.context.map {
            FoldedBlock(
                $0, gauss: gaussMultiplication, winograd: winograd, winogradOutputs: winogradOutputs)
        }
        decoder = network.decoder.map {
            FoldedBlock(
                $0, gauss: gaussMultiplication, winograd: winograd, winogradOutputs: winogradOutputs)
        }
        head = FoldedConvolution(network.head, norm: nil)
    }

    /// Inference logits `[B × 1 × N]` of a batch `[B × inputChannels × N]`, as `SegmentationNetwork.inference`.
    /// Groups of `examplesPerTask` windows run in parallel on both cores. Safe to call from several threads.
    public func logits(_ input: ComplexTensor<Float>) -> ComplexTensor<Float> {
        precondition(
            input.channels == configuration.inputChannels && input.length == configuration.bins
                && input.isComplex == configuration.isComplex, "network input shape mismatch")
        let n = configuration.bins
        var output = ComplexTensor<Float>(
            uninitializedBatch: input.batch, channels: 1, length: n, isComplex: configuration.isComplex)
        let groups = (input.batch + examplesPerTask - 1) / examplesPerTask
        let perTask = examplesPerTask
        input.withPlanePointers { xr, xi in
            output.withMutablePlanePointers { yr, yi in
                parallelTasks(count: groups) { group in
                    let first = group * perTask
                    let count = min(perTask, input.batch - first)
                    let workspace = workspaces.take()
                    defer { workspaces.give(workspace) }
                    forward(
                        input: (xr.base + first * input.exampleStride, xi.base + first * input.exampleStride),
                        batch: count, workspace: workspace,
                        output: (yr.base + first * n, yi.base + first * n))
                }
            }
        }
        return output
    }

    /// One group of `batch` windows, single-threaded: input planes in the `ComplexTensor` layout,
    /// logits written as `batch × N` values per plane.
    func forward(
        input: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>), batch: Int, workspace: Workspace,
        output: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
    ) {
        workspace.reset()
        let planes = configuration.isComplex ? 2 : 1
        let n = configuration.bins
        let source = ConvolutionInputRows(
            planes: planes == 2 ? [SendablePointer(input.0), SendablePointer(input.1)] : [SendablePointer(input.0)],
            channelStride: n, exampleStride: configuration.inputChannels * n)
        var h = Map(channels: stem.outChannels, length: n, planes: planes, batch: batch, workspace: workspace)
        apply(stem, to: source, length: n, batch: batch, into: h, accumulate: false, workspace: workspace)
        FoldedConvolution.finish(
            h.base, rows: h.rows, rowLength: h.rowLength, bias: stem.bias, extraBias: nil, residual: nil,
            rectify: true)
        var skips: [Map] = []
        for block in encoder {
            h = run(block, on: h, workspace: workspace)
            skips.append(h)
        }
        for block in context { h = run(block, on: h, workspace: workspace) }
        for (k, block) in decoder.enumerated() {
            let skip = skips[skips.count - 2 - k]
            h = run(block, on: Map.upsampledAndJoined(h, skip, workspace: workspace), workspace: workspace)
        }
        let logits = Map(channels: 1, length: n, planes: planes, batch: batch, workspace: workspace)
        apply(head, to: h.inputRows(), length: n, batch: batch, into: logits, accumulate: false, workspace: workspace)
        FoldedConvolution.finish(
            logits.base, rows: logits.rows, rowLength: logits.rowLength, bias: head.bias, extraBias: nil,
            residual: nil, rectify: false)
        output.0.update(from: logits.base, count: batch * n)
        if planes == 2 { output.1.update(from: logits.base + batch * n, count: batch * n) }
    }

    /// act(CBN(conv2(act(CBN(conv1 x)))) + shortcut(x)) with every CBN folded. When conv2 runs in the
    /// Winograd form, the shortcut is written first and conv2 summed onto it, so that bias, residual and
    /// activation fuse into conv2's output transform.
    func run(_ block: FoldedBlock, on x: Map, workspace: Workspace) -> Map {
        let length = block.conv1.outputLength(x.length)
        let middle = Map(
            channels: block.conv1.outChannels, length: length, planes: x.planes, batch: x.batch, workspace: workspace)
        apply(
            block.conv1, to: x.inputRows(), length: x.length, batch: x.batch, into: middle, accumulate: false,
            epilogue: .init(bias: block.conv1.bias, extraBias: nil, residual: nil, rectify: true), workspace: workspace)
        let out = Map(
            channels: block.conv2.outChannels, length: length, planes: x.planes, batch: x.batch, workspace: workspace)
        let epilogue = FoldedConvolution.Epilogue(
            bias: block.conv2.bias, extraBias: block.shortcut?.bias,
            residual: block.shortcut == nil ? UnsafePointer(x.base) : nil, rectify: true)
        if let shortcut = block.shortcut, block.conv2.usesWinograd(length: length) {
            apply(
                shortcut, to: x.inputRows(), length: x.length, batch: x.batch, into: out, accumulate: false,
                workspace: workspace)
            apply(
                block.conv2, to: middle.inputRows(), length: length, batch: x.batch, into: out, accumulate: true,
                epilogue: epilogue, workspace: workspace)
            return out
        }
        guard let shortcut = block.shortcut else {
            apply(
                block.conv2, to: middle.inputRows(), length: length, batch: x.batch, into: out, accumulate: false,
                epilogue: epilogue, workspace: workspace)
            return out
        }
        apply(
            block.conv2, to: middle.inputRows(), length: length, batch: x.batch, into: out, accumulate: false,
            workspace: workspace)
        apply(
            shortcut, to: x.inputRows(), length: x.length, batch: x.batch, into: out, accumulate: true,
            epilogue: epilogue, workspace: workspace)
        return out
    }

    func apply(
        _ convolution: FoldedConvolution, to rows: ConvolutionInputRows, length: Int, batch: Int, into output: Map,
        accumulate: Bool, epilogue: FoldedConvolution.Epilogue? = nil, workspace: Workspace
    ) {
        convolution.apply(
            rows, batch: batch, length: length,
            columns: workspace.columns(convolution.columnCount(batch: batch, length: length)),
            into: output.base, accumulate: accumulate, epilogue: epilogue)
    }

    /// A feature map of one group in the channel-major layout `[planes·C × B·L]`: row p·C + c holds
    /// channel c of plane p for the B windows one after another.
    struct Map {
        let channels, length, planes, batch: Int
        let base: UnsafeMutablePointer<Float>

        init(channels: Int, length: Int, planes: Int, batch: Int, workspace: Workspace) {
            (self.channels, self.length, self.planes, self.batch) = (channels, length, planes, batch)
            base = workspace.next(planes * channels * batch * length)
        }

        var rows: Int { planes * channels }
        var rowLength: Int { batch * length }

        /// The map as a convolution input.
        func inputRows() -> ConvolutionInputRows {
            ConvolutionInputRows(
                planes: (0..<planes).map { SendablePointer(base + $0 * channels * rowLength) },
                channelStride: rowLength, exampleStride: length)
        }

        /// [up×2(h), skip] along the channels (nearest up-sampling, `TensorOperations`' order).
        static func upsampledAndJoined(_ h: Map, _ skip: Map, workspace: Workspace) -> Map {
            precondition(2 * h.length == skip.length && h.batch == skip.batch, "decoder shapes differ")
            let joined = Map(
                channels: h.channels + skip.channels, length: skip.length, planes: h.planes, batch: h.batch,
                workspace: workspace)
            let rowLength = joined.rowLength
            for p in 0..<h.planes {
                for c in 0..<h.channels {
                    let source = h.base + (p * h.channels + c) * h.rowLength
                    let destination = joined.base + (p * joined.channels + c) * rowLength
                    for t in 0..<h.rowLength {
                        destination[2 * t] = source[t]
                        destination[2 * t + 1] = source[t]
                    }
                }
                (joined.base + (p * joined.channels + h.channels) * rowLength).update(
                    from: skip.base + p * skip.channels * rowLength, count: skip.channels * rowLength)
            }
            return joined
        }
    }

    /// Reusable buffers of one group: the maps in the order a forward pass asks for them, and the
    /// im2col matrix. Used by one thread at a time.
    final class Workspace {
        private var buffers: [UnsafeMutablePointer<Float>] = []
        private var capacities: [Int] = []
        private var nextIndex = 0
        private var columnBuffer: UnsafeMutablePointer<Float>?
        private var columnCapacity = 0

        func reset() { nextIndex = 0 }

        /// The next map buffer of the pass (at least `count` values; contents undefined).
        func next(_ count: Int) -> UnsafeMutablePointer<Float> {
            defer { nextIndex += 1 }
            if nextIndex < buffers.count {
                if capacities[nextIndex] >= count { return buffers[nextIndex] }
                buffers[nextIndex].deallocate()
                buffers[nextIndex] = .allocate(capacity: count)
                capacities[nextIndex] = count
                return buffers[nextIndex]
            }
            buffers.append(.allocate(capacity: count))
            capacities.append(count)
            return buffers[nextIndex]
        }

        /// The im2col buffer (at least `count` values).
        func columns(_ count: Int) -> UnsafeMutablePointer<Float> {
            if let columnBuffer, columnCapacity >= count { return columnBuffer }
            columnBuffer?.deallocate()
            columnBuffer = .allocate(capacity: count)
            columnCapacity = count
            return columnBuffer!
        }

        deinit {
            for buffer in buffers { buffer.deallocate() }
            columnBuffer?.deallocate()
        }
    }

    /// Workspaces handed to the tasks that run at the same time (at most one per core stays allocated).
    final class WorkspacePool: @unchecked Sendable {
        private let lock = NSLock()
        private var free: [Workspace] = []

        func take() -> Workspace {
            lock.lock()
            defer { lock.unlock() }
            return free.popLast() ?? Workspace()
        }

        func give(_ workspace: Workspace) {
            lock.lock()
            defer { lock.unlock() }
            free.append(workspace)
        }
    }
}

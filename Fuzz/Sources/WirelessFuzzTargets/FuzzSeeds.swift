internal import ArgumentParser
import Foundation
internal import Numerics
internal import WirelessCommands
internal import WirelessIO
internal import WirelessSpectrumNet

/// Small valid inputs for each target, made with the toolkit's own writers, so every corpus starts
/// from files the readers accept (the datasets/ and notebooks-export/ seeds are added by `scripts/fuzz`).
extension FuzzTarget {
    /// Named seed inputs for this target (a few hundred bytes each).
    public func seeds() -> [(name: String, data: Data)] {
        switch self {
        case .campaignCSV: FuzzSeeds.campaign()
        case .sigmf: FuzzSeeds.sigmf()
        case .rawIQ: FuzzSeeds.rawIQ()
        case .authors: FuzzSeeds.authors()
        case .npy: FuzzSeeds.npy()
        case .checkpoint: FuzzSeeds.checkpoints()
        case .cli: FuzzSeeds.commandLines()
        }
    }

    /// Writes `seeds()` into `folder` (created if needed), one file per seed; returns how many.
    @discardableResult
    public func writeSeeds(into folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let list = seeds()
        for seed in list { try seed.data.write(to: folder.appendingPathComponent("synth-" + seed.name)) }
        return list.count
    }

    /// libFuzzer's `LLVMFuzzerInitialize` hook for the drivers: with `WTK_FUZZ_WRITE_SEEDS=<folder>` in
    /// the environment, writes the synthesized seeds there and exits (status 0, or 1 on failure);
    /// otherwise does nothing and fuzzing proceeds.
    public func initialize() {
        guard let folder = ProcessInfo.processInfo.environment["WTK_FUZZ_WRITE_SEEDS"] else { return }
        do {
            let count = try writeSeeds(into: URL(fileURLWithPath: folder, isDirectory: true))
            print("\(rawValue): wrote \(count) synthesized seeds to \(folder)")
            exit(0)
        } catch {
            print("\(rawValue): cannot write seeds to \(folder): \(error)")
            exit(1)
        }
    }
}

/// The seed makers behind `FuzzTarget.seeds()`.
enum FuzzSeeds {
    static func campaign() -> [(name: String, data: Data)] {
        let full = """
            # SYNTHETIC replica - generated, not measured; generator fuzz v1, seed 1
            scenario_id,building_id,link_id,distance_m,path_gain_db,glass_type,scaffolding,foliage,\
            elevated_subway,floor,los,censored,frequency_ghz,tx_height_m,rx_height_m
            A,b1,l1,12.5,-80.25,low_loss,0,no,false,1,1,0,28,10,1.5
            A,b1,l2,40,-101,high_loss,1,yes,true,3,0,1,28,10,1.5
            "B",b2,"l,3",150.75,-120.5,low_loss,0,0,0,2,,0,39,25,1.5

            """
        let loss = "\u{FEFF}distance_m,path_loss_db,los\r\n10,70.5,1\r\n20,\"81\",0\r\n"
        return [("full.csv", Data(full.utf8)), ("loss.csv", Data(loss.utf8))]
    }

    /// 32 samples of a tone, as cf32 or ci16 bytes.
    static func tone(count: Int = 32) -> [Complex<Float>] {
        (0..<count).map { k in
            let phase = 2 * Float.pi * 0.125 * Float(k)
            return Complex(0.5 * Float.cos(phase), 0.5 * Float.sin(phase))
        }
    }

    /// The meta and data bytes of `recording`, as `SigMFRecording.write` produces them.
    static func sigmfBytes(_ recording: SigMFRecording) -> (meta: Data, data: Data)? {
        let base = FuzzInput.scratch.appendingPathComponent("seed")
        guard let (meta, data) = try? recording.write(to: base),
            let metaBytes = try? Data(contentsOf: meta), let dataBytes = try? Data(contentsOf: data)
        else { return nil }
        return (metaBytes, dataBytes)
    }

    static func joined(_ head: Data, _ tail: Data) -> Data { head + Data([0]) + tail }

    static func sigmf() -> [(name: String, data: Data)] {
        let labels = [
            SigMFAnnotation(
                sampleStart: 0, sampleCount: 16, frequencyLowerEdgeHz: 2.4e9 - 2e6, frequencyUpperEdgeHz: 2.4e9 + 1e6,
                label: "qpsk"),
            SigMFAnnotation(
                sampleStart: 8, sampleCount: 0, frequencyLowerEdgeHz: 2.4e9 + 3e6, frequencyUpperEdgeHz: 2.4e9 + 5e6,
                label: nil),
            SigMFAnnotation(sampleStart: 20, sampleCount: 4),
        ]
        var seeds: [(name: String, data: Data)] = []
        for datatype in SigMFRecording.Datatype.allCases {
            let recording = SigMFRecording(
                samples: tone(), sampleRateHz: 20e6, centerFrequencyHz: 2.4e9, datatype: datatype,
                annotations: labels, extraGlobalFields: ["core:description": .string("fuzz seed")])
            if let (meta, data) = sigmfBytes(recording) {
                seeds.append(("\(datatype.rawValue).sigmf", joined(meta, data)))
            }
        }
        return seeds
    }

    static func rawIQ() -> [(name: String, data: Data)] {
        var seeds: [(name: String, data: Data)] = []
        for datatype in SigMFRecording.Datatype.allCases {
            let recording = SigMFRecording(samples: tone(count: 16), sampleRateHz: 1e6, datatype: datatype)
            if let (_, data) = sigmfBytes(recording) {
                seeds.append(("\(datatype.rawValue).iq", Data([datatype == .cf32LE ? 0 : 1]) + data))
            }
        }
        return seeds
    }

    static func authors() -> [(name: String, data: Data)] {
        var samples = Data()
        for z in tone() {
            for part in [Double(z.real), Double(z.imaginary)] {
                withUnsafeBytes(of: part.bitPattern.littleEndian) { samples.append(contentsOf: $0) }
            }
        }
        let single = #"{"fc": -2500000, "bw": 1000000, "mod": "qpsk", "txPower": 0, "noisePower": 0.01}"#
        let list = #"[{"fc": 1e6, "bw": 5e5, "mod": "bpsk"}, {"fc": -4e6, "bw": 2e6, "txPower": -3}]"#
        return [
            ("single.authors", joined(Data(single.utf8), samples)), ("list.authors", joined(Data(list.utf8), samples)),
        ]
    }

    static func npy() -> [(name: String, data: Data)] {
        let elements = (0..<12).map { Complex(Double($0) / 4, -Double($0) / 8) }
        var seeds: [(name: String, data: Data)] = []
        for dataType in NPYArray.DataType.allCases {
            let array: NPYArray?
            if dataType == .complex64 || dataType == .complex128 {
                array = try? NPYArray(shape: [2, 3, 2], elements: elements, dataType: dataType)
            } else {
                array = try? NPYArray(shape: [1, 2, 3, 2], realElements: elements.map(\.real))
            }
            guard let array else { continue }
            for fortran in [false, true] {
                if let data = try? array.encoded(fortranOrder: fortran) {
                    seeds.append(("\(dataType)\(fortran ? "-f" : "-c").npy", data))
                }
            }
        }
        return seeds
    }

    static func checkpoints() -> [(name: String, data: Data)] {
        var seeds: [(name: String, data: Data)] = []
        let configurations: [(String, NetworkConfiguration)] = [
            ("complex", .compact(fftCount: 1, bins: 8, widths: [1, 1, 1, 1], contextDilations: [])),
            ("real-context", .compactReal(fftCount: 2, bins: 16, widths: [1, 1, 1, 1], contextDilations: [2])),
            ("paper1d", .paper1D(fftCount: 1, bins: 16, widths: [1, 1, 1, 1])),
        ]
        for (name, configuration) in configurations {
            guard var network = try? SegmentationNetwork<Float>(configuration: configuration) else { continue }
            if let data = try? Checkpoint(network: &network, provenance: ["seed": "fuzz"]).encoded() {
                seeds.append(("\(name).cmsn", data))
            }
            // A resumable one: training state, Adam moments and best weights.
            let parameters = network.parameterList()
            var optimizer = AdamOptimizer<Float>(learningRate: 1e-3)
            optimizer.firstMoments = parameters.filter(\.isTrainable).map { [Float](repeating: 0, count: $0.count) }
            optimizer.secondMoments = optimizer.firstMoments
            optimizer.restoreStep(3)
            var state = TrainingState()
            state.adamStep = 3
            state.bestValidationLoss = 0.5
            state.lowestValidationLoss = 0.5
            let resumable = Checkpoint(
                network: &network, training: state, trainingConfiguration: TrainingConfiguration(),
                optimizer: optimizer, bestWeights: parameters, provenance: [:])
            if let data = try? resumable.encoded() { seeds.append(("\(name)-resumable.cmsn", data)) }
        }
        return seeds
    }

    /// For every command path `p` of `wtk`: `p --help`, and `p` alone.
    static func commandLines() -> [(name: String, data: Data)] {
        var paths: [[String]] = []
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) {
            paths.append(path)
            for sub in command.configuration.subcommands {
                walk(sub, path + [sub.configuration.commandName ?? String(describing: sub).lowercased()])
            }
        }
        walk(WTK.self, [])
        var seeds: [(name: String, data: Data)] = []
        for path in paths {
            let name = path.isEmpty ? "wtk" : path.joined(separator: "-")
            seeds.append(("\(name).args", Data(path.map { $0 + "\n" }.joined().utf8)))
            seeds.append(("\(name)-help.args", Data((path + ["--help"]).map { $0 + "\n" }.joined().utf8)))
        }
        return seeds
    }
}

import ArgumentParser
import Foundation
import WirelessStochasticGeometry

/// The model flags shared by the `wtk densify` subcommands.
public struct DensifyModelOptions: ParsableArguments {
    @Option(help: "Path-loss exponents α0,…,α_{N−1}, comma-separated, non-decreasing, last > 2.")
    var exponents: String = "1.5,4"

    @Option(help: "Breakpoints R_1,…,R_{N−1} [length unit], comma-separated, increasing (one fewer than exponents).")
    var breakpoints: String = "1"

    @Option(
        help:
            "Fading: none | rayleigh | nakagami:M | lognormal:SDB | rayleigh+lognormal:SDB | nakagami:M+lognormal:SDB.")
    var fading: String = "rayleigh"

    @Option(help: "Association: nearest | strongest | mean-power.")
    var association: String = "strongest"

    @Option(parsing: .unconditional, help: "Normalised noise W = N0/P (≥ 0); overrides --edge-snr-db.")
    var noise: Double?

    @Option(name: .customLong("edge-snr-db"), parsing: .unconditional, help: "Noise from the SNR at distance R_1 [dB]: W = g(R_1)/SNR.")
    var edgeSNRDB: Double?

    public init() {}

    /// Largest number of densities or thresholds a sweep grid may have (larger grids are rejected, not allocated).
    static let maximumGridPoints = 10_000

    /// Largest N of `--mc drops:N`: 10⁸ (drops stream through fixed buffers, so this bounds time, not memory).
    static let maximumDrops = 100_000_000

    /// Rough cost of one Monte-Carlo drop at one density on the 2-core reference machine [s] (measured
    /// with the default two-slope model, strongest-BS association and Rayleigh fading; denser networks
    /// cost more per drop, so the estimate is a lower bound there).
    static let secondsPerDrop = 2e-5

    /// Prints the Monte-Carlo run's estimated duration on stderr when it is long (see `WorkEstimate`).
    static func announce(_ configuration: MonteCarloConfiguration?, densities: Int, label: String, quiet: Bool) {
        guard let configuration else { return }
        let drops = configuration.fixedDrops ?? configuration.maximumDrops
        WorkEstimate(
            label: label, units: Double(drops) * Double(densities), unitName: "drops × densities",
            secondsPerUnit: secondsPerDrop
        ).announce(quiet: quiet)
    }

    /// Linear thresholds T = 10^{T_dB/10} from a dB list; every T must be finite (T_dB ≲ 3083 dB).
    ///
    /// - Throws: `DensificationError.invalidThreshold` for an empty list, a non-finite dB value or a linear
    ///   value that overflows to ∞.
    /// The Monte-Carlo setting of `--mc`: nil for `off`, a fixed drop count for `drops:N` (N ≥ 1), the
    /// stop rule on the CI width for `auto`.
    /// - Throws: `ValidationError` (exit 64) for any other text.
    static func monteCarloConfiguration(_ mc: String, seed: UInt64) throws -> MonteCarloConfiguration? {
        var configuration = MonteCarloConfiguration(seed: seed)
        if mc == "off" { return nil }
        if mc.hasPrefix("drops:") {
            guard let drops = Int(mc.dropFirst(6)) else {
                throw ValidationError("--mc drops:N needs an integer N in 1…\(maximumDrops) (got '\(mc)')")
            }
            try OptionRange.check(drops, "--mc drops:N", in: 1...maximumDrops)
            configuration.fixedDrops = drops
        } else if mc != "auto" {
            throw ValidationError("--mc must be auto, off or drops:N (got '\(mc)')")
        }
        return configuration
    }

    static func linearThresholds(fromDB thresholdsDB: [Double]) throws -> [Double] {
        guard !thresholdsDB.isEmpty else { throw DensificationError.invalidThreshold(value: .nan) }
        return try thresholdsDB.map { db in
            let t = pow(10, db / 10)
            guard db.isFinite, t.isFinite else {
                throw DensificationError.invalidThreshold(value: db.isFinite ? t : db)
            }
            return t
        }
    }

    static func list(_ text: String, _ option: String) throws -> [Double] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--\(option) must be a comma-separated list of numbers (got '\(text)').")
        }
        return values.map { $0! }
    }

    func fadingModel() throws -> FadingModel {
        var small = SmallScaleFading.none
        var sigma = 0.0
        for part in fading.lowercased().split(separator: "+") {
            let fields = part.split(separator: ":")
            switch fields.first.map(String.init) ?? "" {
            case "none": small = .none
            case "rayleigh": small = .rayleigh
            case "nakagami":
                guard fields.count == 2, let m = Double(fields[1]) else {
                    throw ValidationError("nakagami needs :M, e.g. nakagami:2")
                }
                small = .nakagami(m: m)
            case "lognormal":
                guard fields.count == 2, let s = Double(fields[1]) else {
                    throw ValidationError("lognormal needs :SDB, e.g. lognormal:8")
                }
                sigma = s
            default: throw ValidationError("unknown fading '\(part)'")
            }
        }
        return try FadingModel(smallScale: small, shadowingSigmaDB: sigma)
    }

    func associationRule() throws -> Association {
        switch association {
        case "nearest": return .nearest
        case "strongest": return .strongestInstantaneous
        case "mean-power": return .strongestMeanPower
        default: throw ValidationError("--association must be nearest, strongest or mean-power (got '\(association)')")
        }
    }

    func scenario() throws -> DensificationScenario {
        let g = try MultiSlopePathGain(
            exponents: try Self.list(exponents, "exponents"), breakpoints: try Self.list(breakpoints, "breakpoints"))
        var w = 0.0
        if let noise {
            w = noise
        } else if let edgeSNRDB {
            w = try DensificationScenario.noise(forEdgeSNRDB: edgeSNRDB, pathGain: g)
        }
        return try DensificationScenario(
            pathGain: g, fading: try fadingModel(), association: try associationRule(), noise: w)
    }

    var parameters: [String: String] {
        [
            "exponents": exponents, "breakpoints": breakpoints, "fading": fading, "association": association,
            "noise": noise.map { String($0) } ?? "", "edge_snr_db": edgeSNRDB.map { String($0) } ?? "",
        ]
    }
}

import Foundation
import WirelessCore
import WirelessIO

/// The densification model as a user states it — exponents and breakpoints, fading, association, and the
/// noise as W, an edge SNR or a link budget, or a measured channel from a `pathloss fit` table — before it
/// becomes a `DensificationScenario` (docs/DENSIFICATION.md#command-line-sweeps).
///
/// `wtk densify sweep` and `wtk densify coverage` parse their model flags into one; each field is named
/// after its flag, and `validate()` states the rules the flags must follow together.
public struct DensifyModelSpecification: Sendable {
    /// Path-loss exponents α0,…,α_{N−1} (non-decreasing, last > 2; one value: single slope).
    public var exponents: [Double] = [1.5, 4]
    /// Breakpoints R_1,…,R_{N−1} [length unit], increasing; nil: none for one exponent, R_1 = 1 for two.
    public var breakpoints: [Double]?
    /// The fading law (with the measured channel: its small-scale part only).
    public var fading: FadingModel = .rayleigh
    /// The association rule.
    public var association: Association = .strongestInstantaneous
    /// Normalised noise W = N0/P, ≥ 0 (overrides `edgeSNRDB`).
    public var noise: Double?
    /// Noise from the SNR at distance R_1 [dB]: W = g(R_1)/SNR.
    public var edgeSNRDB: Double?
    /// Transmit power P [dBm] of a link budget.
    public var txPowerDBm: Double?
    /// Path-loss constant L0 [dB], the loss at 1 m (a link budget's; the measured channel gives its own).
    public var pathLossAt1mDB: Double?
    /// Carrier frequency [GHz], > 0: L0 = free-space loss at 1 m; the CI model's anchor.
    public var carrierGHz: Double?
    /// Bandwidth B [Hz], > 0, of a link budget.
    public var bandwidthHz: Double?
    /// Receiver noise figure F [dB], ≥ 0.
    public var noiseFigureDB: Double = 0
    /// The measured channel: a `pathloss fit` models table and the row to take (nil: the exponents).
    public var measured: MeasuredChannel?

    /// Which row of which `<name>-models.csv` of `wtk pathloss fit` gives the channel.
    public struct MeasuredChannel: Sendable {
        /// The table's path.
        public var file: String
        /// The fit's model row.
        public var model: MeasuredPathLoss.Model
        /// The fit's group row (`all`, `glass_type=low_loss`, …).
        public var group: String
        /// Reference distance d0 [m] the fit used, > 0.
        public var referenceMeters: Double

        public init(file: String, model: MeasuredPathLoss.Model, group: String, referenceMeters: Double) {
            self.file = file
            self.model = model
            self.group = group
            self.referenceMeters = referenceMeters
        }
    }

    public init() {}

    /// The breakpoints: as given, else none for a single slope and R_1 = 1 for two slopes.
    /// - Throws: `DensifyModelError.breakpointCount` when their number is not the number of exponents − 1.
    public func breakpointValues() throws(DensifyModelError) -> [Double] {
        let needed = exponents.count - 1
        let values = breakpoints ?? (needed == 1 ? [1] : [])
        guard values.count == needed else {
            throw .breakpointCount(exponents: exponents.count, given: breakpoints?.count)
        }
        return values
    }

    /// Checks the rules the fields follow together (ranges of single values are checked where they are
    /// used): the breakpoint count; the noise given once; a complete link budget; with a measured channel,
    /// no L0 or shadowing of one's own and the carrier for the CI model.
    /// - Throws: `DensifyModelError` (exit 64) naming the flags.
    public func validate() throws(DensifyModelError) {
        _ = try breakpointValues()
        let noiseGiven = noise != nil || edgeSNRDB != nil
        if let measured {
            guard pathLossAt1mDB == nil else { throw .measuredGivesLossAt1m }
            guard !fading.hasShadowing else { throw .measuredGivesShadowing }
            if measured.model == .ci && carrierGHz == nil { throw .closeInNeedsCarrier }
            if measured.model == .abg && carrierGHz == nil { throw .alphaBetaGammaNeedsCarrier }
            if txPowerDBm != nil || bandwidthHz != nil {
                guard txPowerDBm != nil, bandwidthHz != nil else { throw .measuredLinkBudgetIncomplete }
                guard !noiseGiven else { throw .noiseGivenTwice }
            }
            return
        }
        if txPowerDBm == nil && [pathLossAt1mDB, carrierGHz, bandwidthHz].contains(where: { $0 != nil }) {
            throw .linkBudgetWithoutPower
        }
        if txPowerDBm != nil {
            guard (pathLossAt1mDB == nil) != (carrierGHz == nil), bandwidthHz != nil else {
                throw .linkBudgetIncomplete
            }
            guard !noiseGiven else { throw .noiseGivenTwice }
        }
    }

    /// The measured channel's row, read from its table (nil without one).
    /// - Throws: `IOError` naming the file, line and column (exit 65; 74 when unreadable).
    public func measuredPathLoss() throws -> MeasuredPathLoss? {
        guard let measured else { return nil }
        let document = try CSVReader.read(contentsOf: URL(fileURLWithPath: measured.file))
        return try MeasuredPathLoss(
            document: document, model: measured.model, group: measured.group,
            referenceDistanceMeters: measured.referenceMeters, carrierFrequencyHz: carrierGHz.map { $0 * 1e9 })
    }

    /// The scenario: the measured channel's path gain, L0 and shadowing, or the exponents and breakpoints.
    /// - Throws: `DensifyModelError`, `DensificationError` for values the model cannot take, `IOError` for
    ///   the measured table.
    public func scenario() throws -> DensificationScenario {
        if let measured = try measuredPathLoss() {
            return try DensificationScenario(
                pathGain: measured.pathGain, fading: measured.fading(smallScale: fading.smallScale),
                association: association, noise: noiseSpecification(pathLossAt1mDB: measured.pathLossAt1mDB))
        }
        return try DensificationScenario(
            pathGain: MultiSlopePathGain(exponents: exponents, breakpoints: try breakpointValues()),
            fading: fading, association: association,
            noise: noiseSpecification(
                pathLossAt1mDB: try pathLossAt1mDB
                    ?? LinkBudget.freeSpacePathLossAt1m(carrierFrequencyHz: (carrierGHz ?? 0) * 1e9)))
    }

    /// The noise as given: a link budget (with L₀ = `pathLossAt1mDB`, evaluated only then), W or the edge SNR.
    public func noiseSpecification(pathLossAt1mDB: @autoclosure () throws -> Double) throws -> NoiseSpecification {
        if let txPowerDBm, let bandwidthHz {
            return .linkBudget(
                try LinkBudget(
                    transmitPowerDBm: txPowerDBm, pathLossAt1mDB: pathLossAt1mDB(), bandwidthHz: bandwidthHz,
                    noiseFigureDB: noiseFigureDB))
        }
        if let noise { return .normalized(noise) }
        return edgeSNRDB.map { .edgeSNR(dB: $0) } ?? .interferenceLimited
    }

    /// The run's metadata: the model as given, the breakpoints and fading law of `scenario` as used.
    /// - Parameter exponentsText: The exponents as typed.
    public func parameters(_ scenario: DensificationScenario, exponentsText: String) -> [String: String] {
        [
            "exponents": exponentsText,
            "breakpoints": scenario.pathGain.breakpoints.map { String($0) }.joined(separator: ","),
            "fading": fading.specification, "association": association.optionName,
            "noise": noise.map { String($0) } ?? "", "edge_snr_db": edgeSNRDB.map { String($0) } ?? "",
            "tx_power_dbm": txPowerDBm.map { String($0) } ?? "",
            "path_loss_db_at_1m": pathLossAt1mDB.map { String($0) } ?? "",
            "carrier_ghz": carrierGHz.map { String($0) } ?? "",
            "bandwidth_hz": bandwidthHz.map { String($0) } ?? "", "noise_figure_db": String(noiseFigureDB),
            "noise_w": String(scenario.noise),
        ].merging(
            measured.map { fit in
                [
                    "path_loss_fit": fit.file, "path_loss_model": fit.model.rawValue, "path_loss_group": fit.group,
                    "path_loss_reference_m": String(fit.referenceMeters),
                    "path_loss_exponents": scenario.pathGain.exponents.map { String($0) }.joined(separator: ","),
                    "shadowing_sigma_db": String(scenario.fading.shadowingSigmaDB),
                ]
            } ?? [:]
        ) { a, _ in a }
    }
}

/// A `DensifyModelSpecification` whose fields do not fit together (exit 64); the message names the
/// command-line flags of `wtk densify`, which carry the fields' names.
public enum DensifyModelError: CategorizedError, Equatable {
    /// The number of breakpoints is not one fewer than the exponents (`given` nil: none given).
    case breakpointCount(exponents: Int, given: Int?)
    /// L0, the carrier or the bandwidth without a transmit power.
    case linkBudgetWithoutPower
    /// A transmit power without the bandwidth and exactly one of L0 or the carrier.
    case linkBudgetIncomplete
    /// With a measured channel, a transmit power without the bandwidth or the reverse.
    case measuredLinkBudgetIncomplete
    /// The noise given both as W/edge SNR and as a link budget.
    case noiseGivenTwice
    /// An L0 beside the measured channel, which gives its own.
    case measuredGivesLossAt1m
    /// Shadowing in the fading beside the measured channel, which gives its own σ.
    case measuredGivesShadowing
    /// The close-in model without the carrier frequency of its free-space anchor.
    case closeInNeedsCarrier
    /// The ABG model without the carrier frequency of its frequency term.
    case alphaBetaGammaNeedsCarrier

    public var category: ErrorCategory { .invalidArgument }

    public var description: String {
        switch self {
        case .breakpointCount(let exponents, let given):
            "--exponents has \(exponents) value(s), so --breakpoints needs \(exponents - 1) (got \(given ?? 0)\(given == nil ? ", none given" : ""))."
        case .linkBudgetWithoutPower:
            "--path-loss-db-at-1m, --carrier-ghz and --bandwidth-hz need --tx-power-dbm."
        case .linkBudgetIncomplete:
            "--tx-power-dbm needs --bandwidth-hz and one of --path-loss-db-at-1m or --carrier-ghz."
        case .measuredLinkBudgetIncomplete:
            "a link budget with --path-loss-fit needs both --tx-power-dbm and --bandwidth-hz."
        case .noiseGivenTwice:
            "give the noise either as --noise/--edge-snr-db or as a link budget (--tx-power-dbm)."
        case .measuredGivesLossAt1m:
            "--path-loss-fit gives the loss at 1 m: drop --path-loss-db-at-1m."
        case .measuredGivesShadowing:
            "--path-loss-fit gives the log-normal shadowing σ: give --fading without lognormal (none, rayleigh or nakagami:M)."
        case .closeInNeedsCarrier:
            "--path-loss-model ci needs --carrier-ghz (the close-in fit's free-space anchor)."
        case .alphaBetaGammaNeedsCarrier:
            "--path-loss-model abg needs --carrier-ghz (the ABG fit's frequency term 10·γ·log10 f)."
        }
    }
}

import Foundation
import WirelessCore
import WirelessIO

/// A measured channel for a densification scenario: one model row of the table `wtk pathloss fit` writes
/// (`<name>-models.csv`), turned into a path gain, its loss at 1 m and a log-normal shadowing σ.
///
/// The fitted path gains [dB], with x = 10·log10(d/d0), d in metres (docs/PATHLOSS.md):
///
///     FI          PG(d) = A − n·x                                  → g(r) = r^(−n),     L0 = −A − 10·n·log10 d0
///     CI          PG(d) = −FSPL(f, d0) − n·x                       → g(r) = r^(−n),     L0 = FSPL(f, 1 m) + (20 − 10·n)·log10 d0
///     dual slope  PG(d) = A − n1·x − (n2 − n1)·10·max(0, log10(d/d_BP)) → g = (n1, n2; d_BP), L0 = −A − 10·n1·log10 d0
///
/// and the ABG fit of `wtk pathloss multifrequency` (its `<name>-models.csv`, rows `model, parameter,
/// estimate, …`; d0 = 1 m, f in GHz, no groups):
///
///     ABG         PL(d) = 10·α·log10(d/1 m) + β + 10·γ·log10(f/1 GHz) → g(r) = r^(−α),  L0 = β + 10·γ·log10 f_GHz
///
/// so PG(d) = −L0 + 10·log10 g(d) with the scenario's normalised `MultiSlopePathGain` (g continuous, its
/// first segment r^(−α0)). The shadowing σ is the fit's residual standard error `sigma_n_minus_p_db`
/// (the spread of the measured gains around the fitted line; for ABG its `sigma` row, n − 3 degrees of freedom). Lengths are metres, so densities are per
/// m² (or per km² with `DensityUnit.perKm2`).
public struct MeasuredPathLoss: Sendable, Equatable {
    /// The fitted model a row holds (the `model` column: `FI`, `CI`, `dual-slope`; `ABG` of a multifrequency table).
    public enum Model: String, Sendable, CaseIterable, Codable {
        /// Floating intercept: A and n.
        case fi
        /// Close-in with the free-space anchor at d0: n (the carrier frequency comes from the caller).
        case ci
        /// Continuous dual slope: A, n1, n2 and the breakpoint (in the note).
        case dualSlope = "dual-slope"
        /// Alpha–beta–gamma of `wtk pathloss multifrequency`: α, β, γ and σ (the carrier frequency comes
        /// from the caller).
        case abg

        /// The text of the table's `model` column.
        public var tableName: String {
            switch self {
            case .fi: "FI"
            case .ci: "CI"
            case .dualSlope: "dual-slope"
            case .abg: "ABG"
            }
        }
    }

    /// The model row used.
    public let model: Model
    /// Its `group` column (`all`, `glass_type=low_loss`, …).
    public let group: String
    /// The normalised path gain g(r), r in metres.
    public let pathGain: MultiSlopePathGain
    /// L0 [dB]: the loss at 1 m of the fitted line (extrapolated along its first slope).
    public let pathLossAt1mDB: Double
    /// σ [dB] of the log-normal shadowing, ≥ 0.
    public let shadowingSigmaDB: Double
    /// The file and line the row came from ("fit.csv:3"), for metadata and messages.
    public let source: String

    /// Reads model `model` of group `group` from a `pathloss fit` models table (for `.abg`: from a
    /// `pathloss multifrequency` models table).
    ///
    /// - Parameters:
    ///   - document: The parsed table (`model`, `group`, `a_db`, `n`, `p3`, `sigma_n_minus_p_db`, `note`;
    ///     for `.abg`: `model`, `parameter`, `estimate` with rows ABG alpha, beta, gamma and sigma).
    ///   - model: Which fit.
    ///   - group: The `group` value, e.g. `all` (`.abg`: must be `all`, the multifrequency fit has no groups).
    ///   - referenceDistanceMeters: d0 of the fit [m], > 0 (the fit's `--reference-distance-m`, 1 by default;
    ///     `.abg` ignores it: its d0 is 1 m).
    ///   - carrierFrequencyHz: f [Hz] for the CI anchor and the ABG frequency term (required for `.ci` and
    ///     `.abg`), finite, > 0.
    /// - Throws: `IOError` (exit 65) naming the file, line and column: a missing column, no such row, an
    ///   empty or non-numeric cell, a dual-slope row without its breakpoint, or fitted values the
    ///   densification model cannot take (exponents must be ≥ 0, non-decreasing, the last > 2);
    ///   `DensificationError` (exit 64) for a bad d0, a CI or ABG model without frequency, or an ABG
    ///   group other than `all`.
    public init(
        document: CSVDocument, model: Model, group: String, referenceDistanceMeters: Double = 1,
        carrierFrequencyHz: Double? = nil
    ) throws {
        if model == .abg {
            self = try Self.alphaBetaGamma(document: document, group: group, carrierFrequencyHz: carrierFrequencyHz)
            return
        }
        guard referenceDistanceMeters.isFinite, referenceDistanceMeters > 0 else {
            throw DensificationError.invalidSweep(
                reason:
                    "the fit's reference distance d0 must be a finite number of metres > 0 (got \(referenceDistanceMeters))"
            )
        }
        let file = document.file
        if document.hasColumn("parameter") && !document.hasColumn("group") {
            throw IOError.malformedInput(
                file: file, line: nil, column: "group",
                reason:
                    "a 'wtk pathloss multifrequency' models table (a 'parameter' column, no 'group'): its fit is the ABG model (--path-loss-model abg)"
            )
        }
        let models = try document.strings(column: "model")
        let groups = try document.strings(column: "group")
        guard let row = models.indices.first(where: { models[$0] == model.tableName && groups[$0] == group }) else {
            let available = models.indices.map { "\(models[$0]) (\(groups[$0]))" }.joined(separator: ", ")
            throw IOError.malformedInput(
                file: file, line: nil, column: "model",
                reason: "no row with model '\(model.tableName)' and group '\(group)' (the table has: \(available))")
        }
        let line = document.rowLines[row]
        func number(_ column: String) throws -> Double {
            let index = try document.columnIndex(column)
            let text = document.rows[row][index].trimmingCharacters(in: .whitespaces)
            guard let value = CSVDocument.parseDouble(text), value.isFinite else {
                throw IOError.malformedInput(
                    file: file, line: line, column: column,
                    reason: text.isEmpty
                        ? "empty cell where the \(model.tableName) fit needs a number"
                        : "'\(text)' is not a finite number")
            }
            return value
        }
        let sigma = try number("sigma_n_minus_p_db")
        guard sigma >= 0 else {
            throw IOError.malformedInput(
                file: file, line: line, column: "sigma_n_minus_p_db", reason: "a negative standard deviation (\(sigma))"
            )
        }
        let logD0 = log10(referenceDistanceMeters)
        var exponents: [Double]
        var breakpoints: [Double] = []
        let l0: Double
        switch model {
        case .fi:
            let a = try number("a_db")
            exponents = [try number("n")]
            l0 = -a - 10 * exponents[0] * logD0
        case .ci:
            guard let f = carrierFrequencyHz else {
                throw DensificationError.invalidSweep(
                    reason: "the close-in (CI) fit is anchored at free space at the carrier frequency: give it")
            }
            exponents = [try number("n")]
            l0 = try LinkBudget.freeSpacePathLossAt1m(carrierFrequencyHz: f) + (20 - 10 * exponents[0]) * logD0
        case .abg:
            preconditionFailure("ABG is read by alphaBetaGamma(document:group:carrierFrequencyHz:)")
        case .dualSlope:
            let a = try number("a_db")
            exponents = [try number("n"), try number("p3")]
            l0 = -a - 10 * exponents[0] * logD0
            let note = document.rows[row][try document.columnIndex("note")]
            guard let breakpoint = Self.breakpoint(inNote: note) else {
                throw IOError.malformedInput(
                    file: file, line: line, column: "note", reason: "no 'breakpoint <d> m' in '\(note)'")
            }
            breakpoints = [breakpoint]
        }
        do {
            pathGain = try MultiSlopePathGain(exponents: exponents, breakpoints: breakpoints)
        } catch {
            throw IOError.malformedInput(
                file: file, line: line, column: model == .dualSlope ? "n,p3" : "n",
                reason:
                    "the fitted exponent\(exponents.count > 1 ? "s" : "") \(exponents.map { String($0) }.joined(separator: ", ")) cannot define a densification path gain: \(error)"
            )
        }
        self.model = model
        self.group = group
        self.pathLossAt1mDB = l0
        self.shadowingSigmaDB = sigma
        self.source = "\(file):\(line)"
    }

    private init(
        model: Model, group: String, pathGain: MultiSlopePathGain, pathLossAt1mDB: Double, shadowingSigmaDB: Double,
        source: String
    ) {
        self.model = model
        self.group = group
        self.pathGain = pathGain
        self.pathLossAt1mDB = pathLossAt1mDB
        self.shadowingSigmaDB = shadowingSigmaDB
        self.source = source
    }

    /// The ABG fit of a `wtk pathloss multifrequency` models table (rows `ABG, alpha|beta|gamma|sigma` in
    /// the `model` and `parameter` columns, values in `estimate`): g(r) = r^(−α), L0 = β + 10·γ·log10 f_GHz,
    /// σ from the `sigma` row. Throws as `init(document:model:group:referenceDistanceMeters:carrierFrequencyHz:)`.
    private static func alphaBetaGamma(
        document: CSVDocument, group: String, carrierFrequencyHz: Double?
    ) throws -> MeasuredPathLoss {
        guard let f = carrierFrequencyHz else {
            throw DensificationError.invalidSweep(
                reason: "the ABG fit's loss depends on the carrier frequency (its γ term): give it")
        }
        guard f.isFinite, f > 0 else {
            throw DensificationError.invalidSweep(
                reason: "the carrier frequency must be a finite number of Hz > 0 (got \(f))")
        }
        guard group == "all" else {
            throw DensificationError.invalidSweep(
                reason: "the multifrequency (ABG) fit has no groups: use group 'all' (got '\(group)')")
        }
        let file = document.file
        guard document.hasColumn("parameter") else {
            throw IOError.malformedInput(
                file: file, line: nil, column: "parameter",
                reason:
                    "no 'parameter' column: the ABG fit is read from the '<name>-models.csv' of 'wtk pathloss multifrequency', not of 'wtk pathloss fit'"
            )
        }
        let models = try document.strings(column: "model")
        let parameters = try document.strings(column: "parameter")
        let estimateIndex = try document.columnIndex("estimate")
        func estimate(_ parameter: String) throws -> (value: Double, line: Int) {
            guard let row = models.indices.first(where: { models[$0] == "ABG" && parameters[$0] == parameter })
            else {
                let hint =
                    parameter == "sigma"
                    ? " (tables written before the shadowing σ row was added: run 'wtk pathloss multifrequency' again)"
                    : ""
                throw IOError.malformedInput(
                    file: file, line: nil, column: "parameter",
                    reason: "no row with model 'ABG' and parameter '\(parameter)'\(hint)")
            }
            let line = document.rowLines[row]
            let text = document.rows[row][estimateIndex].trimmingCharacters(in: .whitespaces)
            guard let value = CSVDocument.parseDouble(text), value.isFinite else {
                throw IOError.malformedInput(
                    file: file, line: line, column: "estimate",
                    reason: text.isEmpty
                        ? "empty cell where the ABG fit's \(parameter) needs a number"
                        : "'\(text)' is not a finite number")
            }
            return (value, line)
        }
        let alpha = try estimate("alpha")
        let beta = try estimate("beta").value
        let gamma = try estimate("gamma").value
        let sigma = try estimate("sigma")
        guard sigma.value >= 0 else {
            throw IOError.malformedInput(
                file: file, line: sigma.line, column: "estimate",
                reason: "a negative standard deviation (\(sigma.value)) in the ABG sigma row")
        }
        let pathGain: MultiSlopePathGain
        do {
            pathGain = try MultiSlopePathGain(exponents: [alpha.value], breakpoints: [])
        } catch {
            throw IOError.malformedInput(
                file: file, line: alpha.line, column: "estimate",
                reason: "the fitted ABG α = \(alpha.value) cannot define a densification path gain: \(error)")
        }
        return MeasuredPathLoss(
            model: .abg, group: group, pathGain: pathGain,
            pathLossAt1mDB: beta + 10 * gamma * log10(f / 1e9), shadowingSigmaDB: sigma.value,
            source: "\(file):\(alpha.line)")
    }

    /// The breakpoint [m] in a dual-slope row's note ("breakpoint 31.97 m; …"), nil when absent or not > 0.
    static func breakpoint(inNote note: String) -> Double? {
        guard let range = note.range(of: "breakpoint ") else { return nil }
        let rest = note[range.upperBound...]
        guard let end = rest.range(of: " m") else { return nil }
        guard let value = Double(rest[..<end.lowerBound]), value.isFinite, value > 0 else { return nil }
        return value
    }

    /// The fading model: `smallScale` with this fit's log-normal shadowing.
    /// - Throws: `DensificationError` for an invalid small-scale law.
    public func fading(smallScale: SmallScaleFading) throws(DensificationError) -> FadingModel {
        try FadingModel(smallScale: smallScale, shadowingSigmaDB: shadowingSigmaDB)
    }
}

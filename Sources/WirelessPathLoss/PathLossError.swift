import WirelessCore

/// Errors of the path-loss module (docs/PATHLOSS.md#errors).
///
/// Data problems name the file, the 1-based line and the field, so a user can fix the input;
/// the CLI maps `.invalidData`/`.numerical` categories to exit 65 and `.invalidArgument` to 64.
public enum PathLossError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A required column is absent (a unitless header such as `distance` counts as absent).
    case missingColumn(name: String, file: String)
    /// A grouping column (`--group-by`) in which no link has a value.
    case missingGroupingColumn(name: String, file: String)
    /// Both `path_gain_db` and `path_loss_db` are present.
    case ambiguousColumns(file: String)
    /// A row could not be parsed (wrong field count, text where a number is required, ...).
    case malformedRow(file: String, line: Int, column: String, reason: String)
    /// NaN or ±∞ in a numeric field.
    case nonFiniteValue(file: String, line: Int, column: String)
    /// A distance ≤ 0 [m].
    case nonPositiveDistance(file: String, line: Int, value: Double)
    /// A distance below the reference distance d0 of a log-distance model [m].
    case distanceBelowReference(distanceMeters: Double, referenceMeters: Double)
    /// An unknown category (glass type, 0/1 flag) or an empty required feature.
    case invalidCategory(file: String, line: Int, column: String, value: String)
    /// A frequency outside a model's validity range [GHz].
    case frequencyOutOfRange(model: String, frequencyGHz: Double, valid: ClosedRange<Double>)
    /// A probability outside its open interval (P.2109 p in (0, 100) %, coverage c in (0, 1)).
    case probabilityOutOfRange(value: Double)
    /// A façade elevation angle with |θ| > 90° [deg].
    case elevationOutOfRange(degrees: Double)
    /// A parameter outside its valid range.
    case parameterOutOfRange(name: String, value: Double, valid: String)
    /// Too few data points for the requested fit.
    case insufficientData(needed: Int, got: Int)
    /// All distances are equal: no slope can be fitted.
    case degenerateDistances
    /// Constant or collinear regressors, by name.
    case rankDeficient(columns: [String])
    /// CIF/ABG need at least two distinct frequencies.
    case insufficientFrequencies
    /// Two groups share no distance range.
    case noCommonDistanceRange
    /// The censored (Tobit) maximum-likelihood fit did not converge.
    case notConverged(iterations: Int)
    /// A loss model that does not increase with distance (n ≤ 0, or any segment of a dual slope with n ≤ 0)
    /// cannot be inverted for a unique maximum distance.
    case nonMonotoneModel
    /// A file could not be read or written.
    case fileAccess(path: String, reason: String)
    /// A bad azimuth-scan record (azimuth outside [0, 360), non-finite power, duplicate azimuth, empty link).
    case invalidAzimuthRecord(linkID: String, reason: String)
    /// A frequency read from a data file is ≤ 0 or non-physical [GHz]; unlike `.frequencyOutOfRange`
    /// (a command-line or API argument, exit 64) this is bad data (exit 65).
    case frequencyOutOfRangeInFile(file: String, line: Int, column: String, frequencyGHz: Double)
    /// A positive path gain in a data file (a loss written into the gain column, or a negative loss) [dB].
    case positivePathGain(file: String, line: Int, column: String, value: Double)
    /// Links of several carrier frequencies given to a single-frequency fit [GHz] (sorted, distinct).
    case mixedFrequencies(frequenciesGHz: [Double])
    /// Two arrays that must have one element per link differ in length.
    case dimensionMismatch(name: String, expected: Int, got: Int)
    /// A NaN or ±∞ in a named data array (e.g. `pathGainsDB`, `censoringLevelsDB`).
    case nonFiniteData(name: String)

    public var category: ErrorCategory {
        switch self {
        case .missingColumn, .missingGroupingColumn, .ambiguousColumns, .malformedRow, .nonFiniteValue,
            .nonPositiveDistance,
            .distanceBelowReference, .invalidCategory, .insufficientData, .degenerateDistances,
            .rankDeficient, .insufficientFrequencies, .noCommonDistanceRange, .invalidAzimuthRecord,
            .frequencyOutOfRangeInFile, .positivePathGain, .mixedFrequencies, .dimensionMismatch, .nonFiniteData:
            return .invalidData
        case .frequencyOutOfRange, .probabilityOutOfRange, .elevationOutOfRange, .parameterOutOfRange:
            return .invalidArgument
        case .notConverged, .nonMonotoneModel:
            return .numerical
        case .fileAccess:
            return .inputOutput
        }
    }

    public var description: String {
        switch self {
        case .missingColumn(let name, let file):
            return "\(file): required column '\(name)' is missing (headers carry units, e.g. distance_m)"
        case .missingGroupingColumn(let name, let file):
            return
                "\(file): cannot group by '\(name)': no link has a value in that column; group by a column the file has, or use one group"
        case .ambiguousColumns(let file):
            return "\(file): both path_gain_db and path_loss_db are present; keep exactly one"
        case .malformedRow(let file, let line, let column, let reason):
            return "\(file):\(line): column '\(column)': \(reason)"
        case .nonFiniteValue(let file, let line, let column):
            return "\(file):\(line): column '\(column)' is NaN or infinite"
        case .nonPositiveDistance(let file, let line, let value):
            return "\(file):\(line): column 'distance_m' must be > 0, got \(value)"
        case .distanceBelowReference(let d, let d0):
            return "distance \(d) m is below the reference distance \(d0) m of the log-distance model"
        case .invalidCategory(let file, let line, let column, let value):
            return "\(file):\(line): column '\(column)' has invalid value '\(value)'"
        case .frequencyOutOfRange(let model, let f, let valid):
            return
                "\(model): frequency \(f) GHz is outside its validity range \(valid.lowerBound)–\(valid.upperBound) GHz"
        case .probabilityOutOfRange(let value):
            return "probability \(value) is outside its open interval"
        case .elevationOutOfRange(let degrees):
            return "elevation angle \(degrees)° must satisfy |θ| ≤ 90°"
        case .parameterOutOfRange(let name, let value, let valid):
            return "parameter \(name) = \(value) is outside \(valid)"
        case .insufficientData(let needed, let got):
            return "too few data points: need \(needed), got \(got)"
        case .degenerateDistances:
            return "all distances are equal: the slope is undetermined"
        case .rankDeficient(let columns):
            return "regressors \(columns.joined(separator: ", ")) are constant or collinear"
        case .insufficientFrequencies:
            return "CIF/ABG fits need at least two distinct frequencies"
        case .noCommonDistanceRange:
            return "the groups share no common distance range"
        case .notConverged(let iterations):
            return "censored maximum-likelihood fit did not converge in \(iterations) iterations"
        case .nonMonotoneModel:
            return
                "path-loss exponent n ≤ 0 (in some distance range): loss does not grow with distance, no unique maximum distance exists"
        case .fileAccess(let path, let reason):
            return "\(path): \(reason)"
        case .invalidAzimuthRecord(let linkID, let reason):
            return "azimuth record of link '\(linkID)': \(reason)"
        case .frequencyOutOfRangeInFile(let file, let line, let column, let f):
            return "\(file):\(line): column '\(column)' must be a frequency > 0 GHz, got \(f)"
        case .positivePathGain(let file, let line, let column, let value):
            let hint =
                column == "path_gain_db"
                ? "path gain must be ≤ 0 dB; if the file holds losses, name the column path_loss_db"
                : "path loss must be ≥ 0 dB; if the file holds gains, name the column path_gain_db"
            return "\(file):\(line): column '\(column)' = \(value): \(hint)"
        case .mixedFrequencies(let frequencies):
            return
                "links at several frequencies (\(frequencies.map { "\($0)" }.joined(separator: ", ")) GHz) in a single-frequency fit; "
                + "filter the data by frequency_ghz or use a CIF/ABG fit"
        case .dimensionMismatch(let name, let expected, let got):
            return "\(name) has \(got) elements, expected \(expected) (one per link)"
        case .nonFiniteData(let name):
            return "\(name) contains NaN or infinite values"
        }
    }
}

/// How hard FFTW's planner searches for a fast algorithm (FFTW manual §4.3.2 "Planner Flags").
public enum FFTPlanningRigor: String, Sendable, Equatable, Codable, CaseIterable {
    /// `FFTW_ESTIMATE`: heuristic choice, microseconds to plan, deterministic. The default.
    case estimate
    /// `FFTW_MEASURE`: times candidate algorithms (milliseconds to seconds); results can differ
    /// in the last bits from run to run because the chosen algorithm can differ.
    case measure

    /// The FFTW flag bits.
    var fftwFlags: UInt32 {
        switch self {
        case .estimate: return 1 << 6  // FFTW_ESTIMATE
        case .measure: return 0  // FFTW_MEASURE
        }
    }
}

/// An analysis as a library value: built from a typed configuration, run with a seed and progress
/// reporting, returning a typed result whose tables are named, unit-carrying columns and whose
/// figures are series.
///
/// Every analysis `wtk` runs is a `Study` in its capability module (`PathLossFitStudy`,
/// `ISACSweepStudy`, …); a command only parses options into the configuration, runs the study and
/// writes its result. A library user gets the same tables as the command line:
///
///     let result = try PathLossFitStudy(.init(campaign: campaign)).run()
///     let models = result.tables[0]          // named columns: model, group, a_db, …
///
/// Conventions:
/// - The configuration is checked when the study runs (ranges and consistency); a bad value throws the
///   capability's typed error with category `.invalidArgument`.
/// - The result depends only on the configuration and `seed` (not on the thread count or timing);
///   deterministic studies ignore the seed.
/// - Progress is reported through `progress`; a study never prints.
public protocol Study: Sendable {
    /// What the study computes, as typed values (no option strings).
    associatedtype Configuration: Sendable
    /// What the study returns: typed fields plus `tables` and `plots`.
    associatedtype Result: StudyResult

    /// The configuration the study was built from.
    var configuration: Configuration { get }

    /// A study of `configuration` (nothing is computed until `run`).
    init(_ configuration: Configuration)

    /// Runs the study.
    /// - Parameters:
    ///   - seed: Seed of every random draw (per-task streams derive from it); ignored by deterministic studies.
    ///   - progress: Receives progress and one-line notes; `SilentStudyProgress()` for none.
    /// - Throws: The capability's typed errors (`CategorizedError`).
    func run(seed: UInt64, progress: any StudyProgress) throws -> Result
}

extension Study {
    /// Runs the study without progress reporting.
    /// - Parameter seed: Seed of every random draw; ignored by deterministic studies.
    public func run(seed: UInt64 = 0) throws -> Result {
        try run(seed: seed, progress: SilentStudyProgress())
    }

    /// Runs a deterministic study (seed 0) with progress reporting.
    public func run(progress: any StudyProgress) throws -> Result {
        try run(seed: 0, progress: progress)
    }
}

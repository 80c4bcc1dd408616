import Foundation
import WirelessCore
import WirelessIO
import WirelessPlot

extension OutputContext {
    /// Writes a study's result: each table as `<name><suffix>.csv` (with its sidecar), each figure as
    /// `<name><suffix>.svg`, then its summary on stderr (unless `--quiet`). The one writer of every
    /// study-backed command.
    /// - Throws: `OutputError` (bad name, non-finite cell), `PlotError`, `IOError.unwritable`.
    public func write(_ result: some StudyResult, name: String) throws {
        for table in result.tables { try write(table, name: name + table.name) }
        for plot in result.plots { try writeSVG(Plot(plot).svg(), name: name + plot.name) }
        note(result.summary)
    }

    /// Progress of a study on stderr, silent under `--quiet`.
    public var studyProgress: any StudyProgress { StderrStudyProgress(quiet: quiet) }
}

/// A study's progress on stderr through `ProgressReporter` (one reporter per stage).
final class StderrStudyProgress: StudyProgress, @unchecked Sendable {
    // Safety: `reporter` is only read or replaced while holding `lock`.
    private let lock = NSLock()
    private let quiet: Bool
    private var reporter: ProgressReporter?

    init(quiet: Bool) { self.quiet = quiet }

    func begin(_ label: String, total: Int) {
        lock.lock()
        reporter = ProgressReporter(label: label, total: total, quiet: quiet)
        lock.unlock()
    }

    func advance(by steps: Int) {
        lock.lock()
        let current = reporter
        lock.unlock()
        current?.advance(by: steps)
    }

    func note(_ message: String) { ProgressReporter.note(message, quiet: quiet) }
}

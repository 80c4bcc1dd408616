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
}

import WirelessCore
import WirelessIO

/// One analytic cell of a densification table: a value with its error estimate and route, or the
/// reason there is none.
///
/// Only the documented "cannot compute" case — `DensificationError.analyticUnavailable`, a model with no
/// analytic route (Monte-Carlo only) — becomes a cell without a value; every other error (a numerical
/// failure, an invalid argument) is thrown, never turned into a blank cell. A value whose error estimate
/// is not below the value itself is only an upper bound: it is written "< B" with B = value + absError
/// and kept out of plotted curves.
public struct AnalyticCell: Sendable, Equatable {
    /// The value, when a route produced one.
    public var value: AnalyticValue?
    /// Why `value` is missing; empty when there is a value.
    public var reason: String

    /// A cell with `value` (or none, with `reason`).
    public init(value: AnalyticValue?, reason: String = "") {
        self.value = value
        self.reason = reason
    }

    /// An empty cell for a metric that was not asked for (no value, no reason).
    public static let notComputed = AnalyticCell(value: nil)

    /// Evaluates `route`: its value, or an empty cell whose reason is the route's
    /// `.analyticUnavailable` message.
    /// - Throws: every other `DensificationError` of `route`, unchanged.
    public static func evaluate(_ route: () throws(DensificationError) -> AnalyticValue) throws(DensificationError)
        -> AnalyticCell
    {
        do throws(DensificationError) {
            return AnalyticCell(value: try route())
        } catch {
            guard case .analyticUnavailable = error else { throw error }
            return AnalyticCell(value: nil, reason: error.description)
        }
    }

    /// The same cell with value and error multiplied by `factor` > 0 (a unit change, × λ).
    public func scaled(_ factor: Double) -> AnalyticCell {
        AnalyticCell(
            value: value.map {
                AnalyticValue(value: $0.value * factor, absError: $0.absError * factor, method: $0.method)
            }, reason: reason)
    }

    /// Whether the value is only an upper bound (absError ≥ value).
    public var isBound: Bool {
        guard let value else { return false }
        return value.absError >= value.value
    }

    /// The value to plot: nil when missing or only a bound.
    public var plottable: Double? { isBound ? nil : value?.value }

    /// The cells `analytic` (a number, or "< B" for a bound), `analytic_method`, `analytic_abs_err`.
    public var tableCells: [StudyCell] {
        guard let value else { return [.real(nil), .text(""), .real(nil)] }
        let analytic: StudyCell =
            isBound
            ? .text("< " + CSVNumberFormat.shortestRoundTrip.format(value.value + value.absError)) : .real(value.value)
        return [analytic, .text(value.method.rawValue), .real(value.absError)]
    }

    /// The cell `analytic_reason`: why the value is missing or only a bound; empty otherwise.
    public var reasonText: String {
        if isBound { return "error estimate ≥ value: upper bound only" }
        return reason
    }
}

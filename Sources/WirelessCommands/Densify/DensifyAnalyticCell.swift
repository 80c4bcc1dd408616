import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// One analytic cell of a `wtk densify` table: the value (or the reason there is none) and how it is printed.
///
/// Columns written: `analytic`, `analytic_method`, `analytic_abs_err`, and `analytic_reason` (last column).
/// A value whose error estimate is not below the value itself is only an upper bound: `analytic` then reads
/// "< B" with B = value + absError, and `analytic_reason` says so. A cell with no value carries the reason
/// (the route's typed error in words).
struct DensifyAnalyticCell {
    /// The value, when a route produced one.
    var value: AnalyticValue?
    /// Why `value` is missing or only a bound; empty otherwise.
    var reason: String

    /// Evaluates `route`, keeping its error text as the reason.
    static func evaluate(_ route: () throws -> AnalyticValue) -> DensifyAnalyticCell {
        do {
            let v = try route()
            return DensifyAnalyticCell(value: v, reason: "")
        } catch {
            return DensifyAnalyticCell(value: nil, reason: String(describing: error))
        }
    }

    /// The same cell with value and error scaled by `factor` > 0 (unit changes, × λ).
    func scaled(_ factor: Double) -> DensifyAnalyticCell {
        DensifyAnalyticCell(
            value: value.map {
                AnalyticValue(value: $0.value * factor, absError: $0.absError * factor, method: $0.method)
            }, reason: reason)
    }

    /// Whether the value is only an upper bound (absError ≥ value).
    var isBound: Bool {
        guard let value else { return false }
        return value.absError >= value.value
    }

    /// The value to plot: nil when missing or only a bound.
    var plottable: Double? { isBound ? nil : value?.value }

    /// `analytic`, `analytic_method`, `analytic_abs_err`.
    func leadingColumns(_ number: CSVNumberFormat) -> [String] {
        guard let value else { return ["", "", ""] }
        let text = isBound ? "< " + number.format(value.value + value.absError) : number.format(value.value)
        return [text, value.method.rawValue, number.format(value.absError)]
    }

    /// `analytic_reason`.
    var reasonColumn: String {
        if isBound { return "error estimate ≥ value: upper bound only" }
        return reason
    }
}

import WirelessCore

extension StudySeries {
    /// Monte-Carlo estimates drawn as points with their 95 % intervals, labelled
    /// "Monte-Carlo (95 % CI)" followed by ", `label`" when `label` is not empty.
    ///
    /// - Parameters:
    ///   - label: what the estimates are of (a density, a tier), or empty.
    ///   - x: the abscissa of each estimate (same count as `estimates`).
    ///   - estimates: the points; their `ciLow`…`ciHigh` become the bars.
    static func monteCarlo(_ label: String, x: [Double], _ estimates: [MCEstimate]) -> StudySeries {
        StudySeries(
            "Monte-Carlo (95 % CI)" + (label.isEmpty ? "" : ", \(label)"),
            .errorBars(
                x: x, y: estimates.map(\.mean), lower: estimates.map(\.ciLow), upper: estimates.map(\.ciHigh)))
    }
}

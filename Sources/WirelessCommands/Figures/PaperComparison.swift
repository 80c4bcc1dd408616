import WirelessCore

/// The table every report ends with (`ReferenceComparison`, built by each capability's library and
/// added to the report with `ReferenceComparison.add(to:…)` of WirelessIO).
///
/// The measured values are read back from the CSV files the set has just written (`FigureReport.records`),
/// so the table can never disagree with the figures above it.
typealias PaperComparison = ReferenceComparison

import Foundation
import WirelessCore

/// Shin and Vuran's CV-MuSeNet accuracy claims (IEEE DySPAN 2025) beside `spectrum evaluate` tables: the
/// table that ends the `spectrum-cmusenet` figure report.
public enum CMuSeNetPaperComparison {
    /// The paper's accuracy claims beside a run's evaluation and the shipped model's full evaluation.
    /// - Parameters:
    ///   - records: The rows of the set's `spectrum-evaluate.csv`.
    ///   - shipped: The rows of the shipped model's full evaluation and its path, if found.
    public static func table(records: [TableRecord], shipped: (path: String, records: [TableRecord])?)
        -> ReferenceComparison
    {
        let f = ReferenceComparison.fixed
        func accuracies(_ records: [TableRecord], method: String) -> [Double: Double] {
            var byLevel: [Double: Double] = [:]
            for r in records where r["method"] == method {
                if let snr = r.number("snr_db"), let accuracy = r.number("accuracy") { byLevel[snr] = accuracy }
            }
            return byLevel
        }
        let net = accuracies(records, method: "cmusenet")
        let detector = accuracies(records, method: "energy-detector")
        let windows = records.first { $0["method"] == "cmusenet" }?.number("examples") ?? 0
        let mean = records.first { $0["method"] == "cmusenet" && $0["snr_db"] == "mean" }?.number("accuracy")
        var table = ReferenceComparison()
        table.add(
            "mean per-bin accuracy, synthetic −20…10 dB [%]", paper: "99.4 (98.98–99.90 over its datasets)",
            measured: f(mean.map { $0 * 100 }, 2) + " (\(Int(windows)) test windows per level)",
            deviation:
                "the paper's final evaluation pooled train, validation and test windows, and its networks are 60–100× "
                + "larger; this run scores unseen test windows only, and \(Int(windows)) windows per level leave "
                + "tenths of a point of sampling error (datasets/cmusenet-default/EVALUATION.md uses 256 per level)")
        var gaps: [(level: Double, points: Double)] = []
        for (level, accuracy) in net.sorted(by: { $0.key < $1.key }) {
            if let baseline = detector[level] { gaps.append((level, (accuracy - baseline) * 100)) }
        }
        if let smallest = gaps.min(by: { $0.points < $1.points }) {
            table.add(
                "CMuSeNet − energy detector, per-bin accuracy [points]",
                paper: "consistently outperforms the state of the art",
                measured:
                    "\(f(smallest.points, 1)) (at \(f(smallest.level, 0)) dB) to \(f(gaps.map(\.points).max(), 1))",
                deviation:
                    "none in direction; the gap shrinks at high SNR, where the detector's chi-square threshold finds "
                    + "most signals too")
        }
        if let (evaluation, full) = shipped {
            let complex = accuracies(full, method: "cmusenet")
            let real = accuracies(full, method: "real-valued")
            var advantage: [Double] = []
            for (level, accuracy) in complex { if let r = real[level] { advantage.append((accuracy - r) * 100) } }
            table.add(
                "complex net − real-valued counterpart, per-bin accuracy [points]", paper: "up to 9.2",
                measured: "\(f(advantage.min(), 1)) to \(f(advantage.max(), 1)) (\(evaluation))",
                deviation:
                    "the paper's RVNN baseline is its own architecture at low SNR; the counterpart here has the same "
                    + "topology and parameter count and the same training, which isolates complex arithmetic and "
                    + "leaves a smaller gap")
        }
        return table
    }
}

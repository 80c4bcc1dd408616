import Foundation
import Testing
import WirelessCore
import WirelessStochasticGeometry

@Suite struct DensifyPaperComparisonTests {
    /// Records of the `densify-regimes` set's files, made up so that every row has its inputs.
    static func regimesRecords(_ file: String) -> [TableRecord] {
        func sweep(_ values: [Double], metric: String = "coverage") -> [TableRecord] {
            zip([10.0, 100.0], values).map { lambda, value in
                [
                    "lambda": String(lambda), "metric": metric, "analytic": String(value), "mc": String(value),
                    "mc_ci95_lo": String(value - 0.01), "mc_ci95_hi": String(value + 0.01), "threshold_db": "0",
                ]
            }
        }
        switch file {
        case "densify-coverage.csv":
            return [["lambda": "0.1", "metric": "coverage", "threshold_db": "0", "analytic": "0.6366"]]
        case "densify-sweep-alpha0-3.csv": return sweep([0.83, 0.827])
        case "densify-sweep-alpha0-1.5.csv":
            // P_c ∝ λ^(−1/3): the secant slope must come out as −1/3.
            return sweep([0.5, 0.5 * pow(10, -1.0 / 3)]) + sweep([1, 2], metric: "rate") + sweep([1, 3], metric: "ase")
        case "densify-sweep-alpha0-1.5-asymptote.csv":
            return [["metric": "coverage", "asymptote": "0.23"]]
        default: return sweep([0.4, 0.3])
        }
    }

    @Test func regimesTableReadsTheSweepsItIsGiven() throws {
        let table = try DensifyPaperComparison.regimes(records: Self.regimesRecords)
        let single = try #require(table.rows.first)
        #expect(single.paper == "2/π = 0.6366 at every λ")
        let decay = try #require(table.rows.first { $0.quantity.contains("slope of ln P_c vs ln λ") })
        #expect(decay.measured == "-0.3333")
        let coverage = try #require(table.rows.last)
        // 3 files × 2 coverage cells, each MC interval ±0.01 around the analytic value.
        #expect(coverage.measured.hasPrefix("6 of 6"))
    }

    @Test func aMissingFileIsTheLoadersError() {
        struct Missing: Error {}
        #expect(throws: Missing.self) {
            try DensifyPaperComparison.regimes(records: { _ throws -> [TableRecord] in throw Missing() })
        }
    }

    @Test func densityListsAreCheckedForLength() {
        #expect(throws: DensificationError.self) { try DensifyGrid.checkDensityCount(0) }
        #expect(throws: DensificationError.self) { try DensifyGrid.checkDensityCount(DensifyGrid.maximumPoints + 1) }
        #expect(throws: Never.self) { try DensifyGrid.checkDensityCount(DensifyGrid.maximumPoints) }
    }
}

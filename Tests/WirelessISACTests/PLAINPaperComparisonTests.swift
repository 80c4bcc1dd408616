import Foundation
import Testing
import WirelessCore
import WirelessISAC

@Suite struct PLAINPaperComparisonTests {
    @Test func ratiosAndResolutionComeFromTheSweepTables() throws {
        let rmse: [TableRecord] = [0.0, 10].flatMap { snr in
            ["angle_deg", "distance_m", "velocity_mps"].map { parameter in
                [
                    "method": "plain", "parameter": parameter, "snr_db": String(snr), "rmse": "1.1",
                    "crb_compressed_std": snr == 0 ? "1" : "0.5", "valid_trials": "20", "ratio": "1.4",
                ]
            }
        }
        let resolution: [TableRecord] = [0.25, 0.5, 1].map { separation in
            [
                "method": "plain", "dimension": "angle_deg", "separation_cells": String(separation),
                "probability_resolved": separation >= 0.5 ? "1" : "0.4",
            ]
        }
        let table = try PLAINPaperComparison.table(records: { file in
            switch file {
            case "isac-rmse.csv": rmse
            case "isac-rmse-per-path.csv":
                // Two paths whose bounds at 0 dB differ 3:1 in variance: P_eff = 16/10 = 1.6.
                [("0", "1"), ("1", "0.5773502691896258")].map { path, bound in
                    [
                        "method": "plain", "parameter": "angle_deg", "snr_db": "0.0", "path": path,
                        "crb_compressed_std": bound,
                    ]
                }
            default: resolution
            }
        })
        let angle = try #require(table.rows.first)
        #expect(angle.measured == "1.100–2.200")
        // 20 trials × P_eff 1.6 = 32 errors count: 1/√64 = 12.5 %.
        #expect(angle.deviation.hasPrefix("20 trials × 2 paths"))
        #expect(angle.deviation.contains("only 1.60 paths' worth"))
        #expect(angle.deviation.contains("≈ 12.5 %"))
        #expect(table.rows.contains { $0.quantity.contains("full data at 0 dB") && $0.measured == "1.400" })
        let resolved = try #require(table.rows.first { $0.quantity.contains("angle_deg [Rayleigh cells]") })
        #expect(resolved.measured == "0.50")
    }
}

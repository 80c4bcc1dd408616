import Testing
import WirelessCore
import WirelessLinearAlgebra

@testable import WirelessISAC

/// The RMSE sweep's per-path table and the compressed-data CRB on its plots (issue 17).
@Suite struct ISACSweepPerPathTests {
    @Test func perPathRowsAverageToTheMainTableAndTheCompressedBoundIsPlotted() throws {
        BLASThreading.setThreadCount(1)
        var configuration = ISACSweepStudy.Configuration(plain: PLAINConfiguration(pathCount: 6))
        configuration.methods = [.plain]
        configuration.snrsDB = [10]
        configuration.trials = 2
        let result = try ISACSweepStudy(configuration).run(seed: 4)
        let perPath = try #require(result.perPathTable)
        #expect(result.tables.count == 2)
        #expect(perPath.rowCount == 3 * 6)
        let main = result.table
        for m in 0..<3 {
            let rows = (m * 6)..<(m * 6 + 6)
            func meanSquare(_ column: String) throws -> Double {
                let values = try #require(perPath[column]?.numbers)
                return rows.reduce(0) { $0 + values[$1]! * values[$1]! } / 6
            }
            // Relative rounding of a sum of six squares and two square roots: 1e-12 is ample.
            let tolerance = 1e-12
            for column in ["rmse", "crb_std", "crb_compressed_std"] {
                let whole = try #require(main[column]?.numbers?[m] ?? nil)
                #expect(abs(try meanSquare(column).squareRoot() / whole - 1) < tolerance, "\(column) \(m)")
            }
        }
        for plot in result.plots {
            #expect(plot.series.map(\.label).contains("CRB (compressed data)"))
        }
    }
}

/// docs/ISAC.md explains the joint baseline's distance RMSE (≈ 5.4× the CRB) by its short subarrays.
@Test func jointBaselineSubarraysOnThePaperGridAreShort() throws {
    let estimator = try TensorESPRITEstimator(
        configuration: .init(base: PLAINConfiguration(pathCount: 6)), shape: [16, 180, 560])
    #expect(estimator.subarrayLengths == [4, 5, 5])
}

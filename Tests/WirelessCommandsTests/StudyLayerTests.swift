import ArgumentParser
import Foundation
import Testing
import WirelessToolkit

@testable import WirelessCommands

/// The study layer: named columns, their CSV rendering, the comma-list option type, and studies run
/// from the library giving the command's files.
@Suite struct StudyLayerTests {
    @Test func rowsBecomeNamedColumnsOfTheRightKind() {
        var rows = StudyRows([("model", nil), ("rmse", "db"), ("links", nil), ("value", nil)])
        rows.append([.text("FI"), .real(11.5), .integer(3), .integer(7)])
        rows.append([.text("CI"), .real(nil), .integer(4), .text("n/a")])
        let table = rows.table(name: "models")
        #expect(table.columns.map(\.header) == ["model", "rmse_db", "links", "value"])
        #expect(table["rmse_db"]?.values == .real([11.5, nil]))
        #expect(table["links"]?.values == .integer([3, 4]))
        #expect(table["value"]?.values == .mixed([.integer(7), .text("n/a")]))
        #expect(table.rowCount == 2)
    }

    @Test func csvRenderingKeepsTheFileConventions() {
        let table = StudyTable(columns: [
            StudyColumn("distance", unit: "m", [1e-7, 20, nil]),
            StudyColumn("gain", unit: "db", values: .real([0.1234567, 1, 2]), style: .significantDigits(3)),
            StudyColumn("angle", unit: "deg", values: .real([1e-5, 2, 3]), style: .swiftDescription),
        ])
        let csv = CSVTable(table)
        #expect(csv.header == ["distance_m", "gain_db", "angle_deg"])
        #expect(csv.rows[0] == ["1e-7", "0.123", "1e-05"])
        #expect(csv.rows[2] == ["", "2", "3.0"])
    }

    @Test func commaListParsesEveryEntryOrNone() throws {
        #expect(CommaList<Double>(argument: "10, 20,50")?.values == [10, 20, 50])
        #expect(CommaList<Double>(argument: "10,x,50") == nil)
        // An empty entry is an error, not a silently shorter list.
        #expect(CommaList<Double>(argument: "500e6,,1e9") == nil)
        #expect(CommaList<Double>(argument: "") == nil)
        let list: CommaList<Int> = "1,4,14"
        #expect(list.values == [1, 4, 14] && list.text == "1,4,14")
    }

    @Test func aListWithAnEmptyEntryIsAUsageError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let code = runWTK([
            "pathloss", "coverage", "--targets", "500e6,,2.5e9", "--out-dir", directory.path, "--quiet",
        ])
        #expect(code == 64)
        #expect(listing(directory).isEmpty)
    }

    @Test func aStudyGivesTheCommandsTables() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            runWTK([
                "pathloss", "model", "umi", "--distance", "20,50,100", "--frequency", "28,39", "--out-dir",
                directory.path, "--quiet",
            ]) == 0)
        let written = try String(contentsOf: directory.appendingPathComponent("pathloss-model.csv"), encoding: .utf8)
        let result = try PathLossModelStudy(.init(model: .umi, distancesMeters: [20, 50, 100])).run()
        var configuration = PathLossModelStudy.Configuration(model: .umi, distancesMeters: [20, 50, 100])
        configuration.frequenciesGHz = [28, 39]
        let both = try PathLossModelStudy(configuration).run()
        #expect(result.tables[0].rowCount == 3)
        #expect(CSVWriter().encode(CSVTable(both.tables[0])) == written)
    }

    @Test func kebabCaseValuesWithTheOldSpellingAsAlias() throws {
        #expect(CoverageAnalysis.QuantileMethod(argument: "model-based") == .modelBased)
        #expect(CoverageAnalysis.QuantileMethod(argument: "modelBased") == .modelBased)
        #expect(CoverageAnalysis.QuantileMethod.allValueStrings == ["model-based", "empirical"])
        #expect(FeatureRegression.Covariance(argument: "cluster-robust") == .clusterRobust)
        #expect(FeatureRegression.Covariance(argument: "clusterRobust") == .clusterRobust)
        #expect(FeatureRegression.Covariance(argument: "cluster_robust") == nil)
        #expect(FeatureRegression.Covariance.allValueStrings == ["cluster-robust", "classical"])
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            runWTK(["pathloss", "coverage", "--method", "model-based", "--out-dir", directory.path, "--quiet"]) == 0)
    }
}

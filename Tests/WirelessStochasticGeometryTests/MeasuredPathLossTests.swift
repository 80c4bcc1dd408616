import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessStochasticGeometry

/// `MeasuredPathLoss`: a `wtk pathloss fit` models row becomes the path gain, L0 and σ of a densification
/// scenario; bad rows are errors naming the file, line and column.
@Suite struct MeasuredPathLossTests {
    /// The header `pathloss fit` writes and rows in its format (values of the 28 GHz replica's fit, and a
    /// CI row with n = 4 and no shadowing for the closed-form oracle).
    static let table = """
        model,group,a_db,a_se_db,a_ci_lower_db,a_ci_upper_db,n,n_se,n_ci_lower,n_ci_upper,p3,p3_se,p3_ci_lower,p3_ci_upper,rmse_n_db,sigma_n_minus_p_db,links,note
        FI,all,-81.6806015574702,1.39,-84.4,-78.9,2.4395257267479282,0.07,2.29,2.59,,,,,11.70854013073967,11.713784717847357,2234,censored dropped: 18
        CI,all,,,,,4,0.01,3.48,3.54,,,,,12.25,0,2234,"anchor FSPL(f, d0) exact"
        dual-slope,all,-152.23712334892886,6.7,-165.4,-139.1,-2.4916164531280964,0.47,-3.4,-1.58,3.0992997738725325,0.095,2.91,3.29,11.41,11.427765864716612,2234,breakpoint 31.97 m; third parameter n2; SEs conditional on the breakpoint
        dual-slope,steep,-60,1,,,2.5,0.1,,,3.5,0.1,,,8,8.5,100,breakpoint 12.5 m; third parameter n2
        FI,glass_type=low_loss,-68.86820855029234,1.04,-70.9,-66.8,x,0.05,2.48,2.70,,,,,6.11,6.12037993400679,1104,

        """

    static func document() throws -> CSVDocument { try CSVReader.parse(table, file: "fit-models.csv") }

    @Test func floatingInterceptGivesItsSlopeLossAt1mAndSigma() throws {
        let fit = try MeasuredPathLoss(document: Self.document(), model: .fi, group: "all")
        #expect(fit.pathGain.exponents == [2.4395257267479282] && fit.pathGain.breakpoints.isEmpty)
        #expect(fit.pathLossAt1mDB == 81.6806015574702)
        #expect(fit.shadowingSigmaDB == 11.713784717847357)
        #expect(fit.source == "fit-models.csv:2")
        // d0 = 10 m: PG(1 m) = A + 10·n·log10(d0) = A + 10·n.
        let at10 = try MeasuredPathLoss(
            document: Self.document(), model: .fi, group: "all", referenceDistanceMeters: 10)
        #expect(abs(at10.pathLossAt1mDB - (81.6806015574702 - 24.395257267479282)) < 1e-12)
    }

    @Test func closeInIsAnchoredAtFreeSpace() throws {
        let fit = try MeasuredPathLoss(document: Self.document(), model: .ci, group: "all", carrierFrequencyHz: 28e9)
        // FSPL(28 GHz, 1 m) = 20·log10(4π·28e9/c) ≈ 61.38 dB.
        let fspl = 20 * log10(4 * Double.pi * 28e9 / 299_792_458)
        #expect(abs(fit.pathLossAt1mDB - fspl) < 1e-9)
        #expect(fit.pathGain.exponents == [4])
        #expect(throws: DensificationError.self) {
            try MeasuredPathLoss(document: Self.document(), model: .ci, group: "all")
        }
    }

    /// Oracle: the CI row with n = 4 and σ = 0 gives the closed form of the single-slope scenario (nearest
    /// BS, Rayleigh, no noise: P_c(T = 1) = 1/(1 + π/4) at every density, Andrews–Baccelli–Ganti).
    @Test func closeInWithExponentFourGivesTheSingleSlopeClosedForm() throws {
        let fit = try MeasuredPathLoss(document: Self.document(), model: .ci, group: "all", carrierFrequencyHz: 28e9)
        let network = try DensificationScenario(
            pathGain: fit.pathGain, fading: fit.fading(smallScale: .rayleigh), association: .nearest)
        for density in [1e-5, 1e-3] {
            let value = try network.coverage(density: density, threshold: 1).value
            #expect(abs(value - 1 / (1 + Double.pi / 4)) < 1e-9)
        }
    }

    @Test func dualSlopeReadsItsBreakpoint() throws {
        let fit = try MeasuredPathLoss(document: Self.document(), model: .dualSlope, group: "steep")
        #expect(fit.pathGain.exponents == [2.5, 3.5] && fit.pathGain.breakpoints == [12.5])
        #expect(fit.pathLossAt1mDB == 60)
        #expect(fit.shadowingSigmaDB == 8.5)
    }

    /// The replica's dual-slope fit has a negative near exponent: no densification path gain (line 4).
    @Test func unusableOrMalformedRowsNameFileLineAndColumn() throws {
        func failure(_ body: () throws -> MeasuredPathLoss) -> String {
            do {
                _ = try body()
                return ""
            } catch let error as IOError {
                #expect(error.category == .invalidData)
                return error.description
            } catch {
                return "unexpected \(error)"
            }
        }
        let negative = failure { try MeasuredPathLoss(document: Self.document(), model: .dualSlope, group: "all") }
        #expect(
            negative.contains("fit-models.csv") && negative.contains("4") && negative.contains("n,p3"), "\(negative)")
        let text = failure { try MeasuredPathLoss(document: Self.document(), model: .fi, group: "glass_type=low_loss") }
        #expect(text.contains("fit-models.csv") && text.contains("6") && text.contains("'x'"), "\(text)")
        let missing = failure { try MeasuredPathLoss(document: Self.document(), model: .fi, group: "nowhere") }
        #expect(missing.contains("no row") && missing.contains("FI (all)"), "\(missing)")
        let noColumn = failure {
            try MeasuredPathLoss(
                document: CSVReader.parse("model,group\nFI,all\n", file: "short.csv"), model: .fi, group: "all")
        }
        #expect(noColumn.contains("short.csv"), "\(noColumn)")
    }
}

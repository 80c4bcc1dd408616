import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessStochasticGeometry

/// `MeasuredPathLoss` with `.abg`: the ABG fit of a `wtk pathloss multifrequency` models table becomes
/// g(r) = r^(−α), L0 = β + 10·γ·log10 f_GHz and σ from its `sigma` row; bad tables and missing inputs are
/// errors naming the file, line and column or the missing frequency.
@Suite struct MeasuredABGPathLossTests {
    /// The header `pathloss multifrequency` writes, with hand-written ABG and CIF rows.
    static let table = """
        model,parameter,estimate,standard_error,ci_lower,ci_upper,unit
        ABG,alpha,3.25,0.02,3.21,3.29,1
        ABG,beta,31.5,0.4,30.7,32.3,dB
        ABG,gamma,2.125,0.01,2.105,2.145,1
        ABG,sigma,6.75,,,,dB
        CIF,n,3.1,0.02,3.06,3.14,1
        CIF,b,0.05,0.01,0.03,0.07,1
        CIF,f0,50.5,,,,GHz

        """

    static func document(_ text: String = table) throws -> CSVDocument {
        try CSVReader.parse(text, file: "mf-models.csv")
    }

    /// Closed form at 28 GHz: L0 = 31.5 + 10·2.125·log10 28 dB, g(r) = r^(−3.25), σ = 6.75 dB; the source is
    /// the alpha row (line 2). d0 is 1 m for ABG, so a reference distance does not change it.
    @Test func abgGivesItsSlopeLossAt1mAndSigma() throws {
        let fit = try MeasuredPathLoss(
            document: Self.document(), model: .abg, group: "all", referenceDistanceMeters: 10,
            carrierFrequencyHz: 28e9)
        #expect(fit.model == .abg && fit.group == "all")
        #expect(fit.pathGain.exponents == [3.25] && fit.pathGain.breakpoints.isEmpty)
        // One rounding of log10 and two of the sum: 1e-12 dB on ≈ 62 dB.
        #expect(abs(fit.pathLossAt1mDB - (31.5 + 21.25 * log10(28.0))) < 1e-12)
        #expect(fit.shadowingSigmaDB == 6.75)
        #expect(fit.source == "mf-models.csv:2")
    }

    @Test func abgNeedsTheFrequencyAndGroupAll() throws {
        #expect(throws: DensificationError.self) {
            try MeasuredPathLoss(document: Self.document(), model: .abg, group: "all")
        }
        #expect(throws: DensificationError.self) {
            try MeasuredPathLoss(document: Self.document(), model: .abg, group: "all", carrierFrequencyHz: 0)
        }
        #expect(throws: DensificationError.self) {
            try MeasuredPathLoss(document: Self.document(), model: .abg, group: "x", carrierFrequencyHz: 28e9)
        }
    }

    @Test func badAbgTablesNameFileLineAndColumn() throws {
        func failure(_ text: String, model: MeasuredPathLoss.Model = .abg) -> String {
            do {
                _ = try MeasuredPathLoss(
                    document: Self.document(text), model: model, group: "all", carrierFrequencyHz: 28e9)
                return ""
            } catch let error as IOError {
                #expect(error.category == .invalidData)
                return error.description
            } catch {
                return "unexpected \(error)"
            }
        }
        let lines = Self.table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // No sigma row (a table written before it existed).
        let noSigma = failure(lines.filter { !$0.hasPrefix("ABG,sigma") }.joined(separator: "\n"))
        #expect(noSigma.contains("mf-models.csv") && noSigma.contains("'sigma'"), "\(noSigma)")
        // A non-numeric β (line 3).
        let text = failure(Self.table.replacingOccurrences(of: "ABG,beta,31.5", with: "ABG,beta,x"))
        #expect(text.contains("mf-models.csv") && text.contains("line 3") && text.contains("'x'"), "\(text)")
        // α ≤ 2: no densification path gain (line 2).
        let flat = failure(Self.table.replacingOccurrences(of: "ABG,alpha,3.25", with: "ABG,alpha,1.9"))
        #expect(flat.contains("mf-models.csv") && flat.contains("line 2") && flat.contains("1.9"), "\(flat)")
        // A negative σ (line 5).
        let negative = failure(Self.table.replacingOccurrences(of: "ABG,sigma,6.75", with: "ABG,sigma,-1"))
        #expect(negative.contains("line 5") && negative.contains("negative"), "\(negative)")
        // A `pathloss fit` table asked for ABG, and a multifrequency table asked for FI: each names the other.
        let single = failure("model,group,a_db,n,sigma_n_minus_p_db\nFI,all,-80,2.5,8\n")
        #expect(single.contains("'parameter'") && single.contains("multifrequency"), "\(single)")
        let wrongModel = failure(Self.table, model: .fi)
        #expect(wrongModel.contains("abg"), "\(wrongModel)")
    }
}

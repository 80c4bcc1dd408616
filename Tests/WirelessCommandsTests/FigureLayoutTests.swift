import Foundation
import Testing
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessPathLoss
import WirelessPlot

@testable import WirelessCommands

/// Every figure of the path-loss set and the ISAC estimate figures pass the renderer's layout check: no
/// two text boxes overlap and no legend or reference label covers data (issue 17).
@Suite struct FigureLayoutTests {
    func check(_ plots: [StudyPlot], _ context: String) throws {
        for study in plots {
            let problems = try Plot(study).layoutProblems()
            #expect(problems.isEmpty, "\(context)\(study.name): \(problems.joined(separator: "; "))")
        }
    }

    @Test func pathLossFiguresAreClean() throws {
        let campaign = try CampaignCSV.read(contentsOf: BundledReplica.url())
        var fit = PathLossFitStudy.Configuration(campaign: campaign)
        fit.censoredML = true
        try check(try PathLossFitStudy(fit).run().plots, "pathloss-fit")
        var effects = PathLossEffectsStudy.Configuration(campaign: campaign)
        effects.bootstrapResamples = 50
        try check(try PathLossEffectsStudy(effects).run(seed: 1).plots, "pathloss-effects")
        let coverage = PathLossCoverageStudy.Configuration(campaign: campaign, budget: try LinkBudget())
        try check(try PathLossCoverageStudy(coverage).run().plots, "pathloss-coverage")
        var los = coverage
        los.groupBy = .building
        los.lineOfSightOnly = true
        try check(try PathLossCoverageStudy(los).run().plots, "pathloss-coverage-los")
        for model in PathLossModelStudy.Model.allCases {
            try check(try PathLossModelStudy(.init(model: model)).run().plots, "pathloss-model \(model.rawValue)")
        }
    }

    /// The estimate figure set's methods on one drawn tensor: the scatter and the error panel.
    @Test func isacEstimateFiguresAreCleanAndHaveAnErrorPanel() throws {
        let grid = ISACScenarioPreset.paper.grid()
        var configuration = ISACEstimateStudy.Configuration(plain: PLAINConfiguration(grid: grid, pathCount: 6))
        configuration.methods = [.plain, .fft3d]
        let result = try ISACEstimateStudy(configuration).run(seed: 3)
        #expect(result.plots.map(\.name) == ["", "-errors"])
        try check(result.plots, "isac-estimate")
    }
}

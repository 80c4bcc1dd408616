import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessISAC

/// `wtk isac simulate`: writes a scenario tensor to `.npy` and its ground truth to CSV.
public struct ISACSimulateCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write one noisy channel tensor of a scenario to .npy, with its ground truth as CSV.",
        discussion: """
            The tensor follows the ideal multi-path model H[r,k,l] = Σ_p β_p e^{j(ω_A r + ω_F k + ω_T l)} + W, \
            W ~ CN(0, σ²), σ² = Σ|β_p|²/SNR; path phases are drawn from --seed. The .npy array has shape \
            (N_R, N_F, N_T) with axes antenna, subcarrier, symbol. <name>_truth.csv lists per path \
            angle_deg, distance_m, velocity_mps, gain (re, im, dB) and the spatial frequencies omega_*_rad.
            """)

    enum DTypeName: String, ExpressibleByArgument, CaseIterable {
        case complex128, complex64
    }

    @OptionGroup var scenario: ISACScenarioOptions

    @Option(help: "On-disk dtype: complex128 or complex64.")
    var dtype: DTypeName = .complex128

    @Flag(name: .customLong("fortran-order"), help: "Store the .npy in Fortran (column-major) order.")
    var fortranOrder = false

    @Flag(help: "Write the noiseless tensor (no noise draw).")
    var noiseless = false

    public static let defaultOutputName = "isac-scenario"
    @OptionGroup var output: SeededOutputOptions<ISACSimulateCommand>

    public init() {}

    public func execute() throws {
        var configuration = ISACSimulateStudy.Configuration()
        configuration.preset = scenario.scenario
        configuration.rangeMapping = scenario.rangeMapping
        configuration.snrDB = scenario.snrDB
        configuration.noiseless = noiseless
        let result = try ISACSimulateStudy(configuration).run(seed: output.seed)
        let context = OutputContext(options: output, seed: output.seed, parameters: result.recordedParameters)
        let url = try context.fileURL(context.checkedBaseName(output.name) + ".npy")
        try result.tensor.write(
            to: url, dataType: dtype == .complex128 ? .complex128 : .complex64, fortranOrder: fortranOrder)
        try context.metadata.writeSidecar(for: url)
        try context.write(result.truthTable, name: output.name + result.truthTable.name)
        context.note(result.summary + "; wrote \(output.name).npy, \(output.name)_truth.csv")
    }
}

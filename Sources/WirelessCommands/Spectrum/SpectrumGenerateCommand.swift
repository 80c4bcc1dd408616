import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum generate`: the synthetic wideband dataset as SigMF recordings with labelled annotations.
struct SpectrumGenerateCommand: WTKCommand, OutputNaming {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the synthetic wideband dataset (train/validation/test) as labelled SigMF recordings.",
        discussion: """
            Per SNR level and split, writes <split>-snr<s>dB.sigmf-meta/-data: the windows (16384 samples \
            at 20 MS/s each) back to back, one annotation per signal with its sample range, band edges \
            (baseband, the nominal bandwidth) and modulation label; SNR and noise power in the wtk: \
            extension fields. Also writes <name>.csv (one row per signal) and <name>.svg (the spectrum \
            of the first test example with its labels shaded). 'train' and 'evaluate' regenerate exactly \
            these examples from the same --seed.
            """)

    @OptionGroup var data: SpectrumDataOptions

    static let defaultOutputName = "spectrum-dataset"
    static let outputNameHelp = "Base name of the index table and figure."
    @OptionGroup var output: SeededOutputOptions<SpectrumGenerateCommand>

    func execute() throws {
        let context = OutputContext(options: output, seed: output.seed, parameters: data.recorded)
        let configuration = SpectrumGenerateStudy.Configuration(
            generator: data.generatorConfiguration, splits: data.splits)
        let result = try SpectrumGenerateStudy(configuration).run(seed: output.seed, progress: context.studyProgress) {
            try context.writeRecording($1, name: $0)
        }
        try context.write(result, name: output.name)
    }
}

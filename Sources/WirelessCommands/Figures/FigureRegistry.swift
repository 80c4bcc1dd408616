import WirelessIO

/// Every figure set `wtk figures` knows, in report order. Each capability adds its sets here.
public enum FigureRegistry {
    /// All registered sets.
    public static let all: [FigureSet] = [
        PSDFigures.twoToneRecording,
        PathLossFigures.outdoorToIndoor28GHz,
        ISACFigures.plain,
        DensifyFigures.regimes,
        DensifyFigures.measured28GHz,
        SpectrumFigures.segmentation,
    ]

    /// The set named `name`, if any.
    public static func set(named name: String) -> FigureSet? {
        all.first { $0.name == name }
    }
}

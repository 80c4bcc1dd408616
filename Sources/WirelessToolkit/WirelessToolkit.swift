// Umbrella module: `import WirelessToolkit` brings every capability into scope, and swift-numerics'
// `Numerics` (`Complex`, `Real`): `Complex<Double>` and `Complex<Float>` are the element types of the
// public API (FFT plans, ISAC tensors, IQ recordings), so a user of the umbrella needs no second
// dependency to call it. (Importing single modules instead? Add swift-numerics and `import Numerics`.)
@_exported import Numerics
@_exported import WirelessCore
@_exported import WirelessFFT
@_exported import WirelessIO
@_exported import WirelessISAC
@_exported import WirelessLinearAlgebra
@_exported import WirelessPathLoss
@_exported import WirelessPlot
@_exported import WirelessSpectrumNet
@_exported import WirelessStochasticGeometry

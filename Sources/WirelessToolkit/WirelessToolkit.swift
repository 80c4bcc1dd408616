// Umbrella module: `import WirelessToolkit` brings every capability into scope.
@_exported import WirelessCore
@_exported import WirelessFFT
@_exported import WirelessLinearAlgebra
@_exported import WirelessIO
@_exported import WirelessPathLoss
@_exported import WirelessStochasticGeometry
@_exported import WirelessISAC
@_exported import WirelessSpectrumNet

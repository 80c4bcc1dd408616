// swift-tools-version:6.0
// WirelessToolkit: wireless network analysis in Swift.
// One library product per module, an umbrella `WirelessToolkit`, and the `wtk` runner.
import PackageDescription

let numerics: Target.Dependency = .product(name: "Numerics", package: "swift-numerics")

let package = Package(
    name: "WirelessToolkit",
    products: [
        .library(name: "WirelessToolkit", targets: ["WirelessToolkit"]),
        .library(name: "WirelessCore", targets: ["WirelessCore"]),
        .library(name: "WirelessFFT", targets: ["WirelessFFT"]),
        .library(name: "WirelessLinearAlgebra", targets: ["WirelessLinearAlgebra"]),
        .library(name: "WirelessIO", targets: ["WirelessIO"]),
        .library(name: "WirelessPlot", targets: ["WirelessPlot"]),
        .library(name: "WirelessPathLoss", targets: ["WirelessPathLoss"]),
        .library(name: "WirelessStochasticGeometry", targets: ["WirelessStochasticGeometry"]),
        .library(name: "WirelessISAC", targets: ["WirelessISAC"]),
        .library(name: "WirelessSpectrumNet", targets: ["WirelessSpectrumNet"]),
        .library(name: "WirelessCommands", targets: ["WirelessCommands"]),
        .executable(name: "wtk", targets: ["wtk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from Debian's packages, found through pkg-config.
        .systemLibrary(
            name: "_WirelessFFTWShim", pkgConfig: "fftw3",
            providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(
            name: "_WirelessLAPACKEShim", pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),

        // Shared numeric core.
        .target(name: "WirelessCore", dependencies: [numerics]),
        .target(name: "WirelessFFT", dependencies: ["WirelessCore", "_WirelessFFTWShim", numerics]),
        .target(
            name: "WirelessLinearAlgebra",
            dependencies: ["WirelessCore", "_WirelessLAPACKEShim", numerics]),
        .target(name: "WirelessIO", dependencies: ["WirelessCore", numerics]),
        // SVG figures of study results; no capability depends on it (only the umbrella and the commands).
        .target(name: "WirelessPlot", dependencies: ["WirelessCore"]),

        // The four capabilities.
        // Shipped data travel as SwiftPM resources (Bundle.module): found beside the executable in a build
        // folder, a consumer's build or a scripts/install prefix, from any working directory.
        .target(
            name: "WirelessPathLoss",
            dependencies: ["WirelessCore", "WirelessLinearAlgebra", "WirelessIO"],
            resources: [.copy("Resources/oti28_synthetic_links.csv")]),
        .target(name: "WirelessStochasticGeometry", dependencies: ["WirelessCore", "WirelessIO", numerics]),
        .target(
            name: "WirelessISAC",
            dependencies: ["WirelessCore", "WirelessFFT", "WirelessLinearAlgebra", "WirelessIO", numerics]),
        .target(
            name: "WirelessSpectrumNet",
            dependencies: ["WirelessCore", "WirelessFFT", "WirelessLinearAlgebra", "WirelessIO", numerics],
            resources: [.copy("Resources/cmusenet-default.cmsn")]),

        // Umbrella: re-exports only.
        .target(
            name: "WirelessToolkit",
            dependencies: [
                "WirelessCore", "WirelessFFT", "WirelessLinearAlgebra", "WirelessIO", "WirelessPlot",
                "WirelessPathLoss", "WirelessStochasticGeometry", "WirelessISAC", "WirelessSpectrumNet", numerics,
            ]),

        // The command tree (a library so tests run commands in-process) and the executable.
        .target(
            name: "WirelessCommands",
            dependencies: [
                "WirelessToolkit", numerics,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "wtk", dependencies: ["WirelessCommands"]),

        // Independent oracles shared by the tests (O(n²) DFT, finite differences, ...).
        .target(name: "WirelessTestSupport", dependencies: ["WirelessCore", numerics], path: "Tests/WirelessTestSupport"),

        .testTarget(
            name: "WirelessCoreTests", dependencies: ["WirelessCore", "WirelessTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "WirelessFFTTests", dependencies: ["WirelessFFT", "WirelessTestSupport"]),
        .testTarget(
            name: "WirelessLinearAlgebraTests", dependencies: ["WirelessLinearAlgebra", "WirelessTestSupport"]),
        .testTarget(
            name: "WirelessIOTests", dependencies: ["WirelessIO", "WirelessTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "WirelessPlotTests", dependencies: ["WirelessPlot", "WirelessTestSupport"]),
        .testTarget(name: "WirelessPathLossTests", dependencies: ["WirelessPathLoss", "WirelessTestSupport"]),
        .testTarget(
            name: "WirelessStochasticGeometryTests",
            dependencies: ["WirelessStochasticGeometry", "WirelessTestSupport"]),
        .testTarget(name: "WirelessISACTests", dependencies: ["WirelessISAC", "WirelessTestSupport"]),
        .testTarget(name: "WirelessSpectrumNetTests", dependencies: ["WirelessSpectrumNet", "WirelessTestSupport"]),
        .testTarget(
            name: "WirelessCommandsTests", dependencies: ["WirelessCommands", "WirelessToolkit", "WirelessTestSupport"],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
// WirelessToolkit benchmarks: a separate package so library users and default CI never build it.
// Run from this folder: `swift run -c release WirelessBenchmarks [filter …]`.
import Foundation
import PackageDescription

// SwiftPM identifies a path dependency by its folder name, which differs between clones
// (`main`, a worktree name, `WirelessToolkit`, …), so derive it instead of hard-coding it.
let parentPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "WirelessBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "WirelessBenchmarks",
            dependencies: [
                .product(name: "WirelessCore", package: parentPackage),
                .product(name: "WirelessFFT", package: parentPackage),
                .product(name: "WirelessLinearAlgebra", package: parentPackage),
                .product(name: "WirelessIO", package: parentPackage),
                .product(name: "WirelessPathLoss", package: parentPackage),
                .product(name: "WirelessISAC", package: parentPackage),
                .product(name: "WirelessStochasticGeometry", package: parentPackage),
                .product(name: "WirelessSpectrumNet", package: parentPackage),
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

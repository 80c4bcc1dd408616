// swift-tools-version:6.0
// WirelessToolkit fuzz targets: a separate package so the root package's `swift build` never builds it.
//
// The targets live in one dynamic library, `WirelessFuzzTargets`, built with AddressSanitizer and
// libFuzzer's coverage instrumentation (over this package and every module of the root package).
// Each libFuzzer executable is a three-line driver in `Drivers/` linked against that library with
// `swiftc -sanitize=fuzzer,address`, because SwiftPM's executable targets rename `main` and so cannot
// take libFuzzer's. `scripts/fuzz` does both steps; see docs/RELIABILITY.md.
import Foundation
import PackageDescription

// SwiftPM identifies a path dependency by its folder name, which differs between clones
// (`main`, a worktree name, `WirelessToolkit`, …), so derive it instead of hard-coding it.
let parentPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "WirelessFuzz",
    products: [
        .library(name: "WirelessFuzzTargets", type: .dynamic, targets: ["WirelessFuzzTargets"])
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "WirelessFuzzTargets",
            dependencies: [
                .product(name: "WirelessCore", package: parentPackage),
                .product(name: "WirelessIO", package: parentPackage),
                .product(name: "WirelessPathLoss", package: parentPackage),
                .product(name: "WirelessISAC", package: parentPackage),
                .product(name: "WirelessSpectrumNet", package: parentPackage),
                .product(name: "WirelessCommands", package: parentPackage),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

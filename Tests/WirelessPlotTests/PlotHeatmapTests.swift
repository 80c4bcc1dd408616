import Foundation
import Testing
import WirelessCore

@testable import WirelessPlot

@Test func viridisEndpointsAndClamping() {
    let map = PlotColorMap.viridis
    #expect(map.color(at: 0).hex == "#440154")
    #expect(map.color(at: 1).hex == "#fde725")
    #expect(map.color(at: -3) == map.color(at: 0))
    #expect(map.color(at: 7) == map.color(at: 1))
    #expect(map.color(at: .nan) == map.color(at: 0))
    // Halfway between anchors 4 (#26828e) and 5 (#1f9e89) at t = 4.5/9.
    let mid = map.color(at: 0.5)
    #expect(mid == PlotColor(red: 0x23, green: 0x90, blue: 0x8C))
}

@Test func colorMapsAreMonotonicInLightness() throws {
    // 8-bit channel rounding moves L* by < 0.2; 201 samples are ≥ 0.4 L* apart for viridis
    // (its L* rises ~ 83 over t ∈ [0, 1]), so strict increase must hold sample to sample.
    for map in [PlotColorMap.viridis, .greys] {
        var previous = -Double.infinity
        for k in 0...200 {
            let lightness = map.color(at: Double(k) / 200).lightness
            #expect(lightness > previous, "t = \(Double(k) / 200)")
            previous = lightness
        }
    }
    #expect(PlotColorMap.viridis.color(at: 0).lightness < 20)
    #expect(PlotColorMap.viridis.color(at: 1).lightness > 85)
    #expect(throws: PlotError.self) { try PlotColorMap(anchors: [PlotColor(rgb: 0)]) }
}

enum HeatmapGallery {
    /// A smooth 2-D bump with one NaN cell, 40 × 60 cells.
    static func bump() throws -> Heatmap {
        var rows: [[Double]] = []
        for i in 0..<40 {
            var row: [Double] = []
            for j in 0..<60 {
                let x = (Double(j) - 35) / 12
                let y = (Double(i) - 18) / 9
                row.append(-30 + 30 * exp(-(x * x + y * y) / 2))
            }
            rows.append(row)
        }
        rows[5][5] = .nan
        return try Heatmap(
            title: "Range–Doppler map", xLabel: "Range [m]", yLabel: "Velocity [m/s]", colorBarLabel: "Power [dB]",
            values: Matrix(rowMajor: rows), xRange: 0...150, yRange: -20...20)
    }
}

@Test func heatmapRendersCellsAndColorBar() throws {
    let values = Matrix(rowMajor: [[0.0, 1, 2, 3], [4, 5, 6, 7], [8, 8, 8, .nan]])
    let heatmap = try Heatmap(
        title: "cells & <bars>", xLabel: "x [m]", yLabel: "y [m]", colorBarLabel: "value [1]", values: values,
        xRange: 0...4, yRange: 0...3)
    let svg = heatmap.svg()
    #expect(svg == heatmap.svg())
    let inspector = SVGInspector(svg)
    #expect(inspector.isWellFormed)
    #expect(inspector.titleText == "cells & <bars>")
    #expect(inspector.count("linearGradient") == 1)
    #expect(inspector.count("stop") == PlotColorMap.viridis.anchors.count)
    // 8 distinct cells in rows 0–1, one merged run of three 8s, the NaN cell left undrawn.
    let cellFills = Set(
        PlotColorMap.viridis.anchors.map(\.hex)
            + (0..<256).map {
                PlotColorMap.viridis.color(at: Double($0) / 255).hex
            })
    let cellPaths = inspector.attributes.filter { ($0["fill"].map(cellFills.contains) ?? false) && $0["d"] != nil }
    let cellCount = cellPaths.map { $0["d"]!.filter { $0 == "z" }.count }.reduce(0, +)
    #expect(cellCount == 8 + 1)
    #expect(cellPaths.count == 9)  // 9 distinct colour levels
    #expect(cellPaths.first?["fill"] == "#440154")  // the minimum, first (levels ascend)
    #expect(cellPaths.last?["fill"] == "#fde725")  // the maximum (8)
    #expect(inspector.texts.contains("value [1]"))
    #expect(inspector.texts.contains("0") && inspector.texts.contains("8"))

    let gallery = try HeatmapGallery.bump()
    let galleryText = gallery.svg()
    #expect(SVGInspector(galleryText).isWellFormed)
    PlotGallery.writePreviewIfRequested("gallery-heatmap", galleryText)
}

@Test func heatmapHandlesDegenerateInputAndRejectsBadRanges() throws {
    let constant = try Heatmap(
        title: "", xLabel: "", yLabel: "", colorBarLabel: "", values: Matrix(rows: 2, columns: 2, repeating: 5),
        xRange: 0...1, yRange: 0...1)
    #expect(constant.resolvedColorRange == 4.5...5.5)
    #expect(SVGInspector(constant.svg()).isWellFormed)
    let empty = try Heatmap(
        title: "empty", xLabel: "", yLabel: "", colorBarLabel: "", values: Matrix(rows: 0, columns: 0, repeating: 0),
        xRange: 0...1, yRange: 0...1)
    #expect(SVGInspector(empty.svg()).isWellFormed)
    #expect(throws: PlotError.self) {
        try Heatmap(
            title: "", xLabel: "", yLabel: "", colorBarLabel: "", values: Matrix(rows: 1, columns: 1, repeating: 0),
            xRange: 1...1, yRange: 0...1)
    }
    #expect(throws: PlotError.self) {
        try Heatmap(
            title: "", xLabel: "", yLabel: "", colorBarLabel: "", values: Matrix(rows: 1, columns: 1, repeating: 0),
            xRange: 0...1, yRange: 0...(.infinity))
    }
}

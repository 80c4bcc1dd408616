import Foundation
import WirelessIO

extension ChannelTensor {
    /// Reads the tensor a user gives for a scenario: `read(from:)`, then its shape checked against the
    /// scenario's grid and at least one non-zero element required.
    /// - Parameters:
    ///   - path: The `.npy` file.
    ///   - grid: The scenario's grid; the tensor must be (N_R, N_F, N_T) = `grid.dimensions`.
    ///   - preset: The scenario, named in the message when the shape differs.
    /// - Throws: `IOError` naming the file (exit 65): as `read(from:)`; `.malformedInput` (column `shape`)
    ///   for another shape; `.malformedInput` when every element is zero; `ISACError` for a sample
    ///   `read(from:)` let through.
    public static func read(_ path: String, for grid: ISACGrid, preset: ISACScenarioPreset) throws -> ChannelTensor {
        let tensor = try ChannelTensor.read(from: URL(fileURLWithPath: path))
        guard tensor.dimensions == grid.dimensions else {
            let dims = { (d: [Int]) in "(\(d.map(String.init).joined(separator: ", ")))" }
            throw IOError.malformedInput(
                file: path, line: nil, column: "shape",
                reason:
                    "the tensor is (N_R, N_F, N_T) = \(dims(tensor.dimensions)) but --scenario \(preset.rawValue) needs \(dims(grid.dimensions))"
            )
        }
        do {
            try tensor.validateSamples()
        } catch .zeroEnergyInput {
            throw IOError.malformedInput(
                file: path, line: nil, column: nil, reason: "every element is zero; there is nothing to estimate")
        }
        return tensor
    }
}

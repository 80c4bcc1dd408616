import Testing
import WirelessCore
import WirelessLinearAlgebra

@testable import WirelessISAC

/// `ISACSweepStudy` as a `ShardableStudy`: shards merged equal the one-process run number for number,
/// also when a point's trials span several blocks (the block sums folded in block order).
@Suite struct ISACSweepShardTests {
    @Test func shardsAcrossTrialBlocksMergeToTheWholeRun() throws {
        // One OpenBLAS thread, as every wtk command pins it: with several, LAPACK's own summation order
        // varies from call to call and no two runs agree in the last digits.
        BLASThreading.setThreadCount(1)
        var configuration = ISACSweepStudy.Configuration(plain: PLAINConfiguration(pathCount: 6))
        configuration.methods = [.plain]
        configuration.snrsDB = [0, 10]
        configuration.trials = 3
        configuration.trialsPerWorkItem = 2  // blocks {0, 1}, {2}: 2 SNRs × 2 blocks = 4 items
        let study = ISACSweepStudy(configuration)
        #expect(try study.workItemCount() == 4)
        let whole = try study.run(seed: 9)
        let parts = try (1...3).map {
            try study.run(shard: Shard(index: $0, count: 3), seed: 9, progress: SilentStudyProgress())
        }
        #expect(parts.map(\.items) == [0..<1, 1..<2, 2..<4])
        let merged = try study.merge(StudyPartial.combined(parts.reversed(), itemCount: 4))
        #expect(merged.table == whole.table)
        #expect(String(describing: merged.plots) == String(describing: whole.plots))  // NaN-safe
        // A partial of another configuration (two methods) is refused.
        var other = configuration
        other.methods = [.plain, .fft3d]
        #expect(throws: StudyPartialError.self) {
            try ISACSweepStudy(other).merge(StudyPartial.combined(parts, itemCount: 4))
        }
    }
}

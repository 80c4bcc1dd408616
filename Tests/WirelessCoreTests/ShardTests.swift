import Testing
import WirelessCore

@Suite struct ShardTests {
    @Test func parsesOneBasedKOfN() throws {
        let shard = try Shard.parse("2/4", environment: [:])
        #expect(shard.index == 2 && shard.count == 4)
        #expect(shard.description == "2/4")
    }

    @Test(arguments: ["0/4", "5/4", "1/0", "-1/3"])
    func refusesOutOfRange(_ text: String) {
        #expect(throws: ShardError.outOfRange(text: text)) { try Shard.parse(text, environment: [:]) }
    }

    @Test(arguments: ["", "2", "2/", "/4", "a/b", "1/2/3", "1.5/4", "SLURM"])
    func refusesMalformed(_ text: String) {
        #expect(throws: ShardError.malformed(text: text)) { try Shard.parse(text, environment: [:]) }
    }

    @Test func errorsAreUsageErrors() {
        #expect(ShardError.outOfRange(text: "0/4").category == .invalidArgument)
        #expect(ShardError.slurmVariableMissing(name: "X").description.contains("X"))
    }

    @Test func slurmArraysFromZeroOneAndWithStep() throws {
        let zeroBased = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0"]
        #expect(try Shard.parse("slurm", environment: zeroBased) == Shard(index: 4, count: 4))
        let oneBased = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]
        #expect(try Shard.parse("slurm", environment: oneBased) == Shard(index: 1, count: 4))
        let stepped = [
            "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
            "SLURM_ARRAY_TASK_STEP": "2",
        ]
        #expect(try Shard.parse("slurm", environment: stepped) == Shard(index: 3, count: 4))
    }

    @Test func slurmOutsideAnArrayJobNamesTheVariable() {
        #expect(throws: ShardError.slurmVariableMissing(name: "SLURM_ARRAY_TASK_ID")) {
            try Shard.parse("slurm", environment: [:])
        }
        #expect(throws: ShardError.slurmVariableMissing(name: "SLURM_ARRAY_TASK_MIN")) {
            try Shard.parse("slurm", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"])
        }
        // An id past the count (a non-contiguous array such as --array=1,7) names no shard.
        #expect(throws: ShardError.self) {
            try Shard.parse(
                "slurm",
                environment: ["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "1"])
        }
        #expect(throws: ShardError.slurmVariableInvalid(name: "SLURM_ARRAY_TASK_COUNT", value: "four")) {
            try Shard.parse(
                "slurm",
                environment: [
                    "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "four", "SLURM_ARRAY_TASK_MIN": "1",
                ])
        }
    }

    /// Shards 1…N tile 0..<M in order with sizes differing by at most one, for every N, M up to 12
    /// (including N > M, where some shards are empty).
    @Test func rangesTileTheWorkAndAreBalanced() throws {
        for items in 0...12 {
            for count in 1...12 {
                var next = 0
                var sizes: [Int] = []
                for index in 1...count {
                    let range = try Shard(index: index, count: count).workItems(of: items)
                    #expect(range.lowerBound == next)
                    next = range.upperBound
                    sizes.append(range.count)
                }
                #expect(next == items)
                #expect(sizes.max()! - sizes.min()! <= 1)
            }
        }
        #expect(try Shard(index: 2, count: 3).workItems(of: 5) == 1..<3)
        // No overflow for huge item counts.
        #expect(try Shard(index: 3, count: 3).workItems(of: Int.max).upperBound == Int.max)
    }

    @Test func partialsCombineInItemOrderAndRefuseGapsAndOverlaps() throws {
        func part(_ items: Range<Int>) -> StudyPartial {
            StudyPartial(
                items: items, columns: ["x"], records: items.map { .init(item: $0, values: [Double($0)]) })
        }
        let whole = try StudyPartial.combined([part(3..<5), part(0..<2), part(2..<3), part(5..<5)], itemCount: 5)
        #expect(whole.records.map(\.item) == [0, 1, 2, 3, 4])
        #expect(whole.records(of: 3).map(\.values) == [[3]])
        #expect(throws: StudyPartialError.gap(2..<3)) {
            try StudyPartial.combined([part(0..<2), part(3..<5)], itemCount: 5)
        }
        #expect(throws: StudyPartialError.overlap(1..<2)) {
            try StudyPartial.combined([part(0..<2), part(1..<5)], itemCount: 5)
        }
        #expect(throws: StudyPartialError.gap(4..<5)) { try StudyPartial.combined([part(0..<4)], itemCount: 5) }
        let other = StudyPartial(items: 2..<5, columns: ["y"], records: [])
        #expect(throws: StudyPartialError.self) { try StudyPartial.combined([part(0..<2), other], itemCount: 5) }
    }
}

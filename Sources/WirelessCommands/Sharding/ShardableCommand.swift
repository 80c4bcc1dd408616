import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO

/// A command whose work `--shard` splits and whose shards `wtk merge` joins.
protocol ShardableCommand: WTKCommand {
    /// Writes, into `shards.outputDirectory`, exactly the files an unsharded run of this (re-parsed)
    /// command writes, from the validated shards.
    func writeMerged(_ shards: ShardSet) throws
}

extension ShardableCommand {
    /// Writes shard `shard` of `study` (`ShardOutput`: the partial and the manifest) through the run's
    /// transaction, so both appear together and a rerun of the shard replaces them.
    func writeShard<S: ShardableStudy>(
        _ study: S, shard: Shard, seed: UInt64, name: String, context: OutputContext
    ) throws {
        let output = try ShardOutput(
            running: study, shard: shard, seed: seed, name: name, command: FigureContext.commandPath(of: Self.self),
            arguments: CommandInvocation.current, progress: context.studyProgress)
        try context.writeFile(output.partialData, named: output.partialFileName)
        try context.writeFile(output.manifestData, named: output.manifestFileName)
        context.note(output.summary)
    }
}

import Foundation

/// The fuzz targets, by the name `scripts/fuzz` and the corpus folders use.
///
/// Each target takes one input (the bytes libFuzzer mutates) and must return normally for every
/// input: a thrown error is the expected outcome for bad data. A trap (overflow, out-of-range
/// index, force unwrap), an AddressSanitizer report, an allocation over libFuzzer's
/// `-malloc_limit_mb`, or a run over `-timeout` seconds is a crash.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Campaign link CSV (`CampaignCSV.parse`) and the generic RFC 4180 reader (`CSVReader.parse`).
    case campaignCSV = "campaign-csv"
    /// SigMF meta + data (`SigMFRecording.read`), then its labelled windows (`LabelledRecording.dataset`).
    case sigmf
    /// Headerless cf32 (`RawCF32File.read`) and ci16 data (through a fixed SigMF meta).
    case rawIQ = "raw-iq"
    /// The authors' folder: `data.dat` + `meta-data.json` (`AuthorsDatasetImporter.read`), then labelled windows.
    case authors
    /// `.npy` arrays (`NPYArray.decode`), then the ISAC channel tensor (`ChannelTensor(npy:)`).
    case npy
    /// `.cmsn` checkpoints (`Checkpoint.decode`, CRC fixed up by the harness), then the network and session.
    case checkpoint
    /// The `wtk` option parser (`WTK.parseAsRoot`) over an argument vector; parsing only, nothing runs.
    case cli

    /// Runs the target on one input.
    public func run(_ data: Data) {
        switch self {
        case .campaignCSV: CampaignCSVFuzz.run(data)
        case .sigmf: SigMFFuzz.run(data)
        case .rawIQ: RawIQFuzz.run(data)
        case .authors: AuthorsFuzz.run(data)
        case .npy: NPYFuzz.run(data)
        case .checkpoint: CheckpointFuzz.run(data)
        case .cli: CommandLineFuzz.run(data)
        }
    }

    /// Entry point for a libFuzzer driver: runs the target on `count` bytes at `bytes`.
    /// Always returns 0 (libFuzzer's "keep the input" convention).
    public func run(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        run(data)
        return 0
    }
}

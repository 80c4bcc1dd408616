import Numerics

/// A source of complex baseband samples read in order, a bounded chunk at a time (a file, standard input,
/// a recording in memory, a generator): what streaming readers such as `wtk spectrum segment -` pull from.
public protocol IQSampleSource {
    /// Appends up to `maxCount` next samples to `buffer` and returns how many were appended; 0 only at the
    /// end of the stream.
    /// - Throws: the source's I/O or data errors (`IOError` for files, naming them).
    mutating func read(into buffer: inout [Complex<Float>], maxCount: Int) throws -> Int
}

/// The samples of an array, as a source (a recording already in memory).
public struct IQArraySource: IQSampleSource {
    /// The samples.
    public let samples: [Complex<Float>]
    /// Samples handed out so far.
    public private(set) var position = 0

    public init(_ samples: [Complex<Float>]) { self.samples = samples }

    public mutating func read(into buffer: inout [Complex<Float>], maxCount: Int) -> Int {
        let end = min(samples.count, position + max(0, maxCount))
        buffer.append(contentsOf: samples[position..<end])
        defer { position = end }
        return end - position
    }
}

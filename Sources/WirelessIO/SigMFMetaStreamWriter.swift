import Foundation

/// Writes a `.sigmf-meta` whose annotations arrive one at a time (a streaming run that annotates as it goes),
/// without holding them: SigMF's top-level members in sorted order put `annotations` first, so each one is
/// written as it comes and `captures` and `global` follow at the end.
///
///     {
///     "annotations" : [
///         {…one per line…},
///     ],
///     "captures" : [ … ],
///     "global" : { … }
///     }
///
/// The text is JSON that `SigMFRecording.readMetadata` reads back (each object with sorted keys, on one line).
public final class SigMFMetaStreamWriter {
    private let file: LiveOutputFile
    private var count = 0

    /// Writes into `file` (its `finish()` is the caller's, after `end`).
    public init(file: LiveOutputFile) { self.file = file }

    /// Annotations written so far.
    public var annotationCount: Int { count }

    /// Starts the document.
    /// - Throws: `IOError.unwritable`.
    public func begin() throws(IOError) { try file.append("{\n  \"annotations\" : [\n") }

    /// Appends one annotation.
    /// - Throws: `IOError.unwritable`.
    public func append(_ annotation: SigMFAnnotation) throws(IOError) {
        try file.append((count == 0 ? "    " : ",\n    ") + Self.compact(annotation.jsonValue))
        count += 1
    }

    /// Ends the document with `recording`'s captures and global members (its samples and annotations are
    /// not used: the datatype, rate and version come from it as `SigMFRecording.metaJSON` writes them).
    /// - Throws: `IOError.unwritable`.
    public func end(_ recording: SigMFRecording) throws(IOError) {
        var head = recording
        head.annotations = []
        guard case .object(let members) = try JSONValue(parsing: head.metaJSON(), file: "<sigmf-meta>") else {
            throw .unwritable(path: file.url.path, reason: "the meta text is not a JSON object")
        }
        let captures = members["captures"] ?? .array([])
        let global = members["global"] ?? .object([:])
        try file.append(
            (count == 0 ? "" : "\n") + "  ],\n  \"captures\" : " + Self.compact(captures) + ",\n  \"global\" : "
                + Self.compact(global) + "\n}\n")
    }

    /// `value` as one line of JSON (sorted keys).
    static func compact(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return "null"
        }
        return text
    }
}

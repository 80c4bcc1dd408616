import Foundation

/// What produced an output file: recorded beside every CSV/SVG as a JSON sidecar so a figure can be
/// traced to its command, seed, parameters and source revision.
///
/// Sidecar naming: `<name>.meta.json` beside `<name>.<ext>` (the last extension is replaced:
/// `pathloss.csv` → `pathloss.meta.json`). A CSV and an SVG with the same stem share one sidecar, which is
/// intended: they come from the same run.
///
/// JSON form: pretty-printed, keys sorted, `/` unescaped, trailing newline; `seed` is a JSON integer
/// (exact up to 2⁶⁴−1), absent fields are omitted. With `WTK_TIMESTAMP` set the output is byte-identical
/// across runs.
public struct RunMetadata: Sendable, Equatable, Codable {
    /// The command line, program name first.
    public var commandLine: [String]
    /// `ToolkitVersion.string` of the writer.
    public var toolkitVersion: String
    /// HEAD commit id of the repository containing the working directory, if found (see `GitRevision`).
    public var gitRevision: String?
    /// Seed of the run's random generator, if it used one.
    public var seed: UInt64?
    /// Run parameters as text (`"carrier_frequency_hz": "2.8e+10"`).
    public var parameters: [String: String]
    /// ISO-8601 UTC time of the run (`2026-11-27T11:25:00Z`), or `WTK_TIMESTAMP` verbatim.
    public var timestamp: String

    /// Metadata with every field given explicitly.
    public init(
        commandLine: [String], toolkitVersion: String = ToolkitVersion.string, gitRevision: String?, seed: UInt64?,
        parameters: [String: String], timestamp: String
    ) {
        self.commandLine = commandLine
        self.toolkitVersion = toolkitVersion
        self.gitRevision = gitRevision
        self.seed = seed
        self.parameters = parameters
        self.timestamp = timestamp
    }

    /// Name of the environment variable that fixes the timestamp (tests, reproducible figure builds).
    public static let timestampEnvironmentVariable = "WTK_TIMESTAMP"

    /// Provenance of a reproducible build (`wtk figures`), whose sidecars are committed: the command as a
    /// reader types it, and files named relative to the output folder.
    public struct ReproducibleBuild: Sendable, Equatable {
        /// The command line to record, program name first (e.g. `wtk psd two-tone.sigmf-meta`).
        public var commandLine: [String]
        /// Absolute path of the folder the outputs go to; parameter values under it are recorded relative to it.
        public var baseDirectory: String

        public init(commandLine: [String], baseDirectory: String) {
            self.commandLine = commandLine
            self.baseDirectory = baseDirectory
        }
    }

    /// Bound by code that builds committed outputs in-process: `current` then records `commandLine`, the
    /// parameters with paths relative to `baseDirectory`, no git revision and a fixed timestamp, so that
    /// regenerating the same outputs with the same toolkit version rewrites identical sidecars.
    @TaskLocal public static var reproducibleBuild: ReproducibleBuild?

    /// The timestamp written by a reproducible build.
    public static let reproducibleTimestamp = "not recorded (reproducible build)"

    /// Metadata for the current process: its arguments, this toolkit version, the git revision of the
    /// working directory's repository, and the current time (or `WTK_TIMESTAMP` if set and non-empty).
    public static func current(
        seed: UInt64? = nil, parameters: [String: String] = [:],
        commandLine: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        now: Date = Date()
    ) -> RunMetadata {
        if let build = reproducibleBuild {
            let prefix = build.baseDirectory.hasSuffix("/") ? build.baseDirectory : build.baseDirectory + "/"
            let relative = parameters.mapValues { value in
                value.hasPrefix(prefix) ? String(value.dropFirst(prefix.count)) : value
            }
            return RunMetadata(
                commandLine: build.commandLine, gitRevision: nil, seed: seed, parameters: relative,
                timestamp: reproducibleTimestamp)
        }
        let timestamp: String
        if let fixed = environment[timestampEnvironmentVariable], !fixed.isEmpty {
            timestamp = fixed
        } else {
            timestamp = iso8601UTC(now)
        }
        return RunMetadata(
            commandLine: commandLine, gitRevision: GitRevision.current(startingAt: workingDirectory), seed: seed,
            parameters: parameters, timestamp: timestamp)
    }

    /// `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC (whole seconds, Gregorian calendar, locale-free).
    public static func iso8601UTC(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return
            "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// The JSON text (pretty, sorted keys, trailing newline).
    public func jsonData() throws(IOError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            throw .unwritable(path: "<metadata>", reason: "JSON encoding failed: \(error)")
        }
    }

    /// Decodes metadata from JSON.
    /// - Throws: `IOError.malformedInput` naming `file`.
    public static func decode(_ data: Data, file: String = "<data>") throws(IOError) -> RunMetadata {
        do {
            return try JSONDecoder().decode(RunMetadata.self, from: data)
        } catch {
            throw .malformedInput(
                file: file, line: nil, column: nil,
                reason: "not valid run metadata JSON: \(DecodingProblem.text(error))")
        }
    }

    /// Reads a sidecar file.
    /// - Throws: `IOError.missingFile`, `.unreadable`, `.malformedInput`.
    public static func read(from url: URL) throws(IOError) -> RunMetadata {
        try decode(FileContents.read(url), file: url.path)
    }

    /// The sidecar URL for an output file: `<dir>/<stem>.meta.json`.
    public static func sidecarURL(for outputURL: URL) -> URL {
        let stem = outputURL.deletingPathExtension().lastPathComponent
        return outputURL.deletingLastPathComponent().appendingPathComponent(stem + ".meta.json")
    }

    /// Atomically writes this metadata beside `outputURL` (see `sidecarURL(for:)`); returns the sidecar's URL.
    /// - Throws: `IOError.unwritable`.
    @discardableResult
    public func writeSidecar(for outputURL: URL) throws(IOError) -> URL {
        let url = Self.sidecarURL(for: outputURL)
        try AtomicFileWriter.write(jsonData(), to: url)
        return url
    }
}

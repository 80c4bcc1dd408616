/// The rule every output file name follows: a plain name inside the output folder.
///
/// A valid name is 1…`maximumBytes` bytes of UTF-8, is not `.` or `..`, and contains no `/`, no NUL
/// and no other control character (U+0000–U+001F, U+007F). So `../x`, `a/b` and `/tmp/x` cannot
/// place a file outside the folder it is written into, and the temporary `.<name>.tmp-<pid>-<uuid>`
/// still fits the file system's 255-byte limit.
public enum OutputFileName {
    /// Longest accepted name [bytes of UTF-8], leaving room for the temporary's prefix and suffix.
    public static let maximumBytes = 200

    /// Why `name` is not a plain file name, in words, or nil when it is one.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "'\(name)' names a folder, not a file" }
        if name.contains("/") { return "it contains '/' (a path, not a file name)" }
        if name.unicodeScalars.contains(where: { $0.value == 0 }) { return "it contains a NUL character" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains a control character"
        }
        let bytes = name.utf8.count
        if bytes > maximumBytes { return "it is \(bytes) bytes long (at most \(maximumBytes))" }
        return nil
    }
}

import Foundation

/// What a `JSONDecoder` found wrong, in its own words, without the nested error dump that
/// `String(describing:)` prints (`dataCorrupted(Swift.DecodingError.Context(codingPath: …`).
///
///     "Unexpected character 'x' around line 1, column 3."
///     "'bins': expected a number, found a string"
public enum DecodingProblem {
    /// A one-line description of `error` for a message that already names the file.
    public static func text(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        let context: DecodingError.Context
        var what: String
        switch decoding {
        case .dataCorrupted(let c):
            context = c
            what = c.debugDescription
        case .keyNotFound(let key, let c):
            context = c
            what = "the field '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let c):
            context = c
            what = "expected \(typeName(type)): \(c.debugDescription)"
        case .valueNotFound(let type, let c):
            context = c
            what = "expected \(typeName(type)), found null"
        @unknown default:
            return String(describing: error)
        }
        if let underlying = context.underlyingError as NSError?,
            let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            what = detail
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(what)"
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is UInt64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "a \(type)"
        }
    }
}

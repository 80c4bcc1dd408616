import Foundation
import Testing
import WirelessCore

@testable import WirelessIO

/// The byte-level JSON parser that replaced `JSONDecoder` for SigMF metadata (issue 12, class 8).
struct JSONParserTests {
    /// What the reader did before: Foundation's decoder through `JSONValue`'s `Decodable` conformance.
    private func foundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private func parsed(_ text: String) -> JSONValue? {
        try? JSONValue(parsing: Data(text.utf8), file: "t.json")
    }

    /// Values and errors agree with `JSONDecoder` on the corner cases of the grammar and of the
    /// integer/number split (`1.0`, `1e3` and `-0.0` are integers; 2⁶³ is a number; `1e400` is an error).
    @Test(arguments: [
        "1", "1.0", "1e3", "1.5e3", "-0", "-0.0", "0.1", "1E+2", "100e-2", "1e-400", "2.5e-1", "-1.5e0",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "12345678901234567890123", "1e19", "1e18", "4.9e-324", "1.7976931348623157e308", "1e400", "-1e400",
        "01", "1.", ".5", "+1", "-", "1e", "1e+", "0.", "-.5", "nan", "true", "false", "null", "tru", "True",
        #""a""#, #""\u00e9""#, #""\ud83d\ude00""#, #""\ud800""#, #""\ude00""#, #""\ud83dx""#, #""\u00""#,
        #""\x""#, #""\/\\\"\b\f\n\r\t""#, "\"tab\there\"", "\"\u{7F}\"", #"["\u0000"]"#,
        "{}", "[]", " [ ] ", "[1,]", "{\"a\":1,}", "[1 , ]", "{\"a\":1 , }", "[,]", "[,1]", "[1,,2]", "{,}",
        "{\"a\":1,,}", "[1 2]", "{\"a\" 1}", "{1:2}", "{\"a\"}", "[1]]", "1 2", "[1] x", "", "   ",
        "{\"a\":1,\"a\":2}", "{\"b\":[true,false,null,{\"c\":-2.5e-3}],\"a\":\"x\"}", "\n\r\t{\"k\" : [ 1 ,2 ] }\n",
    ])
    func agreesWithFoundation(_ text: String) {
        #expect(parsed(text) == foundation(text), "\(text)")
    }

    @Test func nestingIsLimitedTo512Levels() {
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(parsed(ok) != nil)
        #expect(parsed(deep) == nil)
        #expect(foundation(deep) == nil)
        // Far deeper than the stack would allow without the limit: still a clean error.
        #expect(parsed(String(repeating: "[", count: 1_000_000)) == nil)
    }

    @Test func invalidUTF8AndBOMAndUTF16AreHandledAsBefore() {
        let bad = Data([0x22, 0x61, 0xFF, 0x22])
        #expect((try? JSONValue(parsing: bad, file: "b.json")) == nil)
        let bom = Data([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8))
        #expect(try! JSONValue(parsing: bom, file: "b.json") == .object(["a": .integer(1)]))
        let utf16 = Data([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00])
        #expect(try! JSONValue(parsing: utf16, file: "b.json") == .object([:]))
    }

    @Test func errorsNameTheFileAndTheLine() throws {
        let text = "{\n  \"global\": {\n    \"core:sample_rate\": 1e6,,\n  }\n}\n"
        do {
            _ = try JSONValue(parsing: Data(text.utf8), file: "x.sigmf-meta")
            Issue.record("expected an error")
        } catch {
            guard case .malformedInput(let file, let line, _, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "x.sigmf-meta")
            #expect(line == 3)
            #expect(reason.contains("not valid JSON"))
            #expect(error.category == .invalidData)
        }
    }

    /// Random documents built from the writer's own output round-trip, and agree with `JSONDecoder`.
    @Test func randomDocumentsAgreeWithFoundation() throws {
        var generator = Xoshiro256StarStar(seed: 12)
        func value(_ depth: Int) -> JSONValue {
            switch generator.next() % (depth > 3 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(generator.next() % 2 == 0)
            case 2: return .integer(Int64(bitPattern: generator.next()) >> (generator.next() % 64))
            case 3:
                let x = Double(bitPattern: generator.next() >> 2 | 0x3000_0000_0000_0000)
                return .number(generator.next() % 2 == 0 ? x : -x)
            case 4:
                let alphabet = Array("aé\"\\/\n\t µ😀{}[],:")
                return .string(
                    String(
                        (0..<(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))]
                        }))
            case 5: return .array((0..<(generator.next() % 4)).map { _ in value(depth + 1) })
            default:
                return .object(
                    Dictionary(
                        (0..<(generator.next() % 4)).map { _ in ("k\(generator.next() % 5)", value(depth + 1)) },
                        uniquingKeysWith: { first, _ in first }))
            }
        }
        let encoder = JSONEncoder()
        for _ in 0..<300 {
            let original = value(0)
            let data = try encoder.encode(original)
            let ours = try JSONValue(parsing: data, file: "r.json")
            #expect(ours == (try JSONDecoder().decode(JSONValue.self, from: data)))
        }
    }
}

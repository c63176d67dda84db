import Testing
@testable import VisitDomain

/// YAML and JSON text into `DocumentValue`: scalar typing, key order, format detection.
struct DocumentParsingTests {
    static func yaml(_ text: String) throws -> DocumentValue { try DocumentValue.parse(text, format: .yaml, file: "t.yaml") }
    static func json(_ text: String) throws -> DocumentValue { try DocumentValue.parse(text, format: .json, file: "t.json") }

    struct ScalarCase: Sendable, CustomTestStringConvertible {
        var yaml: String
        var expected: DocumentValue
        var testDescription: String { yaml }
    }

    @Test(arguments: [
        ScalarCase(yaml: "8:30", expected: .int(510)),              // YAML 1.1 base 60
        ScalarCase(yaml: "18:00", expected: .int(1080)),
        ScalarCase(yaml: "\"8:30\"", expected: .string("8:30")),    // quoted: text
        ScalarCase(yaml: "'08:30'", expected: .string("08:30")),
        ScalarCase(yaml: "08:30", expected: .string("08:30")),      // not a YAML 1.1 int (leading zero)
        ScalarCase(yaml: "2026-12-07", expected: .string("2026-12-07")),             // timestamp: text
        ScalarCase(yaml: "2026-12-08T09:30:00", expected: .string("2026-12-08T09:30:00")),
        ScalarCase(yaml: "2026-12-08T09:30", expected: .string("2026-12-08T09:30")),
        ScalarCase(yaml: "42", expected: .int(42)),
        ScalarCase(yaml: "-7", expected: .int(-7)),
        ScalarCase(yaml: "1_000", expected: .int(1000)),
        ScalarCase(yaml: "0x1F", expected: .int(31)),
        ScalarCase(yaml: "012", expected: .int(10)),                // YAML 1.1 octal
        ScalarCase(yaml: "1.5", expected: .double(1.5)),
        ScalarCase(yaml: "-0.05", expected: .double(-0.05)),
        ScalarCase(yaml: "true", expected: .bool(true)),
        ScalarCase(yaml: "no", expected: .bool(false)),             // YAML 1.1 boolean
        ScalarCase(yaml: "\"yes\"", expected: .string("yes")),
        ScalarCase(yaml: "~", expected: .null),
        ScalarCase(yaml: "", expected: .null),
        ScalarCase(yaml: "!!str 42", expected: .string("42")),
        ScalarCase(yaml: "Ms Lee, +86 138", expected: .string("Ms Lee, +86 138")),
    ])
    func yamlScalarsMapByResolvedTag(_ c: ScalarCase) throws {
        #expect(try Self.yaml("v: \(c.yaml)")["v"] == c.expected)
    }

    @Test func jsonKeepsBoolsApartFromNumbers() throws {
        let doc = try Self.json(#"{"t": true, "f": false, "one": 1, "zero": 0, "d": 1.0, "e": 2e3, "n": null, "s": "1"}"#)
        #expect(doc == ["t": true, "f": false, "one": 1, "zero": 0, "d": 1.0, "e": 2000.0, "n": nil, "s": "1"])
        #expect(doc["one"] != .bool(true))
        #expect(doc["t"] != .int(1))
    }

    @Test func jsonStringsAndEscapes() throws {
        let doc = try Self.json(#"{"a": "line\nnext \"q\" \u00e9 \ud83d\ude00 中文", "b": [1, -2.5, []]}"#)
        #expect(doc["a"] == .string("line\nnext \"q\" é 😀 中文"))
        #expect(doc["b"] == [1, -2.5, []])
    }

    @Test func keyOrderIsKeptInBothFormats() throws {
        let fromYAML = try Self.yaml("dietary: {vegetarian: 2, halal: 1, kosher: 1}")
        let fromJSON = try Self.json(#"{"dietary": {"vegetarian": 2, "halal": 1, "kosher": 1}}"#)
        #expect(fromYAML == fromJSON)
        #expect(fromJSON["dietary"]?.objectValue?.keys.elementsEqual(["vegetarian", "halal", "kosher"]) == true)
    }

    @Test func yamlAnchorsAndMergeKeys() throws {
        let doc = try Self.yaml("""
            base: &hours {start: "09:00", end: "17:00"}
            route: {openHours: *hours}
            derived:
              <<: *hours
              end: "18:00"
            """)
        #expect(doc["route"]?["openHours"] == ["start": "09:00", "end": "17:00"])
        #expect(doc["derived"] == ["end": "18:00", "start": "09:00"])
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "line 1, column 9"),
        ("{\n  \"a\": tru\n}", "line 2, column 8"),
        (#"{"a": 1, "a": 2}"#, "duplicate field name \"a\""),
        (#"{"a": 01}"#, "leading zeros"),
        (#"{"a": 'x'}"#, "line 1, column 7"),
        (#"{"a": 1} x"#, "after the end"),
    ])
    func jsonSyntaxErrorsNameTheSpot(_ text: String, _ fragment: String) {
        #expect {
            try Self.json(text)
        } throws: { error in
            guard case .unreadable(let file, let reason) = error as? ScenarioError else { return false }
            return file == "t.json" && reason.contains("JSON syntax error") && reason.contains(fragment)
        }
    }

    @Test func formatByExtensionElseSniffed() {
        #expect(DocumentFormat.detect(path: "a/week.json", text: "name: x") == .json)
        #expect(DocumentFormat.detect(path: "week.YML", text: "{}") == .yaml)
        #expect(DocumentFormat.detect(path: "week.yaml", text: "{}") == .yaml)
        #expect(DocumentFormat.detect(path: "week.txt", text: "  \n {\"name\": 1}") == .json)
        #expect(DocumentFormat.detect(path: "week", text: "name: x") == .yaml)
    }

    @Test func emptyYAMLIsNull() throws {
        #expect(try Self.yaml("# nothing here\n") == .null)
    }
}

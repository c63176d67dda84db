import Foundation
import Testing
@testable import VisitDomain

/// `DocumentJSON` and `DocumentYAML`: any document tree written as text reads back equal, YAML
/// is laid out in block style, and text YAML could misread is quoted.
@Suite("Document writers")
struct DocumentWriterTests {
    @Test("JSON text escapes quotes, backslashes and control characters and reads back the same")
    func jsonEscaping() throws {
        let value: DocumentValue = ["name": "a \"quoted\" \\ name\n\t\u{1}", "n": 1.5, "list": [true, nil, 3]]
        let text = DocumentJSON.text(value)
        #expect(text.contains("\\\"quoted\\\""))
        #expect(text.contains("\\u0001"))
        #expect(try DocumentValue.parse(text, format: .json, file: "x") == value)
        #expect(DocumentJSON.text(value, indent: nil) == "{\"name\":\"a \\\"quoted\\\" \\\\ name\\n\\t\\u0001\",\"n\":1.5,\"list\":[true,null,3]}")
    }

    @Test("the quoted text is one literal for JSON and YAML alike: what YAML may not hold raw is escaped as \\uXXXX")
    func quotedForBoth() throws {
        let text = "del\u{7F} next\u{85} c1\u{9F} bom\u{FEFF} ls\u{2028} ps\u{2029} nc\u{FFFE} ok\u{A0}é李🚀"
        let literal = DocumentJSON.quoted(text)
        #expect(literal == "\"del\\u007f next\\u0085 c1\\u009f bom\\ufeff ls\\u2028 ps\\u2029 nc\\ufffe ok\u{A0}é李🚀\"")
        #expect(try DocumentValue.parse("[" + literal + "]", format: .json, file: "x") == [.string(text)])
        #expect(try DocumentValue.parse("- " + literal + "\n", format: .yaml, file: "x") == [.string(text)])
    }

    @Test("YAML is written in block style, short lists of scalars on one line, and text quoted only where YAML would misread it")
    func yamlLayout() {
        let value: DocumentValue = [
            "name": "Li Wei",
            "when": "2026-12-07",
            "answer": "yes",
            "days": ["mon", "tue"],
            "empty": [],
            "none": [:],
            "hours": ["start": "08:30", "end": "18:00"],
            "rooms": [["id": "R-1", "capacity": 12], ["id": "R-2", "secure": true, "note": nil]],
        ]
        #expect(DocumentYAML.text(value) == """
            name: Li Wei
            when: "2026-12-07"
            answer: "yes"
            days: [mon, tue]
            empty: []
            none: {}
            hours:
              start: "08:30"
              end: "18:00"
            rooms:
              - id: R-1
                capacity: 12
              - id: R-2
                secure: true
                note: null

            """)
    }

    @Test("text a YAML reader could take for a boolean, null, number, date, time, indicator or several lines is quoted",
          arguments: awkwardTexts.filter { !plainTexts.contains($0) })
    func quotedText(text: String) {
        let written = DocumentYAML.scalar(.string(text))
        // By scalars: a leading combining mark joins the quote into one Character.
        #expect(written.unicodeScalars.first == "\"" && written.unicodeScalars.last == "\"", "\(written)")
        #expect(!written.contains("\n"), "one line: \(written)")
    }

    @Test("names that can only be read as text are written plain", arguments: plainTexts)
    func plainText(text: String) {
        #expect(DocumentYAML.scalar(.string(text)) == text)
    }

    @Test("YAML text of any document reads back equal: nesting, empty containers, long lists and keys, numbers, odd keys",
          arguments: DocumentSamples.all)
    func yamlDocumentRoundTrip(sample: DocumentSample) throws {
        let yaml = DocumentYAML.text(sample.value)
        #expect(try DocumentValue.parse(yaml, format: .yaml, file: "sample.yaml") == sample.value, "\(yaml)")
        let json = DocumentJSON.text(sample.value)
        #expect(try DocumentValue.parse(json, format: .json, file: "sample.json") == sample.value, "\(json)")
    }

    @Test("whole numbers held as doubles are written without a point and read back as integers; YAML keeps infinities")
    func wholeDoubles() throws {
        let value: DocumentValue = ["a": .double(25), "b": .double(-0.0), "c": .double(1e16)]
        let expected: DocumentValue = ["a": 25, "b": 0, "c": .double(1e16)]
        #expect(try DocumentValue.parse(DocumentYAML.text(value), format: .yaml, file: "x") == expected)
        #expect(try DocumentValue.parse(DocumentJSON.text(value), format: .json, file: "x") == expected)
        let infinite: DocumentValue = [.double(.infinity), .double(-.infinity)]
        #expect(try DocumentValue.parse(DocumentYAML.text(infinite), format: .yaml, file: "x") == infinite)
        #expect(DocumentJSON.text(infinite, indent: nil) == "[null,null]")
    }
}

/// Text a careless YAML writer would let a reader take for something else. (Not a leading U+FEFF:
/// see `leadingByteOrderMark`. Blank text is not a valid name, so the scenario test leaves it out.)
let awkwardTexts: [String] = [
    "yes", "Yes", "no", "NO", "on", "off", "y", "n", "true", "False", "null", "Null", "~", "", " ",
    "12:00", "8:30", "2026-12-07", "2026-12-07T09:00", "2026-12-07 09:00:00", "1e5", "0x1F", "017", "-3", "+3", "3.",
    ".5", ".inf", "-.inf", ".NaN", "=", "<<",
    "a: b", "a:b", "a:", "# x", "a #b", "a#b", "-x", "- x", "-", "? x", "?", ": x", "[list]", "{map}", "a, b", "a,b",
    "*alias", "&anchor", "!tag", "!!str", "| x", "> x", "%YAML", "@x", "`x`", "'single'", "\"double\"",
    "Margie's \"Travel\"", "line\nbreak", "trailing\n", "\nleading", "cr\r\nlf", "tab\there", "\ttab", "  padded  ",
    "double  space", "back\\slash", "\\n", "Müller 株式会社", "Zoë", "李伟", "e\u{301}", "\u{301}mark", "🚀 launch",
    "nbsp\u{A0}x", "\u{A0}", "line\u{2028}sep", "next\u{85}line", "mid\u{FEFF}bom", "bell\u{7}", "\u{1}", "c1\u{9F}", "del\u{7F}",
    "\u{FFFE}", "𝒜 math", "Li Wei", "li.wei", "O'Brien & Sons (HK) Ltd.", "a-b_c/d+e@f",
]

/// Texts of `awkwardTexts` that start with a letter and hold only letters, marks, digits, single
/// spaces and harmless punctuation: plain YAML.
let plainTexts: [String] = ["Müller 株式会社", "Zoë", "李伟", "e\u{301}", "𝒜 math", "Li Wei", "li.wei", "O'Brien & Sons (HK) Ltd.", "a-b_c/d+e@f"]

/// A document to write and read back, with a name for the test report.
struct DocumentSample: Sendable, CustomTestStringConvertible {
    var name: String
    var value: DocumentValue
    var testDescription: String { name }
}

enum DocumentSamples {
    static let all: [DocumentSample] = [
        DocumentSample(name: "scalars", value: ["null": nil, "yes": true, "no": false, "int": 42, "negative": -7,
                                                "big": .int(Int.max), "small": .int(-Int.max), "half": 0.5,
                                                "tiny": .double(.leastNonzeroMagnitude), "huge": .double(.greatestFiniteMagnitude), "third": .double(1.0 / 3.0)]),
        DocumentSample(name: "empty mapping", value: [:]),
        DocumentSample(name: "empty list", value: []),
        DocumentSample(name: "a scalar alone", value: "2026-12-07"),
        DocumentSample(name: "a list at the top", value: [["id": "a"], "text", 3, [], [:]]),
        DocumentSample(name: "lists of lists", value: [[1, 2], [[3], ["x: y", [:]]], [["k": [["deep": [nil]]]]]]),
        DocumentSample(name: "maps in lists in maps", value: ["a": [["b": ["c": [["d": 1, "e": [1, 2]]]]], ["f": []]]]),
        DocumentSample(name: "a long list of scalars", value: ["ids": .array((0..<60).map { .string("visit-\($0)") })]),
        DocumentSample(name: "one long item", value: ["only": [.string(String(repeating: "word ", count: 40) + "end")]]),
        DocumentSample(name: "awkward keys", value: .object(.init(uniqueKeysWithValues: awkwardTexts.enumerated().map { ($1, .int($0)) }))),
        DocumentSample(name: "awkward values", value: .array(awkwardTexts.map(DocumentValue.string))),
        DocumentSample(name: "a key over 1024 characters", value: [String(repeating: "k", count: 1500): ["v": 1],
                                                                  String(repeating: "q", count: 1100) + ":": "x"]),
        DocumentSample(name: "a long key in a list", value: [[String(repeating: "z", count: 1200): [1, 2]]]),
    ]
}

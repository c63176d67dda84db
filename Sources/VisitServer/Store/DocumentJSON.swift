import Foundation
import VisitDomain

/// Writes a `DocumentValue` as JSON text (RFC 8259), keys in document order, so that the same
/// document always gives the same text. `DocumentValue.parse(_, format: .json, ...)` reads it back.
enum DocumentJSON {
    static func text(_ value: DocumentValue, indent: Int? = 2) -> String {
        var out = ""
        write(value, into: &out, indent: indent, level: 0)
        return out
    }

    /// A number as JSON: integral doubles print as integers (`25`, not `25.0`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A JSON string literal with the required escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func write(_ value: DocumentValue, into out: inout String, indent: Int?, level: Int) {
        let newline = indent.map { "\n" + String(repeating: " ", count: $0 * (level + 1)) } ?? ""
        let closing = indent.map { "\n" + String(repeating: " ", count: $0 * level) } ?? ""
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += number(d)
        case .string(let s): out += quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i == 0 ? "" : ",") + newline
                write(item, into: &out, indent: indent, level: level + 1)
            }
            out += closing + "]"
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, item)) in fields.enumerated() {
                out += (i == 0 ? "" : ",") + newline + quoted(key) + (indent == nil ? ":" : ": ")
                write(item, into: &out, indent: indent, level: level + 1)
            }
            out += closing + "}"
        }
    }
}

/// A `DocumentValue` that encodes itself with any `Encoder`, to embed documents in responses.
struct EncodableDocument: Encodable, Sendable {
    var value: DocumentValue

    init(_ value: DocumentValue) { self.value = value }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .object(let fields):
            var container = encoder.container(keyedBy: Key.self)
            for (key, item) in fields { try container.encode(EncodableDocument(item), forKey: Key(stringValue: key)) }
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(EncodableDocument(item)) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case .int(let i):
            var container = encoder.singleValueContainer()
            try container.encode(i)
        case .double(let d):
            var container = encoder.singleValueContainer()
            try container.encode(d)
        case .string(let s):
            var container = encoder.singleValueContainer()
            try container.encode(s)
        }
    }
}

extension DocumentValue {
    /// Any `Encodable` value as a document tree (through its JSON encoding).
    static func encoding(_ value: some Encodable) throws -> DocumentValue {
        let data = try JSONEncoder().encode(value)
        return try DocumentValue.parse(String(decoding: data, as: UTF8.self), format: .json, file: "(encoded)")
    }
}

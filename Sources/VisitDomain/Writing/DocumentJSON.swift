import Foundation

/// Writes a `DocumentValue` as JSON text (RFC 8259), keys in document order, so that the same
/// document always gives the same text; `DocumentValue.parse(_:format: .json, file:)` reads it
/// back. Whole numbers held as doubles are written as integers (`25`, not `25.0`); numbers JSON
/// cannot hold (infinities, NaN) are written as `null`.
public enum DocumentJSON {
    /// The document as JSON: pretty-printed with `indent` spaces a level, or on one line when nil.
    public static func text(_ value: DocumentValue, indent: Int? = 2) -> String {
        var out = ""
        write(value, into: &out, indent: indent, level: 0)
        return out
    }

    /// A number as JSON: whole values without a point, `null` for infinities and NaN.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if let whole = DocumentValue.wholeNumber(value) { return String(whole) }
        return "\(value)"
    }

    /// A JSON string literal: `"`, `\`, line breaks and tabs escaped, and as `\uXXXX` every
    /// character YAML does not allow raw (control characters, U+FEFF, U+FFFE, U+FFFF) and the
    /// line separators U+0085, U+2028, U+2029. The literal is thus also a YAML double-quoted
    /// scalar of the same text, which is how `DocumentYAML` quotes.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether `scalar` is written as `\uXXXX`: outside YAML's printable set (`c-printable`), or a
    /// line separator.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0x10000...0x10FFFF: false
        case 0xE000...0xFFFD: scalar.value == 0xFEFF
        default: true
        }
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

extension DocumentValue {
    /// `value` as an `Int` when it is a whole number small enough to be exact (below 9 × 10^15):
    /// the writers print such numbers without a point, so they read back as integers.
    static func wholeNumber(_ value: Double) -> Int? {
        value.isFinite && value == value.rounded() && abs(value) < 9.0e15 ? Int(value) : nil
    }
}

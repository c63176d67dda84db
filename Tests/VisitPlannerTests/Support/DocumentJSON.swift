import Foundation
import VisitDomain

/// Writes a document tree as JSON text, so that a YAML scenario can be read back through the JSON
/// parser and the two readings compared.
enum DocumentJSON {
    static func text(_ value: DocumentValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? "\(d)" : "null"
        case .string(let s): return quoted(s)
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { "\(quoted($0.key)): \(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

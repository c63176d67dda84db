/// A YAML document to write: typed scalars, lists, and mappings whose keys keep their order.
indirect enum YAMLNode: Sendable {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([YAMLNode])
    case map([(key: String, value: YAMLNode)])

    /// A mapping built entry by entry; `nil` values are left out.
    struct MapBuilder {
        private(set) var entries: [(key: String, value: YAMLNode)] = []
        mutating func add(_ key: String, _ value: YAMLNode?) {
            if let value { entries.append((key, value)) }
        }
        var node: YAMLNode { .map(entries) }
    }
}

/// Writes a `YAMLNode` as block-style YAML, with short lists and small mappings of scalars in flow
/// style (`[projector, videoconf]`, `{start: "09:00", end: "17:00"}`) as a person would. Text is
/// written plain only when a YAML 1.1 reader cannot take it for anything else; otherwise it is
/// double-quoted and escaped, so dates and times stay text.
enum YAMLWriter {
    static func text(_ root: YAMLNode) -> String {
        var out = ""
        if case .map(let entries) = root, !entries.isEmpty {
            writeMap(entries, indent: 0, dash: false, into: &out)
        } else {
            out = (inline(root) ?? "") + "\n"
        }
        return out
    }

    private static func writeMap(_ entries: [(key: String, value: YAMLNode)], indent: Int, dash: Bool, into out: inout String) {
        for (i, entry) in entries.enumerated() {
            out += i == 0 && dash ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
            out += scalar(.string(entry.key)) + ":"
            if let flow = inline(entry.value) {
                out += " " + flow + "\n"
                continue
            }
            out += "\n"
            switch entry.value {
            case .map(let children): writeMap(children, indent: indent + 2, dash: false, into: &out)
            case .list(let items): writeList(items, indent: indent + 2, into: &out)
            default: break   // scalars are always inline
            }
        }
    }

    private static func writeList(_ items: [YAMLNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if let flow = inline(item) {
                out += pad + "- " + flow + "\n"
                continue
            }
            switch item {
            case .map(let entries): writeMap(entries, indent: indent + 2, dash: true, into: &out)
            case .list(let inner):
                out += pad + "-\n"
                writeList(inner, indent: indent + 2, into: &out)
            default: break
            }
        }
    }

    /// The node on one line, or nil when it needs block style.
    private static func inline(_ node: YAMLNode) -> String? {
        switch node {
        case .list(let items):
            let parts = items.compactMap { isScalar($0) ? scalar($0) : nil }
            guard parts.count == items.count else { return nil }
            let text = "[" + parts.joined(separator: ", ") + "]"
            return items.count <= 1 || text.count <= 100 ? text : nil
        case .map(let entries):
            guard !entries.isEmpty else { return "{}" }
            guard entries.count <= 6, entries.allSatisfy({ isScalar($0.value) }) else { return nil }
            let text = "{" + entries.map { scalar(.string($0.key)) + ": " + scalar($0.value) }.joined(separator: ", ") + "}"
            return text.count <= 90 ? text : nil
        default:
            return scalar(node)
        }
    }

    private static func isScalar(_ node: YAMLNode) -> Bool {
        switch node {
        case .list, .map: false
        default: true
        }
    }

    private static func scalar(_ node: YAMLNode) -> String {
        switch node {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .string(let s): return isPlainSafe(s) ? s : quoted(s)
        case .list, .map: return ""
        }
    }

    /// A number a YAML 1.1 reader takes back as the same value: whole numbers without a point,
    /// others in Swift's shortest round-trip form with a point in the mantissa (`1.0e-05`).
    static func number(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var text = d.description
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }

    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    ]

    /// Letters, digits, `.`, `_` and `-`, starting with a letter, and not a YAML 1.1 boolean or null.
    static func isPlainSafe(_ text: String) -> Bool {
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        guard text.unicodeScalars.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }) else {
            return false
        }
        return !reservedWords.contains(text.lowercased())
    }

    /// A double-quoted YAML string with `\`, `"`, control characters and YAML's line breaks escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

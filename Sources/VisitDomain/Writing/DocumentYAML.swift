import OrderedCollections

/// Writes a `DocumentValue` as block-style YAML that `DocumentValue.parse(_:format: .yaml, file:)`
/// reads back to the same value (whole numbers held as doubles come back as integers, as from
/// `DocumentJSON`). Mappings and lists of mappings are written in block style, keys in document
/// order; a short list of scalars is written on one line (`[projector, videoconf]`), as a person
/// would. Text is written plain only when a YAML 1.1 reader cannot take it for anything else;
/// otherwise it is double-quoted and escaped (`DocumentJSON.quoted`, which YAML reads alike), so
/// `yes`, `12:00`, `2026-12-07`, `~`, `a: b` or `# x` stay text.
public enum DocumentYAML {
    /// The document as YAML text, ending in a line break.
    public static func text(_ value: DocumentValue) -> String {
        var out = ""
        switch value {
        case .object(let fields) where !fields.isEmpty: writeMap(fields, indent: 0, firstPrefix: nil, into: &out)
        case .array(let items) where !items.isEmpty && inline(value) == nil: writeList(items, indent: 0, into: &out)
        default: out = (inline(value) ?? "") + "\n"
        }
        return out
    }

    /// Longest flow list (`[a, b, c]`) written on one line; longer ones are block lists.
    static let flowListWidth = 80

    /// Longest key written as an implicit key (`key: value`); YAML readers refuse implicit keys
    /// over 1024 characters, so longer ones are written as explicit keys (`? key`).
    static let implicitKeyWidth = 1000

    // MARK: Block style

    /// Writes the entries of a mapping at `indent`; `firstPrefix` (a list's `- `) replaces the
    /// indentation of the first line.
    private static func writeMap(_ fields: DocumentValue.Fields, indent: Int, firstPrefix: String?, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, (key, value)) in fields.enumerated() {
            out += i == 0 ? firstPrefix ?? pad : pad
            let keyText = scalar(.string(key))
            if keyText.count > implicitKeyWidth {
                out += "? " + keyText + "\n" + pad + ":"
            } else {
                out += keyText + ":"
            }
            writeValue(value, indent: indent, into: &out)
        }
    }

    /// Writes a list's items at `indent`, each after `- `.
    private static func writeList(_ items: [DocumentValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if let flow = inline(item) {
                out += pad + "- " + flow + "\n"
                continue
            }
            switch item {
            case .object(let fields): writeMap(fields, indent: indent + 2, firstPrefix: pad + "- ", into: &out)
            case .array(let inner):
                out += pad + "-\n"
                writeList(inner, indent: indent + 2, into: &out)
            default: break   // scalars are always inline
            }
        }
    }

    /// The rest of a `key:` line: an inline value, or a block mapping or list on the lines below.
    private static func writeValue(_ value: DocumentValue, indent: Int, into out: inout String) {
        if let flow = inline(value) {
            out += " " + flow + "\n"
            return
        }
        out += "\n"
        switch value {
        case .object(let fields): writeMap(fields, indent: indent + 2, firstPrefix: nil, into: &out)
        case .array(let items): writeList(items, indent: indent + 2, into: &out)
        default: break
        }
    }

    /// The value on one line: a scalar, an empty list or mapping, or a short list of scalars;
    /// nil when it needs block style.
    private static func inline(_ value: DocumentValue) -> String? {
        switch value {
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            guard items.allSatisfy(\.isScalar) else { return nil }
            let text = "[" + items.map(scalar).joined(separator: ", ") + "]"
            return items.count == 1 || text.count <= flowListWidth ? text : nil
        case .object(let fields):
            return fields.isEmpty ? "{}" : nil
        default:
            return scalar(value)
        }
    }

    // MARK: Scalars

    /// A scalar as YAML; containers give "" (they are never written through here).
    static func scalar(_ value: DocumentValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .string(let s): return isPlainSafe(s) ? s : DocumentJSON.quoted(s)
        case .array, .object: return ""
        }
    }

    /// A number a YAML 1.1 reader takes back as the same value: whole numbers without a point (they
    /// read back as integers), others in Swift's shortest round-trip form with a point in the
    /// mantissa (`1.0e-05`, as YAML 1.1 asks), and `.inf`, `-.inf`, `.nan`.
    static func number(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        if let whole = DocumentValue.wholeNumber(d) { return String(whole) }
        var text = d.description
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }

    /// Words a YAML 1.1 reader takes for booleans or null when plain (compared in lower case).
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// Punctuation a plain scalar may hold after its first letter, in block and flow style alike.
    private static let plainPunctuation: Set<Unicode.Scalar> = [".", "_", "-", "/", "'", "(", ")", "+", "&", "@"]

    /// Whether `text` may be written without quotes: it starts with a letter; holds only letters,
    /// marks, digits, single spaces and `plainPunctuation` (so no `:`, `#`, `,`, brackets, quotes
    /// or line breaks); does not end in a space; and is not a YAML 1.1 boolean or null. Numbers,
    /// dates and times start with a digit, sign or point, so they are always quoted.
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, isLetter(first), scalars.last != " " else { return false }
        var previous: Unicode.Scalar?
        for scalar in scalars {
            let allowed = isLetter(scalar) || isMarkOrDigit(scalar) || plainPunctuation.contains(scalar)
                || (scalar == " " && previous != " ")
            guard allowed else { return false }
            previous = scalar
        }
        return !reservedWords.contains(text.lowercased())
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    private static func isMarkOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: true
        default: false
        }
    }
}

extension DocumentValue {
    /// An object's fields, in document order.
    typealias Fields = OrderedDictionary<String, DocumentValue>

    /// Whether this is a scalar (not a list or mapping).
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

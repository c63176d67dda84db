import OrderedCollections
import Yams

/// Turns a composed Yams node tree into a `DocumentValue`, mapping each scalar by its resolved
/// YAML 1.1 tag: quoted scalars are text; `8:30` is the base-60 integer 510; timestamps such as
/// `2026-12-07` stay text (the scenario decoder parses them); `<<` merge keys are applied.
///
/// Aliases are expanded as they are met, so a small file of nested aliases (a "billion laughs")
/// would expand to billions of values: the conversion counts every value it makes, aliases
/// expanded, and stops with an error past `InputLimits.documentNodes` values or
/// `InputLimits.documentDepth` levels, before the memory is spent.
struct YAMLConversion {
    /// A problem the YAML parser does not catch (a list used as a mapping key, a bad merge).
    struct StructureError: Error {
        var line: Int?
        var column: Int?
        var message: String
    }

    /// Values still allowed.
    private var remaining = InputLimits.documentNodes
    private var depth = 0

    /// The document tree of `node`, within the node and depth budgets.
    static func value(of node: Node) throws(StructureError) -> DocumentValue {
        var conversion = YAMLConversion()
        return try conversion.value(of: node)
    }

    private mutating func value(of node: Node) throws(StructureError) -> DocumentValue {
        remaining -= 1
        guard remaining >= 0 else {
            throw StructureError(line: node.mark?.line, column: node.mark?.column,
                                 message: "the document expands to more than \(InputLimits.documentNodes) values (aliases counted as often as they are used); visitplan refuses it")
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= InputLimits.documentDepth else {
            throw StructureError(line: node.mark?.line, column: node.mark?.column,
                                 message: "the document is nested more than \(InputLimits.documentDepth) levels deep")
        }
        switch node {
        case .scalar(let scalar): return Self.value(of: scalar)
        case .sequence(let sequence):
            var items: [DocumentValue] = []
            for child in sequence { items.append(try value(of: child)) }
            return .array(items)
        case .mapping(let mapping): return try object(of: mapping)
        case .alias(let alias):
            throw StructureError(line: alias.mark?.line, column: alias.mark?.column, message: "unresolved alias *\(alias.anchor.rawValue)")
        }
    }

    private mutating func object(of mapping: Node.Mapping) throws(StructureError) -> DocumentValue {
        var fields = OrderedDictionary<String, DocumentValue>()
        var merged: [OrderedDictionary<String, DocumentValue>] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw StructureError(line: keyNode.mark?.line, column: keyNode.mark?.column,
                                     message: "a field name must be plain text, not a list or mapping")
            }
            let isPlain = keyScalar.style == .plain || keyScalar.style == .any
            if isPlain && keyNode.tag.rawValue == Tag.Name.merge.rawValue {
                merged.append(contentsOf: try mergeSources(valueNode))
                continue
            }
            fields[keyScalar.string] = try value(of: valueNode)
        }
        // Explicit keys win over merged ones; earlier merge sources win over later ones.
        for source in merged {
            for (key, value) in source where fields[key] == nil { fields[key] = value }
        }
        return .object(fields)
    }

    private mutating func mergeSources(_ node: Node) throws(StructureError) -> [OrderedDictionary<String, DocumentValue>] {
        let nodes: [Node] = if case .sequence(let sequence) = node { Array(sequence) } else { [node] }
        var sources: [OrderedDictionary<String, DocumentValue>] = []
        for child in nodes {
            guard case .object(let fields) = try value(of: child) else {
                throw StructureError(line: child.mark?.line, column: child.mark?.column,
                                     message: "a \"<<\" merge needs a mapping or a list of mappings")
            }
            sources.append(fields)
        }
        return sources
    }

    static func value(of scalar: Node.Scalar) -> DocumentValue {
        let text = scalar.string
        let plain = scalar.style == .plain || scalar.style == .any
        let tag = Tag.Name(rawValue: Node.scalar(scalar).tag.rawValue)
        if !plain && tag == .str { return .string(text) }
        switch tag {
        case .null: return .null
        case .bool: return bool(text).map(DocumentValue.bool) ?? .string(text)
        case .int: return int(text).map(DocumentValue.int) ?? double(text).map(DocumentValue.double) ?? .string(text)
        case .float: return double(text).map(DocumentValue.double) ?? .string(text)
        default: return .string(text)   // str, timestamp, value, custom tags: the text as written
        }
    }

    /// YAML 1.1 booleans.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": false
        default: nil
        }
    }

    /// YAML 1.1 integers: decimal, `0x` hex, `0b` binary, `0o`/leading-zero octal, `_` separators and
    /// base 60 (`8:30` = 510).
    static func int(_ text: String) -> Int? {
        var body = Substring(text.replacingOccurrences(of: "_", with: ""))
        var sign = 1
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        if body.contains(":") {
            var total = 0
            for part in body.split(separator: ":", omittingEmptySubsequences: false) {
                guard let digit = Int(part), digit >= 0 else { return nil }
                let (product, overflow1) = total.multipliedReportingOverflow(by: 60)
                let (sum, overflow2) = product.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                total = sum
            }
            return sign * total
        }
        let value: Int?
        if body.hasPrefix("0x") { value = Int(body.dropFirst(2), radix: 16) }
        else if body.hasPrefix("0b") { value = Int(body.dropFirst(2), radix: 2) }
        else if body.hasPrefix("0o") { value = Int(body.dropFirst(2), radix: 8) }
        else if body.count > 1 && body.hasPrefix("0") { value = Int(body.dropFirst(), radix: 8) }
        else { value = Int(body, radix: 10) }
        return value.map { sign * $0 }
    }

    /// YAML 1.1 floats, including `.inf`, `.nan` and base 60 (`1:30.5`).
    static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var body = Substring(text.replacingOccurrences(of: "_", with: ""))
        var sign = 1.0
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        if body.contains(":") {
            var total = 0.0
            for part in body.split(separator: ":", omittingEmptySubsequences: false) {
                guard let digit = Double(part), digit >= 0 else { return nil }
                total = total * 60 + digit
            }
            return sign * total
        }
        if body.hasPrefix(".") { body = "0" + body }
        if body.hasSuffix(".") { body += "0" }
        return Double(body).map { sign * $0 }
    }
}

import OrderedCollections

/// A format-neutral document tree, as read from YAML or JSON: the raw shape of a scenario,
/// change-event or what-if file before typed decoding. Mapping keys keep their file order.
///
/// YAML scalars arrive already resolved (an unquoted `8:30` is the integer 510, `yes` is `true`,
/// a date such as `2026-12-07` stays text); JSON keeps `true`/`false` apart from numbers.
/// What-if variants edit this tree by path (`policies.mealBudgetPerHead.banquet`) before decoding;
/// see `DocumentPath` and `value(at:)` / `setValue(_:at:)`.
public enum DocumentValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([DocumentValue])
    case object(OrderedDictionary<String, DocumentValue>)

    /// The value under `key` when this is an object.
    public subscript(key: String) -> DocumentValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The element at `index` when this is an array and the index is in range.
    public subscript(index: Int) -> DocumentValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    public var isNull: Bool { self == .null }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var intValue: Int? { if case .int(let i) = self { i } else { nil } }
    public var arrayValue: [DocumentValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: OrderedDictionary<String, DocumentValue>? { if case .object(let o) = self { o } else { nil } }

    /// A number as a `Double` (integers too).
    public var numberValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// How a coordinator would read this value in a message: `"six"`, `6`, `true`, `a list`, ...
    public var shortDescription: String {
        switch self {
        case .null: return "nothing (an empty value)"
        case .bool(let b): return "\(b)"
        case .int(let i): return "\(i)"
        case .double(let d): return "\(d)"
        case .string(let s):
            let shown = s.count > 60 ? String(s.prefix(57)) + "..." : s
            return "\"" + shown.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .array(let a): return a.isEmpty ? "an empty list" : "a list"
        case .object(let o): return o.isEmpty ? "an empty mapping" : "a mapping"
        }
    }
}

extension DocumentValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: DocumentValue...) { self = .array(elements) }
    /// Later duplicates of a key replace earlier ones.
    public init(dictionaryLiteral elements: (String, DocumentValue)...) {
        var fields = OrderedDictionary<String, DocumentValue>()
        for (key, value) in elements { fields[key] = value }
        self = .object(fields)
    }
}

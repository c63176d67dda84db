import Foundation
import OrderedCollections

/// A mapping being decoded, with where it sits in the document.
struct FieldSet {
    let fields: OrderedDictionary<String, DocumentValue>
    let path: DocumentPath

    /// The value of `key`, nil when absent or null.
    subscript(key: String) -> DocumentValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
    func path(_ key: String) -> DocumentPath { path + key }
}

/// Reads typed values out of a `DocumentValue`, collecting every problem as a `ValidationIssue`
/// instead of stopping at the first. Each getter returns nil when the value is absent or wrong
/// (and then has reported why), so callers build what they can and the loader throws at the end.
/// Reusable by any input file of this package (scenarios, change events, what-if variants).
struct FieldReader {
    let file: String
    private(set) var issues: [ValidationIssue] = []

    init(file: String) { self.file = file }

    mutating func report(_ path: DocumentPath, _ message: String) {
        issues.append(ValidationIssue(file: file, path: path.description, message: message))
    }

    // MARK: Mappings

    /// `value` as a mapping whose field names are all in `known`; reports any other field, with the
    /// likely intended one when close. `what` names the thing in the type error ("a room").
    mutating func fields(_ value: DocumentValue, at path: DocumentPath, known: [String], what: String) -> FieldSet? {
        guard case .object(let fields) = value else {
            report(path, "expected \(what) (a mapping of fields), found \(value.shortDescription)")
            return nil
        }
        for key in fields.keys where !known.contains(key) {
            if let guess = Suggestion.closest(to: key, in: known) {
                report(path + key, "unknown field \"\(key)\" (did you mean \"\(guess)\"?)")
            } else {
                report(path + key, "unknown field \"\(key)\"; \(what) may have: \(known.joined(separator: ", "))")
            }
        }
        return FieldSet(fields: fields, path: path)
    }

    /// A nested mapping field (absent or null: nil, nothing reported).
    mutating func fields(_ set: FieldSet, _ key: String, known: [String], what: String) -> FieldSet? {
        guard let value = set[key] else { return nil }
        return fields(value, at: set.path(key), known: known, what: what)
    }

    /// A mapping with free-form keys (service names, tiers, restrictions): its entries with paths.
    mutating func entries(_ set: FieldSet, _ key: String) -> [(key: String, value: DocumentValue, path: DocumentPath)]? {
        guard let value = set[key] else { return nil }
        return entries(value, at: set.path(key))
    }

    mutating func entries(_ value: DocumentValue, at path: DocumentPath) -> [(key: String, value: DocumentValue, path: DocumentPath)]? {
        guard case .object(let fields) = value else {
            report(path, "expected a mapping of names to values, found \(value.shortDescription)")
            return nil
        }
        return fields.map { ($0.key, $0.value, path + $0.key) }
    }

    /// The raw value of `key`; when `required`, reports it missing (or empty).
    mutating func value(_ set: FieldSet, _ key: String, required: Bool) -> DocumentValue? {
        if let value = set[key] { return value }
        if required {
            report(set.path(key), set.fields[key] == nil ? "missing required field \"\(key)\"" : "required field \"\(key)\" has no value")
        }
        return nil
    }

    // MARK: Lists

    /// `value` as a list, each item with its path.
    mutating func list(_ value: DocumentValue, at path: DocumentPath) -> [(value: DocumentValue, path: DocumentPath)]? {
        guard case .array(let items) = value else {
            var hint = ""
            if case .string(let s) = value { hint = " (write a list: [\(s)])" }
            report(path, "expected a list, found \(value.shortDescription)\(hint)")
            return nil
        }
        return items.enumerated().map { ($0.element, path + $0.offset) }
    }

    /// A list field (absent or null: nil).
    mutating func list(_ set: FieldSet, _ key: String, required: Bool = false) -> [(value: DocumentValue, path: DocumentPath)]? {
        guard let value = value(set, key, required: required) else { return nil }
        return list(value, at: set.path(key))
    }

    /// A list of texts; items of another type are reported and left out.
    mutating func strings(_ set: FieldSet, _ key: String) -> [String]? {
        guard let items = list(set, key) else { return nil }
        return items.compactMap { text($0.value, at: $0.path, nonEmpty: true) }
    }

    // MARK: Scalars

    mutating func text(_ value: DocumentValue, at path: DocumentPath, nonEmpty: Bool = false) -> String? {
        switch value {
        case .string(let s):
            if nonEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty { report(path, "must not be empty"); return nil }
            return s
        case .int, .double:
            report(path, "expected text, found the number \(value.shortDescription) (put it in quotes: \"\(value.shortDescription)\")")
        case .bool:
            report(path, "expected text, found \(value.shortDescription) (YAML reads unquoted yes, no, on, off, true and false as true or false; put it in quotes)")
        default:
            report(path, "expected text, found \(value.shortDescription)")
        }
        return nil
    }

    mutating func wholeNumber(_ value: DocumentValue, at path: DocumentPath) -> Int? {
        switch value {
        case .int(let i): return i
        case .double(let d) where d.isFinite && d.rounded() == d && abs(d) < 1e15: return Int(d)
        case .string(let s) where Int(s.trimmingCharacters(in: .whitespaces)) != nil:
            report(path, "expected a whole number, found \(value.shortDescription) (write it without quotes)")
        default:
            report(path, "expected a whole number, found \(value.shortDescription)")
        }
        return nil
    }

    mutating func number(_ value: DocumentValue, at path: DocumentPath) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        case .string(let s) where Double(s.trimmingCharacters(in: .whitespaces)) != nil:
            report(path, "expected a number, found \(value.shortDescription) (write it without quotes)")
        default:
            report(path, "expected a number, found \(value.shortDescription)")
        }
        return nil
    }

    mutating func flag(_ value: DocumentValue, at path: DocumentPath) -> Bool? {
        if case .bool(let b) = value { return b }
        var hint = ""
        if case .string(let s) = value, ["true", "false"].contains(s.lowercased()) { hint = " (write it without quotes)" }
        report(path, "expected true or false, found \(value.shortDescription)\(hint)")
        return nil
    }

    // MARK: Scalar fields

    /// A text field; `nonEmpty` rejects blank text.
    mutating func string(_ set: FieldSet, _ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let value = value(set, key, required: required) else { return nil }
        return text(value, at: set.path(key), nonEmpty: nonEmpty)
    }

    /// A whole-number field within `range` (every number read from input has one: InputLimits).
    mutating func int(_ set: FieldSet, _ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(set, key, required: required) else { return nil }
        return wholeNumber(value, at: set.path(key), in: range)
    }

    /// `value` as a whole number within `range`.
    mutating func wholeNumber(_ value: DocumentValue, at path: DocumentPath, in range: ClosedRange<Int>) -> Int? {
        if case .double(let d) = value, d.isFinite, d.rounded() == d, abs(d) >= 1e15 {
            report(path, Self.outOfRange(Self.format(d), lower: "\(range.lowerBound)", upper: "\(range.upperBound)", below: d < 0))
            return nil
        }
        guard let number = wholeNumber(value, at: path) else { return nil }
        guard range.contains(number) else {
            report(path, Self.outOfRange(value.shortDescription, lower: "\(range.lowerBound)", upper: "\(range.upperBound)",
                                         below: number < range.lowerBound))
            return nil
        }
        return number
    }

    /// A number field (prices, budgets, weights) within `range`.
    mutating func double(_ set: FieldSet, _ key: String, required: Bool = false, in range: ClosedRange<Double>) -> Double? {
        guard let value = value(set, key, required: required) else { return nil }
        return checkedNumber(value, at: set.path(key), in: range)
    }

    mutating func checkedNumber(_ value: DocumentValue, at path: DocumentPath, in range: ClosedRange<Double>) -> Double? {
        guard let number = number(value, at: path) else { return nil }
        guard range.contains(number) else {
            report(path, Self.outOfRange(value.shortDescription, lower: Self.format(range.lowerBound),
                                         upper: Self.format(range.upperBound), below: number < range.lowerBound))
            return nil
        }
        return number
    }

    private static func format(_ number: Double) -> String { DocumentValue.wholeNumber(number).map(String.init) ?? "\(number)" }

    private static func outOfRange(_ found: String, lower: String, upper: String, below: Bool) -> String {
        if below { return lower == "0" ? "must not be negative, found \(found)" : "must be at least \(lower), found \(found)" }
        return "must be at most \(upper), found \(found)"
    }

    mutating func bool(_ set: FieldSet, _ key: String) -> Bool? {
        guard let value = set[key] else { return nil }
        return flag(value, at: set.path(key))
    }
}

/// A position in a `DocumentValue`: keys and list indexes, written `visits[3].agenda[1].routes[0]`
/// or `policies.mealBudgetPerHead.banquet`. A key holding `.`, `[`, `]` or `"` is written `["a.b"]`.
/// Validation issues name their field with it; what-if `set:` edits the tree with it.
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The document's root.
    public static let root = DocumentPath()

    /// Parses `a.b[2].c` or `a["x.y"]`.
    public init(parsing text: String) throws(DocumentPathError) {
        var parts: [Component] = []
        var chars = Array(text)[...]
        var expectKey = true   // at the start or right after a dot
        while let c = chars.first {
            if c == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    chars = chars.dropFirst()
                    var key = ""
                    var closed = false
                    while let k = chars.first {
                        chars = chars.dropFirst()
                        if k == "\\", let next = chars.first { key.append(next); chars = chars.dropFirst(); continue }
                        if k == "\"" { closed = true; break }
                        key.append(k)
                    }
                    guard closed, chars.first == "]" else { throw .invalidPath(text, "a quoted key must be written [\"key\"]") }
                    parts.append(.key(key))
                } else {
                    let digits = chars.prefix { $0 != "]" }
                    guard chars.count > digits.count, let index = Int(String(digits)), index >= 0 else {
                        throw .invalidPath(text, "a list index must be written [0], [1], ...")
                    }
                    chars = chars.dropFirst(digits.count)
                    parts.append(.index(index))
                }
                chars = chars.dropFirst()  // the "]"
                expectKey = false
            } else if c == "." {
                guard !parts.isEmpty, !expectKey else { throw .invalidPath(text, "a field name is missing before a \".\"") }
                chars = chars.dropFirst()
                expectKey = true
            } else {
                guard expectKey else { throw .invalidPath(text, "expected \".\" or \"[\" after \"]\"") }
                let key = chars.prefix { $0 != "." && $0 != "[" && $0 != "]" }
                guard !key.isEmpty else { throw .invalidPath(text, "unexpected \"]\"") }
                chars = chars.dropFirst(key.count)
                parts.append(.key(String(key)))
                expectKey = false
            }
        }
        if expectKey && !parts.isEmpty { throw .invalidPath(text, "the path ends with \".\"") }
        self.components = parts
    }

    public static func + (path: DocumentPath, key: String) -> DocumentPath { DocumentPath(path.components + [.key(key)]) }
    public static func + (path: DocumentPath, index: Int) -> DocumentPath { DocumentPath(path.components + [.index(index)]) }

    public var isRoot: Bool { components.isEmpty }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                if k.isEmpty || k.contains(where: { ".[]\"".contains($0) }) {
                    out += "[\"" + k.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
                } else {
                    out += out.isEmpty ? k : "." + k
                }
            }
        }
        return out
    }
}

/// Why a `DocumentPath` could not be parsed or followed.
public enum DocumentPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path text is malformed.
    case invalidPath(String, String)
    /// A step needs an object (for a key) or an array (for an index), but the value there is something else.
    case notAContainer(path: String, found: String)
    /// An index past the end of a list (setting may append at exactly `count`).
    case indexOutOfRange(path: String, index: Int, count: Int)

    public var description: String {
        switch self {
        case .invalidPath(let text, let reason): "invalid path \"\(text)\": \(reason)"
        case .notAContainer(let path, let found): "\(path.isEmpty ? "the document" : path) is \(found), so it has no fields or items to follow"
        case .indexOutOfRange(let path, let index, let count): "\(path): index \(index) is out of range (the list has \(count) items)"
        }
    }
}

extension DocumentValue {
    /// The value at `path`, or nil when some step is missing.
    public func value(at path: DocumentPath) -> DocumentValue? {
        var current = self
        for component in path.components {
            switch component {
            case .key(let k): guard let next = current[k] else { return nil }; current = next
            case .index(let i): guard let next = current[i] else { return nil }; current = next
            }
        }
        return current
    }

    /// The value at the path written `text` (`visits[0].headcount`), or nil when some step is missing.
    public func value(at text: String) throws(DocumentPathError) -> DocumentValue? {
        value(at: try DocumentPath(parsing: text))
    }

    /// Replaces (or adds) the value at `path`. Missing or null objects along the way are created;
    /// an index may be at most the list's count (which appends).
    public mutating func setValue(_ newValue: DocumentValue, at path: DocumentPath) throws(DocumentPathError) {
        try set(newValue, path.components[...], done: .root)
    }

    /// Replaces (or adds) the value at the path written `text`.
    public mutating func setValue(_ newValue: DocumentValue, at text: String) throws(DocumentPathError) {
        try setValue(newValue, at: DocumentPath(parsing: text))
    }

    /// Removes the value at `path` (a key from its object, an item from its list) and returns it;
    /// nil when nothing is there.
    @discardableResult
    public mutating func removeValue(at path: DocumentPath) -> DocumentValue? {
        guard let last = path.components.last else { let old = self; self = .null; return old }
        let parentPath = DocumentPath(Array(path.components.dropLast()))
        guard var parent = value(at: parentPath) else { return nil }
        var removed: DocumentValue?
        switch (last, parent) {
        case (.key(let k), .object(var fields)):
            removed = fields.removeValue(forKey: k); parent = .object(fields)
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            removed = items.remove(at: i); parent = .array(items)
        default: return nil
        }
        try? setValue(parent, at: parentPath)
        return removed
    }

    private mutating func set(_ newValue: DocumentValue, _ rest: ArraySlice<DocumentPath.Component>,
                              done: DocumentPath) throws(DocumentPathError) {
        guard let first = rest.first else { self = newValue; return }
        switch (first, self) {
        case (.key(let k), .object(var fields)):
            var child = fields[k] ?? .null
            try child.set(newValue, rest.dropFirst(), done: done + k)
            fields[k] = child
            self = .object(fields)
        case (.key(let k), .null):
            var child = DocumentValue.null
            try child.set(newValue, rest.dropFirst(), done: done + k)
            self = .object([k: child])
        case (.index(let i), .array(var items)):
            guard i <= items.count else { throw .indexOutOfRange(path: (done + i).description, index: i, count: items.count) }
            var child = i < items.count ? items[i] : .null
            try child.set(newValue, rest.dropFirst(), done: done + i)
            if i < items.count { items[i] = child } else { items.append(child) }
            self = .array(items)
        default:
            throw .notAContainer(path: done.description, found: shortDescription)
        }
    }
}

/// The lists of resources a coordinator edits one entry at a time (issue 14).
public enum ResourceList: String, Sendable, CaseIterable {
    case rooms, tourRoutes, staff, caterers, hotels

    /// "room", "tour route", ...: for messages.
    public var kind: String {
        switch self {
        case .rooms: "room"
        case .tourRoutes: "tour route"
        case .staff: "staff member"
        case .caterers: "caterer"
        case .hotels: "hotel"
        }
    }
}

/// One resource of a scenario changed, added or removed (a room's capacity, a person's leave in
/// `unavailable`, a caterer's services, ...): the scenario document with the entry replaced, then
/// decoded and checked whole. Problems of the entry come with its own paths (`capacity`,
/// `unavailable[0].end`); problems it causes elsewhere keep theirs (`visits[3].agenda[1].routes[0]:
/// unknown tour route "showroom"` when a route still in use is removed).
public enum ResourceEdit {
    /// Whether the document's `list` has an entry `id`.
    public static func contains(_ document: DocumentValue, list: ResourceList, id: String) -> Bool {
        (document[list.rawValue]?.arrayValue ?? []).contains { $0["id"]?.stringValue == id }
    }

    /// `document` with entry `id` of `list` set to `value` (added at the end when new) or removed
    /// (`value` nil), decoded and checked; `file` names the entry in problems.
    public static func apply(_ document: DocumentValue, list: ResourceList, id: String, value: DocumentValue?,
                             file: String) throws(ScenarioError) -> Scenario {
        var items = document[list.rawValue]?.arrayValue ?? []
        let index = items.firstIndex { $0["id"]?.stringValue == id }
        if var fields = value?.objectValue {
            if let given = fields["id"], given.stringValue != id {
                throw .invalid([ValidationIssue(file: file, path: "id", message: "the \(list.kind) is \(given.shortDescription) but was sent as \"\(id)\"")])
            }
            fields["id"] = .string(id)
            if let index { items[index] = .object(fields) } else { items.append(.object(fields)) }
        } else if let value {
            throw .invalid([ValidationIssue(file: file, path: "", message: "expected a \(list.kind) (a mapping), found \(value.shortDescription)")])
        } else if let index {
            items.remove(at: index)
        }
        guard case .object(var root) = document else {
            throw .invalid([ValidationIssue(file: file, path: "", message: "the stored scenario is not a mapping")])
        }
        root[list.rawValue] = .array(items)
        let at = index ?? items.count - 1
        do {
            return try ScenarioLoader.decode(.object(root), file: file)
        } catch {
            throw .invalid(error.issues.map { issue in
                guard value != nil, let path = RequestIssues.entryPath(issue.path, list: list.rawValue, index: at) else { return issue }
                return ValidationIssue(file: file, path: path, message: issue.message)
            })
        }
    }
}

/// A named agenda a request may use instead of writing its own (`agendaTemplate: meeting-showroom-meal`):
/// the coordinator keeps these in the store. `agenda` is written exactly as a visit's `agenda`
/// (FORMAT.md), and is checked against the scenario when a request uses it.
public struct AgendaTemplate: Sendable, Hashable {
    /// Letters, digits, `.`, `_` and `-` (at most 60), starting with a letter or digit.
    public var name: String
    /// One line for the request form ("Meeting, showroom tour and a working meal").
    public var description: String?
    /// The agenda items as documents (`[{kind: meeting, durationMinutes: 60}, ...]`).
    public var agenda: [DocumentValue]

    public init(name: String, description: String? = nil, agenda: [DocumentValue]) {
        self.name = name; self.description = description; self.agenda = agenda
    }

    /// Whether `name` can name a template.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 60, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// The template as a document: `{name, description, agenda}`.
    public var document: DocumentValue {
        var fields: [(String, DocumentValue)] = [("name", .string(name))]
        if let description { fields.append(("description", .string(description))) }
        fields.append(("agenda", .array(agenda)))
        return .object(.init(uniqueKeysWithValues: fields))
    }

    /// Reads `{name?, description?, agenda}` (`name` may come from the URL instead): the agenda's
    /// items are checked as a visit's are, except references to the scenario's routes, services
    /// and equipment, which are checked when a request uses the template.
    public static func decode(_ value: DocumentValue, name: String, file: String) throws(ScenarioError) -> AgendaTemplate {
        var issues: [ValidationIssue] = []
        func report(_ path: String, _ message: String) { issues.append(ValidationIssue(file: file, path: path, message: message)) }
        guard let fields = value.objectValue else {
            throw .invalid([ValidationIssue(file: file, path: "", message: "expected an agenda template {name, description, agenda}, found \(value.shortDescription)")])
        }
        for key in fields.keys where !["name", "description", "agenda"].contains(key) {
            report(key, "unknown field; an agenda template has name, description and agenda")
        }
        if let given = fields["name"], given.stringValue != name {
            report("name", "the template is named \(given.shortDescription) but stored as \"\(name)\"")
        }
        if !isValidName(name) {
            report("name", "\"\(name)\" cannot name a template: use letters, digits, '.', '_' and '-' (at most 60), starting with a letter or digit")
        }
        var description: String?
        if let text = fields["description"], text != .null {
            if let line = text.stringValue, line.count <= InputLimits.detailCharacters { description = line } else {
                report("description", "expected text of at most \(InputLimits.detailCharacters) characters")
            }
        }
        guard let items = fields["agenda"]?.arrayValue else {
            report("agenda", "required: the agenda items, as a visit's agenda")
            throw .invalid(issues)
        }
        // The items as a visit in a scenario that has whatever routes the items name.
        let routes = items.flatMap { $0["routes"]?.arrayValue ?? [] }.compactMap(\.stringValue)
        let probe: DocumentValue = .object([
            "name": "template", "now": "2000-01-03T08:00",
            "tourRoutes": .array(Set(routes).sorted().map { .object(["id": .string($0), "durationMinutes": 15, "maxGroupSize": 1000]) }),
            "visits": .array([.object(["id": "template", "headcount": 1, "requestedAt": "2000-01-03T08:00",
                                       "window": .object(["earliest": "2000-01-03T08:00", "latest": "2000-01-03T18:00"]),
                                       "agenda": .array(items)])]),
        ])
        do {
            _ = try ScenarioLoader.decode(probe, file: file)
        } catch {
            issues += error.issues.map { issue in
                ValidationIssue(file: file, path: RequestIssues.visitPath(issue.path, index: 0) ?? issue.path, message: issue.message)
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return AgendaTemplate(name: name, description: description, agenda: items)
    }
}

extension AgendaTemplate {
    /// A file of templates, `{templates: [{name, description, agenda}, ...]}` (what `visitplan
    /// request` reads with `--templates`), by name; every problem with its path.
    public static func decodeFile(_ value: DocumentValue, file: String) throws(ScenarioError) -> [String: AgendaTemplate] {
        guard let list = value["templates"]?.arrayValue else {
            throw .invalid([ValidationIssue(file: file, path: "templates", message: "expected a list of templates {name, description, agenda}")])
        }
        var issues: [ValidationIssue] = []
        var found: [String: AgendaTemplate] = [:]
        for (index, entry) in list.enumerated() {
            guard let name = entry["name"]?.stringValue else {
                issues.append(ValidationIssue(file: file, path: "templates[\(index)].name", message: "required: the template's name"))
                continue
            }
            if found[name] != nil {
                issues.append(ValidationIssue(file: file, path: "templates[\(index)].name", message: "\"\(name)\" is named twice"))
            }
            do {
                found[name] = try decode(entry, name: name, file: file)
            } catch {
                issues += error.issues.map { ValidationIssue(file: file, path: "templates[\(index)]" + ($0.path.isEmpty ? "" : ".\($0.path)"),
                                                            message: $0.message) }
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return found
    }
}

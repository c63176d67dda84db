/// A visit request (issue 14): a visit written as in a scenario's `visits` (FORMAT.md), by the sales
/// or business person who invites the client, added to a scenario. Beyond a scenario's visit, a
/// request may leave out `id` (the next free `R-n` is given), `requestedAt` (the moment given by
/// the caller: when it was received) and `agenda` when it names an `agendaTemplate`. Its problems
/// are the decoder's own, with paths of the request (`window.latest`, `agenda[1].service`), plus a
/// window outside the scenario's horizon and an id already taken.
public struct VisitRequestReader: Sendable {
    /// The scenario the requests join; each request added joins it.
    public private(set) var scenario: Scenario
    /// The agenda templates a request may name.
    public var templates: [String: AgendaTemplate]
    /// `requestedAt` when a request gives none.
    public var receivedAt: LocalDateTime

    public init(scenario: Scenario, templates: [String: AgendaTemplate], receivedAt: LocalDateTime) {
        self.scenario = scenario; self.templates = templates; self.receivedAt = receivedAt
    }

    /// Adds `request` (named `file` in problems) to the scenario and returns its visit; throws
    /// every problem found and adds nothing then.
    @discardableResult
    public mutating func add(_ request: DocumentValue, file: String) throws(ScenarioError) -> Visit {
        var issues: [ValidationIssue] = []
        func report(_ path: String, _ message: String) { issues.append(ValidationIssue(file: file, path: path, message: message)) }
        guard var fields = request.objectValue else {
            throw .invalid([ValidationIssue(file: file, path: "", message: "expected a visit request (a mapping: client, headcount, "
                                            + "window, agenda or agendaTemplate, ...), found \(request.shortDescription)")])
        }
        guard scenario.visits.count < InputLimits.visits else {
            throw .invalid([ValidationIssue(file: file, path: "", message: "the scenario already has \(scenario.visits.count) visits, "
                                            + "the most visitplan takes in one scenario")])
        }
        let taken = Set(scenario.visits.map(\.id))
        let named = fields["agendaTemplate"].map { $0 != .null } ?? false
        if let template = fields.removeValue(forKey: "agendaTemplate"), template != .null {
            if fields["agenda"] != nil {
                report("agendaTemplate", "give an agenda or an agendaTemplate, not both")
            } else if let name = template.stringValue, let found = templates[name] {
                fields["agenda"] = .array(found.agenda)
            } else {
                let names = templates.keys.sorted()
                let known = names.isEmpty ? " (no templates are kept yet)" : "; templates: \(names.joined(separator: ", "))"
                let text = template.stringValue ?? template.shortDescription
                report("agendaTemplate", "unknown agenda template \"\(text)\"\(Suggestion.hint(for: text, in: names))\(known)")
            }
        }
        if fields["id"] == nil || fields["id"] == .null { fields["id"] = .string(Self.nextID(after: taken)) }
        if let id = fields["id"]?.stringValue {
            if taken.contains(id) { report("id", "the scenario already has a visit \"\(id)\"; leave id out to get a new one") }
            if !Self.isValidID(id) {
                report("id", "\"\(id)\" cannot name a request: use letters, digits, '.', '_' and '-' (at most 60), starting with a letter or digit")
            }
        }
        if fields["requestedAt"] == nil || fields["requestedAt"] == .null { fields["requestedAt"] = .string(receivedAt.description) }
        let value = DocumentValue.object(fields)
        var visit: Visit?
        do {
            visit = try ScenarioLoader.decodeVisit(value, file: file, path: .root, in: scenario)
        } catch {
            // An unknown template was reported already: not again as a missing agenda.
            issues += error.issues.filter { !(named && fields["agenda"] == nil && $0.path == "agenda") }
        }
        if let visit, visit.window.end.date < scenario.horizon.start || visit.window.start.date > scenario.horizon.end {
            report("window", "\(visit.window) is outside the scenario's horizon (\(scenario.horizon.start) to \(scenario.horizon.end)); "
                   + "ask for a time in that week")
        }
        guard issues.isEmpty, let visit else { throw .invalid(issues) }
        scenario.visits.append(visit)
        return visit
    }

    /// Whether `id` can name a request (it appears in URLs).
    public static func isValidID(_ id: String) -> Bool { AgendaTemplate.isValidName(id) }

    /// `R-1`, `R-2`, ...: the first not in `taken`.
    static func nextID(after taken: Set<String>) -> String {
        var n = 1
        while taken.contains("R-\(n)") { n += 1 }
        return "R-\(n)"
    }
}

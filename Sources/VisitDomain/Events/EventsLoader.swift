/// Reads change-event files (YAML or JSON): a list of events, or a mapping with an `events` list.
/// Events are checked against the scenario they apply to, and every problem is reported at once
/// with its field path (`[2].item: item 4 is out of range; V-1001's agenda has items 0 to 2`).
public enum EventsLoader {
    public static func load(path: String, scenario: Scenario) throws(ScenarioError) -> [ChangeEvent] {
        try decode(DocumentValue.load(path: path), file: path, scenario: scenario)
    }

    public static func parse(_ text: String, format: DocumentFormat, file: String, scenario: Scenario) throws(ScenarioError) -> [ChangeEvent] {
        try decode(DocumentValue.parse(text, format: format, file: file), file: file, scenario: scenario)
    }

    public static func decode(_ document: DocumentValue, file: String, scenario: Scenario) throws(ScenarioError) -> [ChangeEvent] {
        var reader = FieldReader(file: file)
        var list: [(value: DocumentValue, path: DocumentPath)] = []
        switch document {
        case .array:
            list = reader.list(document, at: .root) ?? []
        case .object:
            if let root = reader.fields(document, at: .root, known: ["events"], what: "an events file") {
                list = reader.list(root, "events", required: true) ?? []
            }
        case .null:
            list = []
        default:
            reader.report(.root, "expected a list of events, found \(document.shortDescription)")
        }
        if list.count > InputLimits.events {
            reader.report(.root, "\(list.count) events; one report takes at most \(InputLimits.events)")
            list = []
        }
        var events: [ChangeEvent] = []
        var visitIDs = Set(scenario.visits.map(\.id))
        for entry in list {
            if let event = decodeEvent(entry.value, at: entry.path, scenario: scenario, visitIDs: &visitIDs, reader: &reader) {
                events.append(event)
            }
        }
        guard reader.issues.isEmpty else { throw .invalid(reader.issues) }
        return events
    }

    static let fieldsByType: [String: [String]] = [
        "arrivalShift": ["type", "at", "visit", "minutes"],
        "cancelItem": ["type", "at", "visit", "item"],
        "cancelVisit": ["type", "at", "visit"],
        "headcountChange": ["type", "at", "visit", "headcount"],
        "extendItem": ["type", "at", "visit", "item", "minutes"],
        "addVisit": ["type", "at", "visit"],
        "unavailable": ["type", "at", "resource", "start", "end"],
    ]

    private static func decodeEvent(_ value: DocumentValue, at path: DocumentPath, scenario: Scenario,
                                    visitIDs: inout Set<String>, reader: inout FieldReader) -> ChangeEvent? {
        let typeName = value["type"]?.stringValue
        let known = typeName.flatMap { fieldsByType[$0] } ?? ["type", "at", "visit", "item", "minutes", "headcount", "resource", "start", "end"]
        guard let fields = reader.fields(value, at: path, known: known, what: "an event") else { return nil }
        guard let type = reader.string(fields, "type", required: true) else { return nil }
        guard fieldsByType[type] != nil else {
            let hint = Suggestion.closest(to: type, in: Array(fieldsByType.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
            reader.report(fields.path("type"), "unknown event type \"\(type)\"\(hint); types are \(fieldsByType.keys.sorted().joined(separator: ", "))")
            return nil
        }
        let at = reader.dateTime(fields, "at", required: true)
        if let at, at < scenario.now {
            reader.report(fields.path("at"), "the event at \(at) is before the plan's now (\(scenario.now)); events cannot change the past")
        }
        func visitID() -> String? {
            guard let id = reader.string(fields, "visit", required: true) else { return nil }
            guard visitIDs.contains(id) else {
                let hint = Suggestion.closest(to: id, in: Array(visitIDs)).map { " (did you mean \"\($0)\"?)" } ?? ""
                reader.report(fields.path("visit"), "unknown visit \"\(id)\"\(hint)")
                return nil
            }
            return id
        }
        func itemIndex(_ visit: String?) -> Int? {
            guard let item = reader.int(fields, "item", required: true, in: 0...(InputLimits.agendaItems - 1)) else { return nil }
            guard let visit, let agenda = scenario.visit(visit)?.agenda else { return visit == nil ? nil : item }
            guard agenda.indices.contains(item) else {
                reader.report(fields.path("item"), "item \(item) is out of range; \(visit)'s agenda has items 0 to \(agenda.count - 1)")
                return nil
            }
            return item
        }
        let change: ChangeEvent.Change?
        switch type {
        case "arrivalShift":
            let visit = visitID()
            let minutes = reader.int(fields, "minutes", required: true, in: InputLimits.shiftMinutes)
            if let minutes, minutes % scenario.calendar.slotMinutes != 0 {
                reader.report(fields.path("minutes"), "\(minutes) minutes is not a multiple of slotMinutes (\(scenario.calendar.slotMinutes))")
            }
            change = visit.flatMap { v in minutes.map { .arrivalShift(visit: v, minutes: $0) } }
        case "cancelItem":
            let visit = visitID()
            let item = itemIndex(visit)
            change = visit.flatMap { v in item.map { .cancelItem(visit: v, item: $0) } }
        case "cancelVisit":
            change = visitID().map { .cancelVisit(visit: $0) }
        case "headcountChange":
            let visit = visitID()
            let headcount = reader.int(fields, "headcount", required: true, in: InputLimits.headcount)
            change = visit.flatMap { v in headcount.map { .headcountChange(visit: v, headcount: $0) } }
        case "extendItem":
            let visit = visitID()
            let item = itemIndex(visit)
            let minutes = reader.int(fields, "minutes", required: true, in: InputLimits.extendMinutes)
            if let minutes, minutes % scenario.calendar.slotMinutes != 0 {
                reader.report(fields.path("minutes"), "\(minutes) minutes is not a multiple of slotMinutes (\(scenario.calendar.slotMinutes))")
            }
            change = visit.flatMap { v in item.flatMap { i in minutes.map { .extendItem(visit: v, item: i, minutes: $0) } } }
        case "addVisit":
            guard let raw = reader.value(fields, "visit", required: true) else { return nil }
            do {
                let visit = try ScenarioLoader.decodeVisit(raw, file: reader.file, path: fields.path("visit"), in: scenario)
                if visitIDs.contains(visit.id) {
                    reader.report(fields.path("visit") + "id", "a visit \"\(visit.id)\" already exists")
                    return nil
                }
                visitIDs.insert(visit.id)
                change = .addVisit(visit)
            } catch {
                for issue in error.issues { reader.report((try? DocumentPath(parsing: issue.path)) ?? fields.path("visit"), issue.message) }
                return nil
            }
        default: // "unavailable"
            let resource = reader.string(fields, "resource", required: true)
            if let resource, !isResource(resource, in: scenario) {
                reader.report(fields.path("resource"), "\"\(resource)\" is not a room, tour route, staff member or caterer of the scenario")
            }
            let start = reader.dateTime(fields, "start", required: true)
            let end = reader.dateTime(fields, "end", required: true)
            if let start, let end, end <= start {
                reader.report(fields.path("end"), "end \(end) is not after start \(start)")
            }
            change = resource.flatMap { r in start.flatMap { s in end.map { .unavailable(resource: r, interval: TimeInterval(start: s, end: $0)) } } }
        }
        guard let at, let change else { return nil }
        return ChangeEvent(at: at, change: change)
    }

    private static func isResource(_ id: String, in scenario: Scenario) -> Bool {
        scenario.room(id) != nil || scenario.route(id) != nil || scenario.staffMember(id) != nil || scenario.caterer(id) != nil
    }
}

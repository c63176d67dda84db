import OrderedCollections

/// Reads a record's body from a document (`{kind: note, topic: question, text: "..."}`), with the
/// same field-path errors as a scenario, and writes it back (`document(of:)`), the form it is
/// stored in.
public enum VisitRecordDecoder {
    /// The fields of each kind besides `kind`.
    static let fields: [VisitRecordKind: [String]] = [
        .checklist: ["task", "done"],
        .note: ["topic", "text"],
        .feedback: ["satisfaction", "intent", "suggestions", "openQuestions", "recommendedFollowUp"],
        .task: ["task", "state", "note"],
        .outcome: ["result", "date", "note"],
        .incident: ["type", "severity", "points", "description"],
    ]

    public static func decode(_ document: DocumentValue, file: String) throws(ScenarioError) -> VisitRecordBody {
        var reader = FieldReader(file: file)
        let body = decode(document, at: DocumentPath([]), reader: &reader)
        guard reader.issues.isEmpty, let body else {
            throw .invalid(reader.issues.isEmpty ? [ValidationIssue(file: file, path: "", message: "not a record")] : reader.issues)
        }
        return body
    }

    static func decode(_ document: DocumentValue, at path: DocumentPath, reader: inout FieldReader) -> VisitRecordBody? {
        guard case .object(let raw) = document else {
            reader.report(path, "expected a record (a mapping with a kind: \(kindList)), found \(document.shortDescription)")
            return nil
        }
        guard let kindValue = raw["kind"] else {
            reader.report(path + "kind", "missing required field \"kind\" (\(kindList))")
            return nil
        }
        guard let kindName = reader.text(kindValue, at: path + "kind", nonEmpty: true) else { return nil }
        guard let kind = VisitRecordKind(rawValue: kindName) else {
            reader.report(path + "kind", "unknown kind \"\(kindName)\"" + hint(kindName, VisitRecordKind.allCases.map(\.rawValue)))
            return nil
        }
        guard let set = reader.fields(document, at: path, known: ["kind"] + (fields[kind] ?? []), what: "a \(kind.rawValue) record") else {
            return nil
        }
        switch kind {
        case .checklist:
            let task = key(set, "task", reader: &reader)
            let done = reader.value(set, "done", required: false).flatMap { reader.flag($0, at: set.path("done")) } ?? true
            return task.map { .checklist(ChecklistMark(task: $0, done: done)) }
        case .note:
            let topic = choice(set, "topic", VisitNote.Topic.self, required: false, reader: &reader) ?? .other
            let text = prose(set, "text", required: true, reader: &reader)
            return text.map { .note(VisitNote(topic: topic, text: $0)) }
        case .feedback:
            let satisfaction = reader.int(set, "satisfaction", required: true, in: 0...100)
            let intent = choice(set, "intent", CooperationIntent.self, required: true, reader: &reader)
            let suggestions = prose(set, "suggestions", reader: &reader)
            let questions = prose(set, "openQuestions", reader: &reader)
            let followUp = prose(set, "recommendedFollowUp", reader: &reader)
            guard let satisfaction, let intent else { return nil }
            return .feedback(VisitFeedback(satisfaction: satisfaction, intent: intent, suggestions: suggestions, openQuestions: questions,
                                           recommendedFollowUp: followUp))
        case .task:
            let task = key(set, "task", reader: &reader)
            let state = choice(set, "state", TaskUpdate.State.self, required: true, reader: &reader)
            let note = prose(set, "note", reader: &reader)
            guard let task, let state else { return nil }
            return .task(TaskUpdate(task: task, state: state, note: note))
        case .outcome:
            let result = choice(set, "result", VisitOutcome.Result.self, required: true, reader: &reader)
            let date = reader.date(set, "date", required: true)
            let note = prose(set, "note", reader: &reader)
            guard let result, let date else { return nil }
            return .outcome(VisitOutcome(result: result, date: date, note: note))
        case .incident:
            let type = choice(set, "type", Incident.Kind.self, required: true, reader: &reader)
            let severity = choice(set, "severity", Incident.Severity.self, required: true, reader: &reader)
            let points = reader.int(set, "points", in: InputLimits.incidentPoints)
            let description = prose(set, "description", required: true, reader: &reader)
            guard let type, let severity, let description else { return nil }
            return .incident(Incident(kind: type, severity: severity, points: points, description: description))
        }
    }

    /// The record as a document, `kind` first: what the store keeps and the API returns.
    public static func document(of body: VisitRecordBody) -> DocumentValue {
        var fields: OrderedDictionary<String, DocumentValue> = ["kind": .string(body.kind.rawValue)]
        func put(_ key: String, _ text: String?) { if let text { fields[key] = .string(text) } }
        switch body {
        case .checklist(let mark):
            fields["task"] = .string(mark.task); fields["done"] = .bool(mark.done)
        case .note(let note):
            fields["topic"] = .string(note.topic.rawValue); fields["text"] = .string(note.text)
        case .feedback(let feedback):
            fields["satisfaction"] = .int(feedback.satisfaction); fields["intent"] = .string(feedback.intent.rawValue)
            put("suggestions", feedback.suggestions); put("openQuestions", feedback.openQuestions)
            put("recommendedFollowUp", feedback.recommendedFollowUp)
        case .task(let update):
            fields["task"] = .string(update.task); fields["state"] = .string(update.state.rawValue); put("note", update.note)
        case .outcome(let outcome):
            fields["result"] = .string(outcome.result.rawValue); fields["date"] = .string(outcome.date.description); put("note", outcome.note)
        case .incident(let incident):
            fields["type"] = .string(incident.kind.rawValue); fields["severity"] = .string(incident.severity.rawValue)
            fields["points"] = .int(incident.points); fields["description"] = .string(incident.description)
        }
        return .object(fields)
    }

    private static var kindList: String { VisitRecordKind.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func hint(_ text: String, _ names: [String]) -> String {
        if let guess = Suggestion.closest(to: text, in: names) { return " (did you mean \"\(guess)\"?)" }
        return "; one of: \(names.joined(separator: ", "))"
    }

    /// A task key: letters, digits and dashes, at most 60.
    private static func key(_ set: FieldSet, _ field: String, reader: inout FieldReader) -> String? {
        guard let text = reader.string(set, field, required: true) else { return nil }
        guard text.count <= 60, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            reader.report(set.path(field), "a task key is letters, digits and dashes, at most 60 (\"menu-2\")")
            return nil
        }
        return text
    }

    /// Free text, at most `InputLimits.noteCharacters`.
    private static func prose(_ set: FieldSet, _ field: String, required: Bool = false, reader: inout FieldReader) -> String? {
        guard let text = reader.string(set, field, required: required) else { return nil }
        guard text.count <= InputLimits.noteCharacters else {
            reader.report(set.path(field), "at most \(InputLimits.noteCharacters) characters (this is \(text.count))")
            return nil
        }
        return text
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ set: FieldSet, _ field: String, _ type: T.Type, required: Bool,
                                                                   reader: inout FieldReader) -> T? where T.RawValue == String {
        guard let text = reader.string(set, field, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            reader.report(set.path(field), "unknown \(field) \"\(text)\"" + hint(text, T.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }
}

import Foundation
import VisitDomain

/// Reads and adds what happens to a visit after its plan, for the API: the visit as the current
/// plan schedules it, checked against the caller (a host reaches only the visits they host), its
/// records folded into its file, and new records checked against the visit.
struct VisitFiles: Sendable {
    let services: ServerServices
    var store: any PlanStore { services.store }

    /// Records a visit may keep (checklist marks, notes, feedback, task updates, outcomes,
    /// incidents): far more than a real visit gathers, few enough that its file stays quick to
    /// fold and no token can grow the store without bound through one visit.
    static let maxRecordsPerVisit = 1_000

    /// The current plan's scheduled visit `visitId`, with its scenario, if the caller may see it.
    struct Context: Sendable {
        var scenarioId: String
        var planVersion: Int
        var scenario: Scenario
        var plan: Plan
        var visit: Visit
        var planned: PlannedVisit
        var now: LocalDateTime
    }

    func context(scenarioId: String, visitId: String, for who: Identity) async throws -> Context {
        let row = try await storeCall { try await store.plan(scenarioId: scenarioId, version: nil) }
        let plan = try row.decodedPlan()
        let scenario = try await storeCall { try await store.scenarioVersion(id: scenarioId, version: row.scenarioVersion) }.loadScenario()
        guard let visit = scenario.visit(visitId), let planned = plan.visit(visitId) else {
            throw APIError.notFound("scenario \"\(scenarioId)\" has no visit \"\(visitId)\"")
        }
        if who.role == .host, planned.host == nil || planned.host != who.person {
            throw APIError.forbidden("a host token reaches the visits it hosts only")
        }
        guard planned.scheduled, planned.start != nil, planned.end != nil else {
            throw APIError.notFound("\(visitId) is not scheduled in the current plan (version \(row.version)): it has no checklist or follow-up yet")
        }
        return Context(scenarioId: scenarioId, planVersion: row.version, scenario: scenario, plan: plan, visit: visit, planned: planned,
                       now: services.now(for: scenario))
    }

    /// The records of a visit, decoded (a record the store holds is always well-formed; one that
    /// is not is reported, never skipped silently).
    func records(_ scenarioId: String, visitId: String?) async throws -> [VisitRecord] {
        try await store.records(scenarioId: scenarioId, visitId: visitId).map(Self.record)
    }

    static func record(_ row: VisitRecordRow) throws -> VisitRecord {
        let body = try VisitRecordDecoder.decode(try DocumentValue.parse(row.body, format: .json, file: "record \(row.id ?? 0)"),
                                                 file: "record \(row.id ?? 0)")
        guard let at = LocalDateTime(iso: row.at) else {
            throw APIError(status: .internalServerError, message: "record \(row.id ?? 0) has an unreadable time \"\(row.at)\"")
        }
        return VisitRecord(id: row.id, scenarioId: row.scenarioId, visitId: row.visitId, at: at, recordedBy: row.recordedBy, body: body)
    }

    /// The follow-up plan of a visit at `now`.
    static func followUp(_ c: Context, file: VisitFile) -> FollowUpPlan {
        FollowUpPlan(visitId: c.visit.id, end: c.planned.end!, host: c.planned.host, owner: c.visit.owner, file: file, now: c.now)
    }

    func view(_ c: Context) async throws -> VisitFileView {
        let file = VisitFile(visitId: c.visit.id, records: try await records(c.scenarioId, visitId: c.visit.id))
        let checklist = PreparationChecklist(scenario: c.scenario, plan: c.plan, visit: c.visit.id)?.tasks ?? []
        let followUp = Self.followUp(c, file: file)
        let files = try await store.attachments(scenarioId: c.scenarioId, visitId: c.visit.id)
        return VisitFileView(
            scenario: c.scenarioId, planVersion: c.planVersion, visit: c.visit.id, client: c.visit.client.name, host: c.planned.host,
            owner: c.visit.owner ?? c.planned.host, start: c.planned.start?.description, end: c.planned.end?.description,
            now: c.now.description,
            checklist: checklist.map { task in
                let doneAt = file.checklistDone[task.key]
                let done = task.done || doneAt != nil
                return .init(key: task.key, title: task.title, owner: task.owner, due: task.due.description, done: done,
                             doneAt: doneAt?.description, overdue: !done && c.now > task.due)
            },
            notes: file.notes.compactMap { record in
                guard case .note(let note) = record.body else { return nil }
                return .init(id: record.id ?? 0, at: record.at.description, by: record.recordedBy, topic: note.topic.rawValue, text: note.text)
            },
            feedback: file.feedback.map { feedback in
                let first = file.firstFeedbackAt!
                return .init(satisfaction: feedback.satisfaction, excellent: feedback.satisfaction >= MonthlyKPIs.excellent,
                             intent: feedback.intent.rawValue, suggestions: feedback.suggestions, openQuestions: feedback.openQuestions,
                             recommendedFollowUp: feedback.recommendedFollowUp, firstAt: first.description, by: file.feedbackBy,
                             onTime: first <= c.planned.end!.adding(minutes: 1440))
            },
            followUps: followUp.tasks.map { task in
                .init(key: task.key, title: task.title, owner: c.scenario.staffMember(task.owner)?.displayName ?? task.owner,
                      due: task.due.description, state: task.state.rawValue,
                      doneAt: task.doneAt?.description, onTime: task.doneAt.map { $0 <= task.due }, note: task.note)
            },
            outcome: file.outcome.map { .init(result: $0.result.rawValue, date: $0.date.description, note: $0.note) },
            incidents: file.incidents.map { .init(at: $0.at.description, by: $0.by, type: $0.incident.kind.rawValue,
                                                  severity: $0.incident.severity.rawValue, points: $0.incident.points,
                                                  description: $0.incident.description) },
            files: files.map(VisitFileView.File.init))
    }

    /// Checks a new record against the visit (a checklist mark names one of its preparation
    /// tasks, a task update one of its follow-up tasks; feedback and an outcome come once the visit
    /// has started) and stores it.
    func add(_ body: VisitRecordBody, to c: Context, by who: Identity, file name: String) async throws -> VisitRecord {
        func refuse(_ path: String, _ message: String) -> APIError {
            APIError.invalid(.invalid([ValidationIssue(file: name, path: path, message: message)]))
        }
        let start = c.planned.start!
        switch body {
        case .checklist(let mark):
            let keys = PreparationChecklist(scenario: c.scenario, plan: c.plan, visit: c.visit.id)?.tasks.map(\.key) ?? []
            guard keys.contains(mark.task) else {
                throw refuse("task", "\(c.visit.id) has no preparation task \"\(mark.task)\"; its tasks: \(keys.joined(separator: ", "))")
            }
        case .task(let update):
            let file = VisitFile(visitId: c.visit.id, records: try await records(c.scenarioId, visitId: c.visit.id))
            let keys = Self.followUp(c, file: file).tasks.map(\.key)
            guard keys.contains(update.task) else {
                throw refuse("task", keys.isEmpty ? "\(c.visit.id) has no follow-up tasks until it ends at \(c.planned.end!)"
                             : "\(c.visit.id) has no follow-up task \"\(update.task)\"; its tasks: \(keys.joined(separator: ", "))")
            }
        case .feedback, .outcome:
            guard c.now >= start else {
                throw refuse("kind", "\(c.visit.id) starts at \(start); \(body.kind.rawValue) comes once it has started (now \(c.now))")
            }
        case .note, .incident:
            break
        }
        let text = DocumentJSON.text(VisitRecordDecoder.document(of: body), indent: nil)
        let row = try await storeCall {
            try await store.addRecord(VisitRecordRow(id: nil, scenarioId: c.scenarioId, visitId: c.visit.id, kind: body.kind.rawValue,
                                                     body: text, at: c.now.description, recordedBy: who.name, recordedAt: ""),
                                      limit: Self.maxRecordsPerVisit)
        }
        return try Self.record(row)
    }
}

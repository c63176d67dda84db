import VisitDomain

/// A to-do of a person's feed (VTODO): a preparation task or a follow-up task they own, due at a
/// site-local time, with its state; an overdue one says so and comes first.
struct FeedTodo: Sendable, Hashable {
    var uid: String
    var summary: String
    var description: String
    var due: LocalDateTime
    /// `NEEDS-ACTION`, `COMPLETED` or `CANCELLED`.
    var status: String
    var overdue: Bool
    var timeZone: String = "UTC"
}

/// The to-dos of staff member `person` in one scenario's current plan: the preparation tasks of
/// the visits they take part in that name them, and the follow-up tasks they own (as host, or as
/// a visit's business owner), judged at `now` against the visits' records.
enum FeedTodos {
    static func of(person: String, scenarioId: String, scenario: Scenario, plan: Plan, records: [VisitRecord],
                   now: LocalDateTime) -> [FeedTodo] {
        var todos: [FeedTodo] = []
        let onCall = ITOnCall(scenario: scenario, plan: plan)
        let files = VisitFile.byVisit(records)
        for planned in plan.visits where planned.scheduled {
            guard let visit = scenario.visit(planned.id), let end = planned.end else { continue }
            let client = visit.client.name.map { " (\($0))" } ?? ""
            let file = files[visit.id] ?? VisitFile(visitId: visit.id, records: [])
            for task in PreparationChecklist(scenario: scenario, plan: plan, visit: visit.id, onCall: onCall)?.tasks ?? []
            where task.ownerId == person {
                let done = task.done || file.checklistDone[task.key] != nil
                let overdue = !done && now > task.due
                todos.append(FeedTodo(uid: "\(scenarioId)/\(visit.id)/prepare/\(task.key)@visitplan",
                                      summary: (overdue ? "Overdue: " : "") + "\(visit.id)\(client): \(task.title)",
                                      description: "Preparation of visit \(visit.id), due \(task.due)", due: task.due,
                                      status: done ? "COMPLETED" : "NEEDS-ACTION", overdue: overdue))
            }
            let followUp = FollowUpPlan(visitId: visit.id, end: end, host: planned.host, owner: visit.owner, file: file, now: now)
            for task in followUp.tasks where task.owner == person {
                let status = switch task.state {
                case .done: "COMPLETED"
                case .cancelled: "CANCELLED"
                case .open, .overdue: "NEEDS-ACTION"
                }
                todos.append(FeedTodo(uid: "\(scenarioId)/\(visit.id)/follow-up/\(task.key)@visitplan",
                                      summary: (task.state == .overdue ? "Overdue: " : "") + "\(visit.id)\(client): \(task.title)",
                                      description: "Follow-up of visit \(visit.id) (ended \(end)), due \(task.due)" + (task.note.map { ": \($0)" } ?? ""),
                                      due: task.due, status: status, overdue: task.state == .overdue))
            }
        }
        return todos
    }
}

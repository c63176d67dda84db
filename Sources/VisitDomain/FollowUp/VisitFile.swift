/// What the records of one visit say now: the records folded in the order they were made (by
/// time, then by id), a later record overriding an earlier one of the same task.
public struct VisitFile: Sendable, Hashable {
    public var visitId: String
    /// Preparation task key → when it was (last) marked done; absent: not done.
    public var checklistDone: [String: LocalDateTime] = [:]
    /// Notes taken during the visit, oldest first.
    public var notes: [VisitRecord] = []
    /// The latest feedback, and when the first one came in (what "within 24 hours" counts).
    public var feedback: VisitFeedback?
    public var firstFeedbackAt: LocalDateTime?
    public var feedbackBy: String?
    /// Follow-up task key → its latest update and when it was made.
    public var taskUpdates: [String: (update: TaskUpdate, at: LocalDateTime)] = [:]
    public var outcome: VisitOutcome?
    public var incidents: [(incident: Incident, at: LocalDateTime, by: String)] = []
    /// Every record, in order.
    public var records: [VisitRecord] = []

    public init(visitId: String, records: [VisitRecord]) {
        self.visitId = visitId
        let ordered = records.filter { $0.visitId == visitId }
            .sorted { ($0.at, $0.id ?? Int64.max) < ($1.at, $1.id ?? Int64.max) }
        self.records = ordered
        for record in ordered {
            switch record.body {
            case .checklist(let mark): checklistDone[mark.task] = mark.done ? record.at : nil
            case .note: notes.append(record)
            case .feedback(let feedback):
                self.feedback = feedback
                feedbackBy = record.recordedBy
                if firstFeedbackAt == nil { firstFeedbackAt = record.at }
            case .task(let update): taskUpdates[update.task] = (update, record.at)
            case .outcome(let outcome): self.outcome = outcome
            case .incident(let incident): incidents.append((incident, record.at, record.recordedBy))
            }
        }
    }

    /// The files of every visit that has records, from one scenario's records in one pass
    /// (a visit without records has an empty file: `files[id] ?? VisitFile(visitId: id, records: [])`).
    public static func byVisit(_ records: [VisitRecord]) -> [String: VisitFile] {
        Dictionary(grouping: records, by: \.visitId).mapValues { VisitFile(visitId: $0[0].visitId, records: $0) }
    }

    /// The points the visit's incidents cost.
    public var incidentPoints: Int { incidents.reduce(0) { $0 + $1.incident.points } }

    public static func == (a: VisitFile, b: VisitFile) -> Bool { a.records == b.records }
    public func hash(into hasher: inout Hasher) { hasher.combine(records) }
}

/// A fact recorded against a visit once it is planned: a preparation task marked done, a note
/// the host takes during the visit, the host's feedback, an update of a follow-up task, the
/// outcome, or an incident. Records are only ever added (a correction is a newer record); the
/// visit's file (`VisitFile`) folds them into what is true now.
public struct VisitRecord: Sendable, Hashable {
    /// The store's id (nil before it is stored).
    public var id: Int64?
    public var scenarioId: String
    public var visitId: String
    /// When it was recorded, on the site's clock.
    public var at: LocalDateTime
    /// Who recorded it (a token's name).
    public var recordedBy: String
    public var body: VisitRecordBody

    public init(id: Int64? = nil, scenarioId: String, visitId: String, at: LocalDateTime, recordedBy: String, body: VisitRecordBody) {
        self.id = id; self.scenarioId = scenarioId; self.visitId = visitId; self.at = at; self.recordedBy = recordedBy; self.body = body
    }
}

/// What a record says; written as a mapping with its `kind` (`VisitRecordDecoder`).
public enum VisitRecordBody: Sendable, Hashable {
    case checklist(ChecklistMark)
    case note(VisitNote)
    case feedback(VisitFeedback)
    case task(TaskUpdate)
    case outcome(VisitOutcome)
    case incident(Incident)

    /// The `kind` written in the record.
    public var kind: VisitRecordKind {
        switch self {
        case .checklist: .checklist
        case .note: .note
        case .feedback: .feedback
        case .task: .task
        case .outcome: .outcome
        case .incident: .incident
        }
    }
}

/// The kinds of record.
public enum VisitRecordKind: String, Sendable, Hashable, CaseIterable {
    case checklist, note, feedback, task, outcome, incident
}

/// A preparation task (`PreparationChecklist.Task.key`) marked done, or undone.
public struct ChecklistMark: Sendable, Hashable {
    public var task: String
    public var done: Bool
    public init(task: String, done: Bool = true) { self.task = task; self.done = done }
}

/// Something the client said during the visit, as the host noted it.
public struct VisitNote: Sendable, Hashable {
    public enum Topic: String, Sendable, Hashable, CaseIterable {
        case question, suggestion, intent, other
    }
    public var topic: Topic
    public var text: String
    public init(topic: Topic, text: String) { self.topic = topic; self.text = text }
}

/// How interested the client is in working together, in the host's judgement.
public enum CooperationIntent: String, Sendable, Hashable, CaseIterable, Comparable {
    case none, exploring, likely, committed

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The host's feedback on a visit, due within 24 hours of its end.
public struct VisitFeedback: Sendable, Hashable {
    /// 0-100; 90 and above is the procedure's "excellent".
    public var satisfaction: Int
    public var intent: CooperationIntent
    public var suggestions: String?
    public var openQuestions: String?
    public var recommendedFollowUp: String?

    public init(satisfaction: Int, intent: CooperationIntent, suggestions: String? = nil, openQuestions: String? = nil,
                recommendedFollowUp: String? = nil) {
        self.satisfaction = satisfaction; self.intent = intent; self.suggestions = suggestions
        self.openQuestions = openQuestions; self.recommendedFollowUp = recommendedFollowUp
    }
}

/// A follow-up task (`FollowUpPlan.Task.key`) marked done, cancelled, or open again.
public struct TaskUpdate: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case done, cancelled, open
    }
    public var task: String
    public var state: State
    public var note: String?
    public init(task: String, state: State, note: String? = nil) { self.task = task; self.state = state; self.note = note }
}

/// Where the visit led: a signed deal, an intent to cooperate, or closed without a deal.
public struct VisitOutcome: Sendable, Hashable {
    public enum Result: String, Sendable, Hashable, CaseIterable {
        case signed, intent, closed
    }
    public var result: Result
    /// The day it happened.
    public var date: LocalDate
    public var note: String?
    public init(result: Result, date: LocalDate, note: String? = nil) { self.result = result; self.date = date; self.note = note }

    /// Signed, or closed without a deal: nothing more to follow up.
    public var endsFollowUp: Bool { result != .intent }
}

/// Something that went wrong: wrong information given to the client, a complaint, or another
/// mishap, with its severity and the points it costs the team (2-5, the procedure's deductions).
public struct Incident: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case informationError, complaint, other
    }
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case minor, major, critical
        /// The points deducted unless the record says otherwise.
        public var defaultPoints: Int {
            switch self {
            case .minor: 2
            case .major: 3
            case .critical: 5
            }
        }
    }
    public var kind: Kind
    public var severity: Severity
    public var points: Int
    public var description: String
    public init(kind: Kind, severity: Severity, points: Int? = nil, description: String) {
        self.kind = kind; self.severity = severity; self.points = points ?? severity.defaultPoints; self.description = description
    }
}

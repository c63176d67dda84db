/// The follow-up a visit gets once it has ended, as the procedure sets it: the host's feedback
/// form and a feedback call to the client within 24 hours, a proposal draft within 3 days and a
/// second meeting within 7 days (the business owner), then a progress update every week until
/// the deal is signed or the need ends. Derived from the visit's end, its people and its records
/// at a moment `now`: nothing is generated into the store, so a moved visit moves its tasks.
public struct FollowUpPlan: Sendable, Hashable {
    /// One follow-up task.
    public struct Task: Sendable, Hashable {
        /// Stable within the visit: `feedback`, `call`, `proposal`, `meeting`, `update-1`, ...
        public var key: String
        public var title: String
        /// A staff id or a name.
        public var owner: String
        public var due: LocalDateTime
        public var state: State
        /// When it was marked done (or the feedback came in).
        public var doneAt: LocalDateTime?
        public var note: String?

        /// Done by its due time.
        public var doneOnTime: Bool { doneAt.map { $0 <= due } ?? false }
    }

    public enum State: String, Sendable, Hashable, CaseIterable {
        case open, done, overdue, cancelled
    }

    public var visitId: String
    /// By due time, then key; empty before the visit has ended.
    public var tasks: [Task]

    /// Weekly updates are listed at most this far: a year of them.
    static let maxUpdates = 52

    /// `end`: when the visit ends in its plan; `host` and `owner` (the business owner; nil: the host).
    public init(visitId: String, end: LocalDateTime, host: String?, owner: String?, file: VisitFile, now: LocalDateTime) {
        self.visitId = visitId
        guard now >= end else { tasks = []; return }
        let host = host ?? owner ?? "coordinator"
        let owner = owner ?? host
        let day = 1440
        var planned: [(key: String, title: String, owner: String, due: LocalDateTime)] = [
            ("feedback", "Feedback form: satisfaction, cooperation intent, suggestions, open questions", host, end.adding(minutes: day)),
            ("call", "Feedback call to the client", host, end.adding(minutes: day)),
            ("proposal", "Proposal draft", owner, end.adding(minutes: 3 * day)),
            ("meeting", "Second meeting with the client", owner, end.adding(minutes: 7 * day)),
        ]
        // Weekly updates from the week after the second meeting, up to the week after now, or the outcome.
        let horizon = now.adding(minutes: 7 * day)
        for week in 1...Self.maxUpdates {
            let due = end.adding(minutes: (7 + 7 * week) * day)
            if due > horizon { break }
            if let outcome = file.outcome, outcome.endsFollowUp, outcome.date < due.date, file.taskUpdates["update-\(week)"] == nil { break }
            planned.append(("update-\(week)", "Weekly progress update \(week)", owner, due))
        }
        tasks = planned.map { key, title, owner, due in
            var task = Task(key: key, title: title, owner: owner, due: due, state: .open, doneAt: nil, note: nil)
            if key == "feedback", let at = file.firstFeedbackAt {
                task.state = .done
                task.doneAt = at
            } else if let (update, at) = file.taskUpdates[key] {
                task.note = update.note
                switch update.state {
                case .done: task.state = .done; task.doneAt = at
                case .cancelled: task.state = .cancelled
                case .open: break
                }
            } else if let outcome = file.outcome, outcome.endsFollowUp, outcome.date <= due.date, key != "feedback" {
                task.state = .cancelled
                task.note = outcome.result == .signed ? "the deal was signed" : "closed without a deal"
            }
            if task.state == .open, now > due { task.state = .overdue }
            return task
        }
        .sorted { ($0.due, $0.key) < ($1.due, $1.key) }
    }
}

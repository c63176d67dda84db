import VisitDomain

/// A visit's life after its plan, as the page and the API show it: the preparation checklist with
/// its done marks, the notes, the feedback, the follow-up tasks, the outcome, the incidents and
/// the files, each with who and when. No prices: hosts read it too.
struct VisitFileView: Encodable, Sendable {
    struct ChecklistItem: Encodable, Sendable {
        var key: String
        var title: String
        var owner: String
        var due: String
        var done: Bool
        var doneAt: String?
        var overdue: Bool
    }
    struct Note: Encodable, Sendable {
        var id: Int64
        var at: String
        var by: String
        var topic: String
        var text: String
    }
    struct Feedback: Encodable, Sendable {
        var satisfaction: Int
        var excellent: Bool
        var intent: String
        var suggestions: String?
        var openQuestions: String?
        var recommendedFollowUp: String?
        var firstAt: String
        var by: String?
        var onTime: Bool
    }
    struct FollowUp: Encodable, Sendable {
        var key: String
        var title: String
        var owner: String
        var due: String
        var state: String
        var doneAt: String?
        var onTime: Bool?
        var note: String?
    }
    struct Outcome: Encodable, Sendable {
        var result: String
        var date: String
        var note: String?
    }
    struct IncidentEntry: Encodable, Sendable {
        var at: String
        var by: String
        var type: String
        var severity: String
        var points: Int
        var description: String
    }
    struct File: Encodable, Sendable {
        var id: Int64
        var name: String
        var contentType: String
        var size: Int
        var addedBy: String
        var addedAt: String
        var url: String

        /// A kept file's entry (without its bytes), with the address that serves it.
        init(_ row: AttachmentRow) {
            id = row.id ?? 0; name = row.name; contentType = row.contentType; size = row.size; addedBy = row.addedBy
            addedAt = row.addedAt; url = "/api/files/\(row.id ?? 0)"
        }
    }

    var scenario: String
    var planVersion: Int
    var visit: String
    var client: String?
    var host: String?
    var owner: String?
    var start: String?
    var end: String?
    /// The moment states were worked out at (site-local).
    var now: String
    var checklist: [ChecklistItem]
    var notes: [Note]
    var feedback: Feedback?
    var followUps: [FollowUp]
    var outcome: Outcome?
    var incidents: [IncidentEntry]
    var files: [File]
}

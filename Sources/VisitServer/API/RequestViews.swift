import VisitDomain
import VisitReplanner

/// A saved request as its submitter reads it: where it was stored, its lead time and options.
struct SavedRequestView: Encodable {
    var scenario: String
    var visit: String
    var scenarioVersion: Int
    var planVersion: Int
    var submittedBy: String
    var submittedAt: String
    var leadTime: LeadTimeAssessment?
    var options: OptionsService.Answer?
    var optionsError: String?

    init(_ commit: RequestCommit, visit: String) {
        scenario = commit.plan.scenarioId; self.visit = visit
        scenarioVersion = commit.scenario.version; planVersion = commit.plan.version
        submittedBy = commit.requests.first?.submittedBy ?? ""; submittedAt = commit.requests.first?.submittedAt ?? ""
    }
}

/// What a CSV import stored, and the rows it left out.
struct ImportView: Encodable {
    struct Skipped: Encodable {
        var row: Int
        var column: String?
        var message: String
    }

    var visits: [String]
    var scenarioVersion: Int?
    var planVersion: Int?
    var skipped: [Skipped]

    init(_ imported: RequestService.Imported) {
        visits = imported.visits
        scenarioVersion = imported.commit?.scenario.version
        planVersion = imported.commit?.plan.version
        skipped = imported.skipped.map { Skipped(row: $0.row, column: $0.column, message: $0.message) }
    }
}

/// One request and where it stands in the current plan.
struct RequestStateView: Encodable {
    var id: Int64?
    var visit: String
    var client: String?
    var submittedBy: String
    var submittedAt: String
    var source: String
    var scenarioVersion: Int
    /// `waiting` (for a coordinator's accept), `scheduled`, `unscheduled` (accepted, then left out
    /// by a later replan); `removed` when the current plan no longer lists it.
    var state: String
    var start: LocalDateTime?
    var end: LocalDateTime?
    var host: String?

    init(_ row: VisitRequestRow, planned: PlannedVisit?, visit: Visit?, waiting: Bool) {
        id = row.id; self.visit = row.visitId; client = visit?.client.name
        submittedBy = row.submittedBy; submittedAt = row.submittedAt; source = row.source; scenarioVersion = row.scenarioVersion
        state = planned == nil ? "removed" : planned?.scheduled == true ? "scheduled" : waiting ? "waiting" : "unscheduled"
        start = planned?.start; end = planned?.end; host = planned?.host
    }
}

/// An accepted request: the new plan version and how the visit was placed.
struct AcceptView: Encodable {
    var scenario: String
    var version: Int
    var basePlanVersion: Int
    var scenarioVersion: Int
    var visit: String
    /// "option 2", "option 1 (the best)", "the cheapest way in (2 other visits change)".
    var taken: String
    var placed: PlannedVisit?
    var plan: CallerPlan
}

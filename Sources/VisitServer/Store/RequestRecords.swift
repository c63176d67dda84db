/// A visit request as submitted (issue 14): which visit of which scenario version it added, the
/// plan version that lists it waiting, who sent it and how (`form`, `csv`). Append-only: whether
/// it is accepted is read from the current plan (the visit scheduled or not).
struct VisitRequestRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var visitId: String
    var scenarioVersion: Int
    var planVersion: Int
    var submittedBy: String
    /// The submitter's role and, for a host or business token, the person they are.
    var role: String
    var person: String?
    var source: String
    var submittedAt: String
}

/// One version of an agenda template (`AgendaTemplate`): its agenda as JSON, or none when the
/// coordinator retired the template. Append-only; the highest version of a name is in force.
struct AgendaTemplateRow: Codable, Sendable, Equatable {
    var name: String
    var version: Int
    var description: String?
    /// The agenda items as a JSON array; nil: retired.
    var agenda: String?
    var createdAt: String
    var createdBy: String
}

/// What stored requests committed: the scenario version with their visits, the plan version listing
/// them (unscheduled, waiting for a coordinator) and the requests.
struct RequestCommit: Sendable {
    var scenario: ScenarioVersionRow
    var plan: PlanRow
    var requests: [VisitRequestRow]
}

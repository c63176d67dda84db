import VisitDomain
import VisitPlanner

// The JSON shapes the API answers with. Plans and scenario documents are embedded as documents,
// already redacted for the caller (see `Redaction`).

/// A scenario in a listing.
struct ScenarioSummaryView: Encodable {
    var id: String
    var name: String
    var latestVersion: Int
    var currentPlanVersion: Int?
    var createdAt: String
    var createdBy: String

    init(_ summary: ScenarioSummary) {
        id = summary.scenario.id; name = summary.latest.name; latestVersion = summary.latest.version
        currentPlanVersion = summary.currentPlanVersion; createdAt = summary.scenario.createdAt
        createdBy = summary.scenario.createdBy
    }
}

/// A scenario version, with its canonical document when asked for.
struct ScenarioVersionView: Encodable {
    var scenario: String
    var version: Int
    var name: String
    var origin: String
    var createdAt: String
    var createdBy: String
    var document: EncodableDocument?

    init(_ row: ScenarioVersionRow, document: DocumentValue? = nil) {
        scenario = row.scenarioId; version = row.version; name = row.name; origin = row.origin
        createdAt = row.createdAt; createdBy = row.createdBy; self.document = document.map(EncodableDocument.init)
    }
}

/// A scenario with its versions, its current plan version and its latest document.
struct ScenarioDetailView: Encodable {
    var id: String
    var name: String
    var latestVersion: Int
    var currentPlanVersion: Int?
    var versions: [ScenarioVersionView]
    var document: EncodableDocument
}

/// The best score and bound a running solve has reached.
struct ProgressView: Encodable {
    var bestScore: Double?
    var bound: Double?
    var seconds: Double

    init(_ progress: PlannerProgress) {
        bestScore = progress.bestScore; bound = progress.bound; seconds = progress.seconds
    }
}

/// A background solve: `running` (waiting for a solve worker or being solved, with progress on the
/// instance solving it), then `done` with its plan version, or `failed` or `superseded` (the
/// scenario changed meanwhile); runs stored before plan runs became jobs may be `interrupted`.
struct RunView: Encodable {
    var id: Int64
    var scenario: String
    var scenarioVersion: Int
    var state: String
    var timeLimit: Double
    var relativeGap: Double
    var progress: ProgressView?
    var planVersion: Int?
    var message: String?
    var startedAt: String
    var finishedAt: String?
    var startedBy: String

    init(_ row: PlanRunRow, progress: PlannerProgress?) {
        id = row.id ?? 0; scenario = row.scenarioId; scenarioVersion = row.scenarioVersion; state = row.state
        timeLimit = row.timeLimit; relativeGap = row.relativeGap; self.progress = progress.map(ProgressView.init)
        planVersion = row.planVersion; message = row.message; startedAt = row.startedAt; finishedAt = row.finishedAt
        startedBy = row.startedBy
    }
}

/// A plan version in a listing.
struct PlanSummaryView: Encodable {
    var version: Int
    var scenarioVersion: Int
    var status: String
    var score: Double
    var bound: Double
    var solveSeconds: Double
    var origin: String
    var basePlanVersion: Int?
    var createdAt: String
    var createdBy: String

    init(_ row: PlanRow) {
        version = row.version; scenarioVersion = row.scenarioVersion; status = row.status; score = row.score
        bound = row.bound; solveSeconds = row.solveSeconds; origin = row.origin; basePlanVersion = row.basePlanVersion
        createdAt = row.createdAt; createdBy = row.createdBy
    }
}

/// One plan version with the plan itself. A replan's version also carries the events that made it.
struct PlanView: Encodable {
    var scenario: String
    var version: Int
    var scenarioVersion: Int
    var current: Bool
    var origin: String
    var basePlanVersion: Int?
    var createdAt: String
    var createdBy: String
    var plan: CallerPlan
    var events: [EventView]?

    init(_ row: PlanRow, current: Bool, plan: CallerPlan, events: [EventView]?) {
        scenario = row.scenarioId; version = row.version; scenarioVersion = row.scenarioVersion; self.current = current
        origin = row.origin; basePlanVersion = row.basePlanVersion; createdAt = row.createdAt; createdBy = row.createdBy
        self.plan = plan; self.events = events
    }
}

/// One logged change event: who reported what, when, and the plans before and after.
struct EventView: Encodable {
    var id: Int64
    var scenario: String
    var basePlanVersion: Int
    var producedPlanVersion: Int
    var position: Int
    var type: String
    var visit: String?
    var at: String
    var event: EncodableDocument
    var reportedBy: String
    var reportedAt: String

    init(_ row: ChangeEventRow) {
        id = row.id ?? 0; scenario = row.scenarioId; basePlanVersion = row.basePlanVersion
        producedPlanVersion = row.producedPlanVersion; position = row.position; type = row.type; visit = row.visitId
        at = row.at; reportedBy = row.reportedBy; reportedAt = row.reportedAt
        event = EncodableDocument((try? DocumentValue.parse(row.body, format: .json, file: "event")) ?? .string(row.body))
    }
}

/// The answer to a report of change events: the new plan version, what changed and whom to tell.
struct ReplanView: Encodable {
    var scenario: String
    var version: Int
    /// The report's job (`GET /api/scenarios/{id}/reports`).
    var report: Int64?
    var basePlanVersion: Int
    var scenarioVersion: Int
    var events: [EventView]
    /// The new plan version, with its `changes` and `notify` (those the caller may read).
    var plan: CallerPlan
}

/// The caller's own identity, for the page.
struct IdentityView: Encodable {
    var name: String
    var role: Role
    var person: String?
    var seesCosts: Bool

    init(_ identity: Identity) {
        name = identity.name; role = identity.role; person = identity.person; seesCosts = identity.role.seesCosts
    }
}

/// A report of change events as a job: whether it was applied (`done`, with the plan it made),
/// found its plan replaced first (`stale`), failed, or is still being replanned (`running`).
struct ReplanJobView: Encodable {
    var id: Int64
    var scenario: String
    var basePlanVersion: Int
    var state: String
    var producedPlanVersion: Int?
    var message: String?
    var reportedBy: String
    var startedAt: String
    var finishedAt: String?

    init(_ row: ReplanJobRow) {
        id = row.id ?? 0; scenario = row.scenarioId; basePlanVersion = row.basePlanVersion; state = row.state
        producedPlanVersion = row.producedPlanVersion; message = row.message; reportedBy = row.reportedBy
        startedAt = row.startedAt; finishedAt = row.finishedAt
    }
}

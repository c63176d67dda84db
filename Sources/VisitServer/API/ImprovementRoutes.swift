import Hummingbird
import VisitDomain

/// Improvement proposals: a better week near the current plan, offered, not imposed.
///
/// - `POST /api/scenarios/{id}/improvements` (coordinator): searches near the current plan in the
///   background; body `{"timeLimit": s, "relativeGap": g}` (optional; default 20 s). 202 with the
///   search (the one already running on the current plan, if any).
/// - `GET  /api/scenarios/{id}/improvements/latest` (coordinator, planner): the latest search:
///   `running`, `ready` with its summary, changes and plan, `none`, `failed`, `accepted`, `ignored`.
/// - `POST /api/scenarios/{id}/improvements/{n}/accept` (coordinator): stores proposal n as the next
///   plan version; 201 with it, like a replan. 409 with `currentVersion` when the plan changed meanwhile.
/// - `POST /api/scenarios/{id}/improvements/{n}/ignore` (coordinator): sets proposal n aside.
struct ImprovementRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let improvements = services.improvements
        routes.post("/scenarios/:id/improvements") { request, context in
            let who = try context.require(.coordinator, toDo: "search for a better week")
            let id = try ScenarioID.parameter(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let options = try RunOptions.parse(text, format: format, defaults: RunOptions(timeLimit: 20))
            let record = try await improvements.start(scenarioId: id, timeLimit: options.timeLimit,
                                                      relativeGap: options.relativeGap, by: who)
            return try JSONResponse.make(try await view(record, for: who, store: store), status: .accepted,
                                         headers: [.location: "/api/scenarios/\(id)/improvements/latest"])
        }
        routes.get("/scenarios/:id/improvements/latest") { _, context in
            let who = try context.require(.coordinator, .planner, toDo: "read improvement proposals")
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            guard let record = improvements.latest(scenarioId: id) else {
                throw APIError.notFound("no better week has been searched for in \(id) yet; start with POST /api/scenarios/\(id)/improvements")
            }
            return try JSONResponse.make(try await view(record, for: who, store: store))
        }
        routes.post("/scenarios/:id/improvements/:proposal/accept") { _, context in
            let who = try context.require(.coordinator, toDo: "accept an improvement proposal")
            let id = try ScenarioID.parameter(context)
            let number = try context.parameters.require("proposal", as: Int.self)
            let accepted = try await improvements.accept(scenarioId: id, id: number, by: who)
            let row = accepted.row
            let result = ReplanView(scenario: id, version: row.version, basePlanVersion: row.basePlanVersion ?? row.version - 1,
                                    scenarioVersion: row.scenarioVersion, events: [],
                                    plan: Redaction.plan(accepted.plan, for: who))
            return try JSONResponse.make(result, status: .created, headers: [.location: "/api/scenarios/\(id)/plans/\(row.version)"])
        }
        routes.post("/scenarios/:id/improvements/:proposal/ignore") { _, context in
            let who = try context.require(.coordinator, toDo: "ignore an improvement proposal")
            let id = try ScenarioID.parameter(context)
            let number = try context.parameters.require("proposal", as: Int.self)
            let record = try improvements.ignore(scenarioId: id, id: number, by: who)
            return try JSONResponse.make(try await view(record, for: who, store: store))
        }
    }

    private func view(_ record: ImprovementRecord, for who: Identity, store: any PlanStore) async throws -> ImprovementView {
        let current = try await storeCall { try await store.scenarioSummary(id: record.scenarioId) }.currentPlanVersion
        return ImprovementView(record, current: current == record.basePlanVersion, for: who)
    }
}

/// An improvement search as the API answers it. With a proposal: `headline` ("1 more visit,
/// 3 changes"), `summary` (with the scores), the visits added, the changes and the proposed plan.
struct ImprovementView: Encodable {
    var id: Int
    var scenario: String
    var basePlanVersion: Int
    var scenarioVersion: Int
    var state: ImprovementRecord.State
    /// Whether the plan searched from is still the current plan (else the proposal cannot be accepted).
    var current: Bool
    var timeLimit: Double
    var startedAt: String
    var startedBy: String
    var finishedAt: String?
    var seconds: Double?
    var summary: String?
    var headline: String?
    var oldScore: Double?
    var newScore: Double?
    var addedVisits: [String]?
    var droppedVisits: [String]?
    /// Changes to visits both plans schedule.
    var changeCount: Int?
    var changes: [PlanChange]?
    var plan: CallerPlan?
    var message: String?
    var decidedBy: String?
    var decidedAt: String?
    var planVersion: Int?

    init(_ record: ImprovementRecord, current: Bool, for who: Identity) {
        id = record.id; scenario = record.scenarioId; basePlanVersion = record.basePlanVersion
        scenarioVersion = record.scenarioVersion; state = record.state; self.current = current
        timeLimit = record.timeLimit; startedAt = record.startedAt; startedBy = record.startedBy
        finishedAt = record.finishedAt; seconds = record.seconds; summary = record.summary; message = record.message
        decidedBy = record.decidedBy; decidedAt = record.decidedAt; planVersion = record.planVersion
        oldScore = record.currentScore
        if let proposal = record.proposal {
            headline = proposal.headline
            oldScore = proposal.oldScore; newScore = proposal.newScore
            addedVisits = proposal.addedVisits; droppedVisits = proposal.droppedVisits
            changeCount = proposal.changesToPlannedVisits.count
            changes = proposal.changes
            plan = Redaction.plan(proposal.plan, for: who)
        }
    }
}

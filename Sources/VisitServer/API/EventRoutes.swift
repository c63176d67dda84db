import Hummingbird
import VisitDomain

/// Change events and the event log.
///
/// - `POST /api/scenarios/{id}/plans/{version}/events` (coordinator; a host for the visits they
///   host): a YAML or JSON list of change events (FORMAT.md) against plan `version`, which must be
///   current. Replans and answers 201 with the new plan version (its `changes` and `notify` inside); 409 with
///   `currentVersion` when another report replaced `version` first; 422 for bad events.
/// - `GET /api/scenarios/{id}/events`: the log, oldest first: who reported what, when, and the plan
///   versions before and after.
/// - `GET /api/scenarios/{id}/reports`: the reports as jobs, newest first: applied (`done`), found
///   their plan replaced (`stale`), `failed` or still `running` (a host sees their own).
struct EventRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let replans = services.replans
        routes.post("/scenarios/:id/plans/:version/events") { request, context in
            let who = try context.require(.coordinator, .host, toDo: "report change events")
            let id = try ScenarioID.parameter(context)
            let version = try context.parameters.require("version", as: Int.self)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let replan = try await replans.report(scenarioId: id, baseVersion: version, text: text, format: format, by: who)
            let commit = replan.commit
            let view = ReplanView(scenario: id, version: commit.plan.version, report: replan.job, basePlanVersion: version,
                                  scenarioVersion: commit.scenario.version, events: commit.events.map(EventView.init),
                                  plan: Redaction.plan(replan.plan, for: who, scenarioSource: commit.scenario.source))
            return try JSONResponse.make(view, status: .created,
                                         headers: [.location: "/api/scenarios/\(id)/plans/\(commit.plan.version)"])
        }
        routes.get("/scenarios/:id/reports") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            let jobs = try await store.replanJobs(scenarioId: id).filter { who.role != .host || $0.reportedBy == who.name }
            return try JSONResponse.make(jobs.map(ReplanJobView.init))
        }
        routes.get("/scenarios/:id/events") { _, context in
            try context.caller()
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            return try JSONResponse.make(try await store.events(scenarioId: id).map(EventView.init))
        }
    }
}

import Hummingbird
import VisitDomain

/// Plans and background solves.
///
/// - `POST /api/scenarios/{id}/plans` (coordinator): solves the latest scenario version in the
///   background; body `{"timeLimit": s, "relativeGap": g}` (optional). 202 with the run.
/// - `GET  /api/runs/{run}`: a run's state and progress (best score, bound, seconds); when `done`,
///   the plan version it made. `GET /api/scenarios/{id}/runs`: a scenario's runs, newest first.
/// - `GET  /api/scenarios/{id}/plans`: every plan version, oldest first.
/// - `GET  /api/scenarios/{id}/plans/current`, `.../plans/{version}`: one plan version.
struct PlanRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let runner = services.runner
        routes.post("/scenarios/:id/plans") { request, context in
            let who = try context.require(.coordinator, toDo: "start plans (planners use what-ifs)")
            let id = try ScenarioID.parameter(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let options = try RunOptions.parse(text, format: format)
            let version = try await storeCall { try await store.latestScenarioVersion(id: id) }
            let scenario = try version.loadScenario()
            let claim = try services.quota.claim(for: who.name)
            let run = try await runner.start(version: version, scenario: scenario, timeLimit: options.timeLimit,
                                             relativeGap: options.relativeGap, by: who.name, claim: claim)
            return try JSONResponse.make(RunView(run, progress: nil), status: .accepted,
                                         headers: [.location: "/api/runs/\(run.id ?? 0)"])
        }
        routes.get("/runs/:run") { _, context in
            try context.caller()
            let id = try context.parameters.require("run", as: Int64.self)
            let run = try await storeCall { try await store.run(id: id) }
            return try JSONResponse.make(RunView(run, progress: run.state == "running" ? runner.progress(of: id) : nil))
        }
        routes.get("/scenarios/:id/runs") { _, context in
            try context.caller()
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            return try JSONResponse.make(try await store.runs(scenarioId: id).map { run in
                RunView(run, progress: run.state == "running" ? run.id.flatMap(runner.progress) : nil)
            })
        }
        routes.get("/scenarios/:id/plans") { _, context in
            try context.caller()
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            return try JSONResponse.make(try await store.plans(scenarioId: id).map(PlanSummaryView.init))
        }
        routes.get("/scenarios/:id/plans/:version") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let version = try PlanVersionParameter.parameter(context)
            return try JSONResponse.make(try await PlanViews.view(scenarioId: id, version: version, for: who, store: store))
        }
    }
}

/// Builds plan views (the plan redacted for the caller, with the events of a replan).
enum PlanViews {
    static func view(scenarioId: String, version: Int?, for identity: Identity, store: any PlanStore) async throws -> PlanView {
        let row = try await storeCall { try await store.plan(scenarioId: scenarioId, version: version) }
        let current = try await store.scenarioSummary(id: scenarioId).currentPlanVersion == row.version
        let events = row.origin == "replan"
            ? try await store.events(scenarioId: scenarioId).filter { $0.producedPlanVersion == row.version }.map(EventView.init)
            : nil
        let source = identity.role == .host ? try? await store.scenarioVersion(id: scenarioId, version: row.scenarioVersion).source : nil
        return PlanView(row, current: current, plan: Redaction.plan(try row.decodedPlan(), for: identity, scenarioSource: source),
                        events: events)
    }
}

import Foundation
import Hummingbird
import VisitDomain

/// What-if runs on copies of a scenario (coordinators and planners).
///
/// - `POST /api/scenarios/{id}/whatifs[?version=N&timeLimit=S]`: a what-if file (FORMAT.md, YAML
///   or JSON) whose variants apply to the scenario's latest version (or version N); its `base`
///   may be left out and is ignored. 202 with the run; 422 when a variant does not fit.
/// - `GET  /api/whatifs/{run}`: state, progress (runs ended of total) and, when done, the
///   comparison (per run: scheduled, unscheduled, score, catering cost, utilisation, urgent
///   visits, solve time and what differs from the base).
/// - `GET  /api/scenarios/{id}/whatifs`: the scenario's what-if runs, newest first.
struct WhatIfRoutes {
    let services: ServerServices

    struct WhatIfRunView: Encodable {
        var id: Int64
        var scenario: String
        var scenarioVersion: Int
        var state: String
        var progress: WhatIfProgressView?
        var comparison: EncodableDocument?
        var message: String?
        var request: String
        var startedAt: String
        var finishedAt: String?
        var startedBy: String

        init(_ row: WhatIfRunRow, progress: WhatIfProgressView?) throws {
            id = row.id ?? 0; scenario = row.scenarioId; scenarioVersion = row.scenarioVersion; state = row.state
            self.progress = progress; message = row.message; request = row.request; startedAt = row.startedAt
            finishedAt = row.finishedAt; startedBy = row.startedBy
            comparison = try row.result.map { EncodableDocument(try DocumentValue.parse($0, format: .json, file: "comparison")) }
        }
    }

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let whatIfs = services.whatIfs
        routes.post("/scenarios/:id/whatifs") { request, context in
            let who = try context.require(.coordinator, .planner, toDo: "run what-ifs")
            let id = try ScenarioID.parameter(context)
            let query = FormQuery(request)
            let version = try await storeCall {
                if let text = query.get("version") {
                    guard let number = Int(text) else { throw APIError.badRequest("version must be a number, not \"\(text)\"") }
                    return try await store.scenarioVersion(id: id, version: number)
                }
                return try await store.latestScenarioVersion(id: id)
            }
            var options = RunOptions(timeLimit: 30)
            if let text = query.get("timeLimit") {
                guard let seconds = Double(text), seconds > 0, seconds <= RunOptions.maximumTimeLimit else {
                    throw APIError.badRequest("timeLimit must be a number of seconds above 0 and at most \(Int(RunOptions.maximumTimeLimit))")
                }
                options.timeLimit = seconds
            }
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.document)
            let claim = try services.quota.claim(for: who.name)
            let run = try await whatIfs.start(version: version, text: text, format: format, options: options, by: who.name, claim: claim)
            return try JSONResponse.make(try WhatIfRunView(run, progress: nil), status: .accepted,
                                         headers: [.location: "/api/whatifs/\(run.id ?? 0)"])
        }
        routes.get("/whatifs/:run") { _, context in
            try context.require(.coordinator, .planner, toDo: "read what-ifs")
            let id = try context.parameters.require("run", as: Int64.self)
            let run = try await storeCall { try await store.whatIf(id: id) }
            return try JSONResponse.make(try WhatIfRunView(run, progress: run.state == "running" ? whatIfs.progress(of: id) : nil))
        }
        routes.get("/scenarios/:id/whatifs") { _, context in
            try context.require(.coordinator, .planner, toDo: "read what-ifs")
            let id = try ScenarioID.parameter(context)
            _ = try await storeCall { try await store.scenarioSummary(id: id) }
            return try JSONResponse.make(try await store.whatIfs(scenarioId: id).map { try WhatIfRunView($0, progress: nil) })
        }
    }
}

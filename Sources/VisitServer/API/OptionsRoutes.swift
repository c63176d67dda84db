import Hummingbird
import VisitDomain

/// Ranked options for a visit not yet in a plan (issue 14), as `visitplan options` gives them.
///
/// - `GET /api/scenarios/{id}/plans/{version|current}/options?visit=V-1030`: the visit's lead
///   time, up to three best placements without moving anyone (each with the week's score), or its
///   blockers and the cheapest way in. Coordinators and planners may ask for any visit; a host for
///   a visit they host or are asked to host (`preferredHost`), without costs (403 otherwise).
///   404 for an unknown visit, 409 for a visit the plan already schedules, 422 when the plan no
///   longer fits the scenario. Solved on the solver threads, at most 5 s.
struct OptionsRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let service = services.options
        routes.get("/scenarios/:id/plans/:version/options") { request, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let version = try PlanVersionParameter.parameter(context)
            guard let visit = try FormQuery(request).get("visit"), !visit.isEmpty else {
                throw APIError.badRequest("name the visit: ?visit=V-1030")
            }
            return try JSONResponse.make(try await service.options(scenarioId: id, planVersion: version, visit: visit, for: who))
        }
    }
}

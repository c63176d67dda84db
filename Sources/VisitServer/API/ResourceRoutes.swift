import Hummingbird
import VisitDomain

/// Resources edited one at a time by the coordinator (issue 14), each change a new scenario version.
///
/// - `PUT    /api/scenarios/{id}/resources/{list}/{resource}` (coordinator): the entry (YAML or
///   JSON, as in a scenario's `rooms`, `tourRoutes`, `staff`, `caterers` or `hotels`; a person's
///   leave is their `unavailable` list) replaces the one with that id, or is added. 201 with the
///   scenario version and, when the current plan still holds, the plan version keeping it
///   (`planKept`); otherwise `problems` says what breaks and the week must be planned again.
///   422 with the entry's field paths (and those of visits it breaks, such as a route still used).
/// - `DELETE /api/scenarios/{id}/resources/{list}/{resource}` (coordinator): removes it, the same way.
struct ResourceRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let edits = ResourceEdits(store: services.store)
        routes.put("/scenarios/:id/resources/:list/:resource") { request, context in
            let who = try context.require(.coordinator, toDo: "change resources")
            let (id, list, resource) = try Self.parameters(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let file = "\(resource).\(format.rawValue)"
            let value = try DocumentBody.parse(text, format: format, file: file)
            let outcome = try await edits.apply(scenarioId: id, list: list, id: resource, value: value, file: file, by: who)
            return try JSONResponse.make(outcome, status: .created, headers: [.location: "/api/scenarios/\(id)/versions/\(outcome.scenarioVersion)"])
        }
        routes.delete("/scenarios/:id/resources/:list/:resource") { _, context in
            let who = try context.require(.coordinator, toDo: "change resources")
            let (id, list, resource) = try Self.parameters(context)
            let outcome = try await edits.apply(scenarioId: id, list: list, id: resource, value: nil, file: "\(resource)", by: who)
            return try JSONResponse.make(outcome, status: .ok)
        }
    }

    private static func parameters(_ context: VisitRequestContext) throws -> (String, ResourceList, String) {
        let id = try ScenarioID.parameter(context)
        let name = try context.parameters.require("list")
        guard let list = ResourceList(rawValue: name) else {
            throw APIError.notFound("there is no resource list \"\(name)\"; use \(ResourceList.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let resource = try context.parameters.require("resource")
        guard !resource.isEmpty, resource.count <= 100 else { throw APIError.badRequest("a resource id has 1 to 100 characters") }
        return (id, list, resource)
    }
}

import Foundation
import Hummingbird
import VisitDomain

/// `GET /api/archive?client=NAME&date=YYYY-MM-DD`: the visits of clients whose name contains NAME
/// (ignoring case) on that date, in every scenario version, each with every plan version that
/// lists it and the change events that touched it. Costs are hidden from hosts.
/// `GET /api/me`: the caller's name and role (the page uses it).
struct ArchiveRoutes {
    let services: ServerServices

    struct ArchivedPlanView: Encodable {
        var version: Int
        var scenarioVersion: Int
        var origin: String
        var createdAt: String
        var createdBy: String
        var visit: PlannedVisit
    }

    struct ArchivedVisitView: Encodable {
        var scenario: String
        var visit: String
        var client: String
        var plans: [ArchivedPlanView]
        var events: [EventView]
    }

    struct ArchiveView: Encodable {
        var client: String
        var date: String
        var visits: [ArchivedVisitView]
    }

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        routes.get("/me") { _, context in
            try JSONResponse.make(IdentityView(try context.caller()))
        }
        routes.get("/archive") { request, context in
            let who = try context.caller()
            let query = FormQuery(request)
            guard let client = query.get("client")?.trimmingCharacters(in: .whitespaces), !client.isEmpty else {
                throw APIError.badRequest("give the client's name: /api/archive?client=NAME&date=YYYY-MM-DD")
            }
            guard let dateText = query.get("date"), let date = LocalDate(iso: dateText) else {
                throw APIError.badRequest("give the visit date as YYYY-MM-DD: /api/archive?client=NAME&date=YYYY-MM-DD")
            }
            let found = try await store.archive(client: client, date: date)
            let visits = try found.map { entry in
                ArchivedVisitView(
                    scenario: entry.scenarioId, visit: entry.visitId, client: entry.clientName,
                    plans: try entry.plans.map { row, visit in
                        ArchivedPlanView(version: row.version, scenarioVersion: row.scenarioVersion, origin: row.origin,
                                         createdAt: row.createdAt, createdBy: row.createdBy,
                                         visit: Redaction.visit(visit, for: who))
                    },
                    events: entry.events.map(EventView.init))
            }
            return try JSONResponse.make(ArchiveView(client: client, date: date.description, visits: visits))
        }
    }
}

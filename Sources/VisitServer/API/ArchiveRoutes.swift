import Foundation
import Hummingbird
import VisitDomain

/// `GET /api/archive?client=NAME&date=YYYY-MM-DD`: the visits of clients whose name contains NAME
/// (ignoring case) on that date, in every scenario version, each with every plan version that
/// lists it, the change events that touched it, and what was recorded after its plan (checklist
/// marks, notes, feedback, task updates, outcome, incidents) with its files. Costs are hidden from
/// hosts, and a host sees the records and files of the visits they host only.
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
        /// Records after the plan, oldest first (`kind` first, as posted), with who and when.
        var records: [RecordView]
        var files: [VisitFileView.File]
    }

    struct RecordView: Encodable {
        var at: String
        var by: String
        var record: EncodableDocument
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
            var visits: [ArchivedVisitView] = []
            for entry in found {
                let hosted = entry.plans.contains { $0.visit.host != nil && $0.visit.host == who.person }
                let mayRead = who.role != .host || hosted
                let records = mayRead ? try await store.records(scenarioId: entry.scenarioId, visitId: entry.visitId) : []
                let files = mayRead ? try await store.attachments(scenarioId: entry.scenarioId, visitId: entry.visitId) : []
                visits.append(ArchivedVisitView(
                    scenario: entry.scenarioId, visit: entry.visitId, client: entry.clientName,
                    plans: entry.plans.map { row, visit in
                        ArchivedPlanView(version: row.version, scenarioVersion: row.scenarioVersion, origin: row.origin,
                                         createdAt: row.createdAt, createdBy: row.createdBy,
                                         visit: Redaction.visit(visit, for: who))
                    },
                    events: entry.events.map(EventView.init),
                    records: records.map { row in
                        RecordView(at: row.at, by: row.recordedBy,
                                   record: EncodableDocument((try? DocumentValue.parse(row.body, format: .json, file: "record")) ?? .string(row.body)))
                    },
                    files: files.map(VisitFileView.File.init)))
            }
            return try JSONResponse.make(ArchiveView(client: client, date: date.description, visits: visits))
        }
    }
}

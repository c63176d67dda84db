import Foundation
import Hummingbird
import VisitDomain

/// What happens to a visit after its plan (issue 15): its file, its records and its files.
///
/// - `GET /api/scenarios/{id}/visits/{visit}/file`: the visit in the current plan with its
///   preparation checklist (done marks, overdue), notes, feedback, follow-up tasks (open, done,
///   overdue, cancelled), outcome, incidents and files (`VisitFileView`).
/// - `POST /api/scenarios/{id}/visits/{visit}/records`: one record (YAML or JSON:
///   `{kind: note, topic: question, text: …}`, see `VisitRecordDecoder`), stored append-only with
///   the caller and the site's time; 201 with the visit's file.
/// - `POST /api/scenarios/{id}/visits/{visit}/files?name=minutes.pdf`: the body is the file
///   (`Content-Type` image/jpeg, image/png, application/pdf or text/plain, checked against the
///   bytes; at most 10 MiB, 50 per visit); 201 with its entry.
/// - `GET /api/files/{file}`: a file's bytes, as an attachment.
/// - `GET /api/scenarios/{id}/followups`: every follow-up task of the scenario's visits, by due time.
///
/// Coordinators reach every visit; a host only the visits they host (403 otherwise), for reading
/// and recording alike; planners read. Nothing here carries a price.
struct VisitRecordRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let files = VisitFiles(services: services)
        let store = services.store
        routes.get("/scenarios/:id/visits/:visit/file") { _, context in
            let who = try context.caller()
            let c = try await files.context(scenarioId: try ScenarioID.parameter(context), visitId: try context.parameters.require("visit"), for: who)
            return try JSONResponse.make(try await files.view(c))
        }
        routes.post("/scenarios/:id/visits/:visit/records") { request, context in
            let who = try context.require(.coordinator, .host, toDo: "record what happened at a visit")
            let c = try await files.context(scenarioId: try ScenarioID.parameter(context), visitId: try context.parameters.require("visit"), for: who)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let name = DocumentBody.fileName(format)
            let body: VisitRecordBody
            do { body = try VisitRecordDecoder.decode(try DocumentBody.parse(text, format: format, file: name), file: name) } catch let error as ScenarioError {
                throw APIError.invalid(error)
            }
            _ = try await files.add(body, to: c, by: who, file: name)
            return try JSONResponse.make(try await files.view(c), status: .created)
        }
        routes.post("/scenarios/:id/visits/:visit/files") { request, context in
            let who = try context.require(.coordinator, .host, toDo: "keep a file with a visit")
            let c = try await files.context(scenarioId: try ScenarioID.parameter(context), visitId: try context.parameters.require("visit"), for: who)
            let name = try FormQuery(request).get("name") ?? ""
            let buffer = try await request.body.collect(upTo: AttachmentPolicy.maxBytes)
            let data = Data(buffer.readableBytesView)
            let type: String
            switch AttachmentPolicy.check(declared: request.headers[.contentType], data: data, name: name) {
            case .success(let checked): type = checked
            case .failure(let refusal): throw APIError(status: .unprocessableContent, message: refusal.reason)
            }
            let kept = try await store.attachments(scenarioId: c.scenarioId, visitId: c.visit.id)
            guard kept.count < AttachmentPolicy.maxPerVisit else {
                throw APIError(status: .unprocessableContent, message: "\(c.visit.id) already keeps \(kept.count) files, the most a visit may")
            }
            let row = try await storeCall {
                try await store.addAttachment(AttachmentRow(id: nil, scenarioId: c.scenarioId, visitId: c.visit.id, name: name, contentType: type,
                                                            size: data.count, data: data, addedBy: who.name, addedAt: ""))
            }
            let view = VisitFileView.File(row)
            return try JSONResponse.make(view, status: .created, headers: [.location: view.url])
        }
        routes.get("/files/:file") { _, context in
            let who = try context.caller()
            let id = try context.parameters.require("file", as: Int64.self)
            let row = try await storeCall { try await store.attachment(id: id) }
            _ = try await files.context(scenarioId: row.scenarioId, visitId: row.visitId, for: who)   // the same reach as the visit's file
            let disposition = "attachment; filename=\"\(row.name.filter { $0.isASCII && $0 != "\"" })\""
            return Response(status: .ok, headers: [.contentType: row.contentType, .contentDisposition: disposition,
                                                   .contentSecurityPolicy: "default-src 'none'", .cacheControl: "private, no-cache"],
                            body: .init(byteBuffer: ByteBuffer(bytes: row.data)))
        }
        routes.get("/scenarios/:id/followups") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let row = try await storeCall { try await store.plan(scenarioId: id, version: nil) }
            let plan = try row.decodedPlan()
            let scenario = try await storeCall { try await store.scenarioVersion(id: id, version: row.scenarioVersion) }.loadScenario()
            let records = try await files.records(id, visitId: nil)
            let now = services.now(for: scenario)
            let files = VisitFile.byVisit(records)
            var tasks: [FollowUpListEntry] = []
            for planned in plan.visits where planned.scheduled {
                guard let visit = scenario.visit(planned.id), let end = planned.end else { continue }
                if who.role == .host, planned.host == nil || planned.host != who.person { continue }
                let file = files[visit.id] ?? VisitFile(visitId: visit.id, records: [])
                let plan = FollowUpPlan(visitId: visit.id, end: end, host: planned.host, owner: visit.owner, file: file, now: now)
                tasks += plan.tasks.map { FollowUpListEntry(visit: visit.id, client: visit.client.name, key: $0.key, title: $0.title,
                                                            owner: scenario.staffMember($0.owner)?.displayName ?? $0.owner,
                                                            due: $0.due.description, state: $0.state.rawValue, doneAt: $0.doneAt?.description) }
            }
            return try JSONResponse.make(FollowUpList(now: now.description, tasks: tasks.sorted { ($0.due, $0.visit, $0.key) < ($1.due, $1.visit, $1.key) }))
        }
    }
}

/// Every follow-up task of a scenario's visits (the follow-up list).
struct FollowUpList: Encodable, Sendable {
    var now: String
    var tasks: [FollowUpListEntry]
}

struct FollowUpListEntry: Encodable, Sendable {
    var visit: String
    var client: String?
    var key: String
    var title: String
    var owner: String
    var due: String
    var state: String
    var doneAt: String?
}

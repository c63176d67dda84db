import Foundation
import Hummingbird
import VisitDomain

/// Agenda templates (issue 14): named agendas a request may use (`agendaTemplate`), kept in the
/// store by the coordinator; every change is a new version, none is ever overwritten.
///
/// - `GET    /api/agenda-templates`: the templates in force, by name (any token).
/// - `PUT    /api/agenda-templates/{name}` (coordinator): `{description, agenda}` as the next
///   version; 201 for a new name, 200 otherwise; 422 with field paths.
/// - `DELETE /api/agenda-templates/{name}` (coordinator): retires it (a version without agenda); 204.
struct TemplateRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        routes.get("/agenda-templates") { _, context in
            try context.caller()
            return try JSONResponse.make(try await store.templates().map(TemplateView.init))
        }
        routes.put("/agenda-templates/:name") { request, context in
            let who = try context.require(.coordinator, toDo: "change agenda templates")
            let name = try Self.name(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let file = "\(name).\(format.rawValue)"
            let document = try DocumentBody.parse(text, format: format, file: file)
            let template: AgendaTemplate
            do { template = try AgendaTemplate.decode(document, name: name, file: file) } catch let error as ScenarioError {
                throw APIError.invalid(error)
            }
            let isNew = try await !store.templates().contains { $0.name == name }
            let row = try await store.saveTemplate(AgendaTemplateRow(
                name: name, version: 0, description: template.description, agenda: DocumentJSON.text(.array(template.agenda), indent: nil),
                createdAt: "", createdBy: who.name))
            return try JSONResponse.make(TemplateView(row), status: isNew ? .created : .ok,
                                         headers: [.location: "/api/agenda-templates/\(name)"])
        }
        routes.delete("/agenda-templates/:name") { _, context in
            let who = try context.require(.coordinator, toDo: "retire agenda templates")
            let name = try Self.name(context)
            guard try await store.templates().contains(where: { $0.name == name }) else {
                throw APIError.notFound("there is no agenda template \"\(name)\"")
            }
            _ = try await store.saveTemplate(AgendaTemplateRow(name: name, version: 0, description: nil, agenda: nil, createdAt: "",
                                                               createdBy: who.name))
            return Response(status: .noContent)
        }
    }

    private static func name(_ context: VisitRequestContext) throws -> String {
        let name = try context.parameters.require("name")
        guard AgendaTemplate.isValidName(name) else {
            throw APIError.badRequest("\"\(name)\" cannot name a template: use letters, digits, '.', '_' and '-' (at most 60)")
        }
        return name
    }
}

/// A template as the API shows it: its agenda as a document.
struct TemplateView: Encodable {
    var name: String
    var version: Int
    var description: String?
    var agenda: EncodableDocument
    var updatedAt: String
    var updatedBy: String

    init(_ row: AgendaTemplateRow) {
        name = row.name; version = row.version; description = row.description
        agenda = EncodableDocument((try? DocumentValue.parse(row.agenda ?? "[]", format: .json, file: row.name)) ?? .array([]))
        updatedAt = row.createdAt; updatedBy = row.createdBy
    }
}

import Hummingbird
import VisitDomain

/// Scenarios and their versions.
///
/// - `GET  /api/scenarios`: every scenario with its latest version and current plan version.
/// - `POST /api/scenarios[?id=ID]` (coordinator): a new scenario from a YAML or JSON body; the id
///   defaults to the scenario's `name`. 201, or 409 when the id is taken, 422 with field paths.
/// - `GET  /api/scenarios/{id}`: its versions and the latest document (costs hidden from hosts).
/// - `PUT  /api/scenarios/{id}` (coordinator): stores the body as the next version (creating the
///   scenario when new). The current plan stays current until a plan of the new version is made.
/// - `GET  /api/scenarios/{id}/versions/{version}`: one version's document.
struct ScenarioRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        routes.get("/scenarios") { _, context in
            try context.caller()
            return try JSONResponse.make(try await store.scenarios().map(ScenarioSummaryView.init))
        }
        routes.post("/scenarios") { request, context in
            let who = try context.require(.coordinator, toDo: "create scenarios")
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.document)
            let document = try DocumentBody.parse(text, format: format, file: DocumentBody.fileName(format))
            let id = try ScenarioID.forNewScenario(query: FormQuery(request).get("id"), document: document, format: format)
            let upload = try ScenarioUploads.check(document, text: text, format: format, file: DocumentBody.fileName(format))
            let row = try await storeCall { try await store.createScenario(id: id, upload: upload, origin: "upload", by: who.name) }
            return try JSONResponse.make(ScenarioVersionView(row), status: .created, headers: [.location: "/api/scenarios/\(id)"])
        }
        routes.get("/scenarios/:id") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let summary = try await storeCall { try await store.scenarioSummary(id: id) }
            let versions = try await store.scenarioVersions(id: id)
            let document = try ScenarioUploads.document(of: summary.latest, for: who,
                                                        hosted: await Redaction.hostedVisits(scenarioId: id, for: who, store: store))
            return try JSONResponse.make(ScenarioDetailView(
                id: id, name: summary.latest.name, latestVersion: summary.latest.version,
                currentPlanVersion: summary.currentPlanVersion, versions: versions.map { ScenarioVersionView($0) },
                document: EncodableDocument(document)))
        }
        routes.put("/scenarios/:id") { request, context in
            let who = try context.require(.coordinator, toDo: "change scenarios")
            let id = try ScenarioID.parameter(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.document)
            let file = "\(id).\(format.rawValue)"
            let document = try DocumentBody.parse(text, format: format, file: file)
            let upload = try ScenarioUploads.check(document, text: text, format: format, file: file)
            let row = try await storeCall { try await store.addScenarioVersion(id: id, upload: upload, origin: "upload", by: who.name) }
            return try JSONResponse.make(ScenarioVersionView(row), status: row.version == 1 ? .created : .ok,
                                         headers: [.location: "/api/scenarios/\(id)/versions/\(row.version)"])
        }
        routes.get("/scenarios/:id/versions/:version") { _, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let version = try context.parameters.require("version", as: Int.self)
            let row = try await storeCall { try await store.scenarioVersion(id: id, version: version) }
            let hosted = await Redaction.hostedVisits(scenarioId: id, for: who, store: store)
            return try JSONResponse.make(ScenarioVersionView(row, document: try ScenarioUploads.document(of: row, for: who, hosted: hosted)))
        }
    }
}

/// Scenario ids: the key in URLs (`acme-hq-demo-week`): letters, digits, `.`, `_` and `-`.
enum ScenarioID {
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    static func isValid(_ id: String) -> Bool {
        guard let first = id.first, id.count <= 100, first.isASCII, first.isLetter || first.isNumber else { return false }
        return id.allSatisfy(allowed.contains)
    }

    /// The `{id}` path parameter, checked.
    static func parameter(_ context: VisitRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard isValid(id) else { throw APIError.notFound("there is no scenario \"\(id)\"") }
        return id
    }

    /// The id of a new scenario: `?id=`, else its `name`. A document with neither is a 422.
    static func forNewScenario(query: String?, document: DocumentValue, format: DocumentFormat) throws(APIError) -> String {
        let file = DocumentBody.fileName(format)
        guard let id = query ?? document["name"]?.stringValue else {
            throw .invalid(.invalid([ValidationIssue(file: file, path: "name", message: "a stored scenario needs a name (or give ?id= in the URL)")]))
        }
        guard isValid(id) else {
            throw .invalid(.invalid([ValidationIssue(file: file, path: query == nil ? "name" : "",
                message: "\"\(id)\" cannot be a scenario id: use letters, digits, '.', '_' and '-' (at most 100), starting with a letter or digit")]))
        }
        return id
    }
}

/// Checking scenario bodies and showing stored versions.
enum ScenarioUploads {
    /// The document decoded and checked as a scenario; 422 listing every problem.
    static func check(_ document: DocumentValue, text: String, format: DocumentFormat, file: String) throws(APIError) -> ScenarioUpload {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.decode(document, file: file)
        } catch {
            throw .invalid(error)
        }
        do {
            return try ScenarioUpload(scenario: scenario, original: text, originalFormat: format)
        } catch {
            throw .unwritable(error)
        }
    }

    /// A stored version's canonical document as `identity` may see it.
    static func document(of row: ScenarioVersionRow, for identity: Identity, hosted: Set<String>?) throws -> DocumentValue {
        let document = try DocumentValue.parse(row.source, format: .json, file: "\(row.scenarioId) version \(row.version)")
        return Redaction.scenario(document, for: identity, hosted: hosted)
    }
}

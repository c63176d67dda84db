import Hummingbird
import VisitDomain
import VisitReplanner

/// Visit requests from the people who make them (issue 14).
///
/// - `POST /api/scenarios/{id}/requests` (coordinator, business): a request (YAML or JSON: a visit
///   as in a scenario, `id`, `requestedAt` and `agenda` optional, `agendaTemplate` instead of an
///   agenda). Stored as the next scenario version, with the visit waiting in the next plan version;
///   201 with its lead time and ranked options (`options`, or `optionsError` when they could not
///   be found). 422 with the request's field paths, as a scenario's.
/// - `POST /api/scenarios/{id}/requests/import[?skipBad=true]` (coordinator, business): a CSV file
///   of requests (README "Importing requests from CSV"). 422 with one issue per bad row
///   (`row 3, column latest`) and nothing stored, unless `skipBad`: then the good rows are stored
///   and the bad ones listed in `skipped`.
/// - `GET /api/scenarios/{id}/requests` (coordinator, planner: all; business: its own): each with
///   its state in the current plan: `waiting`, or `scheduled` with its times and host.
/// - `POST /api/scenarios/{id}/requests/{visit}/accept` (coordinator): body `{"planVersion": n,
///   "option": k}`, both optional: option k as offered now (else the best, else the cheapest way in)
///   into plan n (else the current plan). 201 with the new plan version; 409 when plan n is no
///   longer current or option k is no longer offered; 422 when the visit cannot be placed at all.
struct RequestRoutes {
    let services: ServerServices
    let requests: RequestService

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        let options = services.options
        routes.post("/scenarios/:id/requests") { request, context in
            let who = try context.require(.coordinator, .business, toDo: "submit visit requests")
            let id = try ScenarioID.parameter(context)
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let file = "request.\(format.rawValue)"
            let document = try DocumentBody.parse(text, format: format, file: file)
            let (commit, visit) = try await requests.saveOne(scenarioId: id, document: document, file: file, by: who)
            var view = SavedRequestView(commit, visit: visit)
            do {
                let answer = try await options.options(scenarioId: id, planVersion: commit.plan.version, visit: visit, for: who)
                view.leadTime = answer.options.leadTime
                view.options = answer
            } catch let error as APIError {
                view.optionsError = error.message
            }
            return try JSONResponse.make(view, status: .created, headers: [.location: "/api/scenarios/\(id)/requests"])
        }
        routes.post("/scenarios/:id/requests/import") { request, context in
            let who = try context.require(.coordinator, .business, toDo: "import visit requests")
            let id = try ScenarioID.parameter(context)
            let skipBad = try Self.flag(FormQuery(request).get("skipBad"), name: "skipBad")
            let text = try await RequestBodyLimit.text(request, limit: RequestBodyLimit.document)
            let imported = try await requests.importCSV(scenarioId: id, text: text, skipBad: skipBad, by: who)
            return try JSONResponse.make(ImportView(imported), status: .created, headers: [.location: "/api/scenarios/\(id)/requests"])
        }
        routes.get("/scenarios/:id/requests") { _, context in
            let who = try context.require(.coordinator, .planner, .business, toDo: "read visit requests")
            let id = try ScenarioID.parameter(context)
            let rows = try await storeCall { try await store.requests(scenarioId: id) }
            let plan = try? await store.plan(scenarioId: id, version: nil).decodedPlan()
            let scenario = try? await store.latestScenarioVersion(id: id).loadScenario()
            let mine = who.role == .business ? RequestOwnership.visits(of: who, in: scenario, requests: rows) : nil
            let held = plan.map { WaitingRequest.heldVisits(rows.map(\.visitId), in: $0) } ?? []
            return try JSONResponse.make(rows.filter { mine?.contains($0.visitId) ?? true }.map { row in
                RequestStateView(row, planned: plan?.visit(row.visitId), visit: scenario?.visit(row.visitId),
                                 waiting: held.contains(row.visitId))
            })
        }
        routes.post("/scenarios/:id/requests/:visit/accept") { request, context in
            let who = try context.require(.coordinator, toDo: "accept visit requests")
            let id = try ScenarioID.parameter(context)
            let visit = try context.parameters.require("visit")
            let (text, format) = try await DocumentBody.read(request, limit: RequestBodyLimit.small)
            let choice = try AcceptChoice.parse(text, format: format)
            let accepted = try await requests.accept(scenarioId: id, visit: visit, planVersion: choice.planVersion, option: choice.option, by: who)
            let row = accepted.row
            var view = AcceptView(scenario: id, version: row.version, basePlanVersion: row.basePlanVersion ?? row.version - 1,
                                  scenarioVersion: row.scenarioVersion, visit: visit, taken: accepted.taken,
                                  plan: Redaction.plan(accepted.plan, for: who))
            view.placed = accepted.plan.visit(visit)
            return try JSONResponse.make(view, status: .created, headers: [.location: "/api/scenarios/\(id)/plans/\(row.version)"])
        }
    }

    /// `true`/`1`/`yes` or `false`/`0`/`no`/absent; 400 otherwise.
    static func flag(_ text: String?, name: String) throws(APIError) -> Bool {
        switch text?.lowercased() {
        case nil, "", "false", "0", "no": return false
        case "true", "1", "yes": return true
        default: throw .badRequest("?\(name)= takes true or false")
        }
    }
}

/// The body of an accept: which plan version and option, both optional.
struct AcceptChoice: Sendable {
    var planVersion: Int?
    var option: Int?

    static func parse(_ text: String, format: DocumentFormat) throws(APIError) -> AcceptChoice {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return AcceptChoice() }
        let file = DocumentBody.fileName(format)
        let document = try DocumentBody.parse(text, format: format, file: file)
        var issues: [ValidationIssue] = []
        guard let fields = document.objectValue else {
            throw .invalid(.invalid([ValidationIssue(file: file, path: "", message: "expected {planVersion, option}")]))
        }
        for key in fields.keys where !["planVersion", "option"].contains(key) {
            issues.append(ValidationIssue(file: file, path: key, message: "unknown field; an accept has planVersion and option"))
        }
        func number(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value = fields[key], value != .null else { return nil }
            guard let n = value.intValue, range.contains(n) else {
                issues.append(ValidationIssue(file: file, path: key, message: "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(value.shortDescription)"))
                return nil
            }
            return n
        }
        let choice = AcceptChoice(planVersion: number("planVersion", 1...1_000_000_000), option: number("option", 1...10))
        guard issues.isEmpty else { throw .invalid(.invalid(issues)) }
        return choice
    }
}

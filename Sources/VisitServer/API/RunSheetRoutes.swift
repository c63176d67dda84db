import Hummingbird
import VisitDomain

/// Printable run sheets of a plan version (issue 15), as the `visitplan runsheet` command prints them.
///
/// - `GET /api/scenarios/{id}/plans/{version|current}/runsheets[?visit=V-1001]`: one HTML page per
///   visit (print CSS breaks the pages). Coordinators and planners get every scheduled visit; a
///   host gets only the visits they host (asking for another is 403), a business token its own
///   visits, logistics none (403), since a sheet carries the client's contact. No prices or
///   budgets are on a sheet.
struct RunSheetRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        routes.get("/scenarios/:id/plans/:version/runsheets") { request, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let version = try PlanVersionParameter.parameter(context)
            let row = try await storeCall { try await store.plan(scenarioId: id, version: version) }
            let plan = try row.decodedPlan()
            let scenario = try await storeCall { try await store.scenarioVersion(id: id, version: row.scenarioVersion) }.loadScenario()
            if who.role == .logistics {
                throw APIError.forbidden("a logistics token may not read run sheets: they carry the clients' contacts and guests; "
                                         + "the plan shows rooms, times and caterers")
            }
            let owned = who.role == .business ? await RequestOwnership.visits(of: who, scenarioId: id, store: store) : nil
            let wanted = try FormQuery(request).get("visit")
            var visits = plan.visits.filter(\.scheduled)
                .sorted { ($0.start ?? .init(minutes: 0), $0.id) < ($1.start ?? .init(minutes: 0), $1.id) }
            if let wanted {
                guard let visit = plan.visit(wanted) else { throw APIError.notFound("plan version \(row.version) has no visit \"\(wanted)\"") }
                guard visit.scheduled else { throw APIError.notFound("\(wanted) is not scheduled in plan version \(row.version)") }
                if who.role == .host, visit.host == nil || visit.host != who.person {
                    throw APIError.forbidden("a host token reads the run sheets of the visits it hosts only")
                }
                if let owned, !owned.contains(wanted) {
                    throw APIError.forbidden("a business token reads the run sheets of its own visits only")
                }
                visits = [visit]
            } else if who.role == .host {
                visits = visits.filter { $0.host != nil && $0.host == who.person }
            } else if let owned {
                visits = visits.filter { owned.contains($0.id) }
            }
            let onCall = ITOnCall(scenario: scenario, plan: plan)
            let sheets = visits.compactMap { RunSheet(scenario: scenario, plan: plan, visit: $0.id, onCall: onCall) }
            let html = RunSheetHTML(sheets, title: "Run sheets: \(scenario.name), plan version \(row.version)",
                                    stylesheet: Self.stylesheetPath).render()
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache",
                                                   .contentSecurityPolicy: "default-src 'none'; style-src 'self'"],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    /// The sheets' styles, served beside the page (its pages allow no inline styles).
    static let stylesheetPath = "/runsheet.css"

    static func addStylesheet(to router: Router<VisitRequestContext>) {
        router.get(RouterPath(stylesheetPath)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: RunSheetHTML.css)))
        }
    }
}

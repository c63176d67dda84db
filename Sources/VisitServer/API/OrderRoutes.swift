import Hummingbird
import VisitDomain

/// Caterers' order sheets of a plan version (issue 15), as `visitplan orders` prints them.
///
/// - `GET /api/scenarios/{id}/plans/{version|current}/orders[?caterer=ID]`: per caterer, every meal
///   by time with the visit, the service, what to cook (diners and dietary counts) and the host to
///   ask. Coordinators and planners see the agreed price per head; logistics every meal without
///   prices; a host the meals of the visits they host, a business token those of its own
///   requests, without prices.
struct OrderRoutes {
    let services: ServerServices

    struct SheetView: Encodable {
        var caterer: String
        var orders: [OrderView]
    }

    struct OrderView: Encodable {
        var visit: String
        var client: String
        var service: String
        var start: String
        var end: String
        var diners: Int
        var dietary: [String: Int]
        /// "9 diners: 2 vegetarian, 7 standard".
        var cook: String
        var host: String?
        var pricePerHead: Double?
    }

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let store = services.store
        routes.get("/scenarios/:id/plans/:version/orders") { request, context in
            let who = try context.caller()
            let id = try ScenarioID.parameter(context)
            let row = try await storeCall { try await store.plan(scenarioId: id, version: try PlanVersionParameter.parameter(context)) }
            let plan = try row.decodedPlan()
            let scenario = try await storeCall { try await store.scenarioVersion(id: id, version: row.scenarioVersion) }.loadScenario()
            let only = FormQuery(request).get("caterer")
            if let only, scenario.caterer(only) == nil { throw APIError.notFound("scenario \"\(id)\" has no caterer \"\(only)\"") }
            let hosted = Set(plan.visits.filter { $0.host != nil && $0.host == who.person }.map(\.id))
            // A host reads the meals of the visits they host, a business token those of its own requests.
            let reaches: (String) -> Bool = switch who.role {
            case .host: { hosted.contains($0) }
            case .business: { visit in who.person != nil && scenario.visit(visit)?.owner == who.person }
            default: { _ in true }
            }
            let sheets = CatererOrders.from(scenario: scenario, plan: plan, only: only).compactMap { sheet -> SheetView? in
                let orders = sheet.orders.filter { reaches($0.visit) }
                guard !orders.isEmpty else { return nil }
                return SheetView(caterer: sheet.caterer, orders: orders.map { order in
                    OrderView(visit: order.visit, client: order.client, service: order.service, start: order.interval.start.description,
                              end: order.interval.end.description, diners: order.order.diners,
                              dietary: Dictionary(order.order.dietary.map { ($0.need, $0.count) }, uniquingKeysWith: +),
                              cook: order.order.description, host: order.host,
                              pricePerHead: who.role.seesCosts ? order.pricePerHead : nil)
                })
            }
            return try JSONResponse.make(sheets)
        }
    }
}

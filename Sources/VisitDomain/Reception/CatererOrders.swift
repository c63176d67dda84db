/// What each caterer must prepare, from a plan: every meal it serves, with the time, the visit,
/// the service and what to cook (diners and dietary counts). The caterer's order sheet
/// (`visitplan orders`) and its feed read this.
public struct CatererOrders: Sendable, Hashable {
    /// One meal to prepare.
    public struct Order: Sendable, Hashable {
        public var visit: String
        public var client: String
        public var agendaIndex: Int
        /// "Working meal".
        public var service: String
        public var interval: TimeInterval
        public var order: MealOrder
        /// The price agreed for the meal (the coordinator's sheet shows it; feeds do not).
        public var pricePerHead: Double?
        /// Who hosts the visit, to ask about the meal.
        public var host: String?
    }

    public var caterer: String
    /// By start, then visit.
    public var orders: [Order]

    /// Every caterer with at least one meal in the plan (by id); `only` limits it to one.
    public static func from(scenario: Scenario, plan: Plan, only: String? = nil) -> [CatererOrders] {
        var byCaterer: [String: [Order]] = [:]
        for planned in plan.visits {
            for (caterer, order) in orders(of: planned, scenario: scenario) where only == nil || caterer == only {
                byCaterer[caterer, default: []].append(order)
            }
        }
        return byCaterer.keys.sorted().map { caterer in
            CatererOrders(caterer: caterer, orders: byCaterer[caterer]!.sorted {
                ($0.interval.start, $0.visit, $0.agendaIndex) < ($1.interval.start, $1.visit, $1.agendaIndex)
            })
        }
    }

    /// The meals of one planned visit, each with its caterer (none when it is not scheduled).
    public static func orders(of planned: PlannedVisit, scenario: Scenario) -> [(caterer: String, order: Order)] {
        guard planned.scheduled, let visit = scenario.visit(planned.id) else { return [] }
        return (planned.items ?? []).enumerated().compactMap { position, item in
            let index = item.agendaIndex ?? position
            guard let caterer = item.caterer, visit.agenda.indices.contains(index), case .meal(let meal) = visit.agenda[index] else { return nil }
            return (caterer, Order(
                visit: visit.id, client: visit.client.name ?? visit.id, agendaIndex: index, service: RunSheet.serviceTitle(meal.service),
                interval: item.interval, order: MealOrder(visit: visit, diners: item.diners ?? scenario.diners(visit)),
                pricePerHead: item.pricePerHead, host: planned.host.map { scenario.staffMember($0)?.displayName ?? $0 }))
        }
    }

    /// The order sheet as text, one line per meal under its date.
    public func text(withPrices: Bool) -> String {
        var lines = ["Orders for \(caterer)"]
        var date: LocalDate?
        for order in orders {
            if order.interval.start.date != date {
                date = order.interval.start.date
                lines.append("")
                lines.append("\(order.interval.start.date.weekday.rawValue.capitalized) \(order.interval.start.date)")
            }
            var line = "  \(order.interval.start.timeOfDay)–\(order.interval.end.timeOfDay)  \(order.service) for \(order.client) (\(order.visit)): \(order.order)"
            if withPrices, let price = order.pricePerHead { line += "; \(price.formatted(.number.precision(.fractionLength(0...2)))) per head" }
            if let host = order.host { line += "; host \(host)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

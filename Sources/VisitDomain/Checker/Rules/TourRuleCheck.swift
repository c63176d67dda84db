/// Rule 6, tour: a route from the item's `routes` (NDA when confidential), one guide per group
/// (role guide, certified, speaking the language), and never more groups on a route at once than
/// its `concurrentGroups`.
struct TourRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.items.flatMap { v, item in item.tour.map { check(v, item, $0, c) } ?? [] } + crowding(c)
    }

    private func check(_ v: CheckedVisit, _ item: CheckedItem, _ tour: Tour, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .tour, visit: v.id, item: item.index, message: message)) }
        let what = "the tour of \(v.id) at \(item.interval)"
        guard let id = item.planned.route else { add("\(what) has no route"); return out }
        guard let route = c.scenario.route(id) else { add("route \(id) of \(what) is not in the scenario"); return out }
        if !tour.routes.contains(id) { add("route \(id) is not one of the routes (\(tour.routes.joined(separator: ", "))) allowed for \(what)") }
        if route.confidential && !v.visit.ndaSigned { add("route \(id) is confidential but \(v.id) has no signed NDA") }
        let guides = item.planned.guides ?? []
        let groups = c.scenario.tourGroups(v.visit, on: route)
        if guides.count != groups && !c.isFrozen(v.id, item.index) {
            add("\(what) on route \(id) takes \(v.visit.headcount) visitors in \(groups) groups of at most \(route.maxGroupSize) and needs \(groups) guides; \(guides.count) planned")
        }
        for guide in Set(guides).sorted() where guides.filter({ $0 == guide }).count > 1 { add("guide \(guide) fills two places in \(what)") }
        for guide in guides {
            guard let member = c.scenario.staffMember(guide) else { add("guide \(guide) of \(what) is not on the staff"); continue }
            if !member.has(.guide) { add("\(guide) does not have the guide role needed in \(what)") }
            if !member.routes.contains(id) { add("guide \(guide) is not certified for route \(id) in \(what)") }
            if let language = v.visit.language, !member.languages.contains(language) {
                add("guide \(guide) does not speak \(language) for \(what)")
            }
        }
        return out
    }

    /// Moments when a route carries more groups than its `concurrentGroups`.
    private func crowding(_ c: CheckContext) -> [RuleViolation] {
        c.scenario.tourRoutes.flatMap { route -> [RuleViolation] in
            let uses = c.items.filter { $0.item.tour != nil && $0.item.planned.route == route.id }.map { v, item in
                let frozen = c.isFrozen(v.id, item.index)
                let groups = frozen ? (item.planned.guides ?? []).count : c.scenario.tourGroups(v.visit, on: route)
                return LoadProfile.Use(interval: item.interval, amount: groups, visit: v.id, kept: frozen)
            }
            return LoadProfile(uses: uses).overloads(limit: route.concurrentGroups).map { o in
                RuleViolation(rule: .tour, visit: o.visits.last, message:
                    "route \(route.id) carries \(o.load) groups at \(o.interval) (\(o.visits.joined(separator: ", "))); it takes \(route.concurrentGroups)")
            }
        }
    }
}

/// Rule 7, meal: an approved caterer offering the service and serving every dietary restriction,
/// at its own price per head within the budget for the service and tier, for headcount + 1 diners
/// at price × diners; never more diners at once than its capacity; all meals within the weekly
/// hospitality budget.
struct MealRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.items.flatMap { v, item in item.meal.map { check(v, item, $0, c) } ?? [] } + crowding(c) + weeklyBudget(c)
    }

    private func check(_ v: CheckedVisit, _ item: CheckedItem, _ meal: Meal, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .meal, visit: v.id, item: item.index, message: message)) }
        let what = "the \(meal.service) of \(v.id) at \(item.interval)"
        guard let id = item.planned.caterer else { add("\(what) has no caterer"); return out }
        guard let caterer = c.scenario.caterer(id) else { add("caterer \(id) of \(what) is not in the scenario"); return out }
        if !caterer.approved { add("caterer \(id) of \(what) is not approved") }
        let dietary = Set(v.visit.dietary.keys).subtracting(caterer.dietary)
        if !dietary.isEmpty { add("caterer \(id) cannot serve \(CheckFormat.list(dietary)) for \(what)") }
        guard let service = caterer.services[meal.service] else { add("caterer \(id) does not offer \(meal.service) for \(what)"); return out }
        let price = service.pricePerHead
        if let budget = c.scenario.policies.budgetPerHead(service: meal.service, tier: v.visit.client.tier), price > budget {
            add("caterer \(id) charges \(CheckFormat.number(price)) per head for \(meal.service), over the budget of \(CheckFormat.number(budget)) for \(what)")
        }
        if let listed = item.planned.pricePerHead, !Approx.equal(listed, price) {
            add("\(what) lists \(CheckFormat.number(listed)) per head but caterer \(id) charges \(CheckFormat.number(price))")
        }
        let diners = MealPricing.diners(c.scenario, item.planned, of: v.visit)
        if !c.isFrozen(v.id, item.index) && diners != c.scenario.diners(v.visit) {
            add("\(what) at caterer \(id) lists \(diners) diners; headcount + host is \(c.scenario.diners(v.visit))")
        }
        let cost = price * Double(diners)
        if let listed = item.planned.cost, !Approx.equal(listed, cost) {
            add("\(what) at caterer \(id) lists cost \(CheckFormat.number(listed)); \(CheckFormat.number(price)) × \(diners) is \(CheckFormat.number(cost))")
        }
        let absent = [("pricePerHead", item.planned.pricePerHead == nil), ("diners", item.planned.diners == nil),
                      ("cost", item.planned.cost == nil)].filter(\.1).map(\.0)
        if !absent.isEmpty { add("\(what) at caterer \(id) lacks \(absent.joined(separator: ", "))") }
        return out
    }

    /// Moments when a caterer serves more diners than its capacity.
    private func crowding(_ c: CheckContext) -> [RuleViolation] {
        c.scenario.caterers.flatMap { caterer -> [RuleViolation] in
            guard let capacity = caterer.capacity else { return [] }
            let uses = c.items.filter { $0.item.meal != nil && $0.item.planned.caterer == caterer.id }.map { v, item in
                LoadProfile.Use(interval: item.interval, amount: MealPricing.diners(c.scenario, item.planned, of: v.visit), visit: v.id,
                                kept: c.isFrozen(v.id, item.index))
            }
            return LoadProfile(uses: uses).overloads(limit: capacity).map { o in
                RuleViolation(rule: .meal, visit: o.visits.last, message:
                    "caterer \(caterer.id) serves \(o.load) diners at \(o.interval) (\(o.visits.joined(separator: ", "))); its capacity is \(capacity)")
            }
        }
    }

    private func weeklyBudget(_ c: CheckContext) -> [RuleViolation] {
        guard let budget = c.scenario.policies.weeklyHospitalityBudget, c.cateringCost > budget,
              !Approx.equal(c.cateringCost, budget) else { return [] }
        return [RuleViolation(rule: .meal, message:
            "catering costs \(CheckFormat.number(c.cateringCost)) in total, over the weekly hospitality budget of \(CheckFormat.number(budget))")]
    }
}

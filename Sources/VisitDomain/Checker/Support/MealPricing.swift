/// The true price and cost of a planned meal, from the scenario (checker-internal). The score, the
/// totals check and rule 7 all use this one definition.
enum MealPricing {
    /// The caterer's price per head for `service`, or nil when the caterer or service is unknown.
    static func price(_ scenario: Scenario, caterer: String?, service: String) -> Double? {
        guard let id = caterer else { return nil }
        return scenario.caterer(id)?.services[service]?.pricePerHead
    }

    /// Diners at a planned meal: its own count, else headcount + 1.
    static func diners(_ scenario: Scenario, _ item: PlannedItem, of visit: Visit) -> Int {
        item.diners ?? scenario.diners(visit)
    }

    /// Cost of a planned meal: the caterer's price (the plan's when the caterer is unknown) × diners.
    static func cost(_ scenario: Scenario, _ item: PlannedItem, meal: Meal, of visit: Visit) -> Double {
        let price = price(scenario, caterer: item.caterer, service: meal.service) ?? item.pricePerHead ?? 0
        return price * Double(diners(scenario, item, of: visit))
    }
}

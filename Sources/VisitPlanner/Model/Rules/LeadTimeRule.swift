import VisitDomain

/// Rule 3 (lead time) in the model: a visit may start only where `Scenario.leadTime` is not
/// too late, and a meal only at least the caterer's lead time after `now` (unless a replan keeps
/// an order that stands). Enforced by candidate generation, so it needs no rows.
struct LeadTimeRule: Sendable {
    let scenario: Scenario
    /// Meals (visit id, agenda index) whose caterer order stands at a fixed caterer and start.
    var standingOrders: [MealOrderKey: (caterer: Int, start: Int)] = [:]
    /// Lets every meal be ordered whatever the caterer's notice (only to find out, for a reason,
    /// whether that notice is what blocks a visit; never in a model).
    var ignoresCatererNotice = false

    func visitMayStart(_ visit: Visit, at minute: Int) -> Bool {
        scenario.leadTime(of: visit, startingAt: LocalDateTime(minutes: minute)) != .tooLate
    }

    func mealMayStart(visit: String, item: Int, caterer: Int, at minute: Int) -> Bool {
        if let order = standingOrders[MealOrderKey(visit: visit, item: item)], order.caterer == caterer, order.start == minute {
            return true
        }
        return ignoresCatererNotice || minute >= scenario.now.minutes + scenario.caterers[caterer].leadTimeHours * 60
    }
}

/// Names one meal of one visit (agenda index in the scenario).
struct MealOrderKey: Hashable, Sendable {
    var visit: String
    var item: Int
}

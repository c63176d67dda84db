/// Rule 2, working time: meetings and tours inside working hours on working, non-holiday days of
/// the horizon, tours also inside the route's open hours; meals inside the caterer's hours for the
/// service on a day of the horizon. Frozen items (replanning) are kept as they started.
struct WorkingTimeRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.items.compactMap { v, item in
            // A frozen item ran inside the hours when it started; one an `extendItem` lengthens
            // while it runs may run over them.
            guard !c.isFrozen(v.id, item.index), let problem = problem(item, c) else { return nil }
            return RuleViolation(rule: .workingTime, visit: v.id, item: item.index,
                                 message: "\(item.label) of \(v.id) at \(item.interval) \(problem)")
        }
    }

    /// What is wrong with the item's time, or nil.
    private func problem(_ item: CheckedItem, _ c: CheckContext) -> String? {
        let iv = item.interval, date = iv.start.date, calendar = c.scenario.calendar
        guard c.scenario.horizon.contains(date) else {
            return "is outside the horizon \(c.scenario.horizon.start)..\(c.scenario.horizon.end)"
        }
        switch item.agenda {
        case .meeting?, .tour?:
            if calendar.holidays.contains(date) { return "falls on the holiday \(date)" }
            if !calendar.workingDays.contains(date.weekday) { return "falls on \(date), a \(date.weekday.rawValue), not a working day" }
            if !calendar.workingHours.on(date).contains(iv) { return "lies outside working hours \(calendar.workingHours)" }
            if let route = item.planned.route.flatMap(c.scenario.route) {
                let open = c.scenario.openHours(of: route)
                if !open.on(date).contains(iv) { return "lies outside the open hours \(open) of route \(route.id)" }
            }
        case .meal(let meal)?:
            guard let caterer = item.planned.caterer.flatMap(c.scenario.caterer),
                  let service = caterer.services[meal.service] else { return nil }
            let hours = service.hours ?? .allDay
            if !hours.on(date).contains(iv) { return "lies outside caterer \(caterer.id)'s \(meal.service) hours \(hours)" }
        case nil:
            return nil
        }
        return nil
    }
}

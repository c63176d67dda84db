/// Rule 3, lead time: a visit starts with enough notice (standard working days, else urgent hours,
/// and exactly the short-notice visits are marked urgent); a meal starts at least the caterer's
/// `leadTimeHours` after `now`, unless it is frozen or a replan kept its caterer and start.
struct LeadTimeRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] { c.visits.flatMap { visitNotice($0, c) + mealNotice($0, c) } }

    private func visitNotice(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        guard let start = v.start else { return [] }
        let p = c.scenario.policies
        let days = c.scenario.workingDaysOfNotice(requestedAt: v.visit.requestedAt, startDate: start.date)
        let hours = CheckFormat.number(Double(start.minutes - v.visit.requestedAt.minutes) / 60)
        switch c.scenario.leadTime(of: v.visit, startingAt: start) {
        case .tooLate:
            return [RuleViolation(rule: .leadTime, visit: v.id, message:
                "\(v.id) starts at \(start), \(hours) h after its request at \(v.visit.requestedAt) with \(CheckFormat.count(days, "working day")) of notice; \(CheckFormat.count(p.standardLeadWorkingDays, "working day")) or \(p.urgentLeadHours) h needed")]
        case let lead:
            guard let urgent = v.planned.urgent, urgent != (lead == .urgent) else { return [] }
            return [RuleViolation(rule: .leadTime, visit: v.id, message:
                "\(v.id) is marked urgent: \(urgent) but starts at \(start) with \(CheckFormat.count(days, "working day")) of notice (standard needs \(p.standardLeadWorkingDays))")]
        }
    }

    private func mealNotice(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        v.items.compactMap { item in
            guard item.meal != nil, let caterer = item.planned.caterer.flatMap(c.scenario.caterer) else { return nil }
            let earliest = c.scenario.now.adding(minutes: caterer.leadTimeHours * 60)
            guard item.start < earliest, !c.isFrozen(v.id, item.index), !orderStands(v.id, item, c) else { return nil }
            return RuleViolation(rule: .leadTime, visit: v.id, item: item.index, message:
                "\(item.label) of \(v.id) with caterer \(caterer.id) starts at \(item.start), less than \(caterer.leadTimeHours) h after now (\(c.scenario.now)); not before \(earliest)")
        }
    }

    /// A replan kept the meal at the caterer and start it had: the order stands.
    private func orderStands(_ visit: String, _ item: CheckedItem, _ c: CheckContext) -> Bool {
        guard let before = c.baselineItem(visit, item.index) else { return false }
        return before.caterer == item.planned.caterer && before.start == item.start
    }
}

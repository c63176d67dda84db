/// Computes a plan's score term by term from the scenario and the plan alone (FORMAT.md
/// "Objective"), independently of the planner's model. Used by `PlanChecker` and by reports.
///
/// Conventions: only scheduled plan visits that name a scenario visit count (the first entry per
/// id). A meal costs the caterer's scenario price × the item's diners. Industry matches count the
/// host once per visit and each guide once per tour item. With a `ReplanContext`, items are paired
/// with the baseline by visit and agenda index; the item terms (moved, changed resource, changed
/// person) count only items present in both plans, the host term only visits scheduled in both
/// (a swap is 2), cancelled visits and items count nothing, and a visit scheduled in the baseline,
/// not cancelled and not scheduled now is dropped.
public struct ScoreCalculator: Sendable {
    public let scenario: Scenario
    public let replan: ReplanContext?

    public init(scenario: Scenario, replan: ReplanContext? = nil) { self.scenario = scenario; self.replan = replan }

    /// The score: the sum of `breakdown(of:)`.
    public func score(of plan: Plan) -> Double { breakdown(of: plan).total }

    /// Total catering cost of the plan's meals.
    public func cateringCost(of plan: Plan) -> Double {
        scheduledVisits(plan).reduce(0) { total, pair in
            total + (pair.planned.items ?? []).enumerated().reduce(0) { sum, entry in
                let index = PlanLookup.agendaIndex(of: entry.element, at: entry.offset)
                guard pair.visit.agenda.indices.contains(index), case .meal(let meal) = pair.visit.agenda[index],
                      entry.element.kind == .meal else { return sum }
                return sum + MealPricing.cost(scenario, entry.element, meal: meal, of: pair.visit)
            }
        }
    }

    /// The score term by term, weighted.
    public func breakdown(of plan: Plan) -> ScoreBreakdown {
        let w = scenario.objective
        var result = ScoreBreakdown()
        for (visit, planned) in scheduledVisits(plan) {
            result.visits += w.visit * Double(visit.priority)
            if let preferred = visit.preferredStart, let start = PlanLookup.start(of: planned) {
                let slots = Double(abs(start.minutes - preferred.minutes)) / Double(max(1, scenario.calendar.slotMinutes))
                result.preferredStart += w.preferredStartPerSlot * slots
            }
            if let host = planned.host, host == visit.preferredHost { result.preferredHost += w.preferredHost }
            result.industryMatch += w.industryMatch * Double(industryMatches(visit, planned))
        }
        result.catering = w.cateringCost * cateringCost(of: plan)
        if let replan { addReplanTerms(replan, plan, to: &result) }
        return result
    }

    /// Scheduled plan visits paired with their scenario visit (first entry per id).
    private func scheduledVisits(_ plan: Plan) -> [(visit: Visit, planned: PlannedVisit)] {
        var seen: Set<String> = []
        return plan.visits.compactMap { planned in
            guard seen.insert(planned.id).inserted, planned.scheduled, let visit = scenario.visit(planned.id) else { return nil }
            return (visit, planned)
        }
    }

    /// The host and each tour item's guides whose industries hold the client's industry.
    private func industryMatches(_ visit: Visit, _ planned: PlannedVisit) -> Int {
        guard let industry = visit.client.industry else { return 0 }
        let knows = { (id: String) in scenario.staffMember(id)?.industries.contains(industry) == true }
        let guides = (planned.items ?? []).filter { $0.kind == .tour }.flatMap { $0.guides ?? [] }
        return (planned.host.map(knows) == true ? 1 : 0) + guides.filter(knows).count
    }

    private func addReplanTerms(_ replan: ReplanContext, _ plan: Plan, to result: inout ScoreBreakdown) {
        let w = scenario.objective
        let before = PlanLookup.visitsByID(replan.baseline)
        let after = PlanLookup.visitsByID(plan)
        var moved = 0, resources = 0, people = 0, dropped = 0
        for (id, old) in before where old.scheduled && !replan.cancelledVisits.contains(id) {
            guard let new = after[id], new.scheduled else { dropped += 1; continue }
            people += Set([old.host].compactMap { $0 }).symmetricDifference([new.host].compactMap { $0 }).count
            let newItems = PlanLookup.itemsByIndex(new)
            for (index, a) in PlanLookup.itemsByIndex(old) {
                guard let b = newItems[index], !replan.cancelledItems.contains(ItemKey(visit: id, agendaIndex: index)) else { continue }
                if a.start != b.start { moved += 1 }
                if a.room != b.room || a.route != b.route || a.caterer != b.caterer { resources += 1 }
                for role in [\PlannedItem.technical, \.sales, \.guides] {
                    people += Set(a[keyPath: role] ?? []).symmetricDifference(b[keyPath: role] ?? []).count
                }
            }
        }
        result.moved = w.movedItem * Double(moved)
        result.changedResource = w.changedResource * Double(resources)
        result.changedPerson = w.changedPerson * Double(people)
        result.dropped = w.droppedVisit * Double(dropped)
    }
}

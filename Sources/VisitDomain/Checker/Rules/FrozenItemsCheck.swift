/// Replanning: a frozen item (started before the replan's now) is kept as the baseline had it: same
/// start, room, route, caterer and people. Its end may differ (an `extendItem` event lengthens the
/// running item). It is never left out: the visit under way goes on. Reported as a structure violation.
struct FrozenItemsCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        guard let replan = c.replan else { return [] }
        return missing(replan, c) + c.items.compactMap { v, item in
            guard replan.frozen.contains(ItemKey(visit: v.id, agendaIndex: item.index)),
                  let before = c.baselineItem(v.id, item.index) else { return nil }
            let now = item.planned
            let changed = [("start", before.start != now.start), ("room", before.room != now.room),
                           ("route", before.route != now.route), ("caterer", before.caterer != now.caterer),
                           ("technical", before.technical ?? [] != now.technical ?? []), ("sales", before.sales ?? [] != now.sales ?? []),
                           ("guides", before.guides ?? [] != now.guides ?? [])].filter(\.1).map(\.0)
            guard !changed.isEmpty else { return nil }
            return RuleViolation(.structure, visit: v.id, item: item.index, message:
                "frozen \(item.label) of \(v.id), started before now, changed its \(changed.joined(separator: ", ")) since the plan it replaces")
        }
    }

    /// A frozen item has happened: the new plan still has it (a visit under way goes on).
    private func missing(_ replan: ReplanContext, _ c: CheckContext) -> [RuleViolation] {
        let planned = Set(c.items.map { ItemKey(visit: $0.visit.id, agendaIndex: $0.item.index) })
        // An item cancelled before it started, by an event earlier than the latest, did not happen.
        return replan.frozen.subtracting(planned).filter { c.scenario.visit($0.visit) != nil && !c.isCancelled($0.visit, $0.agendaIndex) }
            .sorted { ($0.visit, $0.agendaIndex) < ($1.visit, $1.agendaIndex) }.map { key in
                RuleViolation(.structure, visit: key.visit, item: key.agendaIndex, message:
                    "frozen item \(key.agendaIndex) of \(key.visit), started before now, is missing from the plan")
            }
    }
}

/// Replanning: a frozen item (started before the replan's now) is kept as the baseline had it: same
/// start, room, route, caterer and people. Its end may differ (an `extendItem` event lengthens the
/// running item). Reported as a structure violation.
struct FrozenItemsCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        guard let replan = c.replan else { return [] }
        return c.items.compactMap { v, item in
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
}

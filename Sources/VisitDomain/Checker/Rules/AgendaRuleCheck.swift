/// Rule 1, agenda: all items, in order, gaps of at most `maxGapMinutes`, the right durations, the
/// visit's start and end those of its first and last items and inside its window, one day, and
/// nothing before `now` (frozen items excepted; cancelled items are left out, and so are the items
/// still to come of a visit under way that ends early after its frozen items).
struct AgendaRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] { c.visits.flatMap { check($0, c) } }

    private func check(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ item: Int?, _ message: String) { out.append(RuleViolation(rule: .agenda, visit: v.id, item: item, message: message)) }
        let planned = v.items.map(\.index)
        for (index, item) in v.visit.agenda.enumerated()
        where !c.isCancelled(v.id, index) && !planned.contains(index) && !endedEarly(v, index, planned, c) {
            add(index, "\(v.id) misses agenda \(CheckFormat.item(index, item.kind))")
        }
        for index in Set(planned).sorted() where planned.filter({ $0 == index }).count > 1 {
            add(index, "agenda item \(index) of \(v.id) is planned \(planned.filter { $0 == index }.count) times")
        }
        for index in Set(planned).sorted() where c.isCancelled(v.id, index) {
            add(index, "agenda item \(index) of \(v.id) was cancelled but is still planned")
        }
        if zip(planned, planned.dropFirst()).contains(where: { $0 >= $1 }) {
            add(nil, "the items of \(v.id) are not in agenda order: planned as \(planned.map(String.init).joined(separator: ", "))")
        }
        for (a, b) in zip(v.items, v.items.dropFirst()) {
            if b.start < a.end {
                add(b.index, "\(b.label) of \(v.id) starts at \(b.start), before \(a.label) ends at \(a.end)")
            } else if b.start.minutes - a.end.minutes > c.scenario.policies.maxGapMinutes {
                add(b.index, "\(v.id) idles \(b.start.minutes - a.end.minutes) min between \(a.label) ending \(a.end) and \(b.label) starting \(b.start); at most \(c.scenario.policies.maxGapMinutes)")
            }
        }
        for item in v.items {
            if let expected = duration(item, c), item.interval.minutes != expected {
                add(item.index, "\(item.label) of \(v.id) at \(item.interval) lasts \(item.interval.minutes) min; it takes \(expected)")
            }
            if item.start < c.scenario.now && !c.isFrozen(v.id, item.index) {
                add(item.index, "\(item.label) of \(v.id) starts at \(item.start), before now (\(c.scenario.now))")
            }
        }
        out += bounds(v, c)
        return out
    }

    /// Replanning: a visit under way that can no longer go on as planned ends early, after its
    /// frozen items; what was still to come is left out (README: "a visit under way ends early").
    private func endedEarly(_ v: CheckedVisit, _ index: Int, _ planned: [Int], _ c: CheckContext) -> Bool {
        c.isUnderway(v.id) && !c.isFrozen(v.id, index) && planned.allSatisfy { $0 < index && c.isFrozen(v.id, $0) }
    }

    /// Start and end: those of the first and last items, inside the window, on one day.
    private func bounds(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        guard let first = v.items.first, let last = v.items.last else { return [] }
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .agenda, visit: v.id, message: message)) }
        if let start = v.planned.start, start != first.start {
            add("\(v.id) starts at \(start) but its first item at \(first.start)")
        }
        if let end = v.planned.end, end != last.end { add("\(v.id) ends at \(end) but its last item at \(last.end)") }
        let window = v.visit.window
        if first.start < window.start && !c.isFrozen(v.id, first.index) {
            add("\(v.id) starts at \(first.start), before its window \(window)")
        }
        if last.end > window.end && !c.isFrozen(v.id, last.index) {
            add("\(v.id) ends at \(last.end), after its window \(window)")
        }
        let day = first.start.date
        let midnight = LocalDateTime(date: day.adding(days: 1), minuteOfDay: 0)
        if let stray = v.items.first(where: { $0.start.date != day || $0.end > midnight }) {
            add("\(v.id) spans more than one day: it starts on \(day) but \(stray.label) is at \(stray.interval)")
        }
        return out
    }

    /// A meeting's or meal's duration; a tour's own, else its route's.
    private func duration(_ item: CheckedItem, _ c: CheckContext) -> Int? {
        switch item.agenda {
        case .meeting(let m)?: return m.durationMinutes
        case .meal(let m)?: return m.durationMinutes
        case .tour(let t)?:
            if let route = item.planned.route.flatMap(c.scenario.route) { return c.scenario.tourDuration(t, on: route) }
            return t.durationMinutes
        case nil: return nil
        }
    }
}

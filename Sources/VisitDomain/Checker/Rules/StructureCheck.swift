/// The plan's shape: each scenario visit listed once, required fields present, reasons on
/// unscheduled visits, items naming agenda items of their kind, times on the slot grid, totals
/// and the infeasible/error convention.
struct StructureCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ visit: String?, _ message: String) { out.append(RuleViolation(.structure, visit: visit, message: message)) }
        let cancelled = c.replan?.cancelledVisits ?? []
        var counts: [String: Int] = [:]
        for v in c.plan.visits { counts[v.id, default: 0] += 1 }
        for v in c.scenario.visits where counts[v.id] == nil { add(v.id, "visit \(v.id) is missing from the plan") }
        for (id, n) in counts.sorted(by: { $0.key < $1.key }) where n > 1 { add(id, "visit \(id) appears \(n) times in the plan") }
        for v in c.plan.visits {
            if c.scenario.visit(v.id) == nil && !(cancelled.contains(v.id) && !v.scheduled) {
                add(v.id, "visit \(v.id) is not in the scenario")
            }
            if v.scheduled && cancelled.contains(v.id) { add(v.id, "visit \(v.id) was cancelled but is scheduled") }
            out += v.scheduled ? scheduledFields(v, c) : unscheduledFields(v)
        }
        out += totals(c)
        if c.plan.status == .infeasible || c.plan.status == .error {
            if c.plan.score != 0 { add(nil, "an \(c.plan.status.rawValue) plan must report score 0, not \(CheckFormat.number(c.plan.score))") }
            for v in c.plan.visits where v.scheduled { add(v.id, "visit \(v.id) is scheduled in an \(c.plan.status.rawValue) plan") }
        }
        return out
    }

    private func scheduledFields(_ v: PlannedVisit, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ item: Int?, _ message: String) { out.append(RuleViolation(.structure, visit: v.id, item: item, message: message)) }
        let missing = [("urgent", v.urgent == nil), ("host", v.host == nil), ("start", v.start == nil),
                       ("end", v.end == nil), ("items", v.items == nil)].filter(\.1).map(\.0)
        if !missing.isEmpty { add(nil, "scheduled visit \(v.id) lacks \(missing.joined(separator: ", "))") }
        let agenda = c.scenario.visit(v.id)?.agenda
        let slot = max(1, c.scenario.calendar.slotMinutes)
        for (position, item) in (v.items ?? []).enumerated() {
            let index = PlanLookup.agendaIndex(of: item, at: position)
            let label = CheckFormat.item(index, item.kind)
            if let agenda {
                if !agenda.indices.contains(index) {
                    add(index, "\(label) of \(v.id) names no agenda item (the agenda has \(agenda.count))")
                } else if agenda[index].kind != item.kind {
                    add(index, "\(label) of \(v.id) is a \(item.kind.rawValue) but agenda item \(index) is a \(agenda[index].kind.rawValue)")
                }
            }
            if item.start.minuteOfDay % slot != 0 || item.end.minuteOfDay % slot != 0 {
                add(index, "\(label) of \(v.id) at \(item.interval) is off the \(slot)-minute grid")
            }
            if item.end <= item.start { add(index, "\(label) of \(v.id) ends at \(item.end), not after its start \(item.start)") }
        }
        return out
    }

    private func unscheduledFields(_ v: PlannedVisit) -> [RuleViolation] {
        var out: [RuleViolation] = []
        if !(v.items ?? []).isEmpty { out.append(RuleViolation(.structure, visit: v.id, message: "unscheduled visit \(v.id) has items")) }
        if (v.reasons ?? []).isEmpty {
            out.append(RuleViolation(.structure, visit: v.id, message: "unscheduled visit \(v.id) gives no reason"))
        }
        return out
    }

    private func totals(_ c: CheckContext) -> [RuleViolation] {
        let scheduled = c.plan.visits.filter(\.scheduled).count
        let t = c.plan.totals
        var wrong: [String] = []
        if t.scheduled != scheduled { wrong.append("scheduled \(t.scheduled) (the plan lists \(scheduled))") }
        if t.unscheduled != c.plan.visits.count - scheduled {
            wrong.append("unscheduled \(t.unscheduled) (the plan lists \(c.plan.visits.count - scheduled))")
        }
        if !Approx.equal(t.cateringCost, c.cateringCost) {
            wrong.append("cateringCost \(CheckFormat.number(t.cateringCost)) (the meals cost \(CheckFormat.number(c.cateringCost)))")
        }
        return wrong.isEmpty ? [] : [RuleViolation(.structure, message: "totals are wrong: \(wrong.joined(separator: "; "))")]
    }
}

import MILP
import VisitDomain

/// Rule 1 (agenda) in the model: each visit takes at most one of its candidate timings (all items,
/// in order, gaps within `maxGapMinutes`, inside the window, one day, not before `now` — the
/// candidates hold only such timings). A visit is thus scheduled whole or not at all.
struct AgendaRule: Sendable {
    let scenario: Scenario

    func apply(to pm: inout PlanningModel) {
        for candidates in pm.candidates where !candidates.timings.isEmpty {
            let v = candidates.visitIndex
            let visit = scenario.visits[v]
            var once = LinearExpression()
            for (k, timing) in candidates.timings.enumerated() {
                let x = pm.milp.addBinary("visit[\(visit.id)]#\(k)")
                pm.timings.append(TimingChoice(visit: v, timing: timing, variable: x))
                once.add(x)
                for (i, item) in timing.items.enumerated() {
                    pm.itemRuns[ItemRef(visit: v, item: i), default: [:]][item, default: LinearExpression()].add(x)
                }
                pm.visitSpans[v, default: [:]][Span(start: timing.start, end: timing.end), default: LinearExpression()].add(x)
            }
            // A visit under way (items frozen) must go on; any other may be left out.
            pm.onceRows[v] = pm.milp.addConstraint(once, pm.baseline.underway.contains(v) ? .equal : .lessOrEqual, 1, name: "agenda.once[\(visit.id)]")
        }
    }
}

import MILP
import VisitDomain

/// Rule 4 (host) in the model: every scheduled visit gets exactly one host who speaks its language,
/// busy from start − `hostArrivesEarlyMinutes` to the end. The host's duty covers the whole visit,
/// so the one-duty-at-a-time rows of rule 8 keep the host out of every other role in it.
struct HostRule: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility

    func apply(to pm: inout PlanningModel) {
        let early = scenario.policies.hostArrivesEarlyMinutes
        for (v, spans) in pm.visitSpans.sorted(by: { $0.key < $1.key }) {
            let visit = scenario.visits[v]
            let fixed = pm.baseline.hostIsFixed(v)
            let hosts = fixed ? [pm.baseline.hosts[v]!] : eligibility.hosts(for: visit)
            let underway = pm.baseline.underway.contains(v)
            for (span, runs) in spans {
                let duty = VisitDomain.TimeInterval(startMinute: span.start - early, endMinute: span.end)
                var chosen = LinearExpression()
                for p in hosts where underway || scenario.isAvailable(scenario.staff[p], for: duty) {
                    let person = scenario.staff[p]
                    let h = pm.milp.addBinary("host[\(visit.id),\(person.id)]@\(span.start)")
                    chosen.add(h)
                    pm.duties.append(DutyChoice(person: p, visit: v, item: nil, role: .host, start: duty.start.minutes,
                                                end: duty.end.minutes, variable: h))
                    pm.objective.add(h, coefficient: ObjectiveTerms(scenario: scenario).hostValue(person, for: visit))
                }
                pm.milp.addConstraint(chosen - runs, .equal, 0, name: "host.one[\(visit.id)]@\(span.start)-\(span.end)")
            }
        }
    }
}

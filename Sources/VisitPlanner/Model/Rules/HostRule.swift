import MILP
import VisitDomain

/// Rule 4 (host) in the model: every scheduled visit gets exactly one host who speaks its language,
/// busy from start − `hostArrivesEarlyMinutes` to the end. The host's duty covers the whole visit,
/// so the one-duty-at-a-time rows of rule 8 keep the host out of every other role in it.
struct HostRule: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility
    let calendar: StaffCalendar

    func apply(to pm: inout PlanningModel) {
        let early = scenario.policies.hostArrivesEarlyMinutes
        for (v, spans) in pm.visitSpans.sorted(by: { $0.key < $1.key }) {
            let visit = scenario.visits[v]
            let fixed = pm.baseline.hostIsFixed(v)
            let hosts = fixed ? [pm.baseline.hosts[v]!] : eligibility.hosts(for: visit)
            let underway = pm.baseline.underway.contains(v)
            let terms = ObjectiveTerms(scenario: scenario)
            let values = hosts.map { terms.hostValue(scenario.staff[$0], for: visit) }
            let names = hosts.map { "host[\(visit.id),\(scenario.staff[$0].id)]@" }
            for (span, runs) in spans {
                let start = span.start - early
                var chosen = LinearExpression()
                for (k, p) in hosts.enumerated() where underway || calendar.isAvailable(p, from: start, to: span.end) {
                    let h = pm.milp.addBinary(names[k] + String(span.start))
                    chosen.add(h)
                    pm.duties.append(DutyChoice(person: p, visit: v, item: nil, role: .host, start: start, end: span.end, variable: h))
                    if values[k] != 0 { pm.objective.add(h, coefficient: values[k]) }
                }
                pm.milp.addConstraint(chosen - runs, .equal, 0, name: "host.one[\(visit.id)]@\(span.start)-\(span.end)")
            }
        }
    }
}

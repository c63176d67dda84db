import MILP
import VisitDomain

/// Rule 6 (tour) in the model: a running tour takes one allowed route (confidential ones only with
/// an NDA) and, for each of its ceil(headcount / maxGroupSize) groups, one certified guide who speaks
/// the visit's language. Route group slots are shared through the per-slot rows of rule 8.
struct TourRule: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility
    let calendar: StaffCalendar

    func apply(to pm: inout PlanningModel) {
        for (v, visit) in scenario.visits.enumerated() {
            for (i, item) in visit.agenda.enumerated() {
                guard case .tour = item, let runsByTiming = pm.itemRuns[ItemRef(visit: v, item: i)] else { continue }
                let ref = ItemRef(visit: v, item: i)
                let frozen = pm.baseline.frozen.contains(ref)
                let kept = pm.baseline.keepsAssignment(ref) ? pm.baseline.items[ref] : nil
                for (timing, runs) in runsByTiming {
                    let tag = "\(visit.id).\(i)@\(timing.start)"
                    var routeSum = LinearExpression()
                    for r in pm.candidates[v].options[i][timing] ?? [] {
                        let route = scenario.tourRoutes[r]
                        let groups = frozen ? kept?.guides.count ?? 0 : scenario.tourGroups(visit, on: route)
                        let guides = (kept?.guides ?? eligibility.guides(for: visit, route: r))
                            .filter { frozen || calendar.isAvailable($0, for: timing.interval) }
                        guard guides.count >= groups else { continue }
                        let z = pm.milp.addBinary("route[\(tag),\(route.id)]")
                        routeSum.add(z)
                        pm.routes.append(ResourceChoice(item: ref, timing: timing, resource: r, variable: z))
                        var guideSum = LinearExpression()
                        for p in guides {
                            let person = scenario.staff[p]
                            let g = pm.milp.addBinary("guide[\(tag),\(route.id),\(person.id)]")
                            guideSum.add(g)
                            pm.duties.append(DutyChoice(person: p, visit: v, item: i, role: .guide(route: r),
                                                        start: timing.start, end: timing.end, variable: g))
                            pm.objective.add(g, coefficient: ObjectiveTerms(scenario: scenario).guideValue(person, for: visit))
                        }
                        pm.milp.addConstraint(guideSum - Double(groups) * z, .equal, 0, name: "tour.guides[\(tag),\(route.id)]")
                        pm.seats[SeatKey(item: ref, start: timing.start, role: .guide(route: r))] = Seats(count: groups, topics: [])
                    }
                    pm.milp.addConstraint(routeSum - runs, .equal, 0, name: "tour.route[\(tag)]")
                }
            }
        }
    }
}

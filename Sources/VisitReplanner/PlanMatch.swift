import VisitDomain

/// Checks that a plan belongs to a scenario before replanning it: the same scenario name, the
/// same visits, and only rooms, routes, caterers and people the scenario has.
struct PlanMatch: Sendable {
    let scenario: Scenario
    let plan: Plan
    let file: String

    func validate() throws(ReplanError) {
        var issues = PlanValidation.issues(plan, file: "plan")
        func report(_ path: String, _ message: String) { issues.append(ValidationIssue(file: "plan", path: path, message: message)) }
        if plan.scenario != scenario.name {
            report("scenario", "the plan is for scenario \"\(plan.scenario)\", not \"\(scenario.name)\"")
        }
        let planned = Set(plan.visits.map(\.id)), requested = Set(scenario.visits.map(\.id))
        for id in requested.subtracting(planned).sorted() { report("visits", "the scenario's visit \(id) is not in the plan") }
        for id in planned.subtracting(requested).sorted() where plan.visit(id)?.scheduled == true {
            report("visits", "the plan schedules \(id), which is not a visit of the scenario")
        }
        for (v, visit) in plan.visits.enumerated() where visit.scheduled {
            if let host = visit.host, scenario.staffMember(host) == nil { report("visits[\(v)].host", "\"\(host)\" is not a staff member") }
            let agenda = scenario.visit(visit.id)?.agenda.count ?? 0
            for (i, item) in (visit.items ?? []).enumerated() {
                let path = "visits[\(v)].items[\(i)]"
                if let index = item.agendaIndex, index < 0 || index >= agenda {
                    report(path + ".agendaIndex", "\(index) is not an item of \(visit.id)'s agenda (0 to \(agenda - 1))")
                }
                if let room = item.room, scenario.room(room) == nil { report(path + ".room", "\"\(room)\" is not a room of the scenario") }
                if let route = item.route, scenario.route(route) == nil { report(path + ".route", "\"\(route)\" is not a tour route of the scenario") }
                if let caterer = item.caterer, scenario.caterer(caterer) == nil { report(path + ".caterer", "\"\(caterer)\" is not a caterer of the scenario") }
                for person in item.people where scenario.staffMember(person) == nil {
                    report(path, "\"\(person)\" is not a staff member of the scenario")
                }
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
    }
}

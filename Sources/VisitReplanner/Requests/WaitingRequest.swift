import VisitDomain

/// A request saved but not yet accepted: the current plan with the new visit listed unscheduled,
/// waiting for a coordinator, every other visit as it was. Storing it as the plan of the scenario
/// version that added the visit keeps the plan current (change events go on being reported), and
/// replans leave the waiting visit where it is, since it was not scheduled before.
public enum WaitingRequest {
    /// The sentence a waiting visit carries in the plan.
    public static func reason(submittedBy: String) -> String {
        "requested by \(submittedBy); waiting for a coordinator to accept it into the week"
    }

    /// `current` with `visit` listed unscheduled for `reason`; totals and score recomputed against
    /// `scenario` (which has the visit).
    public static func plan(_ current: Plan, adding visit: String, reason: String, in scenario: Scenario) -> Plan {
        var plan = current
        plan.visits.removeAll { $0.id == visit }
        plan.visits.append(.unscheduled(visit, reasons: [reason]))
        return rescored(plan, in: scenario)
    }

    /// `plan` with its totals and score computed against `scenario` (after a request joined it, or a
    /// resource changed), and no `changes` or `notify` (it replans nothing); `feasible`: nothing
    /// proves it optimal for the changed scenario.
    public static func rescored(_ current: Plan, in scenario: Scenario) -> Plan {
        var plan = current
        let calculator = ScoreCalculator(scenario: scenario)
        let scheduled = plan.visits.filter(\.scheduled).count
        plan.totals = PlanTotals(scheduled: scheduled, unscheduled: plan.visits.count - scheduled,
                                 cateringCost: calculator.cateringCost(of: plan))
        plan.score = calculator.score(of: plan).rounded(toPlaces: 4)
        plan.bound = max(plan.bound, plan.score)
        plan.status = .feasible
        plan.changes = nil
        plan.notify = nil
        return plan
    }
}

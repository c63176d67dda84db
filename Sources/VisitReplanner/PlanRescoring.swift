import VisitDomain

extension Plan {
    /// The plan with its totals and score computed against `scenario` (after a visit was placed or
    /// added waiting, or a resource changed), `feasible` (nothing proves it optimal for that
    /// scenario), its bound at least its score, and no `changes` or `notify` (it replans nothing).
    public func rescored(in scenario: Scenario) -> Plan {
        var plan = self
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

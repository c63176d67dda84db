import VisitDomain

/// The plan a search starts from (an improvement search, a visit's options), checked against its
/// scenario: it names only the scenario's visits, rooms and people, and breaks no hard rule (its
/// score is not checked: a replanned plan's reported score has its own replanning terms). Gives
/// what has started by the scenario's `now` and the checker's context against it.
struct CurrentPlanCheck: Sendable {
    /// Items that started before `now`: kept exactly.
    let frozen: Set<ItemKey>
    /// Visits an earlier replan cancelled: still in its plan, unscheduled, no longer in the
    /// scenario; with the plan's reasons for them.
    let cancelled: [String: [String]]
    /// What the checker knows when it checks a plan against this one (`check --baseline`).
    let context: ReplanContext
    /// The checker's verdict on the plan itself (its score with the rules only).
    let report: CheckReport

    /// Throws `.invalid` with the plan file's field paths when the plan does not fit the scenario
    /// or breaks a rule.
    init(scenario: Scenario, plan: Plan, file: String) throws(ReplanError) {
        let applied: AppliedEvents
        do {
            try PlanMatch(scenario: scenario, plan: plan, file: file).validate()
            applied = try EventApplier(scenario: scenario, plan: plan, file: file).apply([])
        } catch {
            throw .invalid(error.issues.map { ValidationIssue(file: file, path: $0.path, message: $0.message) })
        }
        var cancelled: [String: [String]] = [:]
        for planned in plan.visits where !planned.scheduled && scenario.visit(planned.id) == nil {
            cancelled[planned.id] = planned.reasons ?? ["cancelled"]
        }
        let context = ReplanContext(baseline: plan, frozen: applied.frozen, cancelledVisits: Set(cancelled.keys))
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        let broken = report.violations.filter { $0.category != .score }
        guard broken.isEmpty else {
            throw .invalid(broken.map { violation in
                let index = violation.visit.flatMap { id in plan.visits.firstIndex { $0.id == id } }
                return ValidationIssue(file: file, path: index.map { "visits[\($0)]" } ?? "",
                                       message: "the current plan breaks a rule: \(violation)")
            })
        }
        self.frozen = applied.frozen
        self.cancelled = cancelled
        self.context = context
        self.report = report
    }
}

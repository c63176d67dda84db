import VisitDomain

/// Turns a solved week into the plan that is printed: the scheduled visits, every other visit
/// with its reasons, totals, score and bound from the checker's recomputation, and a final check
/// against every hard rule (a plan that fails it is never returned).
struct PlanAssembly: Sendable {
    let view: ScenarioView
    let generator: CandidateGenerator
    let baseline: PlanBaseline?

    func outcome(_ solved: SolvedWeek, seconds: Double) throws(PlannerError) -> PlanningOutcome {
        let scenario = view.full
        // The model places meetings in room types; each gets a concrete room of its type here.
        let scheduled = try RoomPartition(scenario: view.scenario, types: generator.roomTypes).assigned(solved.scheduled)
        let explainer = UnscheduledExplainer(scenario: view.scenario, generator: generator)
        var visits = view.scenario.visits.indices.map { v in
            if let planned = scheduled[v] { return planned }
            let id = view.scenario.visits[v].id
            if baseline?.excluded.contains(id) == true, let kept = baseline?.plan.visit(id), !kept.scheduled { return kept }
            return .unscheduled(id, details: explainer.reasons(for: v, candidates: solved.candidates[v], scheduled: scheduled))
        }
        for (id, reasons) in (baseline?.cancelledVisits ?? [:]).sorted(by: { $0.key < $1.key }) {
            visits.append(.unscheduled(id, details: reasons.map { UnscheduledReason(kind: .cancelled, rule: nil, $0) }))
        }
        var plan = Plan(scenario: scenario.name, status: solved.status, score: 0, bound: 0, solveSeconds: 0, visits: visits,
                        totals: PlanTotals(scheduled: scheduled.count, unscheduled: visits.count - scheduled.count, cateringCost: 0))
        let checker = PlanChecker(scenario: scenario, replan: baseline?.checkContext)
        plan = plan.withScoreFrom(checker)
        plan.bound = solved.status == .optimal ? plan.score : max(plan.score, (solved.bound ?? plan.score).rounded(toPlaces: 4))
        plan.solveSeconds = seconds.rounded(toPlaces: 3)
        let report = checker.check(plan)
        guard report.isValid else { throw .invalidPlan(report.violations.map(\.description)) }
        return PlanningOutcome(plan: plan, termination: solved.termination, modelObjective: solved.modelObjective, statistics: solved.statistics)
    }
}

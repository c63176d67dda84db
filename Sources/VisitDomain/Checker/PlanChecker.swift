/// The independent checker: re-verifies every hard rule of FORMAT.md and recomputes the score from
/// the scenario and the plan alone. It shares no code with the planner's model, only the scenario
/// arithmetic of `VisitDomain`. The planner runs it on every plan before printing it; it also backs
/// `visitplan check SCENARIO PLAN`.
public struct PlanChecker: Sendable {
    public let scenario: Scenario
    public let replan: ReplanContext?

    /// `replan`: for plans made by replanning; adds the replanning score terms and the frozen and
    /// cancelled exemptions.
    public init(scenario: Scenario, replan: ReplanContext? = nil) { self.scenario = scenario; self.replan = replan }

    /// Every violation of the plan, in check order (structure, score, rules 1 to 11), and the recomputed score.
    public func check(_ plan: Plan) -> CheckReport {
        let calculator = ScoreCalculator(scenario: scenario, replan: replan)
        let breakdown = calculator.breakdown(of: plan)
        let cost = calculator.cateringCost(of: plan)
        let context = CheckContext(scenario: scenario, replan: replan, plan: plan, score: breakdown, cateringCost: cost)
        let violations = Self.checks.flatMap { $0.violations(in: context) }
        return CheckReport(violations: violations, score: breakdown.total, scoreBreakdown: breakdown, cateringCost: cost)
    }

    static let checks: [any PlanCheck] = [
        StructureCheck(), FrozenItemsCheck(), ScoreCheck(),
        AgendaRuleCheck(), WorkingTimeRuleCheck(), LeadTimeRuleCheck(), HostRuleCheck(), MeetingRuleCheck(),
        TourRuleCheck(), MealRuleCheck(), AvailabilityRuleCheck(), ITCoverRuleCheck(), HotelRuleCheck(), SiteRuleCheck(),
    ]
}

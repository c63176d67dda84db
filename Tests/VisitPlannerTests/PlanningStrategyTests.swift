import Testing
@testable import VisitPlanner

/// Which strategy `automatic` picks: one model for replans, one-day weeks and small weeks;
/// by day from `monolithicUpTo` visits.
@Suite("Planning strategy")
struct PlanningStrategyTests {
    @Test("automatic", arguments: [
        (false, 5, 44, PlanningStrategy.monolithic), (false, 5, 45, .decomposed), (false, 5, 400, .decomposed),
        (true, 5, 400, .monolithic), (false, 1, 400, .monolithic),
    ])
    func automatic(replanning: Bool, days: Int, visits: Int, expected: PlanningStrategy) {
        #expect(PlanningStrategy.automatic.resolved(replanning: replanning, days: days, visits: visits) == expected)
    }

    @Test("an explicit strategy is kept (the planner itself always replans as one model)", arguments: [PlanningStrategy.monolithic, .decomposed])
    func explicit(strategy: PlanningStrategy) {
        #expect(strategy.resolved(replanning: true, days: 5, visits: 10) == strategy)
    }
}

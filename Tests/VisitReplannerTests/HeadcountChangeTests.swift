import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// Headcount changes the property run of issue 12 found failing: more guests while the meal is
/// served (the frozen meal was re-priced for them, over a budget it had filled), and fewer guests
/// than a dietary count (the changed scenario could not be written back).
@Suite struct HeadcountChangeTests {
    let fixture = ReplanFixture.shared

    @Test("more guests while the meal is served: the meal keeps its diners and cost, within a budget it fills exactly")
    func moreGuestsDuringTheMeal() throws {
        var scenario = fixture.scenario
        scenario.policies.weeklyHospitalityBudget = fixture.plan.totals.cateringCost
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        let tight = ReplanFixture(scenario: scenario, plan: plan)
        let meal = try #require(tight.item(plan, "V-1", 2))
        let outcome = try tight.replan("- {type: headcountChange, at: '\(meal.start.adding(minutes: 15))', visit: V-1, headcount: 9}")
        #expect(tight.item(outcome.plan, "V-1", 2) == meal, "served as it was ordered")
        #expect(outcome.plan.totals.cateringCost == plan.totals.cateringCost)
    }

    @Test("fewer guests than a dietary count: the count is capped and the changed scenario writes back")
    func fewerGuestsThanADietaryCount() throws {
        var scenario = fixture.scenario
        let v2 = try #require(scenario.visits.firstIndex { $0.id == "V-2" })
        scenario.visits[v2].dietary = ["vegetarian": 4, "halal": 1]
        let f = ReplanFixture(scenario: scenario, plan: try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan)
        let outcome = try f.replan("- {type: headcountChange, at: '2026-12-08T08:00', visit: V-2, headcount: 2}")
        #expect(outcome.scenario.visit("V-2")?.dietary == ["vegetarian": 2, "halal": 1])
        #expect(throws: Never.self) { try ScenarioDocument.yamlText(outcome.scenario) }
    }
}

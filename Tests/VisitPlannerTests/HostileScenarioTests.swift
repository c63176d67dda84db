import Testing
import VisitDomain
@testable import VisitPlanner

/// Scenarios whose numbers are valid but extreme: they must plan (and explain) without the
/// process dying inside GLPK (issue 12, finding 2).
@Suite struct HostileScenarioTests {
    @Test func aBudgetThatPricesOutEveryMealStillPlansAndExplains() throws {
        var document = try DocumentValue.load(path: TestScenarios.examplePath("demo-week.yaml"))
        try document.setValue(1, at: "policies.weeklyHospitalityBudget")
        let scenario = try ScenarioLoader.decode(document, file: "demo-week.yaml")
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 10)).plan
        let withMeals = scenario.visits.filter { $0.agenda.contains { $0.kind == .meal } }.map(\.id)
        #expect(!withMeals.isEmpty)
        for id in withMeals {
            let visit = try #require(plan.visit(id))
            #expect(!visit.scheduled, "\(id) has a meal, which no budget of 1 pays for")
            #expect(visit.reasons?.isEmpty == false)
        }
        #expect(PlanChecker(scenario: scenario).check(plan).violations.isEmpty)
    }
}

/// Numbers in the texts a coordinator reads (issue 12, finding 18: "solved in 0. s").
@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.001, "0"), (2.001, "2"), (2.0, "2"), (2.5, "2.5"), (2.25, "2.25"), (-0.001, "0"), (-3.1, "-3.1"),
        (12_345.678, "12345.68"), (1e300, "1e+300"), (-Double.infinity, "-inf"),
    ])
    func formatted(_ value: Double, _ text: String) {
        #expect(value.formatted2 == text)
    }
}

import Testing
import VisitDomain
import VisitPlanner

/// The example scenarios of `scenarios/`: the demo week and the small office, as their README
/// describes them.
@Suite("Example scenarios")
struct ExampleScenarioTests {
    @Test("the demo week plans validly, leaving exactly the seven visits scenarios/README.md lists")
    func demoWeek() throws {
        let scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("demo-week.yaml"))
        let result = try PlannedScenario(scenario: scenario, timeLimit: 60)
        #expect(result.report.isValid)
        #expect(result.unscheduledIDs == ["V-1005", "V-1006", "V-1013", "V-1020", "V-1021", "V-1028", "V-1034"])
        #expect(result.plan.totals.scheduled == 30)
        let urgent = Set(result.plan.visits.filter { $0.urgent == true }.map(\.id))
        #expect(urgent == ["V-1003", "V-1009", "V-1016", "V-1018", "V-1022", "V-1024"])
        #expect(abs(result.outcome.modelObjective - result.plan.score) < 1e-6)
        #expect(abs(result.report.score - result.plan.score) < 1e-6)
    }

    @Test("a solve stopped after 0.05 s still returns a valid plan with bound ≥ score")
    func timeLimitedDemoWeek() throws {
        let scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("demo-week.yaml"))
        let result = try PlannedScenario(scenario: scenario, timeLimit: 0.05)
        #expect(result.report.isValid)
        #expect([.feasible, .optimal].contains(result.plan.status))
        #expect(result.plan.bound >= result.plan.score - 1e-6)
        #expect(abs(result.report.score - result.plan.score) < 1e-6)
    }

    @Test("the small office plans validly with only V-2005 unscheduled, V-2004 urgent in the secure room")
    func smallOffice() throws {
        let scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("small-office.yaml"))
        let result = try PlannedScenario(scenario: scenario)
        #expect(result.unscheduledIDs == ["V-2005"])
        let urgent = try result.scheduled("V-2004")
        #expect(urgent.planned.urgent == true)
        #expect(urgent.items.contains { $0.room == "S-2" })
        let a = result.plan, b = try PlannedScenario(scenario: scenario).plan
        #expect(a.withoutSolveTime == b.withoutSolveTime)
    }
}

import Testing
import VisitDomain
import VisitPlanner

/// An unscheduled visit's reasons are facts (`reasonDetails`) rendered to sentences at the edges:
/// what reads them (the bottleneck report) reads the facts, so rewording a sentence changes nothing.
@Suite("Reasons as facts")
struct ReasonFactsTests {
    /// The plan with every sentence replaced by other words.
    static func reworded(_ plan: Plan) -> Plan {
        var copy = plan
        copy.visits = plan.visits.map { visit in
            var visit = visit
            visit.reasons = visit.reasons?.enumerated().map { "reworded reason \($0.offset)" }
            return visit
        }
        return copy
    }

    @Test("rewording the sentences leaves the bottleneck report as it was", arguments: [
        ("meal-weekly-budget.yaml", nil, "V-2"),
        ("meal-capacity.yaml", "caterers[1]", "V-2"),
    ] as [(String, String?, String)])
    func bottlenecksIgnoreWording(file: String, removing: String?, crowded: String) throws {
        let result = try TestScenarios.plan(file, removing.map { [.remove($0)] } ?? [])
        let report = BottleneckReport(scenario: result.scenario, plan: result.plan)
        let waiting = report.resources.flatMap(\.neededBy) + report.limits.flatMap(\.neededBy)
        #expect(waiting.contains(crowded), "the report names the crowded-out visit: \(report)")
        #expect(BottleneckReport(scenario: result.scenario, plan: Self.reworded(result.plan)) == report)
    }

    @Test("every sentence is its facts rendered; a host rendering keeps the words and drops the amounts")
    func sentencesAreRenderedFacts() throws {
        let result = try TestScenarios.plan("meal-budget.yaml")
        let visit = try #require(result.plan.visit("V-std"))
        let details = try #require(visit.reasonDetails)
        #expect(visit.reasons == details.map { $0.sentence() })
        let budget = try #require(details.first { $0.mentionsMoney })
        #expect(budget.kind == .impossible && budget.rule == HardRule.meal.title && budget.resources == ["grand-palace"])
        #expect(budget.text.compactMap(\.amount) == [300, 450])
        #expect(budget.sentence(showingMoney: false).contains("over the standard budget per head"))
        #expect(budget.withoutMoney.sentence() == budget.sentence(showingMoney: false))
        #expect(!budget.withoutMoney.mentionsMoney)
    }
}

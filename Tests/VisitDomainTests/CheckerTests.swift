import Foundation
import Testing
import VisitDomain

@Suite("Checker: valid plan and score")
struct CheckerTests {
    @Test func fixturePlanIsValid() {
        let report = CheckerCase().check()
        #expect(report.violations.map(\.description) == [])
        #expect(report.isValid)
        #expect(report.score == CheckerFixture.score)
        #expect(report.cateringCost == 545)
    }

    @Test func scoreBreakdownTermByTerm() {
        let b = ScoreCalculator(scenario: CheckerFixture.scenario).breakdown(of: CheckerFixture.plan)
        #expect(b.visits == 4000)
        #expect(b.preferredStart == -2)
        #expect(b.preferredHost == 20)
        #expect(b.industryMatch == 30)
        #expect(b.catering == -27.25)
        #expect(b.moved == 0 && b.changedResource == 0 && b.changedPerson == 0 && b.dropped == 0)
        #expect(b.total == CheckerFixture.score)
    }

    @Test func weightsComeFromTheScenario() {
        var c = CheckerCase()
        c.scenario.objective.visit = 10
        c.scenario.objective.cateringCost = 0
        #expect(ScoreCalculator(scenario: c.scenario).score(of: c.plan) == 40 - 2 + 20 + 30)
    }

    @Test func infeasiblePlanWithEveryVisitUnscheduledIsValid() {
        var c = CheckerCase()
        c.plan = Plan(scenario: "checker-fixture", status: .infeasible, score: 0, bound: 0, solveSeconds: 0,
                      visits: ["V-1001", "V-1002", "V-1003"].map { .unscheduled($0, reasons: ["meeting: no room"]) },
                      totals: PlanTotals(scheduled: 0, unscheduled: 3, cateringCost: 0))
        let report = c.check()
        #expect(report.violations.map(\.description) == [])
        #expect(report.score == 0)
    }

    @Test func explicitAgendaIndexesAreAccepted() {
        var c = CheckerCase()
        for i in 0..<3 { c.item("V-1001", i) { $0.agendaIndex = i } }
        #expect(c.check().isValid)
    }

    @Test func violationCategoriesAndDescriptions() {
        let v = RuleViolation(rule: .meeting, visit: "V-1", item: 0, message: "room R-1 is too small")
        #expect(v.rule == .meeting)
        #expect(v.description == "rule 5 (meeting): room R-1 is too small")
        let s = RuleViolation(.score, message: "x")
        #expect(s.rule == nil)
        #expect(s.category == .score)
    }

    @Test func planSurvivesAJSONRoundTrip() throws {
        let data = try JSONEncoder().encode(CheckerFixture.plan)
        let plan = try JSONDecoder().decode(Plan.self, from: data)
        #expect(PlanChecker(scenario: CheckerFixture.scenario).check(plan).isValid)
    }
}

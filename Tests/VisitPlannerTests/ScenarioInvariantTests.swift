import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// What holds for every focused scenario: a valid plan whose score the checker and the solver
/// agree on, reasons of the documented shape, the same plan from YAML and JSON, and the same plan
/// on every run.
@Suite("Every focused scenario")
struct ScenarioInvariantTests {
    @Test("the directory holds the focused scenarios")
    func scenariosExist() {
        #expect(TestScenarios.allFiles.count >= 25, "found \(TestScenarios.allFiles) in \(TestScenarios.directory.path)")
    }

    @Test("plans validly; score = checker's score = solver objective; bound ≥ score", arguments: TestScenarios.allFiles)
    func validAndScored(file: String) throws {
        let result = try TestScenarios.plan(file)
        #expect(result.report.isValid)
        #expect(result.plan.status == .optimal)
        #expect(abs(result.plan.score - result.report.score) < 1e-6)
        #expect(abs(result.outcome.modelObjective - result.plan.score) < 1e-6,
                "model objective \(result.outcome.modelObjective), plan score \(result.plan.score)")
        #expect(result.plan.bound >= result.plan.score - 1e-6)
        #expect(result.plan.totals.scheduled + result.plan.totals.unscheduled == result.scenario.visits.count)
        #expect(result.plan.visits.map(\.id) == result.scenario.visits.map(\.id))
    }

    @Test("every reason says whether the visit is impossible on its own or crowded out, and names a rule",
          arguments: TestScenarios.allFiles)
    func reasonShape(file: String) throws {
        let result = try TestScenarios.plan(file)
        let titles = HardRule.allCases.map(\.title)
        for visit in result.plan.visits where !visit.scheduled {
            let reasons = visit.reasons ?? []
            #expect(!reasons.isEmpty, "\(visit.id) has no reason")
            for reason in reasons {
                #expect(reason.hasPrefix("impossible on its own: ") || reason.hasPrefix("crowded out by other visits"),
                        "\(visit.id): \(reason)")
                #expect(titles.contains { reason.contains($0 + ":") }, "\(visit.id) names no rule: \(reason)")
            }
        }
    }

    @Test("the scenario read as JSON gives the same scenario and the same plan as read as YAML",
          arguments: TestScenarios.allFiles)
    func yamlAndJSONAgree(file: String) throws {
        let document = try DocumentValue.load(path: TestScenarios.path(file))
        let json = DocumentJSON.text(document)
        let fromYAML = try ScenarioLoader.decode(document, file: file)
        let fromJSON = try ScenarioLoader.parse(json, format: .json, file: file.replacingOccurrences(of: ".yaml", with: ".json"))
        #expect(fromJSON == fromYAML)
        let a = try PlannedScenario(scenario: fromYAML).plan, b = try PlannedScenario(scenario: fromJSON).plan
        #expect(a.withoutSolveTime == b.withoutSolveTime)
    }

    @Test("planning twice gives the same plan", arguments: TestScenarios.allFiles)
    func deterministic(file: String) throws {
        let a = try TestScenarios.plan(file).plan, b = try TestScenarios.plan(file).plan
        #expect(a.withoutSolveTime == b.withoutSolveTime)
    }
}

extension Plan {
    /// This plan with `solveSeconds` zeroed, the one field that differs between equal runs.
    var withoutSolveTime: Plan {
        var copy = self
        copy.solveSeconds = 0
        return copy
    }
}

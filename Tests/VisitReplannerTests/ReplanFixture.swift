import Foundation
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// The replanning test day (scenarios/tests/replan-day.yaml), its plan, and helpers to replan it.
struct ReplanFixture {
    let scenario: Scenario
    let plan: Plan

    static let shared: ReplanFixture = {
        let scenario = try! ScenarioLoader.load(path: repoPath("scenarios/tests/replan-day.yaml"))
        let plan = try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        return ReplanFixture(scenario: scenario, plan: plan)
    }()

    /// Parses events written in YAML against the fixture's scenario.
    func events(_ yaml: String) throws -> [ChangeEvent] {
        try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario)
    }

    func replan(_ yaml: String, neighbourhoodFirst: Bool = true) throws -> ReplanOutcome {
        let outcome = try Replanner(scenario: scenario, current: plan, eventsFile: "events.yaml")
            .replan(events(yaml), options: ReplanOptions(timeLimit: 30, neighbourhoodFirst: neighbourhoodFirst))
        // Every replanned plan passes the independent checker, with the replanning terms.
        let report = PlanChecker(scenario: outcome.scenario, replan: outcome.context).check(outcome.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.score - outcome.plan.score) < 1e-6)
        return outcome
    }

    func item(_ plan: Plan, _ visit: String, _ index: Int) -> PlannedItem? {
        plan.visit(visit)?.items?.first { $0.agendaIndex == index }
    }
}

/// An absolute path inside the repository.
func repoPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(relative).path
}

/// A date and time written as in scenarios.
func moment(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

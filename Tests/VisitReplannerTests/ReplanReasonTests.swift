import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// After a replan, a dropped visit's reason names what really blocks it (issue 12, finding 15).
@Suite("Reasons after a replan")
struct ReplanReasonTests {
    @Test("busy Monday on the demo week: V-1001 is dropped for the caterer's notice on a new order, not for its window")
    func busyMondayNamesTheCatererLeadTime() throws {
        let scenario = try ScenarioLoader.load(path: repoPath("scenarios/demo-week.yaml"))
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 60)).plan
        let events = try EventsLoader.load(path: repoPath("scenarios/events/busy-monday.yaml"), scenario: scenario)
        let outcome = try Replanner(scenario: scenario, current: plan, eventsFile: "busy-monday.yaml")
            .replan(events, options: ReplanOptions(timeLimit: 60))
        let visit = try #require(outcome.plan.visit("V-1001"))
        try #require(!visit.scheduled, "the demo week's busy Monday drops V-1001")
        let details = try #require(visit.reasonDetails)
        #expect(details.contains { $0.rule == HardRule.leadTime.title && $0.kind == .impossible }, "\(visit.reasons ?? [])")
        #expect(!(visit.reasons ?? []).contains { $0.contains("does not fit in one stretch") }, "\(visit.reasons ?? [])")
        #expect((visit.reasons ?? []).contains { $0.contains("new caterer order") && $0.contains("h notice") }, "\(visit.reasons ?? [])")
    }
}

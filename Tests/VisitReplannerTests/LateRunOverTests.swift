import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// A running-over reported early in a batch whose latest report comes later: by then the plan has
/// the next meeting in the same room, with the same technical expert, already started. Both are
/// frozen and overlap; neither can change. The replan keeps both and the checker accepts the
/// overlap between what it keeps (found by the full property run of issue 12, where the replan
/// failed with "the visits under way cannot go on").
@Suite struct LateRunOverTests {
    static let scenarioText = """
        name: late-run-over
        now: '2026-12-07T17:00'
        horizon: {start: '2026-12-08', end: '2026-12-08'}
        calendar: {workingHours: {start: '08:00', end: '18:00'}, slotMinutes: 15}
        policies: {roomTurnoverMinutes: 15, maxGapMinutes: 30}
        rooms: [{id: R, capacity: 10}]
        staff:
          - {id: ann, roles: [host], languages: [en]}
          - {id: bo, roles: [host], languages: [en]}
          - {id: tec, roles: [technical], languages: [en], expertise: [plc]}
        visits:
          - id: A
            headcount: 3
            language: en
            requestedAt: '2026-12-01T09:00'
            window: {earliest: '2026-12-08T09:00', latest: '2026-12-08T10:00'}
            agenda: [{kind: meeting, durationMinutes: 60, technical: {count: 1, expertise: [plc]}}]
          - id: B
            headcount: 3
            language: en
            requestedAt: '2026-12-01T09:00'
            window: {earliest: '2026-12-08T10:15', latest: '2026-12-08T11:15'}
            agenda: [{kind: meeting, durationMinutes: 60, technical: {count: 1, expertise: [plc]}}]
        """

    @Test("A's meeting, reported at 09:30 to run an hour over, and B's, started at 10:15, are both kept")
    func bothKept() throws {
        let scenario = try ScenarioLoader.parse(Self.scenarioText, format: .yaml, file: "late-run-over.yaml")
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 10)).plan
        let fixture = ReplanFixture(scenario: scenario, plan: plan)
        let a = try #require(fixture.item(plan, "A", 0)), b = try #require(fixture.item(plan, "B", 0))
        #expect(a.room == "R" && b.room == "R" && a.technical == ["tec"] && b.technical == ["tec"])
        let events = """
            - {type: extendItem, at: '2026-12-08T09:30', visit: A, item: 0, minutes: 60}
            - {type: headcountChange, at: '2026-12-08T10:30', visit: B, headcount: 4}
            """
        let outcome = try fixture.replan(events)   // checks with the replan's own context
        #expect(fixture.item(outcome.plan, "A", 0)?.end == a.end.adding(minutes: 60))
        #expect(fixture.item(outcome.plan, "B", 0) == b)
        let checking = try Replanner(scenario: scenario, current: plan).checkingContext(for: fixture.events(events))
        #expect(PlanChecker(scenario: checking.scenario, replan: checking.context).check(outcome.plan).violations.isEmpty)
        // Without the replan context the room and the expert are double-booked.
        let plain = PlanChecker(scenario: checking.scenario).check(outcome.plan).violations
        #expect(plain.contains { $0.rule == .meeting && $0.message.contains("room R") })
        #expect(plain.contains { $0.rule == .availability && $0.message.contains("tec has two duties") })
    }
}

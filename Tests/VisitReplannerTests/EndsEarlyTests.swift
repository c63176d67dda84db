import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// A visit under way whose items still to come can no longer take place ends early instead of
/// failing the replan ("the visits under way cannot go on", found by the property run of issue
/// 12). V-1's tour runs over so far that its lunch no longer fits the canteen's hours (to 14:00).
@Suite struct EndsEarlyTests {
    let fixture = ReplanFixture.shared

    /// The tour running over until the lunch cannot end by 14:00.
    private func tourRunsOver() throws -> (events: String, tour: PlannedItem) {
        let tour = try #require(fixture.item(fixture.plan, "V-1", 1))
        let minutes = 14 * 60 - tour.end.minuteOfDay - 60 + 15
        return ("- {type: extendItem, at: '\(tour.start.adding(minutes: 10))', visit: V-1, item: 1, minutes: \(minutes)}", tour)
    }

    @Test("the lunch that no longer fits is cancelled; the visit keeps what has started and the replan checks")
    func endsEarly() throws {
        let (events, tour) = try tourRunsOver()
        let outcome = try fixture.replan(events)   // checks with the replan's context
        #expect(outcome.applied.endedEarly == ["V-1": [2]])
        let v1 = try #require(outcome.plan.visit("V-1"))
        #expect(v1.scheduled && v1.items?.map(\.agendaIndex) == [0, 1])
        #expect(fixture.item(outcome.plan, "V-1", 1)?.start == tour.start)
        #expect(outcome.scenario.visit("V-1")?.cancelledItems == [2], "the next replan starts from it")
        let change = outcome.plan.changes?.first { $0.visit == "V-1" && $0.item == 2 }
        #expect(change?.what == "cancelled" && change?.forcedByEvent == true)
        #expect(outcome.plan.notify?.contains { $0.person == "canteen" } == true, "the caterer hears the order is off")
        #expect(ReplanSummaryText(outcome: outcome, previous: fixture.plan).render().contains("V-1 can no longer go on as planned"))
        // `visitplan check --baseline --events` knows only the events: the visit under way may end early.
        let checking = try Replanner(scenario: fixture.scenario, current: fixture.plan).checkingContext(for: fixture.events(events))
        let report = PlanChecker(scenario: checking.scenario, replan: checking.context).check(outcome.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.score - outcome.plan.score) < 1e-6)
    }

    @Test("a visit under way with no timing left for what remains ends early at once: no wider area is tried for it")
    func noWideningForAStuckVisit() throws {
        let (events, _) = try tourRunsOver()
        let outcome = try fixture.replan(events)
        let names = outcome.phases.map(\.name)
        #expect(names.first == "affected visits (a visit under way cannot go on)", "\(names)")
        #expect(names.filter { $0.contains("cannot go on") }.count == 1, "widened for nothing: \(names)")
        #expect(outcome.phases.allSatisfy { $0.movable != nil }, "no whole-week solve: \(names)")
        #expect(outcome.applied.endedEarly == ["V-1": [2]])
    }

    @Test("a visit under way is never dropped, and only what had not started may be left out")
    func frozenItemsStay() throws {
        let (events, _) = try tourRunsOver()
        let outcome = try fixture.replan(events)
        let checking = try Replanner(scenario: fixture.scenario, current: fixture.plan).checkingContext(for: fixture.events(events))
        let checker = PlanChecker(scenario: checking.scenario, replan: checking.context)
        var dropped = outcome.plan
        let v = try #require(dropped.visits.firstIndex { $0.id == "V-1" })
        dropped.visits[v] = .unscheduled("V-1", reasons: ["gone"])
        #expect(checker.check(dropped).violations.contains { $0.message.contains("frozen item 0 of V-1") && $0.message.contains("missing") })
        var cut = outcome.plan
        cut.visits[v].items = Array(cut.visits[v].items?.prefix(1) ?? [])
        cut.visits[v].end = cut.visits[v].items?.last?.end
        #expect(checker.check(cut).violations.contains { $0.message.contains("missing") })
    }
}

import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// Items under way are kept as they were (FORMAT.md "Change events"), and the checker holds them
/// to that, as the model does: whatever is reported since they started, even a closure that began
/// before them, an IT person out, their host out, or the item running over the hours. The property
/// run of issue 12 found each of these failing the replan with "internal error: the plan breaks
/// the rules it must obey". V-1 runs meeting → tour → meal on Tuesday; fay.it is the only IT
/// person.
@Suite struct FrozenItemExemptionTests {
    let fixture = ReplanFixture.shared

    /// Replans, checks with the replan's own context (in `fixture.replan`) and again as
    /// `visitplan check --baseline --events` does.
    private func replanAndCheck(_ events: String) throws -> ReplanOutcome {
        let outcome = try fixture.replan(events)
        let checking = try Replanner(scenario: fixture.scenario, current: fixture.plan, eventsFile: "events.yaml")
            .checkingContext(for: fixture.events(events))
        let report = PlanChecker(scenario: checking.scenario, replan: checking.context).check(outcome.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        return outcome
    }

    @Test("the running meeting's room reported out since before the meeting began: the meeting is kept")
    func closureSinceBeforeTheItem() throws {
        let meeting = try #require(fixture.item(fixture.plan, "V-1", 0))
        let room = try #require(meeting.room)
        let at = meeting.start.adding(minutes: 30)
        let outcome = try replanAndCheck(
            "- {type: unavailable, at: '\(at)', resource: \(room), start: '2026-12-08T08:00', end: '2026-12-08T18:00'}")
        #expect(fixture.item(outcome.plan, "V-1", 0) == meeting)
    }

    @Test("the only IT person out all day while a meeting with a projector runs: the meeting goes on")
    func itPersonOut() throws {
        let meeting = try #require(fixture.item(fixture.plan, "V-1", 0))
        let at = meeting.start.adding(minutes: 30)
        let outcome = try replanAndCheck(
            "- {type: unavailable, at: '\(at)', resource: fay.it, start: '2026-12-08T00:00', end: '2026-12-09T00:00'}")
        #expect(fixture.item(outcome.plan, "V-1", 0) == meeting)
        #expect(outcome.plan.visit("V-3")?.scheduled == false, "a later meeting with a projector has no IT cover")
    }

    @Test("the host out from inside the visit: the visit goes on with its host")
    func hostOutDuringTheVisit() throws {
        let tour = try #require(fixture.item(fixture.plan, "V-1", 1))
        let host = try #require(fixture.plan.visit("V-1")?.host)
        let at = tour.start.adding(minutes: 10)
        let outcome = try replanAndCheck(
            "- {type: unavailable, at: '\(at)', resource: \(host), start: '\(tour.start.adding(minutes: 5))', end: '2026-12-08T18:00'}")
        #expect(outcome.plan.visit("V-1")?.host == host)
        #expect(fixture.item(outcome.plan, "V-1", 1) == tour)
    }

    @Test("a meal running over past the caterer's service hours keeps its start and caterer")
    func mealRunsOverTheHours() throws {
        let meal = try #require(fixture.item(fixture.plan, "V-1", 2))
        let at = meal.start.adding(minutes: 15)
        let outcome = try replanAndCheck("- {type: extendItem, at: '\(at)', visit: V-1, item: 2, minutes: 120}")
        let kept = try #require(fixture.item(outcome.plan, "V-1", 2))
        #expect(kept.start == meal.start && kept.caterer == meal.caterer)
        #expect(kept.end == meal.end.adding(minutes: 120))
    }

    @Test("a meal running over past its host's daily duty limit: kept, and the host takes nothing more that day")
    func runsOverTheDutyLimit() throws {
        var scenario = fixture.scenario
        scenario.policies.maxDutyMinutesPerStaffPerDay = 180   // V-1's host: 09:50 to the end of lunch
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        let limited = ReplanFixture(scenario: scenario, plan: plan)
        let meal = try #require(limited.item(plan, "V-1", 2))
        let events = "- {type: extendItem, at: '\(meal.start.adding(minutes: 15))', visit: V-1, item: 2, minutes: 120}"
        let outcome = try limited.replan(events)   // checks with the replan's own context
        #expect(limited.item(outcome.plan, "V-1", 2)?.end == meal.end.adding(minutes: 120))
        let checking = try Replanner(scenario: scenario, current: plan).checkingContext(for: limited.events(events))
        #expect(PlanChecker(scenario: checking.scenario, replan: checking.context).check(outcome.plan).violations.isEmpty)
        // Without the replan context the host is over the limit.
        #expect(PlanChecker(scenario: checking.scenario).check(outcome.plan).violations.contains { $0.message.contains("min of duty") })
    }
}

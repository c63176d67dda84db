import Testing
import VisitDomain
@testable import VisitReplanner

/// A resource or person reported unavailable from a moment inside an item that already started
/// (the projector fails mid-meeting, the guide falls ill mid-tour): the running item is frozen and
/// kept, the replan succeeds, and the checker, told the same frozen items, accepts it (issue 12,
/// finding 12). V-1 runs meeting → tour → meal on Tuesday.
@Suite struct ClosureUnderRunningItemTests {
    let fixture = ReplanFixture.shared

    /// (agenda index of the running item, what is closed, minutes after the item's start).
    static let cases: [(item: Int, resource: String, after: Int)] = [
        (0, "room", 30), (1, "route", 15), (2, "caterer", 15), (1, "guide", 15),
    ]

    @Test(arguments: cases.indices)
    func theRunningItemIsKeptAndThePlanChecks(_ index: Int) throws {
        let c = Self.cases[index]
        let running = try #require(fixture.item(fixture.plan, "V-1", c.item))
        let named: String? = switch c.resource {
        case "room": running.room
        case "route": running.route
        case "caterer": running.caterer
        default: running.guides?.first
        }
        let resource = try #require(named)
        let at = running.start.adding(minutes: c.after)
        let events = "- {type: unavailable, at: '\(at)', resource: \(resource), start: '\(at)', end: '\(at.adding(minutes: 120))'}"
        let outcome = try fixture.replan(events)   // replans, and checks with the frozen items
        let kept = try #require(fixture.item(outcome.plan, "V-1", c.item))
        #expect(kept == running, "the running item stays as it was")
        // Checked again the way `visitplan check --baseline --events` does.
        let replanner = Replanner(scenario: fixture.scenario, current: fixture.plan, eventsFile: "events.yaml")
        let checking = try replanner.checkingContext(for: fixture.events(events))
        #expect(PlanChecker(scenario: checking.scenario, replan: checking.context).check(outcome.plan).violations.isEmpty)
        // Without the replan context, the same plan breaks rule 8: the exemption is the frozen item's alone.
        let plain = PlanChecker(scenario: checking.scenario).check(outcome.plan).violations
        #expect(plain.contains { $0.rule == .availability && $0.visit == "V-1" }, "\(plain)")
    }
}

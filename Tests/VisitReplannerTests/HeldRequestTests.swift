import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// A saved request waits for a coordinator's accept: no replan or improvement search places it,
/// however much room it finds (issue 14).
@Suite("Requests on hold stay out of replans")
struct HeldRequestTests {
    /// The fixture's plan with V-3 waiting as a request (unscheduled, with the waiting sentence),
    /// and a replan of the whole week after V-1 is cancelled, which leaves V-3 plenty of room.
    static func replan(holding held: Set<String>) throws -> (outcome: ReplanOutcome, waiting: Plan) {
        let fixture = ReplanFixture.shared
        let waiting = WaitingRequest.plan(fixture.plan, adding: "V-3", reason: WaitingRequest.reason(submittedBy: "xu.lan"),
                                          in: fixture.scenario)
        #expect(WaitingRequest.heldVisits(["V-3", "V-1"], in: waiting) == ["V-3"], "V-1 is scheduled, so not held")
        let events = try fixture.events("- {type: cancelVisit, at: '2026-12-07T17:00', visit: V-1}")
        let outcome = try Replanner(scenario: fixture.scenario, current: waiting, eventsFile: "events.yaml")
            .replan(events, options: ReplanOptions(timeLimit: 30, neighbourhoodFirst: false, held: held))
        let report = PlanChecker(scenario: outcome.scenario, replan: outcome.context).check(outcome.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        return (outcome, waiting)
    }

    @Test("a whole-week replan leaves a held request waiting, with its sentence, and places it when not held")
    func wholeWeekKeepsItWaiting() throws {
        let (held, waiting) = try Self.replan(holding: ["V-3"])
        let kept = try #require(held.plan.visit("V-3"))
        #expect(!kept.scheduled && kept.reasons == waiting.visit("V-3")?.reasons, "\(kept)")
        #expect(!(held.plan.changes ?? []).contains { $0.visit == "V-3" })
        // The same replan without the hold takes the room it finds: the hold is what keeps it out.
        let free = try Self.replan(holding: []).outcome
        #expect(free.plan.visit("V-3")?.scheduled == true, "V-3 fits once V-1 is cancelled")
    }

    @Test("an improvement search proposes nothing that places a held request")
    func improvementLeavesItWaiting() throws {
        let fixture = ReplanFixture.shared
        let waiting = WaitingRequest.plan(fixture.plan, adding: "V-3", reason: WaitingRequest.reason(submittedBy: "xu.lan"),
                                          in: fixture.scenario)
        let held = try Improver(scenario: fixture.scenario, current: waiting).improve(options: ImproveOptions(timeLimit: 10, held: ["V-3"]))
        #expect(held.proposal?.addedVisits.contains("V-3") != true, "\(String(describing: held.proposal?.addedVisits))")
        let free = try Improver(scenario: fixture.scenario, current: waiting).improve(options: ImproveOptions(timeLimit: 10))
        #expect(free.proposal?.addedVisits == ["V-3"], "without the hold the search places it")
    }
}

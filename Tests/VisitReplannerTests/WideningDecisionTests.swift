import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// Whether a replan widens from the events' days to the whole week is decided on the reasons'
/// facts (impossible on its own, or crowded out), never on how a sentence reads.
@Suite("Replan widening reads the reasons' kind")
struct WideningDecisionTests {
    /// The fixture's plan with `visit` dropped for `reason`, its sentence replaced by `sentence`.
    static func dropped(_ visit: String, _ kind: UnscheduledReason.Kind, sentence: String) -> Plan {
        var plan = ReplanFixture.shared.plan
        let reason = UnscheduledReason(kind: kind, rule: .meeting, "the rooms that fit 8 people (A-301) are taken by V-2")
        var planned = PlannedVisit.unscheduled(visit, details: [reason])
        planned.reasons = [sentence]
        plan.visits = plan.visits.map { $0.id == visit ? planned : $0 }
        return plan
    }

    @Test("a crowded-out visit widens the replan, an impossible one does not, whatever its sentence says", arguments: [
        (UnscheduledReason.Kind.crowdedOut, "impossible on its own: reworded", false),
        (UnscheduledReason.Kind.crowdedOut, "crowded out by other visits: as written", false),
        (UnscheduledReason.Kind.impossible, "crowded out by other visits: reworded", true),
        (UnscheduledReason.Kind.impossible, "impossible on its own: as written", true),
    ])
    func kindDecides(kind: UnscheduledReason.Kind, sentence: String, absorbed: Bool) throws {
        let fixture = ReplanFixture.shared
        let scheduled = fixture.plan.visits.first { $0.scheduled }
        let visit = try #require(scheduled).id
        let neighbourhood = Self.dropped(visit, kind, sentence: sentence)
        #expect(Replanner.absorbs(neighbourhood, replacing: fixture.plan, in: fixture.scenario) == absorbed)
    }
}

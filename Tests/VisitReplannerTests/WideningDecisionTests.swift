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

/// Staff and client contacts are told why a visit was dropped without the budgets and prices behind it.
@Suite("Dropped-visit messages carry no money")
struct DroppedMessageTests {
    @Test("the people of a visit dropped over a budget read the rule and the caterer, not the amounts")
    func noMoneyInMessages() throws {
        let fixture = ReplanFixture.shared
        let scheduled = fixture.plan.visits.first { $0.scheduled }
        let visit = try #require(scheduled).id
        let reason = UnscheduledReason(kind: .impossible, rule: HardRule.meal.title, resources: ["grand-palace"], text: [
            .words("banquet is over the standard budget"), .money("budgetPerHead", 300, shown: " of 300"),
            .words(" per head: grand-palace charges"), .money("pricePerHead", 450, shown: " 450", host: " more"),
        ])
        var after = fixture.plan
        after.visits = after.visits.map { $0.id == visit ? .unscheduled(visit, details: [reason]) : $0 }
        let report = ChangeReport(before: fixture.plan, after: after, oldScenario: fixture.scenario, newScenario: fixture.scenario,
                                  applied: AppliedEvents(scenario: fixture.scenario))
        let all = report.notifications.map(\.message).filter { $0.contains(visit) }
        #expect(all.allSatisfy { !$0.contains("300") && !$0.contains("450") }, "\(all)")
        // A caterer's cancelled order gives no reason; everyone else reads it.
        let messages = all.filter { !$0.hasPrefix("order for") }
        #expect(!messages.isEmpty)
        for message in messages {
            #expect(message.contains("over the standard budget per head") && message.contains("grand-palace"), "\(message)")
            #expect(!message.contains("300") && !message.contains("450"), "\(message)")
        }
    }
}

import Testing
import VisitDomain
import VisitPlanner

/// The score terms and the two kinds of reasons for unscheduled visits.
@Suite("Score and reasons")
struct ScoreAndReasonTests {
    @Test("a preferred start is met when free and missed by the fewest slots otherwise")
    func preferredStart() throws {
        let result = try TestScenarios.plan("score-preferred-start.yaml")
        #expect(try result.scheduled("V-1").start == at("2026-12-08T14:00"))
        #expect(try result.scheduled("V-2").start == at("2026-12-10T14:30"))
        #expect(result.report.scoreBreakdown.preferredStart == -2)
        #expect(result.plan.score == 1998)
    }

    @Test("the plan's score is the checker's and the solver's objective")
    func scoreAgreesWithModel() throws {
        let result = try TestScenarios.plan("score-preferred-start.yaml")
        #expect(abs(result.plan.score - result.report.score) < 1e-6)
        #expect(abs(result.outcome.modelObjective - result.plan.score) < 1e-6)
    }

    @Test("the lower-priority visit wanting the only secure room at the only time is crowded out by the other")
    func crowdedOut() throws {
        let result = try TestScenarios.plan("crowded-secure-room.yaml")
        let winner = try result.scheduled("V-high")
        #expect(winner.items[0].room == "S-1")
        let reasons = try result.reasons("V-low")
        #expect(reasons.allSatisfy { $0.hasPrefix("crowded out") }, "reasons: \(reasons)")
        #expect(reasons.anyContains("crowded out", "V-high", "S-1"), "reasons: \(reasons)")
    }

    @Test("a visit that cannot be planned even alone says so first")
    func impossibleOnItsOwn() throws {
        for (file, visit) in [("host-language.yaml", "V-ja"), ("meeting-confidential.yaml", "V-nonda"),
                              ("lead-time-notice.yaml", "V-late"), ("meal-budget.yaml", "V-std")] {
            let reasons = try TestScenarios.plan(file).reasons(visit)
            #expect(reasons.allSatisfy { $0.hasPrefix("impossible on its own: ") }, "\(file) \(visit): \(reasons)")
        }
    }
}

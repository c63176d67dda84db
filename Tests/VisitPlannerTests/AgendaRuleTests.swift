import Testing
import VisitDomain
import VisitPlanner

/// Rule 1 (agenda): items in order, gaps of at most maxGapMinutes, the visit inside its window,
/// nothing before now.
@Suite("Rule 1: agenda")
struct AgendaRuleTests {
    @Test("a tour that opens 45 min after the meeting's latest end does not fit a 30-min gap")
    func gapTooLong() throws {
        let result = try TestScenarios.plan("agenda-gap.yaml")
        let reasons = try result.reasons("V-1")
        #expect(reasons.allSatisfy { $0.hasPrefix("impossible on its own: ") })
        #expect(reasons.anyContains("agenda", "at most 30 min between items"), "reasons: \(reasons)")
    }

    @Test("with maxGapMinutes 60 the same visit runs meeting 09:00–10:00, then the tour once the route opens")
    func gapAllowed() throws {
        let result = try TestScenarios.plan("agenda-gap.yaml", [.set("policies.maxGapMinutes", 60)])
        let visit = try result.scheduled("V-1")
        #expect(visit.items.map(\.kind) == [.meeting, .tour])
        let meeting = visit.items[0], tour = visit.items[1]
        #expect(meeting.start == at("2026-12-08T09:00") && meeting.end == at("2026-12-08T10:00"))
        #expect(tour.start >= at("2026-12-08T10:45"), "the showroom opens at 10:45")
        #expect(tour.start.minutes - meeting.end.minutes <= 60)
        #expect(visit.start == meeting.start && visit.end == tour.end)
    }

    @Test("items follow in order, the visit lies in its window and starts no earlier than now")
    func notBeforeNow() throws {
        let result = try TestScenarios.plan("agenda-now.yaml")
        let visit = try result.scheduled("V-1")
        let window = try #require(result.scenario.visit("V-1")?.window)
        #expect(visit.start >= result.scenario.now)
        #expect(window.contains(TimeInterval(start: visit.start, end: visit.end)))
        // The preferred 09:00 is in the past; 10:30 is the first slot not before now (10:20).
        #expect(visit.start == at("2026-12-08T10:30"))
    }

    @Test("a window that ended before now is unscheduled with an agenda reason")
    func windowInThePast() throws {
        let result = try TestScenarios.plan("agenda-now.yaml")
        let reasons = try result.reasons("V-2")
        #expect(reasons.anyContains("impossible on its own: agenda", "ends before now"), "reasons: \(reasons)")
    }
}

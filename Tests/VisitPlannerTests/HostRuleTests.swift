import Testing
import VisitDomain
import VisitPlanner

/// Rule 4 (host): one host speaking the visit's language, busy from start − hostArrivesEarlyMinutes
/// to the end, and never in another role of the same visit.
@Suite("Rule 4: host")
struct HostRuleTests {
    @Test("the host speaks the visit's language, even over the preferred host")
    func hostSpeaksLanguage() throws {
        let result = try TestScenarios.plan("host-language.yaml")
        let visit = try result.scheduled("V-de")
        #expect(visit.host == "bernd")
        #expect(result.scenario.staffMember(visit.host)?.languages.contains("de") == true)
    }

    @Test("no host speaks Japanese: unscheduled with a host reason")
    func noHostForLanguage() throws {
        let result = try TestScenarios.plan("host-language.yaml")
        let reasons = try result.reasons("V-ja")
        #expect(reasons.anyContains("impossible on its own: host", "speaks ja"), "reasons: \(reasons)")
    }

    @Test("the preferred host is chosen when free, another host when not",
          arguments: [
            (leave: false, host: "anna"),
            (leave: true, host: "bernd"),
          ])
    func preferredHost(leave: Bool, host: String) throws {
        let edits: [ScenarioEdit] = leave
            ? [.leave(staff: 0, on: "2026-12-08")] : []
        let result = try TestScenarios.plan("host-preferred.yaml", edits)
        let visit = try result.scheduled("V-1")
        #expect(visit.host == host)
        #expect(result.report.scoreBreakdown.preferredHost == (leave ? 0 : 20))
    }

    @Test("the host is busy from start − hostArrivesEarlyMinutes: back to back visits need a slot between",
          arguments: [(early: 10, start: "2026-12-08T10:15"), (early: 0, start: "2026-12-08T10:00")])
    func earlyArrival(early: Int, start: String) throws {
        let result = try TestScenarios.plan("host-early-arrival.yaml", [.set("policies.hostArrivesEarlyMinutes", .int(early))])
        let first = try result.scheduled("V-1"), second = try result.scheduled("V-2")
        #expect(first.host == "hana" && second.host == "hana")
        #expect(first.start == at("2026-12-08T09:00"))
        #expect(second.start == at(start))
        #expect(second.start.minutes - early >= first.end.minutes)
    }

    @Test("the host is never also the guide: the preferred host guides and the other hosts")
    func hostIsNotGuide() throws {
        let result = try TestScenarios.plan("host-not-guide.yaml")
        let visit = try result.scheduled("V-1")
        let guides = visit.items.flatMap { $0.people }
        #expect(!guides.contains(visit.host))
        #expect(visit.host == "bea")
        #expect(guides == ["alex"])
    }

    @Test("when only the guide could host, the visit is unscheduled rather than host and guide in one")
    func onlyGuideCouldHost() throws {
        let result = try TestScenarios.plan("host-not-guide.yaml",
                                            [.leave(staff: 1, on: "2026-12-08")])
        let reasons = try result.reasons("V-1")
        #expect(reasons.allSatisfy { $0.hasPrefix("impossible on its own: ") }, "reasons: \(reasons)")
    }
}

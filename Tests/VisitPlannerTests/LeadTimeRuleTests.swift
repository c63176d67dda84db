import Testing
import VisitDomain
import VisitPlanner

/// Rule 3 (lead time): working days of notice, the urgent hours, and the caterer's lead time.
@Suite("Rule 3: lead time")
struct LeadTimeRuleTests {
    @Test("a visit asked for 18 h before its earliest start stays unscheduled with a lead-time reason")
    func tooLate() throws {
        let result = try TestScenarios.plan("lead-time-notice.yaml")
        let reasons = try result.reasons("V-late")
        #expect(reasons.anyContains("impossible on its own: lead time", "requested 2026-12-07T15:00", "18 h", "24 h needed"),
                "reasons: \(reasons)")
    }

    @Test("a visit may start only once urgentHours have passed since the request, and is then urgent")
    func urgentFromTheFirstAllowedStart() throws {
        let result = try TestScenarios.plan("lead-time-notice.yaml")
        let visit = try result.scheduled("V-later")
        #expect(visit.start == at("2026-12-08T15:00"))
        #expect(visit.planned.urgent == true)
    }

    @Test("notice decides urgency: 2 working days is urgent, 6 is standard",
          arguments: [("V-urgent", true), ("V-standard", false)])
    func urgency(visitID: String, urgent: Bool) throws {
        let result = try TestScenarios.plan("lead-time-notice.yaml")
        let visit = try result.scheduled(visitID)
        #expect(visit.planned.urgent == urgent)
    }

    @Test("a caterer needing 48 h is not used for a tea break 30 h from now; the one needing 24 h is")
    func catererLeadTime() throws {
        let result = try TestScenarios.plan("lead-time-caterer.yaml")
        let visit = try result.scheduled("V-1")
        #expect(visit.items[0].caterer == "corner-cafe")
    }

    @Test("without the 24-h caterer the tea break cannot be ordered in time: a meal reason")
    func catererLeadTimeUnscheduled() throws {
        let result = try TestScenarios.plan("lead-time-caterer.yaml", [.remove("caterers[1]")])
        let reasons = try result.reasons("V-1")
        #expect(reasons.anyContains("impossible on its own: meal", "grand-cafe", "48 h"), "reasons: \(reasons)")
    }
}

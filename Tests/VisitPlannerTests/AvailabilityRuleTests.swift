import Testing
import VisitDomain
import VisitPlanner

/// Rule 8 (availability): leave, weekly availability, one duty at a time, daily limits, closures.
@Suite("Rule 8: availability")
struct AvailabilityRuleTests {
    @Test("nobody works while on leave: the visit waits until its only host is back")
    func leave() throws {
        let result = try TestScenarios.plan("availability-leave.yaml")
        #expect(try result.scheduled("V-1").start == at("2026-12-08T13:00"))
    }

    @Test("people work only inside their weekly availability")
    func availabilityDays() throws {
        let result = try TestScenarios.plan("availability-days.yaml")
        let visit = try result.scheduled("V-1")
        let tour = visit.items[0]
        #expect(tour.guides == ["gus"])
        #expect(tour.start.date == day("2026-12-08"))
        #expect(tour.start >= at("2026-12-08T13:00") && tour.end <= at("2026-12-08T17:00"))
        // As close to the preferred Thursday 10:00 as Tuesday allows.
        #expect(tour.start == at("2026-12-08T16:15"))
    }

    @Test("one duty at a time: the second meeting needing the only technical person follows the first")
    func oneDutyAtATime() throws {
        let result = try TestScenarios.plan("availability-one-duty.yaml")
        let first = try result.scheduled("V-1").items[0], second = try result.scheduled("V-2").items[0]
        #expect(first.technical == ["tess"] && second.technical == ["tess"])
        #expect(first.start == at("2026-12-08T10:00"))
        #expect(second.start == at("2026-12-08T11:00"))
    }

    @Test("maxVisitsPerHostPerDay 1 spreads one host's visits over two days; without it they share Tuesday",
          arguments: [true, false])
    func visitsPerHostPerDay(limited: Bool) throws {
        let edits: [ScenarioEdit] = limited ? [] : [.remove("policies.maxVisitsPerHostPerDay")]
        let result = try TestScenarios.plan("availability-host-limit.yaml", edits)
        let days = try ["V-1", "V-2"].map { try result.scheduled($0).start.date }
        #expect(limited ? days[0] != days[1] : days == [day("2026-12-08"), day("2026-12-08")])
    }

    @Test("maxDutyMinutesPerStaffPerDay 120 keeps two 90-minute duties of one person on separate days",
          arguments: [true, false])
    func dutyMinutesPerDay(limited: Bool) throws {
        let edits: [ScenarioEdit] = limited ? [] : [.remove("policies.maxDutyMinutesPerStaffPerDay")]
        let result = try TestScenarios.plan("availability-duty-minutes.yaml", edits)
        let days = try ["V-1", "V-2"].map { try result.scheduled($0).start.date }
        #expect(limited ? days[0] != days[1] : days == [day("2026-12-08"), day("2026-12-08")])
    }

    @Test("a room is not used while closed, but its turnover may overlap the closure",
          arguments: [("V-1", "2026-12-08T12:00"), ("V-2", "2026-12-10T11:00")])
    func roomClosure(visitID: String, start: String) throws {
        let result = try TestScenarios.plan("availability-room-closure.yaml")
        let meeting = try result.scheduled(visitID).items[0]
        #expect(meeting.room == "R-1")
        #expect(meeting.start == at(start))
    }

    @Test("a host's duty counts the early minutes: two 60-minute visits with 15 early minutes exceed 120 minutes",
          arguments: [(early: 15, bothPlanned: false), (early: 0, bothPlanned: true)])
    func hostDutyCountsEarlyMinutes(early: Int, bothPlanned: Bool) throws {
        let result = try TestScenarios.plan("availability-host-duty.yaml", [.set("policies.hostArrivesEarlyMinutes", .int(early))])
        _ = try result.scheduled("V-1")
        if bothPlanned {
            _ = try result.scheduled("V-2")
        } else {
            let reasons = try result.reasons("V-2")
            #expect(reasons.allSatisfy { $0.hasPrefix("crowded out") }, "reasons: \(reasons)")
        }
    }

    @Test("the reason of a visit left out by the daily duty limit names that limit")
    func dutyLimitReason() throws {
        let result = try TestScenarios.plan("availability-host-duty.yaml")
        let reasons = try result.reasons("V-2")
        #expect(reasons.anyContains("availability", "duty"), "reasons: \(reasons)")
    }

    @Test("a route is not toured while closed")
    func routeClosure() throws {
        let result = try TestScenarios.plan("availability-closures.yaml")
        #expect(try result.scheduled("V-1").start == at("2026-12-08T12:00"))
    }

    @Test("a caterer does not serve while closed; the meal goes to another")
    func catererClosure() throws {
        let result = try TestScenarios.plan("availability-closures.yaml")
        #expect(try result.scheduled("V-2").items[0].caterer == "bistro")
    }
}

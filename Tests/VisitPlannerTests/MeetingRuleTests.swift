import Testing
import VisitDomain
import VisitPlanner

/// Rule 5 (meeting): room size, equipment, security and NDA, turnover, technical expertise and
/// the exact staff counts.
@Suite("Rule 5: meeting")
struct MeetingRuleTests {
    @Test("each meeting gets a room holding visitors, host, technical and sales staff")
    func roomsFitTheirMeetings() throws {
        let result = try TestScenarios.plan("meeting-capacity.yaml")
        #expect(try result.scheduled("V-big").items[0].room == "R-large")
        #expect(try result.scheduled("V-small").items[0].room == "R-small")
        for planned in result.plan.visits where planned.scheduled {
            let visit = try #require(result.scenario.visit(planned.id))
            guard case .meeting(let meeting) = visit.agenda[0] else { Issue.record("not a meeting"); continue }
            let room = try #require(result.scenario.room(planned.items?[0].room ?? ""))
            #expect(room.capacity >= visit.headcount + 1 + meeting.technicalCount + meeting.salesCount)
        }
    }

    @Test("a room one seat too small is never used: without the large room the big visit is unscheduled")
    func roomTooSmall() throws {
        let result = try TestScenarios.plan("meeting-capacity.yaml", [.remove("rooms[1]")])
        let reasons = try result.reasons("V-big")
        #expect(reasons.anyContains("impossible on its own: meeting", "9 people", "R-small, holds 8"), "reasons: \(reasons)")
        #expect(try result.scheduled("V-small").items[0].room == "R-small")
    }

    @Test("the room has the meeting's equipment")
    func equipment() throws {
        let result = try TestScenarios.plan("meeting-equipment.yaml")
        #expect(try result.scheduled("V-proj").items[0].room == "R-proj")
        #expect(try result.scheduled("V-plain").items[0].room == "R-plain")
    }

    @Test("with no projector room the meeting needing one is unscheduled, naming the projector")
    func noEquipment() throws {
        let result = try TestScenarios.plan("meeting-equipment.yaml", [.remove("rooms[1]")])
        let reasons = try result.reasons("V-proj")
        #expect(reasons.anyContains("impossible on its own: meeting", "projector"), "reasons: \(reasons)")
    }

    @Test("a confidential meeting with an NDA gets the secure room")
    func confidentialWithNDA() throws {
        let result = try TestScenarios.plan("meeting-confidential.yaml")
        #expect(try result.scheduled("V-nda").items[0].room == "R-secure")
        #expect(try result.scheduled("V-open").items[0].room == "R-open")
    }

    @Test("a confidential meeting without an NDA is refused, the reason mentions the NDA")
    func confidentialWithoutNDA() throws {
        let result = try TestScenarios.plan("meeting-confidential.yaml")
        let reasons = try result.reasons("V-nonda")
        #expect(reasons.anyContains("impossible on its own: meeting", "NDA"), "reasons: \(reasons)")
    }

    @Test("room turnover keeps two meetings in one room apart",
          arguments: [30, 0])
    func turnover(minutes: Int) throws {
        let result = try TestScenarios.plan("meeting-turnover.yaml", [.set("policies.roomTurnoverMinutes", .int(minutes))])
        let meetings = try ["V-1", "V-2"].map { try result.scheduled($0).items[0] }.sorted { $0.start < $1.start }
        #expect(meetings.allSatisfy { $0.room == "R-1" })
        #expect(meetings[0].start == at("2026-12-08T09:00"))
        // Both would like 09:00, so the second starts as soon as the room is free again.
        #expect(meetings[1].start.minutes == meetings[0].end.minutes + minutes)
    }

    @Test("exactly technical.count technical staff covering every topic, exactly `sales` sales staff")
    func technicalAndSales() throws {
        let result = try TestScenarios.plan("meeting-staff.yaml")
        let meeting = try result.scheduled("V-1").items[0]
        let technical = try #require(meeting.technical), sales = try #require(meeting.sales)
        #expect(technical.count == 2)
        #expect(technical.contains("vera"), "only vera knows vision")
        #expect(Set(technical).count == 2)
        #expect(sales.count == 2 && Set(sales).count == 2)
        #expect(Set(sales).isSubset(of: ["sam", "sue", "sid"]))
        let known = technical.compactMap { result.scenario.staffMember($0) }.reduce(into: Set<String>()) { $0.formUnion($1.expertise) }
        #expect(known.isSuperset(of: ["robotics", "vision"]))
    }

    @Test("when the only vision expert is on leave the topics cannot be covered")
    func expertiseMissing() throws {
        let result = try TestScenarios.plan("meeting-staff.yaml",
                                            [.leave(staff: 3, on: "2026-12-08")])
        let reasons = try result.reasons("V-1")
        #expect(reasons.allSatisfy { $0.hasPrefix("impossible on its own: ") }, "reasons: \(reasons)")
    }
}

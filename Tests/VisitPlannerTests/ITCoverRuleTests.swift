import Testing
import VisitDomain
import VisitPlanner

/// Rule 9 (IT cover): a free IT person of the room's building while an equipped meeting runs.
@Suite("Rule 9: IT cover")
struct ITCoverRuleTests {
    @Test("building B's only IT person cannot also be the meeting's technical expert: unscheduled")
    func itPersonBusyAsExpert() throws {
        let result = try TestScenarios.plan("it-cover.yaml")
        let reasons = try result.reasons("V-tech")
        #expect(reasons.allSatisfy { $0.hasPrefix("impossible on its own: ") }, "reasons: \(reasons)")
    }

    @Test("the reason of a visit blocked only by IT cover names that rule",
          arguments: [
            (visit: "V-tech", edits: [ScenarioEdit]()),
            // V-proj may come only on Thursday, when ivan is on leave.
            (visit: "V-proj", edits: [.set("visits[1].window.latest", "2026-12-10T17:00")]),
          ])
    func itReasonNamesTheRule(visit: String, edits: [ScenarioEdit]) throws {
        let result = try TestScenarios.plan("it-cover.yaml", edits)
        let reasons = try result.reasons(visit)
        #expect(reasons.anyContains("IT cover"), "reasons: \(reasons)")
    }

    @Test("a room without a building is covered by any free IT person; the checker and the model agree (issue 12, finding 14)")
    func roomWithoutBuilding() throws {
        let result = try TestScenarios.plan("it-cover-no-building.yaml")
        #expect(try result.scheduled("V-proj").items[0].room == "R-1")
        #expect(try result.reasons("V-late").anyContains("IT cover"))
        // The checker, independently, accepts the plan and refuses V-late on Thursday in R-1.
        #expect(PlanChecker(scenario: result.scenario).check(result.plan).violations.isEmpty)
        var forced = result.plan
        let late = try #require(forced.visits.firstIndex { $0.id == "V-late" })
        let moved = try #require(forced.visits.first { $0.id == "V-proj" })
        forced.visits[late] = PlannedVisit(id: "V-late", scheduled: true, urgent: false, host: moved.host,
                                           start: LocalDateTime(iso: "2026-12-10T10:00")!, end: LocalDateTime(iso: "2026-12-10T11:00")!,
                                           items: moved.items.map { $0.map { item in
                                               var item = item
                                               item.start = LocalDateTime(iso: "2026-12-10T10:00")!; item.end = LocalDateTime(iso: "2026-12-10T11:00")!
                                               return item
                                           } })
        let rules = PlanChecker(scenario: result.scenario).check(forced).violations.map(\.rule)
        #expect(rules.contains(.itCover), "\(rules)")
    }

    @Test("with a projector room and IT cover in building A the meeting moves there")
    func movesToCoveredBuilding() throws {
        let result = try TestScenarios.plan("it-cover.yaml", [
            .set("rooms[2]", ["id": "A-1", "building": "A", "capacity": 10, "equipment": ["projector"]]),
            .set("staff[3]", ["id": "ian", "building": "A", "roles": ["it"], "languages": ["en"]]),
        ])
        let meeting = try result.scheduled("V-tech").items[0]
        #expect(meeting.room == "A-1")
        #expect(meeting.technical == ["ivan"])
    }

    @Test("an equipped meeting avoids the day building B's IT person is on leave; one without equipment does not",
          arguments: [("V-proj", "2026-12-11T08:30"), ("V-talk", "2026-12-10T10:00")])
    func leaveOfTheITPerson(visitID: String, start: String) throws {
        let result = try TestScenarios.plan("it-cover.yaml")
        #expect(try result.scheduled(visitID).start == at(start))
    }

    @Test("one free IT person covers two equipped meetings at once")
    func sharedCover() throws {
        let result = try TestScenarios.plan("it-cover-shared.yaml")
        let rooms = try ["V-1", "V-2"].map { try result.scheduled($0).items[0].room }
        #expect(Set(rooms.compactMap { $0 }) == ["B-1", "B-2"])
    }
}

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

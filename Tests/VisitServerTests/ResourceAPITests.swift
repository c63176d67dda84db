import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `PUT`/`DELETE /api/scenarios/{id}/resources/{list}/{resource}`: the coordinator edits one resource
/// at a time, each change a new scenario version; the plan is kept when it still holds.
@Suite("Resources edited one at a time")
struct ResourceAPITests {
    static let base = "/api/scenarios/suzhou-office-week-51"

    static func put(_ api: TestAPI, _ path: String, _ body: String, token: String = TestTokens.coordinator) async throws -> TestReply {
        try await api.send(.put, base + "/resources/" + path, token: token, body: body, contentType: "application/json")
    }

    @Test("a larger room keeps the plan (a new plan version of the new scenario version); a host's leave over their visit does not")
    func keptOrNot() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let room = try await Self.put(api, "rooms/S-1", #"{"building": "S", "capacity": 6, "equipment": ["whiteboard"]}"#)
            #expect(room.status == .created, "\(room.text)")
            let kept = try room.json
            #expect(kept["scenarioVersion"]?.intValue == 2 && kept["planVersion"]?.intValue == 2 && kept["planKept"]?.boolValue == true)
            let stored = try await api.get(Self.base).json
            #expect(stored.first(in: "document.rooms", where: "id", is: "S-1")?["capacity"]?.intValue == 6)
            let plan = try await api.get(Self.base + "/plans/current").json
            #expect(plan["scenarioVersion"]?.intValue == 2 && plan["version"]?.intValue == 2)

            let visit = try #require(plan.first(in: "plan.visits", where: "id", is: "V-2001"))
            let host = try #require(visit["host"]?.stringValue)
            let day = String(try #require(visit["start"]?.stringValue).prefix(10))
            let staff = try #require(stored.first(in: "document.staff", where: "id", is: host))
            guard case .object(var fields) = staff else { Issue.record("staff is not a mapping"); return }
            fields["unavailable"] = [["start": .string("\(day)T08:00"), "end": .string("\(day)T18:00")]]
            let leave = try await Self.put(api, "staff/\(host)", DocumentJSON.text(.object(fields)))
            #expect(leave.status == .created, "\(leave.text)")
            let broken = try leave.json
            #expect(broken["scenarioVersion"]?.intValue == 3 && broken["planKept"]?.boolValue == false && broken["planVersion"] == nil)
            #expect(broken["problems"]?.arrayValue?.contains { $0.stringValue?.contains("V-2001") == true } == true, "\(leave.text)")
            #expect(try await api.get(Self.base + "/plans/current").json["version"]?.intValue == 2, "the old plan stays until a new one is made")
        }
    }

    @Test("bad entries get their own field paths; a route still used is refused with the visit's path; roles, lists and ids are checked")
    func refusals() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let bad = try await Self.put(api, "rooms/S-1", #"{"capacity": "ten", "colour": "red"}"#)
            #expect(bad.status == .unprocessableContent, "\(bad.text)")
            let paths = Set(try bad.json["issues"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
            #expect(paths.isSuperset(of: ["capacity", "colour"]), "\(paths)")
            let renamed = try await Self.put(api, "rooms/S-1", #"{"id": "S-9", "capacity": 4}"#)
            #expect(renamed.status == .unprocessableContent && renamed.text.contains("\"path\":\"id\""))

            let removed = try await api.send(.delete, Self.base + "/resources/tourRoutes/demo-lab", token: TestTokens.coordinator)
            #expect(removed.status == .unprocessableContent && removed.text.contains("routes[0]") && removed.text.contains("visits["),
                    "\(removed.text)")
            #expect(try await api.send(.delete, Self.base + "/resources/rooms/S-404", token: TestTokens.coordinator).status == .notFound)
            #expect(try await Self.put(api, "doors/D-1", "{}").status == .notFound)
            for token in [TestTokens.business, TestTokens.logistics, TestTokens.lisa, TestTokens.planner] {
                #expect(try await Self.put(api, "rooms/S-1", #"{"capacity": 6}"#, token: token).status == .forbidden)
            }
            #expect(try await api.get(Self.base).json["latestVersion"]?.intValue == 1, "nothing stored")
        }
    }
}

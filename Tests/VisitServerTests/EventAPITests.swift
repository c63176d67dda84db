import Foundation
import HTTPTypes
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios/{id}/plans/{version}/events` and `GET /api/scenarios/{id}/events`.
@Suite("API: change events and replanning")
struct EventAPITests {
    static let scenario = "suzhou-office-week-51"
    static let eventsPath = "/api/scenarios/\(scenario)/plans/1/events"

    /// The small office's original scenario, to compare windows with.
    static func original() throws -> Scenario {
        try ScenarioLoader.parse(try Scenarios.smallOffice, format: .yaml, file: "small-office.yaml")
    }

    @Test("an early arrival replans: a new plan version with the moved visit, its changes and whom to tell, all logged")
    func earlyArrival() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let before = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let oldStart = try #require(before.first(in: "plan.visits", where: "id", is: "V-2001")?["start"]?.stringValue)
            let body = eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])
            let reply = try await api.post(Self.eventsPath, body: body)
            #expect(reply.status == .created, "\(reply.text)")
            #expect(reply.headers[.location] == "/api/scenarios/\(Self.scenario)/plans/2")
            let result = try reply.json
            #expect(result["version"]?.intValue == 2 && result["basePlanVersion"]?.intValue == 1)
            #expect(result["scenarioVersion"]?.intValue == 2)
            let newStart = try #require(result.first(in: "plan.visits", where: "id", is: "V-2001")?["start"]?.stringValue)
            #expect(newStart < oldStart, "the window now ends at 11:00, so the visit (10:00–11:30 before) moves earlier")
            #expect(result[path: "plan.changes"]?.arrayValue?.contains { $0["visit"]?.stringValue == "V-2001" } == true)
            let notify = try #require(result[path: "plan.notify"]?.arrayValue)
            #expect(!notify.isEmpty)
            #expect(notify.contains { $0["person"]?.stringValue == "lisa.wong" }, "the host of the moved visit is told")
            #expect(result["changes"] == nil && result["notify"] == nil, "changes and notify are sent once, in the plan")

            let current = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            #expect(current["version"]?.intValue == 2 && current["origin"]?.stringValue == "replan")
            #expect(current["events"]?[0]?["type"]?.stringValue == "arrivalShift")
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/1").json["current"]?.boolValue == false)
            let scenario = try await api.get("/api/scenarios/\(Self.scenario)/versions/2").json
            let window = scenario.first(in: "document.visits", where: "id", is: "V-2001")?["window"]
            #expect(window?["latest"]?.stringValue == "2026-12-14T11:00", "the scenario after the event is stored as a version")
            #expect(scenario["origin"]?.stringValue == "replan")

            let log = try await api.get("/api/scenarios/\(Self.scenario)/events", token: TestTokens.lisa).json
            #expect(log.arrayValue?.count == 1)
            #expect(log[0]?["reportedBy"]?.stringValue == "coordinator")
            #expect(log[0]?["visit"]?.stringValue == "V-2001")
            #expect(log[0]?["at"]?.stringValue == "2026-12-14T08:00")
            #expect(log[0]?[path: "event.minutes"]?.intValue == -60)
            #expect(log[0]?["basePlanVersion"]?.intValue == 1 && log[0]?["producedPlanVersion"]?.intValue == 2)
        }
    }

    @Test("a cancelled item is stored with the new scenario version (cancelled: true), and the next report replans from it")
    func cancelledItemStored() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let body = eventJSON(["type": "cancelItem", "at": "2026-12-12T09:00", "visit": "V-2001", "item": 1])
            let reply = try await api.post(Self.eventsPath, body: body)
            #expect(reply.status == .created, "\(reply.text)")
            let scenario = try await api.get("/api/scenarios/\(Self.scenario)/versions/2").json
            let visit = scenario.first(in: "document.visits", where: "id", is: "V-2001")
            #expect(visit?[path: "agenda[1].cancelled"]?.boolValue == true)
            #expect(visit?[path: "agenda[0].cancelled"] == nil)
            let next = eventJSON(["type": "headcountChange", "at": "2026-12-12T10:00", "visit": "V-2002", "headcount": 4])
            let again = try await api.post("/api/scenarios/\(Self.scenario)/plans/2/events", body: next)
            #expect(again.status == .created, "\(again.text)")
            let tour = try again.json.first(in: "plan.visits", where: "id", is: "V-2001")?["items"]?.arrayValue
            #expect(tour?.count == 1, "the tour stays cancelled")
        }
    }

    @Test("a host reports for the visits they host, in YAML too, and may report a resource of those visits out")
    func hostReports() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let visit = try #require(plan.first(in: "plan.visits", where: "id", is: "V-2001"))
            let host = try #require(TestTokens.host(visit["host"]?.stringValue))
            let room = try #require(visit[path: "items[0].room"]?.stringValue)
            let start = try #require(visit["start"]?.stringValue), end = try #require(visit["end"]?.stringValue)
            let yaml = """
                - {type: headcountChange, at: '2026-12-14T08:00', visit: V-2001, headcount: 4}
                - {type: unavailable, at: '2026-12-14T08:00', resource: \(room), start: '\(start)', end: '\(end)'}
                """
            let reply = try await api.post(Self.eventsPath, token: host, body: yaml, contentType: "application/yaml")
            #expect(reply.status == .created, "\(reply.text)")
            let moved = try reply.json.first(in: "plan.visits", where: "id", is: "V-2001")
            #expect(moved?[path: "items[0].room"]?.stringValue != room, "the room is out, so the meeting moves to another")
            #expect(try reply.json[path: "plan.totals.cateringCost"] == nil, "a host's answer has no costs")
            let log = try await api.get("/api/scenarios/\(Self.scenario)/events").json
            #expect(log.arrayValue?.map { $0["type"]?.stringValue ?? "" } == ["headcountChange", "unavailable"])
            #expect(log.arrayValue?.map { $0["position"]?.intValue ?? -1 } == [0, 1])

            // The report as a job: applied, by that host; another host sees none of it; a stale report stores none.
            let report = try #require(try reply.json["report"]?.intValue)
            let jobs = try await api.get("/api/scenarios/\(Self.scenario)/reports").json.arrayValue ?? []
            #expect(jobs.count == 1 && jobs[0]["id"]?.intValue == report && jobs[0]["state"]?.stringValue == "done")
            #expect(jobs[0]["producedPlanVersion"]?.intValue == 2 && jobs[0]["basePlanVersion"]?.intValue == 1)
            let other = try #require([TestTokens.lisa, TestTokens.zhou].first { $0 != host })
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/reports", token: other).json.arrayValue?.isEmpty == true)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/reports", token: host).json.arrayValue?.count == 1)
            let stale = try await api.post(Self.eventsPath, token: host, body: yaml, contentType: "application/yaml")
            #expect(stale.status == .conflict)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/reports").json.arrayValue?.count == 1)
        }
    }

    @Test("a host may not report on visits someone else hosts, add visits, or take out unrelated resources")
    func hostLimits() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let hostOf2001 = plan.first(in: "plan.visits", where: "id", is: "V-2001")?["host"]?.stringValue
            let other = try #require(TestTokens.host(hostOf2001 == "lisa.wong" ? "zhou.ming" : "lisa.wong"))
            let own = try #require(TestTokens.host(hostOf2001))
            let notHosted = eventJSON(["type": "cancelVisit", "at": "2026-12-14T08:00", "visit": "V-2001"])
            let refused = try await api.post(Self.eventsPath, token: other, body: notHosted)
            #expect(refused.status == .forbidden)
            #expect(try refused.json["error"]?.stringValue?.contains("does not host V-2001") == true)
            let addVisit = """
                [{"type": "addVisit", "at": "2026-12-14T08:00", "visit": {"id": "V-9", "headcount": 2, "requestedAt": "2026-12-01T09:00",
                  "window": {"earliest": "2026-12-16T09:00", "latest": "2026-12-16T12:00"}, "agenda": [{"kind": "meeting", "durationMinutes": 30}]}}]
                """
            #expect(try await api.post(Self.eventsPath, token: own, body: addVisit).status == .forbidden)
            let unrelated = eventJSON(["type": "unavailable", "at": "2026-12-14T08:00", "resource": "he.jun",
                                       "start": "2026-12-15T08:00", "end": "2026-12-15T12:00"])
            #expect(try await api.post(Self.eventsPath, token: own, body: unrelated).status == .forbidden)
            // A resource of their own visit, but for the whole week: it would knock it out for everyone (issue 12, finding 6).
            let visit = try #require(plan.first(in: "plan.visits", where: "id", is: "V-2001"))
            let room = try #require(visit[path: "items[0].room"]?.stringValue)
            let technical = visit[path: "items[0].technical[0]"]?.stringValue ?? room
            for resource in [room, technical] {
                let week = eventJSON(["type": "unavailable", "at": "2026-12-14T08:00", "resource": resource,
                                      "start": "2026-12-14T08:00", "end": "2026-12-19T00:00"])
                let reply = try await api.post(Self.eventsPath, token: own, body: week)
                #expect(reply.status == .forbidden, "\(resource): \(reply.text)")
                #expect(try reply.json["error"]?.stringValue?.contains("only within the visits they host") == true)
            }
            let planner = try await api.post(Self.eventsPath, token: TestTokens.planner, body: notHosted)
            #expect(planner.status == .forbidden)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/events").json.arrayValue?.isEmpty == true, "nothing was logged")
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json["version"]?.intValue == 1)
        }
    }

    @Test("bad events are a 422 with the events file's field paths; unreadable bodies a 400", arguments: [
        ("[{\"type\": \"arrivalShift\", \"at\": \"2026-12-14T08:00\", \"visit\": \"V-9999\", \"minutes\": -30}]", "[0].visit"),
        ("[{\"type\": \"arrivalShift\", \"at\": \"2026-12-01T08:00\", \"visit\": \"V-2001\", \"minutes\": -30}]", "[0].at"),
        ("[{\"type\": \"arrivalShift\", \"at\": \"2026-12-14T08:00\", \"visit\": \"V-2001\", \"minutes\": -20}]", "[0].minutes"),
        ("[{\"type\": \"arivalShift\", \"at\": \"2026-12-14T08:00\", \"visit\": \"V-2001\"}]", "[0].type"),
        ("[{\"type\": \"cancelItem\", \"at\": \"2026-12-14T08:00\", \"visit\": \"V-2001\", \"item\": 5}]", "[0].item"),
        ("[]", ""),
    ])
    func badEvents(body: String, path: String) async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.post(Self.eventsPath, body: body)
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            #expect(try reply.json["issues"]?[0]?["path"]?.stringValue == path)
            #expect(try await api.post(Self.eventsPath, body: "[{", contentType: "application/json").status == .badRequest)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/events").json.arrayValue?.isEmpty == true)
        }
    }

    @Test("events against a replaced plan version are a 409 naming the current version; unknown versions a 404",
          arguments: StoreBackend.all)
    func stale(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        try await server.test { api in
            let first = eventJSON(["type": "headcountChange", "at": "2026-12-14T08:00", "visit": "V-2001", "headcount": 4])
            #expect(try await api.post(Self.eventsPath, body: first).status == .created)
            let late = try await api.post(Self.eventsPath, body: first)
            #expect(late.status == .conflict)
            #expect(try late.json["currentVersion"]?.intValue == 2)
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/plans/9/events", body: first).status == .notFound)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/events").json.arrayValue?.count == 1)
        }
    }

    @Test("after the scenario changes, events against the old plan are a 409 until it is planned again", arguments: StoreBackend.all)
    func scenarioChanged(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        let yaml = try Scenarios.smallOffice.replacingOccurrences(of: "headcount: 7", with: "headcount: 8")
        try await server.test { api in
            #expect(try await api.send(.put, "/api/scenarios/\(Self.scenario)", token: TestTokens.coordinator, body: yaml).status == .ok)
            let event = eventJSON(["type": "headcountChange", "at": "2026-12-14T08:00", "visit": "V-2001", "headcount": 4])
            let reply = try await api.post(Self.eventsPath, body: event)
            #expect(reply.status == .conflict)
            #expect(try reply.json["error"]?.stringValue?.contains("plan the new version first") == true)
            #expect(try reply.json["currentVersion"]?.intValue == 1)
        }
    }

    @Test("two hosts report against the same plan version at once: one wins, the other gets 409 and resends; no event is lost or applied twice",
          arguments: StoreBackend.all)
    func concurrentReports(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        let original = try Self.original()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let visits = try #require(plan[path: "plan.visits"]?.arrayValue).filter { $0["scheduled"]?.boolValue == true }
            let first = try #require(visits.first { $0["host"]?.stringValue == "lisa.wong" }?["id"]?.stringValue)
            let second = try #require(visits.first { $0["host"]?.stringValue == "zhou.ming" }?["id"]?.stringValue)
            let reports = [
                (token: TestTokens.lisa, name: "lisa.wong", visit: first,
                 body: eventJSON(["type": "headcountChange", "at": "2026-12-14T08:00", "visit": first, "headcount": 2])),
                (token: TestTokens.zhou, name: "zhou.ming", visit: second,
                 body: eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": second, "minutes": 15])),
            ]
            async let a = api.post(Self.eventsPath, token: reports[0].token, body: reports[0].body)
            async let b = api.post(Self.eventsPath, token: reports[1].token, body: reports[1].body)
            let replies = try await [a, b]
            #expect(Set(replies.map(\.status.code)) == [201, 409], "\(replies.map(\.text))")
            let winner = try #require(replies.firstIndex { $0.status == .created })
            let loser = 1 - winner
            #expect(try replies[winner].json["version"]?.intValue == 2)
            #expect(try replies[loser].json["currentVersion"]?.intValue == 2)

            var log = try await api.get("/api/scenarios/\(Self.scenario)/events").json.arrayValue ?? []
            #expect(log.count == 1)
            #expect(log.first?["reportedBy"]?.stringValue == reports[winner].name)

            let resent = try await api.post("/api/scenarios/\(Self.scenario)/plans/2/events", token: reports[loser].token, body: reports[loser].body)
            #expect(resent.status == .created, "\(resent.text)")
            #expect(try resent.json["version"]?.intValue == 3)
            log = try await api.get("/api/scenarios/\(Self.scenario)/events").json.arrayValue ?? []
            #expect(log.map { $0["reportedBy"]?.stringValue ?? "" } == [reports[winner].name, reports[loser].name])
            #expect(log.map { $0["producedPlanVersion"]?.intValue ?? 0 } == [2, 3])
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans").json.arrayValue?.map { $0["version"]?.intValue ?? 0 } == [1, 2, 3])

            // Each event applied exactly once: the final scenario has the headcount and a window 15 minutes later, not 30.
            let final = try await api.get("/api/scenarios/\(Self.scenario)").json
            #expect(final["latestVersion"]?.intValue == 3)
            #expect(final.first(in: "document.visits", where: "id", is: first)?["headcount"]?.intValue == 2)
            let shifted = final.first(in: "document.visits", where: "id", is: second)?[path: "window.earliest"]?.stringValue
            let before = try #require(original.visit(second)?.window.start)
            #expect(shifted == before.adding(minutes: 15).description)
        }
    }
}

import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios/{id}/whatifs`, `GET /api/whatifs/{run}`, `GET /api/scenarios/{id}/whatifs`
/// and `GET /api/archive`.
@Suite("API: what-ifs and the archive")
struct WhatIfAndArchiveTests {
    static let scenario = "suzhou-office-week-51"

    static let variants = """
        variants:
          - name: no-secure-room
            remove: {rooms: [S-2]}
          - name: extra-guide
            add: {staff: [{id: new.guide, roles: [guide], languages: [zh, en], routes: [demo-lab]}]}
        """

    @Test("a planner runs a what-if on copies; the comparison lists the base and each variant, and the live plan stays")
    func plannerComparison() async throws {
        let server = try await TestServer.smallOffice()
        let runID: Int64 = try await server.value { api in
            let reply = try await api.post("/api/scenarios/\(Self.scenario)/whatifs?timeLimit=20", token: TestTokens.planner,
                                           body: Self.variants, contentType: "application/yaml")
            #expect(reply.status == .accepted, "\(reply.text)")
            #expect(try reply.json["state"]?.stringValue == "running")
            return Int64(try #require(try reply.json["id"]?.intValue))
        }
        await server.services.whatIfs.waitUntilFinished(runID)
        try await server.test { api in
            let run = try await api.get("/api/whatifs/\(runID)", token: TestTokens.planner).json
            #expect(run["state"]?.stringValue == "done", "\(run)")
            let runs = try #require(run[path: "comparison.runs"]?.arrayValue)
            #expect(runs.map { $0["name"]?.stringValue ?? "" } == ["base", "no-secure-room", "extra-guide"])
            #expect(runs[0][path: "statistics.scheduled"]?.intValue == 6)
            let noSecure = runs[1]
            let dropped = noSecure[path: "differences.newlyDropped"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(dropped == ["V-2004"], "without S-2 the confidential meeting of V-2004 cannot be placed")
            #expect(noSecure[path: "statistics.cateringCost"] != nil)
            #expect(run[path: "comparison.base"]?.stringValue == "\(Self.scenario) version 1")
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.coordinator).json[0]?["id"]?.intValue == Int(runID))
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans").json.arrayValue?.count == 1, "the live plan is untouched")
            #expect(try await api.get("/api/scenarios/\(Self.scenario)").json["latestVersion"]?.intValue == 1)
        }
    }

    @Test("hosts may not run or read what-ifs")
    func hostRefused() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let post = try await api.post("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.lisa, body: Self.variants,
                                          contentType: "application/yaml")
            #expect(post.status == .forbidden)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.lisa).status == .forbidden)
            #expect(try await api.get("/api/whatifs/1", token: TestTokens.lisa).status == .forbidden)
        }
    }

    @Test("a variant that does not fit the scenario is a 422 naming it; unknown runs and bad options are refused")
    func badVariants() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.post("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.planner,
                                           body: "variants:\n  - name: gone\n    remove: {rooms: [R-999]}\n", contentType: "application/yaml")
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            #expect(try reply.json["issues"]?[0]?["path"]?.stringValue?.hasPrefix("variants[0]") == true)
            let empty = try await api.post("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.planner, body: "variants: []\n",
                                           contentType: "application/yaml")
            #expect(empty.status == .unprocessableContent)
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/whatifs?timeLimit=0", token: TestTokens.planner,
                                       body: Self.variants, contentType: "application/yaml").status == .badRequest)
            let unreadable = try await api.post("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.planner,
                                                body: "variants: [unclosed\n", contentType: "application/yaml")
            #expect([.badRequest, .unprocessableContent].contains(unreadable.status), "\(unreadable.text)")
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/whatifs?version=two", token: TestTokens.planner,
                                       body: Self.variants, contentType: "application/yaml").status == .badRequest)
            #expect(try await api.get("/api/whatifs/42", token: TestTokens.planner).status == .notFound)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/whatifs").json.arrayValue?.isEmpty == true)
        }
    }

    @Test("the archive finds a client's visits on a date with every plan version and the events that touched them")
    func archive() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let event = eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/plans/1/events", body: event).status == .created)
            let found = try await api.get("/api/archive?client=contoso&date=2026-12-14", token: TestTokens.lisa).json
            let visits = try #require(found["visits"]?.arrayValue)
            #expect(visits.count == 1)
            let visit = visits[0]
            #expect(visit["visit"]?.stringValue == "V-2001" && visit["client"]?.stringValue == "Contoso")
            #expect(visit["plans"]?.arrayValue?.map { $0["version"]?.intValue ?? 0 } == [1, 2])
            let starts = visit["plans"]?.arrayValue?.compactMap { $0[path: "visit.start"]?.stringValue } ?? []
            #expect(starts.count == 2 && starts[0] != starts[1], "both versions are kept: before and after the move")
            #expect(visit["events"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == ["arrivalShift"])
            #expect(visit["events"]?[0]?["reportedBy"]?.stringValue == "coordinator")

            let other = try await api.get("/api/archive?client=Contoso&date=2026-12-15").json
            #expect(other["visits"]?.arrayValue?.isEmpty == true, "Contoso comes on the 14th only")
            let costs = try await api.get("/api/archive?client=woodgrove&date=2026-12-17", token: TestTokens.lisa)
            #expect(!costs.text.contains("\"cost\""), "no costs for hosts in the archive either")
            let coordinator = try await api.get("/api/archive?client=woodgrove&date=2026-12-17")
            #expect(coordinator.text.contains("\"cost\""))
            #expect(try await api.get("/api/archive?client=Contoso").status == .badRequest)
            #expect(try await api.get("/api/archive?date=2026-12-14").status == .badRequest)
            #expect(try await api.get("/api/archive?client=Contoso&date=14.12.2026").status == .badRequest)
        }
    }
}

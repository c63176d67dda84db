import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios/{id}/requests` and `.../requests/{visit}/accept`: a request saved as the next
/// scenario version with the visit waiting in the next plan version, its options shown at once, and
/// a coordinator accepting it into the week.
@Suite("Visit requests over the API")
struct RequestAPITests {
    static let scenario = "suzhou-office-week-51"
    static let route = "/api/scenarios/\(scenario)/requests"

    /// A Wednesday visit with a working lunch, asking for lisa.wong.
    static let request = """
        {"client": {"name": "Adatum", "industry": "retail", "tier": "standard", "contact": "Ms Kim Abercrombie"},
         "headcount": 3, "language": "en", "requestedAt": "2026-12-09T10:00",
         "window": {"earliest": "2026-12-16T09:00", "latest": "2026-12-16T14:00"}, "preferredHost": "lisa.wong",
         "guests": [{"name": "Kim Abercrombie", "title": "COO"}], "purpose": "cooperationTalks",
         "agenda": [{"kind": "meeting", "durationMinutes": 60}, {"kind": "meal", "service": "workingMeal", "durationMinutes": 60}]}
        """

    @Test("a saved request is the next scenario version, waits in the next plan version, and comes back with its lead time and options")
    func saveShowsOptions() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.post(Self.route, token: TestTokens.business, body: Self.request)
            #expect(reply.status == .created, "\(reply.text)")
            let json = try reply.json
            #expect(json["visit"]?.stringValue == "R-1")
            #expect(json["scenarioVersion"]?.intValue == 2 && json["planVersion"]?.intValue == 2)
            #expect(json["leadTime"]?["leadTime"]?.stringValue == "standard")
            #expect(json["options"]?["options"]?.arrayValue?.count == 3, "\(reply.text)")
            #expect(!reply.text.contains("pricePerHead") && !reply.text.contains("\"cost\""), "a business token sees no costs")

            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let waiting = plan.first(in: "plan.visits", where: "id", is: "R-1")
            #expect(waiting?["scheduled"]?.boolValue == false)
            #expect(waiting?["reasons"]?[0]?.stringValue?.contains("waiting for a coordinator") == true)
            let scenario = try await api.get("/api/scenarios/\(Self.scenario)").json
            #expect(scenario.first(in: "document.visits", where: "id", is: "R-1")?["owner"]?.stringValue == "xu.lan",
                    "a business token's request names it as the owner")

            let list = try await api.get(Self.route, token: TestTokens.business).json.arrayValue ?? []
            #expect(list.map { $0["visit"]?.stringValue } == ["R-1"] && list.first?["state"]?.stringValue == "waiting")
        }
    }

    @Test("bad requests get the scenario's field paths, relative to the request; nothing is stored")
    func fieldPaths() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let bad = """
                {"id": "V-2001", "headcount": "three", "window": {"earliest": "2026-12-16T14:00", "latest": "2026-12-16T09:00"},
                 "preferredHost": "lisa.wang", "agenda": [{"kind": "meal", "service": "workingMeel", "durationMinutes": 60}]}
                """
            let reply = try await api.post(Self.route, body: bad)
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            let paths = Set(try reply.json["issues"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
            #expect(paths.isSuperset(of: ["id", "headcount", "window", "preferredHost", "agenda[0].service"]), "\(paths)")
            #expect(reply.text.contains("did you mean \\\"lisa.wong\\\"") || reply.text.contains("lisa.wong"))
            let outside = Self.request.replacingOccurrences(of: "2026-12-16", with: "2026-12-23")
            let late = try await api.post(Self.route, body: outside)
            #expect(late.status == .unprocessableContent && late.text.contains("horizon"), "\(late.text)")
            #expect(try await api.post(Self.route, body: "[1, 2]").status == .unprocessableContent)
            #expect(try await api.post(Self.route, body: "{not json").status == .badRequest)
            let summary = try await api.get("/api/scenarios/\(Self.scenario)").json
            #expect(summary["latestVersion"]?.intValue == 1, "nothing stored")
        }
    }

    @Test("a template names the agenda; an unknown template is a field error; only coordinators change templates")
    func templates() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let template = #"{"description": "Meeting, demo lab and a working meal", "agenda": [{"kind": "meeting", "durationMinutes": 60}, {"kind": "tour", "routes": ["demo-lab"]}, {"kind": "meal", "service": "workingMeal", "durationMinutes": 60}]}"#
            let put = try await api.send(.put, "/api/agenda-templates/meeting-lab-meal", token: TestTokens.coordinator, body: template,
                                         contentType: "application/json")
            #expect(put.status == .created, "\(put.text)")
            #expect(try await api.send(.put, "/api/agenda-templates/x", token: TestTokens.business, body: template,
                                       contentType: "application/json").status == .forbidden)
            let badTemplate = try await api.send(.put, "/api/agenda-templates/bad", token: TestTokens.coordinator,
                                                 body: #"{"agenda": [{"kind": "meal"}]}"#, contentType: "application/json")
            #expect(badTemplate.status == .unprocessableContent && badTemplate.text.contains("agenda[0]"), "\(badTemplate.text)")
            let listed = try await api.get("/api/agenda-templates", token: TestTokens.business).json.arrayValue ?? []
            #expect(listed.map { $0["name"]?.stringValue } == ["meeting-lab-meal"])

            var fields = try DocumentValue.parse(Self.request, format: .json, file: "r").objectValue ?? [:]
            fields.removeValue(forKey: "agenda")
            fields["agendaTemplate"] = "meeting-lab-meal"
            let reply = try await api.post(Self.route, body: DocumentJSON.text(.object(fields)))
            #expect(reply.status == .created, "\(reply.text)")
            let scenario = try await api.get("/api/scenarios/\(Self.scenario)").json
            #expect(scenario.first(in: "document.visits", where: "id", is: "R-1")?["agenda"]?.arrayValue?.count == 3)
            fields["agendaTemplate"] = "meeting-lab-mael"
            let unknown = try await api.post(Self.route, body: DocumentJSON.text(.object(fields)))
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("\"path\":\"agendaTemplate\""), "\(unknown.text)")
            #expect(try await api.send(.delete, "/api/agenda-templates/meeting-lab-meal", token: TestTokens.coordinator).status == .noContent)
            #expect(try await api.get("/api/agenda-templates").json.arrayValue?.isEmpty == true)
        }
    }

    @Test("a coordinator accepts a request: option 2 as offered, the rest of the week unchanged; a stale plan is 409; others may not")
    func accept() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let saved = try await api.post(Self.route, body: Self.request).json
            let version = try #require(saved["planVersion"]?.intValue)
            let second = try #require(saved["options"]?["options"]?[1])
            let before = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let forbidden = try await api.post(Self.route + "/R-1/accept", token: TestTokens.business, body: "{}")
            #expect(forbidden.status == .forbidden)
            let stale = try await api.post(Self.route + "/R-1/accept", body: #"{"planVersion": 1}"#)
            let staleVersion = try stale.json["currentVersion"]?.intValue
            #expect(stale.status == .conflict && staleVersion == version, "\(stale.text)")
            #expect(try await api.post(Self.route + "/R-1/accept", body: #"{"option": 0}"#).status == .unprocessableContent)
            let reply = try await api.post(Self.route + "/R-1/accept", body: #"{"planVersion": \#(version), "option": 2}"#)
            #expect(reply.status == .created, "\(reply.text)")
            let json = try reply.json
            #expect(json["version"]?.intValue == version + 1 && json["taken"]?.stringValue == "option 2")
            #expect(json["placed"]?["start"] == second["start"] && json["placed"]?["host"] == second["host"])
            let after = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            for visit in before[path: "plan.visits"]?.arrayValue ?? [] where visit["id"]?.stringValue != "R-1" {
                #expect(after.first(in: "plan.visits", where: "id", is: visit["id"]?.stringValue ?? "") == visit)
            }
            let list = try await api.get(Self.route).json.arrayValue ?? []
            #expect(list.first?["state"]?.stringValue == "scheduled")
            let again = try await api.post(Self.route + "/R-1/accept", body: "")
            #expect(again.status == .conflict, "already scheduled: \(again.text)")
        }
    }

    @Test("a waiting request is held: an improvement search does not place it; only the coordinator's accept does")
    func heldUntilAccepted() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let saved = try await api.post(Self.route, body: Self.request)
            #expect(saved.status == .created, "\(saved.text)")
            #expect(try saved.json["options"]?["options"]?.arrayValue?.isEmpty == false, "R-1 fits as the week stands")
            let improvements = "/api/scenarios/\(Self.scenario)/improvements"
            let started = try await api.post(improvements, body: "{\"timeLimit\": 20}")
            await server.services.improvements.waitUntilFinished(try #require(try started.json["id"]?.intValue))
            let found = try await api.get("\(improvements)/latest").json
            #expect(found["addedVisits"]?.arrayValue?.contains { $0.stringValue == "R-1" } != true, "\(found)")
            let list = try await api.get(Self.route).json.arrayValue ?? []
            #expect(list.first?["state"]?.stringValue == "waiting")
        }
    }
}

import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// The business and logistics roles (issue 14): what each may see and do, enforced by the server.
@Suite("Business and logistics roles")
struct RoleScopeTests {
    static let scenario = RequestAPITests.scenario
    static let base = "/api/scenarios/\(scenario)"

    @Test("business: submits requests and follows its own (client details, run sheet); sees no costs and no one else's client details")
    func business() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let token = TestTokens.business
            #expect(try await api.post(Self.base + "/requests", token: token, body: RequestAPITests.request).status == .created)
            let other = RequestAPITests.request.replacingOccurrences(of: "Adatum", with: "Coho Winery")
            #expect(try await api.post(Self.base + "/requests", body: other).status == .created, "a coordinator's request: R-2")

            let document = try await api.get(Self.base, token: token).json
            let mine = document.first(in: "document.visits", where: "id", is: "R-1")
            #expect(mine?["client"]?["contact"]?.stringValue == "Ms Kim Abercrombie" && mine?["guests"] != nil)
            let theirs = document.first(in: "document.visits", where: "id", is: "R-2")
            #expect(theirs?["client"]?["contact"] == nil && theirs?["client"]?["name"]?.stringValue == "Coho Winery")
            #expect(document.first(in: "document.visits", where: "id", is: "V-2001")?["client"]?["contact"] == nil)
            let plan = try await api.get(Self.base + "/plans/current", token: token)
            #expect(plan.status == .ok && !plan.text.contains("pricePerHead") && !plan.text.contains("\"cost\""))

            let list = try await api.get(Self.base + "/requests", token: token).json.arrayValue ?? []
            #expect(list.map { $0["visit"]?.stringValue } == ["R-1"], "its own requests only")
            #expect(try await api.get(Self.base + "/plans/current/options?visit=R-1", token: token).status == .ok)
            #expect(try await api.get(Self.base + "/plans/current/options?visit=R-2", token: token).status == .forbidden)

            #expect(try await api.post(Self.base + "/requests/R-1/accept", body: "").status == .created)
            let sheets = try await api.get(Self.base + "/plans/current/runsheets", token: token)
            #expect(sheets.status == .ok && sheets.text.contains("R-1") && !sheets.text.contains("V-2001"), "its own visits' sheets only")
            #expect(try await api.get(Self.base + "/plans/current/runsheets?visit=V-2001", token: token).status == .forbidden)

            for (method, path) in [("POST", Self.base + "/plans"), ("PUT", Self.base), ("POST", Self.base + "/requests/R-2/accept"),
                                   ("POST", Self.base + "/plans/current/events"), ("GET", Self.base + "/events"),
                                   ("GET", "/api/archive?client=Adatum&date=2026-12-16"), ("GET", Self.base + "/visits/R-1/file"),
                                   ("GET", "/calendars/person/xu.lan.ics"), ("PUT", "/api/agenda-templates/t")] {
                let reply = try await api.send(method == "GET" ? .get : method == "PUT" ? .put : .post, path, token: token, body: "{}",
                                               contentType: "application/json")
                #expect(reply.status == .forbidden, "\(method) \(path): \(reply.status) \(reply.text)")
            }
        }
    }

    @Test("logistics: rooms, times, caterers, dietary counts and NDA status; never contacts, tiers, purposes, guests or prices; changes nothing")
    func logistics() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let token = TestTokens.logistics
            #expect(try await api.post(Self.base + "/requests", body: RequestAPITests.request).status == .created)
            let reply = try await api.get(Self.base, token: token)
            #expect(reply.status == .ok)
            for word in ["contact", "\"tier\"", "\"industry\"", "purpose", "guests", "pricePerHead", "mealBudgetPerHead", "Abercrombie"] {
                #expect(!reply.text.contains(word), "logistics must not see \(word)")
            }
            let document = try reply.json
            #expect(document[path: "document.rooms"]?.arrayValue?.isEmpty == false)
            #expect(document[path: "document.visits"]?.arrayValue?.contains { $0["dietary"] != nil } == true, "dietary counts stay")
            let plan = try await api.get(Self.base + "/plans/current", token: token)
            #expect(plan.status == .ok && !plan.text.contains("\"cost\"") && plan.text.contains("\"room\""))
            #expect(try await api.get("/api/me", token: token).json["role"]?.stringValue == "logistics")
            #expect(try await api.get("/api/agenda-templates", token: token).status == .ok)

            for (method, path) in [("POST", Self.base + "/requests"), ("GET", Self.base + "/requests"),
                                   ("POST", Self.base + "/requests/R-1/accept"), ("GET", Self.base + "/plans/current/options?visit=R-1"),
                                   ("GET", Self.base + "/plans/current/runsheets"), ("PUT", Self.base), ("POST", Self.base + "/plans"),
                                   ("GET", Self.base + "/followups"), ("GET", Self.base + "/reports"),
                                   ("GET", "/calendars/room/S-2.ics"), ("POST", Self.base + "/requests/import")] {
                let reply = try await api.send(method == "GET" ? .get : method == "PUT" ? .put : .post, path, token: token, body: "{}",
                                               contentType: "application/json")
                #expect(reply.status == .forbidden, "\(method) \(path): \(reply.status) \(reply.text)")
            }
        }
    }

    @Test("the roles are read from token files and VISITPLAN_TOKENS; a wrong role names all five")
    func tokens() throws {
        let registry = try TokenSources.parse(environment: "business:xu.lan=0123456789abcdef0,logistics:front-desk=0123456789abcdef1")
        #expect(registry.identify("0123456789abcdef0") == Identity(name: "xu.lan", role: .business, person: "xu.lan"))
        #expect(registry.identify("0123456789abcdef1") == Identity(name: "front-desk", role: .logistics))
        #expect(throws: TokenConfigurationError.self) { try TokenSources.parse(environment: "sales=0123456789abcdef0") }
        do { _ = try TokenSources.parse(environment: "sales=0123456789abcdef0") } catch {
            #expect("\(error)".contains("coordinator, host, planner, business or logistics"))
        }
        #expect(RoleScopeMiddleware.withheld(path: "/api/scenarios/w/visits/V-1/file") != nil)
        #expect(RoleScopeMiddleware.withheld(path: "/api/scenarios/w/plans/current") == nil)
    }
}

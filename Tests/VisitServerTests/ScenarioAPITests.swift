import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios`, `GET /api/scenarios[/{id}]`, `PUT /api/scenarios/{id}`, `GET .../versions/{v}`.
@Suite("API: scenarios")
struct ScenarioAPITests {
    @Test("a coordinator creates a scenario from YAML; it is listed and read back with its budgets")
    func createAndRead() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        try await server.test { api in
            let created = try await api.post("/api/scenarios", body: yaml, contentType: "application/yaml")
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/scenarios/suzhou-office-week-51")
            #expect(try created.json["version"]?.intValue == 1)
            let list = try await api.get("/api/scenarios").json
            #expect(list[0]?["id"]?.stringValue == "suzhou-office-week-51")
            #expect(list[0]?["latestVersion"]?.intValue == 1)
            #expect(list[0]?["currentPlanVersion"] == nil, "nothing is planned yet")
            let detail = try await api.get("/api/scenarios/suzhou-office-week-51").json
            let expected = try ScenarioLoader.parse(yaml, format: .yaml, file: "small-office.yaml")
            let document = try #require(detail["document"])
            #expect(try ScenarioLoader.decode(document, file: "response") == expected, "the document loads to the uploaded scenario")
            #expect(document[path: "policies.weeklyHospitalityBudget"]?.intValue == 3000)
            #expect(document[path: "caterers[0].services.teaBreak.pricePerHead"]?.intValue == 15)
        }
    }

    @Test("a host reads the scenario without budgets and prices; a planner sees them")
    func costsHiddenFromHosts() async throws {
        let server = try await TestServer.make(seed: .text(try Scenarios.smallOffice, .yaml))
        try await server.test { api in
            let host = try #require(try await api.get("/api/scenarios/suzhou-office-week-51", token: TestTokens.lisa).json["document"])
            #expect(host[path: "policies.weeklyHospitalityBudget"] == nil)
            #expect(host[path: "policies.mealBudgetPerHead"] == nil)
            #expect(host[path: "caterers[0].services.teaBreak.pricePerHead"] == nil)
            #expect(host[path: "caterers[0].services.teaBreak.hours.start"]?.stringValue == "09:00", "service hours stay")
            #expect(!(try await api.get("/api/scenarios/suzhou-office-week-51/versions/1", token: TestTokens.lisa).text.contains("pricePerHead")))
            let planner = try #require(try await api.get("/api/scenarios/suzhou-office-week-51", token: TestTokens.planner).json["document"])
            #expect(planner[path: "policies.weeklyHospitalityBudget"]?.intValue == 3000)
        }
        try await server.waitForSeedPlan()
    }

    @Test("only a coordinator creates or changes scenarios", arguments: [TestTokens.planner, TestTokens.lisa])
    func wrongRole(token: String) async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        try await server.test { api in
            let post = try await api.post("/api/scenarios", token: token, body: yaml, contentType: "application/yaml")
            #expect(post.status == .forbidden)
            #expect(try post.json["error"]?.stringValue?.contains("coordinator") == true)
            #expect(try await api.send(.put, "/api/scenarios/x", token: token, body: yaml).status == .forbidden)
            #expect(try await api.get("/api/scenarios").json.arrayValue?.isEmpty == true, "nothing was stored")
        }
    }

    @Test("a second scenario with the same id is a 409")
    func duplicate() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        try await server.test { api in
            #expect(try await api.post("/api/scenarios", body: yaml, contentType: "text/yaml").status == .created)
            let again = try await api.post("/api/scenarios", body: yaml, contentType: "text/yaml")
            #expect(again.status == .conflict)
            #expect(try again.json["error"]?.stringValue?.contains("PUT /api/scenarios/suzhou-office-week-51") == true)
        }
    }

    @Test("a scenario with mistakes is a 422 listing every problem with the same field paths and messages as the CLI")
    func validationIssues() async throws {
        let server = try await TestServer.make()
        let broken = try Scenarios.smallOffice
            .replacingOccurrences(of: "headcount: 3\n", with: "headcount: three\n")
            .replacingOccurrences(of: "routes: [demo-lab]\n", with: "routes: [demo-lbb]\n")
            .replacingOccurrences(of: "durationMinutes: 90", with: "durationMinutes: 95")
        let cli: [ValidationIssue]
        do {
            _ = try ScenarioLoader.parse(broken, format: .yaml, file: "body.yaml")
            Issue.record("the broken scenario loaded")
            return
        } catch {
            cli = error.issues
        }
        #expect(cli.count >= 3)
        try await server.test { api in
            let reply = try await api.post("/api/scenarios", body: broken, contentType: "application/yaml")
            #expect(reply.status == .unprocessableContent)
            let issues = try #require(try reply.json["issues"]?.arrayValue)
            #expect(issues.map { $0["path"]?.stringValue ?? "" } == cli.map(\.path))
            #expect(issues.map { $0["message"]?.stringValue ?? "" } == cli.map(\.message))
            #expect(cli.map(\.path).contains("visits[0].headcount"))
            #expect(cli.contains { $0.message.contains("did you mean \"demo-lab\"") })
        }
    }

    @Test("bodies that are not YAML or JSON are a 400 naming the line; a scenario without a name is a 422 at `name`")
    func badBodies() async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            let yaml = try await api.post("/api/scenarios", body: "name: [unclosed\nvisits: {", contentType: "application/yaml")
            #expect(yaml.status == .badRequest)
            #expect(try yaml.json["error"]?.stringValue?.contains("line") == true)
            let json = try await api.post("/api/scenarios", body: "{\"name\": \"x\",}", contentType: "application/json")
            #expect(json.status == .badRequest)
            #expect(try json.json["error"]?.stringValue?.contains("JSON syntax error") == true)
            let nameless = try await api.post("/api/scenarios", body: "{\"horizon\": {\"start\": \"2026-12-14\", \"end\": \"2026-12-18\"}}")
            #expect(nameless.status == .unprocessableContent)
            #expect(try nameless.json["issues"]?[0]?["path"]?.stringValue == "name")
            let badID = try await api.post("/api/scenarios?id=../etc", body: "{\"name\": \"x\"}")
            #expect(badID.status == .unprocessableContent)
        }
    }

    @Test("a body over the size limit is refused with 413")
    func tooLarge() async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            let huge = "name: big\n# " + String(repeating: "x", count: RequestBodyLimit.document + 10) + "\n"
            let reply = try await api.post("/api/scenarios", body: huge, contentType: "application/yaml")
            #expect(reply.status == .contentTooLarge)
        }
    }

    @Test("PUT stores the next version and keeps every earlier one readable; JSON bodies work like YAML")
    func versions() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        let json = DocumentJSON.text(try DocumentValue.parse(yaml.replacingOccurrences(of: "headcount: 7", with: "headcount: 8"),
                                                             format: .yaml, file: "x"))
        try await server.test { api in
            let first = try await api.send(.put, "/api/scenarios/office", token: TestTokens.coordinator, body: yaml, contentType: "application/yaml")
            #expect(first.status == .created)
            let second = try await api.send(.put, "/api/scenarios/office", token: TestTokens.coordinator, body: json, contentType: "application/json")
            #expect(second.status == .ok)
            #expect(try second.json["version"]?.intValue == 2)
            #expect(second.headers[.location] == "/api/scenarios/office/versions/2")
            let v1 = try await api.get("/api/scenarios/office/versions/1").json
            let v2 = try await api.get("/api/scenarios/office/versions/2").json
            #expect(v1.first(in: "document.visits", where: "id", is: "V-2003")?["headcount"]?.intValue == 7)
            #expect(v2.first(in: "document.visits", where: "id", is: "V-2003")?["headcount"]?.intValue == 8)
            let detail = try await api.get("/api/scenarios/office").json
            #expect(detail["latestVersion"]?.intValue == 2)
            #expect(detail["versions"]?.arrayValue?.compactMap { $0["version"]?.intValue } == [1, 2])
            #expect(try await api.get("/api/scenarios/office/versions/3").status == .notFound)
            #expect(try await api.get("/api/scenarios/nowhere").status == .notFound)
            let invalid = try await api.send(.put, "/api/scenarios/office", token: TestTokens.coordinator,
                                             body: yaml.replacingOccurrences(of: "priority: 3", with: "priority: 9"), contentType: "application/yaml")
            #expect(invalid.status == .unprocessableContent)
            #expect(try invalid.json["issues"]?[0]?["file"]?.stringValue == "office.yaml")
            #expect(try await api.get("/api/scenarios/office").json["latestVersion"]?.intValue == 2, "a refused version is not stored")
        }
    }
}

import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios/{id}/plans`, `GET /api/runs/{run}`, `GET /api/scenarios/{id}/runs`,
/// `GET /api/scenarios/{id}/plans[/current|/{version}]`.
@Suite("API: plans and runs")
struct PlanAPITests {
    @Test("a coordinator starts a plan in the background; the run reports done with the plan version it made")
    func startAndFollow() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        let runID: Int64 = try await server.value { api in
            #expect(try await api.post("/api/scenarios?id=office", body: yaml, contentType: "application/yaml").status == .created)
            let started = try await api.post("/api/scenarios/office/plans", body: "{\"timeLimit\": 20, \"relativeGap\": 0}")
            #expect(started.status == .accepted)
            let run = try started.json
            #expect(run["state"]?.stringValue == "running")
            #expect(run["timeLimit"]?.intValue == 20)
            #expect(started.headers[.location] == "/api/runs/\(run["id"]?.intValue ?? -1)")
            return Int64(try #require(run["id"]?.intValue))
        }
        await server.services.runner.waitUntilFinished(runID)
        try await server.test { api in
            let run = try await api.get("/api/runs/\(runID)", token: TestTokens.lisa).json
            #expect(run["state"]?.stringValue == "done")
            #expect(run["planVersion"]?.intValue == 1)
            #expect(run["progress"] == nil, "progress is only shown while running")
            let message = try #require(run["message"]?.stringValue, "a finished run says why its solve stopped")
            #expect(["optimal: proven optimal", "optimal: stopped at the requested gap", "feasible: stopped at the time limit"].contains(message), "\(message)")
            #expect(try await api.get("/api/scenarios/office/runs").json[0]?["id"]?.intValue == Int(runID))
            let list = try await api.get("/api/scenarios/office/plans").json
            #expect(list.arrayValue?.count == 1)
            #expect(list[0]?["status"]?.stringValue == "optimal")
            let current = try await api.get("/api/scenarios/office/plans/current").json
            #expect(current["version"]?.intValue == 1 && current["current"]?.boolValue == true)
            #expect(current[path: "plan.totals.scheduled"]?.intValue == 6)
            #expect(current.first(in: "plan.visits", where: "id", is: "V-2005")?["scheduled"]?.boolValue == false)
            let plan = try JSONDecoder().decode(Plan.self, from: Data(DocumentJSON.text(try #require(current["plan"])).utf8))
            let scenario = try ScenarioLoader.parse(yaml, format: .yaml, file: "office")
            #expect(PlanChecker(scenario: scenario).check(plan).isValid, "the stored plan passes the checker")
            #expect(try await api.get("/api/scenarios/office/plans/1").json["version"]?.intValue == 1)
        }
    }

    @Test("a host reads plans without catering costs; coordinators and planners see them",
          arguments: [(TestTokens.lisa, false), (TestTokens.planner, true), (TestTokens.coordinator, true)])
    func costsByRole(token: String, seesCosts: Bool) async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.get("/api/scenarios/suzhou-office-week-51/plans/current", token: token)
            #expect(reply.status == .ok)
            let meal = try reply.json.first(in: "plan.visits", where: "id", is: "V-2006")?[path: "items[1]"]
            #expect(meal?["caterer"]?.stringValue == "lotus-restaurant", "what and where stay visible")
            #expect((meal?["cost"] != nil) == seesCosts)
            #expect((meal?["pricePerHead"] != nil) == seesCosts)
            #expect((try reply.json[path: "plan.totals.cateringCost"] != nil) == seesCosts)
            #expect(reply.text.contains("\"cost\"") == seesCosts)
        }
    }

    @Test("only a coordinator starts plans", arguments: [TestTokens.planner, TestTokens.lisa])
    func wrongRole(token: String) async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.post("/api/scenarios/suzhou-office-week-51/plans", token: token, body: "{}")
            #expect(reply.status == .forbidden)
            #expect(try await api.get("/api/scenarios/suzhou-office-week-51/runs").json.arrayValue?.count == 1)
        }
    }

    @Test("bad run options are a 422 naming the field", arguments: [
        ("{\"timeLimit\": -1}", "timeLimit"), ("{\"relativeGap\": 2}", "relativeGap"), ("{\"timelimit\": 5}", "timelimit"),
        ("[1, 2]", ""),
    ])
    func badOptions(body: String, path: String) async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.post("/api/scenarios/suzhou-office-week-51/plans", body: body)
            #expect(reply.status == .unprocessableContent)
            #expect(try reply.json["issues"]?[0]?["path"]?.stringValue == path)
        }
    }

    @Test("unknown scenarios, plan versions and runs are 404s")
    func notFound() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            for path in ["/api/scenarios/nowhere/plans/current", "/api/scenarios/suzhou-office-week-51/plans/7",
                         "/api/scenarios/suzhou-office-week-51/plans/latest", "/api/runs/99", "/api/scenarios/nowhere/plans",
                         "/api/scenarios/nowhere/runs"] {
                let reply = try await api.get(path)
                #expect(reply.status == .notFound, "\(path)")
            }
            let post = try await api.post("/api/scenarios/nowhere/plans", body: "")
            #expect(post.status == .notFound)
        }
    }

    @Test("a scenario with no plan yet has no current plan (404 saying how to start one)")
    func noPlanYet() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        try await server.test { api in
            _ = try await api.post("/api/scenarios", body: yaml, contentType: "application/yaml")
            let reply = try await api.get("/api/scenarios/suzhou-office-week-51/plans/current")
            #expect(reply.status == .notFound)
            #expect(try reply.json["error"]?.stringValue?.contains("POST /api/scenarios/suzhou-office-week-51/plans") == true)
        }
    }

    @Test("a plan of an outdated scenario version ends superseded and is not stored")
    func superseded() async throws {
        let server = try await TestServer.make()
        let yaml = try Scenarios.smallOffice
        try await server.test { api in
            _ = try await api.post("/api/scenarios?id=office", body: yaml, contentType: "application/yaml")
        }
        await server.services.runner.stop()   // the test plays the solve worker
        let version = try await server.services.store.latestScenarioVersion(id: "office")
        let run = try await server.services.store.startRun(scenarioId: "office", scenarioVersion: version.version,
                                                           timeLimit: 10, relativeGap: 0, by: "test")
        try await server.test { api in
            let changed = yaml.replacingOccurrences(of: "headcount: 7", with: "headcount: 8")
            let reply = try await api.send(.put, "/api/scenarios/office", token: TestTokens.coordinator, body: changed)
            #expect(reply.status == .ok)
        }
        let plan = Plan(scenario: "suzhou-office-week-51", status: .optimal, score: 0, bound: 0, solveSeconds: 0, visits: [],
                        totals: PlanTotals(scheduled: 0, unscheduled: 0, cateringCost: 0))
        let finished = try await server.services.store.finishRun(id: try #require(run.id), plan: plan)
        #expect(finished.state == "superseded")
        #expect(finished.message?.contains("plan it again") == true)
        #expect(try await server.services.store.plans(scenarioId: "office").isEmpty)
    }
}

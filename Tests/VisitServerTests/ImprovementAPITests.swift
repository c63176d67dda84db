import Foundation
import HTTPTypes
import Testing
import VisitDomain
@testable import VisitServer

/// `POST /api/scenarios/{id}/improvements`, `GET .../improvements/latest`, `POST .../improvements/{n}/accept|ignore`.
@Suite("API: improvement proposals")
struct ImprovementAPITests {
    static let scenario = "suzhou-office-week-51"
    static let improvements = "/api/scenarios/\(scenario)/improvements"

    /// The small office with plan version 2: the seed plan with V-2003 left out, as if a replan had dropped it.
    static func serverWithWorsePlan() async throws -> TestServer {
        let server = try await TestServer.smallOffice()
        let store = server.services.store
        var plan = try await store.plan(scenarioId: scenario, version: 1).decodedPlan()
        let k = try #require(plan.visits.firstIndex { $0.id == "V-2003" && $0.scheduled })
        plan.visits[k] = .unscheduled("V-2003", reasons: ["left out by hand"])
        let scheduled = plan.visits.filter(\.scheduled).count
        plan.totals = PlanTotals(scheduled: scheduled, unscheduled: plan.visits.count - scheduled,
                                 cateringCost: plan.visits.flatMap { $0.items ?? [] }.compactMap(\.cost).reduce(0, +))
        let scenario = try ScenarioLoader.parse(try Scenarios.smallOffice, format: .yaml, file: "small-office.yaml")
        plan.score = PlanChecker(scenario: scenario).check(plan).score
        let run = try await store.startRun(scenarioId: Self.scenario, scenarioVersion: 1, timeLimit: 1, relativeGap: 0, by: "test")
        let finished = try await store.finishRun(id: try #require(run.id), plan: plan)
        #expect(finished.planVersion == 2)
        return server
    }

    /// Starts a search as the coordinator and waits for it to end; returns the latest search.
    static func searched(_ server: TestServer, _ api: TestAPI) async throws -> DocumentValue {
        let started = try await api.post(improvements, body: "{\"timeLimit\": 20}")
        #expect(started.status == .accepted, "\(started.text)")
        #expect(started.headers[.location] == "\(improvements)/latest")
        let id = try #require(try started.json["id"]?.intValue)
        await server.services.improvements.waitUntilFinished(id)
        let latest = try await api.get("\(improvements)/latest")
        #expect(latest.status == .ok, "\(latest.text)")
        return try latest.json
    }

    @Test("a coordinator's search proposes the left-out visit; accepting stores it as the next plan version, once")
    func acceptStoresNextVersion() async throws {
        let server = try await Self.serverWithWorsePlan()
        try await server.test { api in
            #expect(try await api.get("\(Self.improvements)/latest").status == .notFound, "nothing searched yet")
            let found = try await Self.searched(server, api)
            #expect(found["state"]?.stringValue == "ready", "\(found)")
            #expect(found["basePlanVersion"]?.intValue == 2)
            #expect(found["current"]?.boolValue == true)
            #expect(found["headline"]?.stringValue?.hasPrefix("1 more visit") == true, "\(found)")
            #expect(found["addedVisits"]?.arrayValue?.map(\.stringValue) == ["V-2003"])
            #expect((found["newScore"]?.numberValue ?? 0) > (found["oldScore"]?.numberValue ?? 0))
            #expect(found.first(in: "plan.visits", where: "id", is: "V-2003")?["scheduled"]?.boolValue == true)
            let id = try #require(found["id"]?.intValue)

            let accepted = try await api.post("\(Self.improvements)/\(id)/accept", body: "")
            #expect(accepted.status == .created, "\(accepted.text)")
            #expect(accepted.headers[.location] == "/api/scenarios/\(Self.scenario)/plans/3")
            #expect(try accepted.json["basePlanVersion"]?.intValue == 2)
            let current = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            #expect(current["version"]?.intValue == 3 && current["origin"]?.stringValue == "improvement")
            #expect(current["scenarioVersion"]?.intValue == 1, "the scenario is unchanged")
            #expect(current.first(in: "plan.visits", where: "id", is: "V-2003")?["scheduled"]?.boolValue == true)
            #expect(current[path: "plan.changes"]?.arrayValue?.contains { $0["visit"]?.stringValue == "V-2003" } == true)

            let again = try await api.post("\(Self.improvements)/\(id)/accept", body: "")
            #expect(again.status == .conflict, "an accepted proposal is not accepted twice: \(again.text)")
            #expect(try await api.get("\(Self.improvements)/latest").json["state"]?.stringValue == "accepted")
        }
    }

    @Test("accepting after the plan changed meanwhile is refused with 409 and the current version; nothing is stored")
    func acceptAfterReplanConflicts() async throws {
        let server = try await Self.serverWithWorsePlan()
        try await server.test { api in
            let found = try await Self.searched(server, api)
            let id = try #require(found["id"]?.intValue)
            #expect(found["state"]?.stringValue == "ready")
            let event = eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])
            let replan = try await api.post("/api/scenarios/\(Self.scenario)/plans/2/events", body: event)
            #expect(replan.status == .created, "\(replan.text)")

            let stale = try await api.get("\(Self.improvements)/latest").json
            #expect(stale["current"]?.boolValue == false, "the proposal's base plan is no longer current")
            let accepted = try await api.post("\(Self.improvements)/\(id)/accept", body: "")
            #expect(accepted.status == .conflict, "\(accepted.text)")
            #expect(try accepted.json["currentVersion"]?.intValue == 3)
            let plans = try await server.services.store.plans(scenarioId: Self.scenario)
            #expect(plans.map(\.origin) == ["solve", "solve", "replan"], "nothing was stored")
        }
    }

    @Test("hosts may not search, read, accept or ignore; planners may read but not search, accept or ignore")
    func roles() async throws {
        let server = try await Self.serverWithWorsePlan()
        try await server.test { api in
            for token in [TestTokens.lisa, TestTokens.planner] {
                let start = try await api.post(Self.improvements, token: token, body: "")
                #expect(start.status == .forbidden, "\(start.text)")
            }
            #expect(try await api.get("\(Self.improvements)/latest", token: TestTokens.lisa).status == .forbidden)
            let found = try await Self.searched(server, api)
            let id = try #require(found["id"]?.intValue)
            let read = try await api.get("\(Self.improvements)/latest", token: TestTokens.planner)
            #expect(read.status == .ok, "\(read.text)")
            #expect(try read.json["state"]?.stringValue == "ready")
            for token in [TestTokens.lisa, TestTokens.zhou, TestTokens.planner] {
                for action in ["accept", "ignore"] {
                    let reply = try await api.post("\(Self.improvements)/\(id)/\(action)", token: token, body: "")
                    #expect(reply.status == .forbidden, "\(action): \(reply.text)")
                }
            }
            #expect(try await api.post("\(Self.improvements)/\(id)/accept", token: nil, body: "").status == .unauthorized)
            #expect(try await server.services.store.plans(scenarioId: Self.scenario).count == 2, "no one but a coordinator stored anything")

            let ignored = try await api.post("\(Self.improvements)/\(id)/ignore", body: "")
            #expect(ignored.status == .ok, "\(ignored.text)")
            #expect(try ignored.json["state"]?.stringValue == "ignored")
            #expect(try await api.post("\(Self.improvements)/\(id)/accept", body: "").status == .conflict, "an ignored proposal is closed")
            #expect(try await api.post("\(Self.improvements)/\(id + 1)/accept", body: "").status == .notFound)
        }
    }

    @Test("an optimal plan: the search ends with no better week, and there is nothing to accept")
    func nothingBetter() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let found = try await Self.searched(server, api)
            #expect(found["state"]?.stringValue == "none", "\(found)")
            #expect(found["summary"]?.stringValue?.hasPrefix("no better week found") == true)
            #expect(found["plan"] == nil)
            let id = try #require(found["id"]?.intValue)
            #expect(try await api.post("\(Self.improvements)/\(id)/accept", body: "").status == .conflict)
            let bad = try await api.post(Self.improvements, body: "{\"timeLimit\": -1}")
            #expect(bad.status == .unprocessableContent, "\(bad.text)")
        }
    }
}

import Foundation
import Testing
@testable import VisitServer

/// Concurrent solves per token (issue 12, resource limits): a token holding its quota of plan runs,
/// what-ifs and replans is refused with 429 before anything is stored; others are not held back.
@Suite("Solve quota per token")
struct SolveQuotaTests {
    static let scenario = "suzhou-office-week-51"

    @Test("claims count per token up to the quota; a release, however often called, gives one back")
    func counting() throws {
        let quota = SolveQuota(perToken: 2)
        let first = try quota.claim(for: "coordinator")
        let second = try quota.claim(for: "coordinator")
        #expect(quota.inUse(by: "coordinator") == 2)
        #expect(throws: APIError.self) { try quota.claim(for: "coordinator") }
        let other = try quota.claim(for: "analyst")
        #expect(quota.inUse(by: "analyst") == 1)
        first.release()
        first.release()
        #expect(quota.inUse(by: "coordinator") == 1)
        let third = try quota.claim(for: "coordinator")
        for claim in [second, third, other] { claim.release() }
        #expect(quota.inUse(by: "coordinator") == 0 && quota.inUse(by: "analyst") == 0)
    }

    @Test("plan runs, what-ifs and event reports beyond the quota are 429 with a message; other tokens go on")
    func routesRefuse() async throws {
        let server = try await TestServer.smallOffice()
        let quota = server.services.quota
        let held = try (0..<quota.perToken).map { _ in try quota.claim(for: "coordinator") }
        let heldByAnalyst = try (0..<quota.perToken).map { _ in try quota.claim(for: "analyst") }
        try await server.test { api in
            let runs = try await server.services.store.runs(scenarioId: Self.scenario).count
            let plan = try await api.post("/api/scenarios/\(Self.scenario)/plans", body: "{}")
            #expect(plan.status == .tooManyRequests)
            #expect(try plan.json["error"]?.stringValue?.contains("coordinator already has \(quota.perToken) solves running or waiting") == true)
            #expect(try await server.services.store.runs(scenarioId: Self.scenario).count == runs, "nothing was stored")
            let whatIf = try await api.post("/api/scenarios/\(Self.scenario)/whatifs", token: TestTokens.planner,
                                            body: #"{"variants": [{"name": "more", "scaleDemand": 2}]}"#)
            #expect(whatIf.status == .tooManyRequests)
            let event = #"{"type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -30}"#
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/plans/1/events", body: event).status == .tooManyRequests)
            // A host's own quota is untouched: the report goes through.
            let hostReport = try await api.post("/api/scenarios/\(Self.scenario)/plans/1/events", token: TestTokens.lisa, body: event)
            #expect(hostReport.status != .tooManyRequests, "another token's quota does not hold a host back")
            held[0].release()
            let again = try await api.post("/api/scenarios/\(Self.scenario)/plans", body: "{}")
            #expect(again.status == .accepted)
            let run = try #require(again.json["id"]?.intValue)
            await server.services.runner.waitUntilFinished(Int64(run))
            #expect(quota.inUse(by: "coordinator") == quota.perToken - 1, "the finished run gave its place back")
        }
        for claim in held + heldByAnalyst { claim.release() }
    }
}

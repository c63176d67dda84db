import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// Clients' details stay with their hosts (issue 12, finding 17): a host reads the contact,
/// industry, tier, dietary needs and NDA status of the visits they host, and of every other visit
/// the company and the times only; the messages of a replan only to themselves and their clients.
@Suite struct HostPrivacyTests {
    static let scenario = "suzhou-office-week-51"

    @Test func aHostSeesTheClientDetailsOfTheirOwnVisitsOnly() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let visits = try #require(plan[path: "plan.visits"]?.arrayValue)
            let lisaHosts = Set(visits.filter { $0["host"]?.stringValue == "lisa.wong" }.compactMap { $0["id"]?.stringValue })
            #expect(!lisaHosts.isEmpty)
            let seen = try #require(try await api.get("/api/scenarios/\(Self.scenario)", token: TestTokens.lisa).json[path: "document.visits"]?.arrayValue)
            let all = try #require(try await api.get("/api/scenarios/\(Self.scenario)").json[path: "document.visits"]?.arrayValue)
            #expect(seen.count == all.count, "the whole calendar, company and times")
            for (mine, full) in zip(seen, all) {
                let id = try #require(mine["id"]?.stringValue)
                #expect(mine[path: "client.name"] == full[path: "client.name"])
                #expect(mine["window"] == full["window"])
                if lisaHosts.contains(id) {
                    #expect(mine[path: "client.contact"] == full[path: "client.contact"], "\(id) is hers")
                } else {
                    #expect(mine[path: "client.contact"] == nil, "\(id)'s contact is not hers to read")
                    #expect(mine["dietary"] == nil && mine[path: "client.industry"] == nil)
                }
            }
            // The same through a stored version.
            let version = try await api.get("/api/scenarios/\(Self.scenario)/versions/1", token: TestTokens.lisa).json
            let others = (version[path: "document.visits"]?.arrayValue ?? []).filter { !lisaHosts.contains($0["id"]?.stringValue ?? "") }
            #expect(!others.isEmpty && others.allSatisfy { $0[path: "client.contact"] == nil })
        }
    }
}

@Suite struct HostNotifyRedactionTests {
    @Test func aHostReadsTheMessagesToThemselvesAndTheirClientsOnly() {
        let plan = Plan(scenario: "s", status: .feasible, score: 0, bound: 0, solveSeconds: 0, visits: [
            PlannedVisit(id: "V-1", scheduled: true, urgent: false, host: "ann"),
            PlannedVisit(id: "V-2", scheduled: true, urgent: false, host: "bo"),
        ], totals: PlanTotals(scheduled: 2, unscheduled: 0, cateringCost: 0))
        let source = #"{"visits": [{"id": "V-1", "client": {"name": "A", "contact": "Ms A"}}, {"id": "V-2", "client": {"name": "B", "contact": "Mr B"}}]}"#
        let messages = ["ann", "bo", "Ms A", "Mr B", "canteen"].map { Notification(person: $0, message: "x") }
        let host = Identity(name: "ann", role: .host, person: "ann")
        #expect(Redaction.notify(messages, in: plan, scenarioSource: source, for: host).map(\.person) == ["ann", "Ms A"])
        let coordinator = Identity(name: "c", role: .coordinator)
        #expect(Redaction.notify(messages, in: plan, scenarioSource: source, for: coordinator).count == 5)
    }
}

/// The smaller findings of issue 12 (11): one error shape, a version that does not exist, `+` in queries.
@Suite struct APIShapeTests {
    @Test func aMissingVersionSaysSoAndEveryErrorHasOneShape() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let missing = try await api.get("/api/scenarios/suzhou-office-week-51/versions/0")
            #expect(missing.text.contains("no version"), "[\(missing.status) \(missing.text)]")
            #expect(try missing.json["error"]?.stringValue == #"scenario "suzhou-office-week-51" has no version 0; its versions are 1 to 1"#)
            let noRoute = try await api.get("/api/no-such-route")
            #expect(noRoute.status == .notFound, "[\(noRoute.text)]")
            #expect(try noRoute.json["error"]?.stringValue != nil, "\(noRoute.text)")
            let big = try await api.post("/api/scenarios", body: String(repeating: " ", count: RequestBodyLimit.document + 10))
            #expect(big.status == .contentTooLarge)
            #expect(try big.json["error"]?.stringValue != nil, "\(big.text)")
        }
    }

    @Test func aPlusInAQueryIsASpace() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let spaced = try await api.get("/api/archive?client=Northwind+Traders&date=2026-12-16")
            let encoded = try await api.get("/api/archive?client=Northwind%20Traders&date=2026-12-16")
            #expect(spaced.status == .ok)
            #expect(spaced.text == encoded.text)
            #expect(try spaced.json["client"]?.stringValue == "Northwind Traders")
        }
    }
}

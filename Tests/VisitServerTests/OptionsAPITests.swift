import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `GET /api/scenarios/{id}/plans/{version|current}/options?visit=`: ranked options for a visit not
/// yet in the plan; coordinators and planners for any visit, a host for the visits asked of them.
@Suite("Options over the API")
struct OptionsAPITests {
    static let scenario = "suzhou-office-week-51"
    static let route = "/api/scenarios/\(scenario)/plans/current/options"

    /// A new request saved after the plan: a Wednesday visit with a working lunch, asking for lisa.wong.
    static let request = """

          - id: V-2098
            client: {name: Adatum, industry: retail, tier: standard, contact: "Ms Kim Abercrombie, +86 21 5555 0199"}
            headcount: 3
            language: en
            requestedAt: '2026-12-09T10:00'
            window: {earliest: '2026-12-16T09:00', latest: '2026-12-16T14:00'}
            preferredHost: lisa.wong
            agenda:
              - kind: meeting
                durationMinutes: 60
              - {kind: meal, service: workingMeal, durationMinutes: 60}
        """

    @Test("a request saved after the plan gets three options; a host asked to host it reads them without costs; another host gets 403")
    func newRequest() async throws {
        let server = try await TestServer.smallOffice()
        let yaml = try Scenarios.smallOffice + Self.request
        try await server.test { api in
            let put = try await api.send(.put, "/api/scenarios/\(Self.scenario)", token: TestTokens.coordinator, body: yaml,
                                         contentType: "application/yaml")
            #expect(put.status == .ok, "\(put.text)")
            let reply = try await api.get(Self.route + "?visit=V-2098")
            #expect(reply.status == .ok, "\(reply.text)")
            let json = try reply.json
            #expect(json["fits"]?.boolValue == true && json["inPlan"]?.boolValue == false)
            #expect(json["planVersion"]?.intValue == 1 && json["scenarioVersion"]?.intValue == 2)
            let options = json["options"]?.arrayValue ?? []
            #expect(options.count == 3)
            #expect(options.first?["visit"]?["items"]?.arrayValue?.contains { $0["cost"] != nil } == true, "a coordinator sees the meal's cost")
            let scores = options.compactMap { $0["score"]?.numberValue }
            #expect(scores == scores.sorted(by: >))

            let lisa = try await api.get(Self.route + "?visit=V-2098", token: TestTokens.lisa)
            #expect(lisa.status == .ok, "\(lisa.text)")
            #expect(!lisa.text.contains("\"cost\"") && !lisa.text.contains("pricePerHead"), "a host sees no costs")
            #expect((try lisa.json["options"]?.arrayValue ?? []).count == 3)
            #expect(try await api.get(Self.route + "?visit=V-2098", token: TestTokens.zhou).status == .forbidden)
            #expect(try await api.get(Self.route + "?visit=V-2098", token: TestTokens.planner).status == .ok)
        }
    }

    @Test("a visit impossible alone gets its reasons; unknown 404, scheduled 409, no visit 400, another's visit 403 for a host, no token 401")
    func refusals() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let reply = try await api.get(Self.route + "?visit=V-2005")
            #expect(reply.status == .ok, "\(reply.text)")
            let json = try reply.json
            #expect(json["fits"]?.boolValue == false && json["impossibleAlone"]?.boolValue == true)
            #expect(json[path: "leadTime.leadTime"]?.stringValue == "tooLate")
            #expect((json["reasons"]?.arrayValue ?? []).count == 1)
            #expect(try await api.get(Self.route + "?visit=V-404").status == .notFound)
            let scheduled = try await api.get(Self.route + "?visit=V-2001")
            #expect(scheduled.status == .conflict && scheduled.text.contains("already scheduled"), "\(scheduled.text)")
            #expect(try await api.get(Self.route).status == .badRequest)
            // V-2005 names no host: a host token may not ask for it.
            #expect(try await api.get(Self.route + "?visit=V-2005", token: TestTokens.lisa).status == .forbidden)
            #expect(try await api.get(Self.route + "?visit=V-2005", token: nil).status == .unauthorized)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/x/options?visit=V-2005").status == .notFound)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/1/options?visit=V-2005").status == .ok)
        }
    }
}

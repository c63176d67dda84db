import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `GET /api/scenarios/{id}/plans/{version}/runsheets`: printable run sheets, a host's own only.
@Suite("Run sheets over the API")
struct RunSheetAPITests {
    static let scenario = "suzhou-office-week-51"

    @Test("a coordinator gets every scheduled visit's page; a host only those they host, and 403 for another's")
    func roles() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let scheduled = (plan[path: "plan.visits"]?.arrayValue ?? []).filter { $0["scheduled"]?.boolValue == true }
            try #require(!scheduled.isEmpty)
            let all = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/runsheets")
            #expect(all.status == .ok)
            #expect(all.headers[.contentType] == "text/html; charset=utf-8")
            #expect(all.text.components(separatedBy: "<section id=").count - 1 == scheduled.count)
            #expect(!all.text.contains("per head"), "no prices on a run sheet")
            #expect(all.text.contains("<link rel=\"stylesheet\" href=\"/runsheet.css\">") && !all.text.contains("<style>"))
            let css = try await api.get("/runsheet.css", token: nil)
            #expect(css.status == .ok && css.text.contains("@media print"))

            let lisaVisits = scheduled.filter { $0["host"]?.stringValue == "lisa.wong" }.compactMap { $0["id"]?.stringValue }
            let others = scheduled.filter { $0["host"]?.stringValue != "lisa.wong" }.compactMap { $0["id"]?.stringValue }
            let own = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/runsheets", token: TestTokens.lisa)
            #expect(own.status == .ok)
            #expect(own.text.components(separatedBy: "<section id=").count - 1 == lisaVisits.count)
            for id in others { #expect(!own.text.contains("<section id=\"\(id)\">"), "\(id) is not lisa's") }
            if let other = others.first {
                let refused = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/runsheets?visit=\(other)", token: TestTokens.lisa)
                #expect(refused.status == .forbidden)
                let one = try await api.get("/api/scenarios/\(Self.scenario)/plans/1/runsheets?visit=\(other)", token: TestTokens.planner)
                #expect(one.status == .ok && one.text.contains("<section id=\"\(other)\">"))
            }
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/current/runsheets?visit=V-404").status == .notFound)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/x/runsheets").status == .notFound)
            #expect(try await api.get("/api/scenarios/\(Self.scenario)/plans/current/runsheets", token: nil).status == .unauthorized)
        }
    }
}

import Foundation
import HTTPTypes
import Testing
import VisitDomain
@testable import VisitServer

/// Tokens, roles, the static page and the headers every answer carries.
@Suite("API: tokens, roles and the page")
struct AuthAndPageTests {
    @Test("the page, its script and its stylesheet are served without a token, with a content security policy")
    func page() async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            let index = try await api.get("/", token: nil)
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(index.text.contains("<script type=\"module\" src=\"page.js\">"))
            #expect(index.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(index.headers[values: .init("X-Content-Type-Options")!] == ["nosniff"])
            for (file, type) in [("page.js", "text/javascript"), ("calendar.js", "text/javascript"), ("app.css", "text/css"),
                                 ("whatif.html", "text/html"), ("whatif.js", "text/javascript")] {
                let reply = try await api.get("/\(file)", token: nil)
                #expect(reply.status == .ok, "\(file)")
                #expect(reply.headers[.contentType]?.hasPrefix(type) == true, "\(file)")
            }
        }
    }

    @Test("the demo scenario in the page folder (with its budgets) is not served, nor is anything outside the list",
          arguments: ["/demo-week.yaml", "/../Package.swift", "/nothing.html"])
    func hiddenFiles(path: String) async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            let reply = try await api.get(path, token: nil)
            #expect(reply.status == .notFound)
        }
    }

    @Test("without a token, or with a wrong one, the API answers 401 and asks for a bearer token",
          arguments: [nil, "wrong-token-0123456789", TestTokens.coordinator + "x", String(TestTokens.coordinator.dropLast())])
    func unauthorised(token: String?) async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            for path in ["/api/me", "/api/scenarios", "/api/archive?client=x&date=2026-12-14", "/calendars/person/lisa.wong.ics"] {
                let reply = try await api.get(path, token: token)
                #expect(reply.status == .unauthorized, "\(path)")
                #expect(reply.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try reply.json["error"]?.stringValue?.contains("token") == true)
            }
        }
    }

    @Test("every write without a valid token is a 401 and changes nothing", arguments: [nil, "wrong-token-0123456789"])
    func unauthorisedWrites(token: String?) async throws {
        let server = try await TestServer.smallOffice()
        let scenario = "suzhou-office-week-51"
        try await server.test { api in
            let event = #"{"type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -30}"#
            let writes: [(HTTPRequest.Method, String, String)] = [
                (.post, "/api/scenarios", "name: another-week\n"),
                (.put, "/api/scenarios/\(scenario)", "name: \(scenario)\n"),
                (.post, "/api/scenarios/\(scenario)/plans", "{}"),
                (.post, "/api/scenarios/\(scenario)/plans/1/events", event),
                (.post, "/api/scenarios/\(scenario)/whatifs", "variants: [{name: x, scaleDemand: 2}]\n"),
            ]
            for (method, path, body) in writes {
                let reply = try await api.send(method, path, token: token, body: body, contentType: "application/yaml")
                #expect(reply.status == .unauthorized, "\(method) \(path): \(reply.status)")
            }
            // Nothing was written: one scenario, one version, one plan, no events, no what-if runs.
            #expect(try await api.get("/api/scenarios").json.arrayValue?.count == 1)
            #expect(try await api.get("/api/scenarios/\(scenario)").json["latestVersion"]?.intValue == 1)
            #expect(try await api.get("/api/scenarios/\(scenario)/plans").json.arrayValue?.count == 1)
            #expect(try await api.get("/api/scenarios/\(scenario)/events").json.arrayValue?.isEmpty == true)
            #expect(try await api.get("/api/scenarios/\(scenario)/whatifs").json.arrayValue?.isEmpty == true)
        }
    }

    @Test("/api/me names the caller, their role and whether they see costs")
    func me() async throws {
        let server = try await TestServer.make()
        try await server.test { api in
            let cases: [(String, String, String?, Bool)] = [
                (TestTokens.coordinator, "coordinator", nil, true), (TestTokens.planner, "planner", nil, true),
                (TestTokens.lisa, "host", "lisa.wong", false),
            ]
            for (token, role, person, seesCosts) in cases {
                let me = try await api.get("/api/me", token: token).json
                #expect(me["role"]?.stringValue == role)
                #expect(me["person"]?.stringValue == person)
                #expect(me["seesCosts"]?.boolValue == seesCosts)
            }
        }
    }

    @Test("tokens compare equal only when every byte and the length agree")
    func constantTimeComparison() {
        let token = Array("abcdefghijklmnop".utf8)
        #expect(TokenRegistry.constantTimeEqual(token, token))
        #expect(!TokenRegistry.constantTimeEqual(token, Array("abcdefghijklmnoq".utf8)))
        #expect(!TokenRegistry.constantTimeEqual(token, Array("abcdefghijklmnopabcdefghijklmnop".utf8)))
        #expect(!TokenRegistry.constantTimeEqual(token, []))
        #expect(TokenRegistry.constantTimeEqual([], []))
    }

    @Test("token configuration: short, repeated and host tokens without a person are refused with every problem listed")
    func badTokens() throws {
        #expect(throws: TokenConfigurationError.self) {
            try TokenRegistry([AccessToken(token: "short", identity: Identity(name: "x", role: .coordinator))])
        }
        do {
            _ = try TokenSources.parse(environment: "coordinator=aaaaaaaaaaaaaaaa,planner=aaaaaaaaaaaaaaaa,host=bbbbbbbbbbbbbbbb")
            Issue.record("expected the configuration to be refused")
        } catch {
            #expect(error.description.contains("the same token is listed twice"))
            #expect(error.description.contains("needs the staff id"))
        }
    }

    @Test("VISITPLAN_TOKENS and token files give the same identities")
    func tokenSources() throws {
        let fromEnvironment = try TokenSources.parse(environment: "coordinator:front-desk=c0c0c0c0c0c0c0c0c0 host:li.wei=h1h1h1h1h1h1h1h1h1,planner=p2p2p2p2p2p2p2p2p2")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString).yaml").path
        try TokenSources.write(fromEnvironment.tokens, to: file)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let fromFile = try TokenSources.load(file: file)
        #expect(fromFile.tokens == fromEnvironment.tokens)
        #expect(fromFile.identify("h1h1h1h1h1h1h1h1h1") == Identity(name: "li.wei", role: .host, person: "li.wei"))
        #expect(fromFile.identify("c0c0c0c0c0c0c0c0c0")?.name == "front-desk")
        #expect(fromFile.identify("p2p2p2p2p2p2p2p2p") == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "the token file is private")
    }
}

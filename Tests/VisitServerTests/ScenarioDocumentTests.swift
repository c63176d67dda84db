import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// The canonical JSON a stored scenario version loads from.
@Suite("Scenario documents")
struct ScenarioDocumentTests {
    @Test("every example scenario loads back to itself from its canonical JSON", arguments: ["demo-week.yaml", "small-office.yaml", "demo-week.json"])
    func roundTrip(file: String) throws {
        let text = try Scenarios.text(file)
        let scenario = try ScenarioLoader.parse(text, format: file.hasSuffix(".json") ? .json : .yaml, file: file)
        let json = try ScenarioDocument.jsonText(scenario)
        #expect(try ScenarioLoader.parse(json, format: .json, file: "canonical") == scenario)
        #expect(try ScenarioDocument.jsonText(try ScenarioLoader.parse(json, format: .json, file: "canonical")) == json,
                "the canonical text is stable")
    }

    @Test("defaults are spelled out: no capacity stays unlimited, open hours and availability stay open, now is pinned")
    func defaults() throws {
        let yaml = """
            name: minimal
            rooms: [{id: R-1}]
            tourRoutes: [{id: lab, durationMinutes: 30, maxGroupSize: 5}]
            staff: [{id: a.b, roles: [host]}]
            caterers: [{id: c, services: {teaBreak: {pricePerHead: 12.5}}}]
            visits:
              - id: V-1
                headcount: 2
                requestedAt: 2026-12-01T09:00
                window: {earliest: 2026-12-08T09:00, latest: 2026-12-08T12:00}
                agenda: [{kind: tour, routes: [lab]}]
            """
        let scenario = try ScenarioLoader.parse(yaml, format: .yaml, file: "minimal.yaml", defaultNow: LocalDateTime(iso: "2026-12-02T08:00"))
        let document = ScenarioDocument.encode(scenario)
        #expect(document[path: "rooms[0].capacity"] == nil)
        #expect(document[path: "tourRoutes[0].openHours"] == nil)
        #expect(document[path: "staff[0].availability"] == nil)
        #expect(document[path: "caterers[0].capacity"] == nil)
        #expect(document[path: "caterers[0].services.teaBreak.pricePerHead"] == .double(12.5))
        #expect(document[path: "now"]?.stringValue == "2026-12-02T08:00")
        #expect(document[path: "visits[0].priority"]?.intValue == 1)
        let reloaded = try ScenarioLoader.parse(DocumentJSON.text(document), format: .json, file: "canonical")
        #expect(reloaded == scenario)
        #expect(reloaded.room("R-1")?.hasUnlimitedCapacity == true)
    }

    @Test("JSON text escapes quotes, backslashes and control characters and reads back the same")
    func jsonEscaping() throws {
        let value: DocumentValue = ["name": "a \"quoted\" \\ name\n\t\u{1}", "n": 1.5, "list": [true, nil, 3]]
        let text = DocumentJSON.text(value)
        #expect(text.contains("\\\"quoted\\\""))
        #expect(text.contains("\\u0001"))
        #expect(try DocumentValue.parse(text, format: .json, file: "x") == value)
        #expect(DocumentJSON.text(value, indent: nil) == "{\"name\":\"a \\\"quoted\\\" \\\\ name\\n\\t\\u0001\",\"n\":1.5,\"list\":[true,null,3]}")
    }
}

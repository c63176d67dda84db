import Foundation
import ScenarioGenerator
import Testing
@testable import VisitDomain

/// `ScenarioDocument`, `DocumentYAML` and `DocumentJSON`: every scenario written as YAML or JSON
/// loads back to itself, text YAML could misread stays text, and a scenario that would not
/// survive the trip is refused with a typed error.
@Suite("Scenario writing")
struct ScenarioWritingTests {
    // MARK: Round trips

    @Test("every scenario under scenarios/ written as YAML or JSON loads back to an equal scenario, and the text is stable",
          arguments: ScenarioFiles.all, DocumentFormat.allCases)
    func exampleRoundTrip(file: String, format: DocumentFormat) throws {
        let scenario = try ScenarioLoader.load(path: ScenarioFiles.path(file))
        try expectRoundTrip(scenario, format: format)
    }

    @Test("the scenario list is not empty: it has the examples and the focused test weeks")
    func scenarioFilesFound() {
        #expect(ScenarioFiles.all.contains("demo-week.yaml"))
        #expect(ScenarioFiles.all.contains("demo-week.json"))
        #expect(ScenarioFiles.all.contains("small-office.yaml"))
        #expect(ScenarioFiles.all.count { $0.hasPrefix("tests/") } >= 20)
        #expect(!ScenarioFiles.all.contains("whatif-demo.yaml") && !ScenarioFiles.all.contains { $0.hasPrefix("events/") })
    }

    @Test("a generated week (10 and 50 visits, normal and tight) written as YAML or JSON loads back to an equal scenario",
          arguments: [WeekSize(visits: 10, tight: false), WeekSize(visits: 10, tight: true),
                      WeekSize(visits: 50, tight: false), WeekSize(visits: 50, tight: true)],
          DocumentFormat.allCases)
    func generatedRoundTrip(week: WeekSize, format: DocumentFormat) throws {
        let scenario = ScenarioGenerator(visits: week.visits, seed: 7, tight: week.tight).scenario()
        #expect(scenario.visits.count == week.visits)
        try expectRoundTrip(scenario, format: format)
    }

    @Test("agenda items a replan cancelled stay cancelled", arguments: DocumentFormat.allCases)
    func cancelledItems(format: DocumentFormat) throws {
        var scenario = try ScenarioLoader.load(path: ScenarioFiles.path("small-office.yaml"))
        scenario.visits[0].cancelledItems = [1]
        let reloaded = try expectRoundTrip(scenario, format: format)
        #expect(reloaded.visits[0].cancelledItems == [1])
        #expect(reloaded.visits[1].cancelledItems.isEmpty)
    }

    @Test("text YAML could misread (booleans, null, numbers, dates, times, indicators, line breaks, unicode) survives as text",
          arguments: awkwardTexts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, DocumentFormat.allCases)
    func awkwardText(text: String, format: DocumentFormat) throws {
        var scenario = ScenarioGenerator(visits: 10, seed: 5).scenario()
        scenario.visits[0].client.name = text
        scenario.visits[1].client.contact = text
        scenario.visits[2].client.industry = text
        scenario.staff[0].name = text
        scenario.rooms[0].equipment.insert(text)
        // As a mapping key, too.
        scenario.visits[3].client.tier = text
        scenario.policies.tierBudgetPerHead[text] = ["banquet": 450]
        let reloaded = try expectRoundTrip(scenario, format: format)
        #expect(reloaded.visits[0].client.name == text)
        #expect(reloaded.staff[0].name == text)
    }

    @Test("text starting with U+FEFF: JSON keeps it; the YAML reader drops it from any scalar, so YAML text is refused, not written wrong")
    func leadingByteOrderMark() throws {
        var scenario = ScenarioGenerator(visits: 10, seed: 5).scenario()
        scenario.visits[0].client.name = "\u{FEFF}Contoso"
        #expect(try ScenarioLoader.parse(ScenarioDocument.jsonText(scenario), format: .json, file: "bom.json") == scenario)
        let error = try #require(throws: ScenarioDocumentError.self) { try ScenarioDocument.yamlText(scenario) }
        #expect(error.format == .yaml && error.problem == "it loads to a different scenario")
    }

    @Test("numbers keep their value: tiny, fractional and huge weights, prices and budgets", arguments: DocumentFormat.allCases)
    func numbers(format: DocumentFormat) throws {
        var scenario = ScenarioGenerator(visits: 10, seed: 5).scenario()
        scenario.objective.cateringCost = -0.000_01
        scenario.objective.preferredStartPerSlot = -1.0 / 3.0
        scenario.objective.droppedVisit = -999_999.75      // the extremes InputLimits allows
        scenario.policies.weeklyHospitalityBudget = 12_345.67
        scenario.caterers[0].services["teaBreak"]?.pricePerHead = 999_999_999.99
        scenario.policies.mealBudgetPerHead["banquet"] = 299.99
        try expectRoundTrip(scenario, format: format)
    }

    // MARK: The check

    @Test("a scenario that does not load back is refused with ScenarioDocumentError naming it and the format",
          arguments: DocumentFormat.allCases)
    func refusesWhatDoesNotLoad(format: DocumentFormat) throws {
        var scenario = try ScenarioLoader.load(path: ScenarioFiles.path("small-office.yaml"))
        scenario.name = "off-grid"
        scenario.calendar.slotMinutes = 7   // no duration of the week is a multiple of 7: the text does not validate
        let error = try #require(throws: ScenarioDocumentError.self) { try ScenarioDocument.text(scenario, format: format) }
        #expect(error.scenario == "off-grid" && error.format == format)
        #expect(error.problem.hasPrefix("it does not load"), "\(error.problem)")
        #expect(error.description.contains("off-grid") && error.description.contains(format.rawValue.uppercased()))
    }

    @Test("a scenario that loads back different is refused too (technical expertise without technical staff is not written)")
    func refusesWhatLoadsDifferent() throws {
        var scenario = try ScenarioLoader.load(path: ScenarioFiles.path("small-office.yaml"))
        let v = try #require(scenario.visits.firstIndex { $0.agenda.contains { if case .meeting = $0 { true } else { false } } })
        let m = try #require(scenario.visits[v].agenda.firstIndex { if case .meeting = $0 { true } else { false } })
        guard case .meeting(var meeting) = scenario.visits[v].agenda[m] else { return }
        meeting.technicalCount = 0
        meeting.technicalExpertise = ["robotics"]
        scenario.visits[v].agenda[m] = .meeting(meeting)
        let yaml = try #require(throws: ScenarioDocumentError.self) { try ScenarioDocument.yamlText(scenario) }
        let json = try #require(throws: ScenarioDocumentError.self) { try ScenarioDocument.jsonText(scenario) }
        #expect(yaml.problem == "it loads to a different scenario" && yaml.format == .yaml)
        #expect(json.problem == "it loads to a different scenario" && json.format == .json)
    }

    // MARK: The document (moved from the server's tests)

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
        #expect((try document.value(at: "rooms[0].capacity")) == nil)
        #expect((try document.value(at: "rooms[0].secure")) == false)
        #expect((try document.value(at: "tourRoutes[0].openHours")) == nil)
        #expect((try document.value(at: "staff[0].availability")) == nil)
        #expect((try document.value(at: "caterers[0].capacity")) == nil)
        #expect((try document.value(at: "caterers[0].services.teaBreak.pricePerHead")) == .double(12.5))
        #expect((try document.value(at: "now"))?.stringValue == "2026-12-02T08:00")
        #expect((try document.value(at: "visits[0].priority"))?.intValue == 1)
        #expect((try document.value(at: "visits[0].agenda[0].cancelled")) == nil, "only cancelled items say so")
        for format in DocumentFormat.allCases {
            let reloaded = try ScenarioLoader.parse(ScenarioDocument.text(scenario, format: format), format: format, file: "canonical")
            #expect(reloaded == scenario)
            #expect(reloaded.room("R-1")?.hasUnlimitedCapacity == true)
        }
    }

    // MARK: Helpers

    /// Writes `scenario` in `format`, checks the text is in that format and loads back equal, and
    /// that writing the reloaded scenario gives the same text. Returns the reloaded scenario.
    @discardableResult
    private func expectRoundTrip(_ scenario: Scenario, format: DocumentFormat,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
        let text = try ScenarioDocument.text(scenario, format: format)
        #expect(DocumentFormat.sniff(text) == format, "the text is \(format.rawValue)", sourceLocation: sourceLocation)
        let reloaded = try ScenarioLoader.parse(text, format: format, file: scenario.name + "." + format.rawValue)
        #expect(reloaded == scenario, sourceLocation: sourceLocation)
        #expect(try ScenarioDocument.text(reloaded, format: format) == text, "the text is stable", sourceLocation: sourceLocation)
        return reloaded
    }
}

/// The repository's scenario files (not the change events or the what-if file), relative to `scenarios/`.
enum ScenarioFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static let all: [String] = {
        func files(_ folder: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .map { folder.isEmpty ? $0 : folder + "/" + $0 }
        }
        // A what-if file names a base scenario and variants: it is not a scenario.
        let scenarios = (files("") + files("tests")).filter { name in
            (try? DocumentValue.load(path: path(name)))?["variants"] == nil
        }
        return scenarios.sorted()
    }()
}

/// A generated week's size and mode.
struct WeekSize: Sendable, CustomTestStringConvertible {
    var visits: Int
    var tight: Bool
    var testDescription: String { "\(visits) visits\(tight ? ", tight" : "")" }
}

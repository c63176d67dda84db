import Foundation
import Testing
import VisitDomain

/// `visitplan request add` and `visitplan request import`: requests added to a scenario file, with
/// a request's field paths, one line per bad CSV row, and nothing written when a row is bad unless
/// `--skip-bad`.
@Suite("visitplan request")
struct RequestCommandLineTests {
    static let templates = """
        templates:
          - name: meeting-lab-meal
            description: Meeting, demo lab and a working meal
            agenda:
              - {kind: meeting, durationMinutes: 60}
              - {kind: tour, routes: [demo-lab]}
              - {kind: meal, service: workingMeal, durationMinutes: 60}
        """

    static let request = """
        client: {name: Adatum, industry: retail, tier: standard, contact: "Ms Kim Abercrombie"}
        headcount: 3
        requestedAt: '2026-12-09T10:00'
        window: {earliest: '2026-12-16T09:00', latest: '2026-12-16T15:00'}
        agendaTemplate: meeting-lab-meal
        """

    @Test("add: the request joins the scenario with the next R-n id and its template's agenda; its options against a plan are shown")
    func add() throws {
        guard let (tool, scratch, scenario, plan, _) = try RunSheetCommandLineTests.planned() else { return }
        let templates = try scratch.write(Self.templates, to: "templates.yaml")
        let request = try scratch.write(Self.request, to: "request.yaml")
        let out = scratch.path("with-request.yaml")
        let run = try tool.run(["request", "add", scenario, request, "--templates", templates, "-o", out, "--plan", plan])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("added R-1 (Adatum)") && run.stderr.contains("lead time standard"), "\(run.stderr)")
        #expect(run.stdout.contains("Lead time: standard") && run.stdout.contains("1. Wed 2026-12-16 "), "\(run.stdout)")
        let written = try ScenarioLoader.load(path: out)
        #expect(written.visit("R-1")?.agenda.count == 3)
        #expect(written.visits.count == (try ScenarioLoader.load(path: scenario)).visits.count + 1)

        let bad = try scratch.write(Self.request.replacingOccurrences(of: "headcount: 3", with: "headcount: 0")
            .replacingOccurrences(of: "meeting-lab-meal", with: "meeting-lab-mael"), to: "bad.yaml")
        let refused = try tool.run(["request", "add", scenario, bad, "--templates", templates])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(bad): headcount: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(bad): agendaTemplate: unknown agenda template \"meeting-lab-mael\" (did you mean \"meeting-lab-meal\"?)"),
                "\(refused.stderr)")
    }

    static let csv = """
        client,headcount,earliest,latest,agendaTemplate,contact,guests,dietary,ndaSigned
        Adatum,3,2026-12-16T09:00,2026-12-16T15:00,meeting-lab-meal,Ms Kim,"Kim Abercrombie (COO); Ben Smith (CTO)",vegetarian: 1,yes
        Fabrikam,four,2026-12-17T09:00,2026-12-17T15:00,meeting-lab-meal,,,,
        Tailspin,2,2026-12-17T15:00,2026-12-17T09:00,meeting-lab-meal,,,,maybe
        Litware,2,2026-12-18T09:00,2026-12-18T15:00,meeting-lab-meal,,,,no
        """

    @Test("import: one line per bad row with row and column; nothing written; --skip-bad imports the good rows")
    func importCSV() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenario = TestScenarios.examplePath("small-office.yaml")
        let templates = try scratch.write(Self.templates, to: "templates.yaml")
        let csv = try scratch.write(Self.csv, to: "requests.csv")
        let out = scratch.path("out.yaml")
        let refused = try tool.run(["request", "import", csv, scenario, "--templates", templates, "-o", out])
        #expect(refused.status == 2)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(csv): row 3, column headcount: ") }, "\(refused.stderr)")
        #expect(lines.contains { $0.hasPrefix("\(csv): row 4, column ndaSigned: expected yes or no") }, "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")

        let skipped = try tool.run(["request", "import", csv, scenario, "--templates", templates, "-o", out, "--skip-bad"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("imported 2 requests (R-1, R-2); skipped rows 3, 4"), "\(skipped.stdout)")
        let written = try ScenarioLoader.load(path: out)
        let adatum = try #require(written.visit("R-1"))
        #expect(adatum.guests.map(\.title) == ["COO", "CTO"] && adatum.dietary["vegetarian"] == 1 && adatum.ndaSigned)
        #expect(written.visit("R-2")?.client.name == "Litware")

        let unknown = try scratch.write("client,headcount,earliest,latest,agendaTemplate,colour\n", to: "bad-header.csv")
        let header = try tool.run(["request", "import", unknown, scenario])
        #expect(header.status == 2 && header.stderr.contains("row 1, column colour: unknown column"), "\(header.stderr)")
    }
}

import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// `visitplan replan --scenario-out`: the changed scenario written as YAML or JSON, loading back to
/// the scenario the replan planned, and a starting point for the next replan.
@Suite("visitplan replan --scenario-out")
struct ReplanScenarioOutTests {
    /// On the small office week: the tour of V-2001 is dropped, V-2002 comes with 4 instead of 6,
    /// and the training room S-3 is out on Wednesday afternoon. The latest `at` becomes `now`.
    static let events = """
        - {type: cancelItem, at: '2026-12-12T09:00', visit: V-2001, item: 1}
        - {type: headcountChange, at: '2026-12-12T10:00', visit: V-2002, headcount: 4}
        - {type: unavailable, at: '2026-12-12T11:00', resource: S-3, start: '2026-12-16T13:00', end: '2026-12-16T17:00'}

        """

    /// The small office week with `events` applied by hand.
    static func expectedScenario() throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("small-office.yaml"))
        scenario.now = at("2026-12-12T11:00")
        let v2001 = try #require(scenario.visits.firstIndex { $0.id == "V-2001" })
        let v2002 = try #require(scenario.visits.firstIndex { $0.id == "V-2002" })
        let s3 = try #require(scenario.rooms.firstIndex { $0.id == "S-3" })
        scenario.visits[v2001].cancelledItems = [1]
        scenario.visits[v2002].headcount = 4
        scenario.rooms[s3].unavailable.append(VisitDomain.TimeInterval(start: at("2026-12-16T13:00"), end: at("2026-12-16T17:00")))
        return scenario
    }

    @Test("the changed scenario is written in the format of its extension, loads back equal, and the next replan starts from it",
          arguments: ["yaml", "yml", "json"])
    func writesScenario(fileExtension: String) throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenarioPath = TestScenarios.examplePath("small-office.yaml")
        let planPath = scratch.path("plan.json"), newPlanPath = scratch.path("new.json")
        let outPath = scratch.path("after-events.\(fileExtension)")
        let eventsPath = try scratch.write(Self.events, to: "events.yaml")

        let plan = try tool.run(["plan", scenarioPath, "--format", "json", "-o", planPath, "--quiet", "--time-limit", "20"])
        try #require(plan.status == 0, "stderr: \(plan.stderr)")
        let replan = try tool.run(["replan", scenarioPath, "--plan", planPath, "--events", eventsPath,
                                   "-o", newPlanPath, "--scenario-out", outPath, "--time-limit", "20"])
        try #require(replan.status == 0, "stderr: \(replan.stderr)")

        let text = try String(contentsOfFile: outPath, encoding: .utf8)
        #expect(DocumentFormat.sniff(text) == (fileExtension == "json" ? .json : .yaml), "\(text.prefix(200))")
        let written = try ScenarioLoader.load(path: outPath)
        #expect(written == (try Self.expectedScenario()))
        #expect(written.visit("V-2001")?.cancelledItems == [1])

        // The new plan is a plan of the written scenario, and the next replan starts from the two.
        let newPlan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: newPlanPath)))
        #expect(newPlan.visit("V-2001")?.items?.count == 1, "the cancelled tour is left out")
        let next = try scratch.write("- {type: headcountChange, at: '2026-12-12T12:00', visit: V-2003, headcount: 6}\n",
                                     to: "next-events.yaml")
        let again = try tool.run(["replan", outPath, "--plan", newPlanPath, "--events", next, "--format", "json", "--time-limit", "20"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let againPlan = try JSONDecoder().decode(Plan.self, from: Data(again.stdout.utf8))
        #expect(againPlan.visit("V-2001")?.items?.count == 1, "the tour stays cancelled")
    }

    @Test("--scenario-out with another extension is refused before planning, naming the option", arguments: ["txt", "yaml.bak", ""])
    func badExtension(fileExtension: String) throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path(fileExtension.isEmpty ? "scenario" : "scenario.\(fileExtension)")
        let eventsPath = try scratch.write(Self.events, to: "events.yaml")
        // The plan file does not even exist: validation comes first.
        let run = try tool.run(["replan", TestScenarios.examplePath("small-office.yaml"), "--plan", scratch.path("none.json"),
                                "--events", eventsPath, "--scenario-out", outPath])
        #expect(run.status == 64, "a usage error, like the other options' (stderr: \(run.stderr))")
        #expect(run.stderr.contains("--scenario-out"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains(".yaml, .yml or .json"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: outPath))
    }

    @Test("--answer-time out of range is refused before planning, naming the option", arguments: ["-1", "nan", "1e9"])
    func badAnswerTime(value: String) throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let eventsPath = try scratch.write(Self.events, to: "events.yaml")
        let run = try tool.run(["replan", TestScenarios.examplePath("small-office.yaml"), "--plan", scratch.path("none.json"),
                                "--events", eventsPath, "--answer-time=\(value)"])
        #expect(run.status == 64, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("--answer-time") && run.stderr.contains("seconds from 0 to 3600"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

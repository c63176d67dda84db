import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// `visitplan improve SCENARIO --plan CURRENT.json`: a better week offered with its changes and score.
@Suite("visitplan improve")
struct ImproveCommandLineTests {
    /// The small office plan and the same plan with V-2003 left out by hand, written to `scratch`.
    private func plans(_ tool: CommandLineTool, in scratch: TemporaryDirectory) throws -> (optimal: String, worse: String) {
        let scenarioPath = TestScenarios.examplePath("small-office.yaml")
        let optimal = scratch.path("plan.json")
        let run = try tool.run(["plan", scenarioPath, "--format", "json", "-o", optimal, "--quiet", "--time-limit", "20"])
        try #require(run.status == 0, "stderr: \(run.stderr)")
        var plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: optimal)))
        let k = try #require(plan.visits.firstIndex { $0.id == "V-2003" && $0.scheduled })
        plan.visits[k] = .unscheduled("V-2003", reasons: ["left out by hand"])
        let scheduled = plan.visits.filter(\.scheduled).count
        plan.totals = PlanTotals(scheduled: scheduled, unscheduled: plan.visits.count - scheduled,
                                 cateringCost: plan.visits.flatMap { $0.items ?? [] }.compactMap(\.cost).reduce(0, +))
        plan.score = PlanChecker(scenario: try ScenarioLoader.load(path: scenarioPath)).check(plan).score
        let worse = try scratch.write(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), to: "worse.json")
        return (optimal, worse)
    }

    @Test("a plan leaving out a visit that fits: the summary, the proposed plan in --output, and check --baseline accepts it")
    func proposesBetterWeek() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenarioPath = TestScenarios.examplePath("small-office.yaml")
        let (_, worse) = try plans(tool, in: scratch)
        let proposed = scratch.path("better.json")
        let run = try tool.run(["improve", scenarioPath, "--plan", worse, "--output", proposed, "--time-limit", "20"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasPrefix("A better week is available: 1 more visit, "), "\(run.stdout)")
        #expect(run.stdout.contains("V-2003"))
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: proposed)))
        #expect(plan.visit("V-2003")?.scheduled == true)
        #expect(plan.changes?.contains { $0.visit == "V-2003" && $0.what == "scheduled" } == true)
        let check = try tool.run(["check", scenarioPath, proposed, "--baseline", worse])
        #expect(check.status == 0, "stdout: \(check.stdout) stderr: \(check.stderr)")
        #expect(check.stdout.contains("valid"))

        let json = try tool.run(["improve", scenarioPath, "--plan", worse, "--json", "--time-limit", "20"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let printed = try JSONDecoder().decode(Plan.self, from: Data(json.stdout.utf8))
        #expect(printed.visit("V-2003")?.scheduled == true)
        #expect(json.stderr.hasPrefix("1 more visit"), "the summary goes to standard error: \(json.stderr)")
    }

    @Test("an optimal plan: no better week found, exit 0, no plan written")
    func nothingBetter() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let (optimal, _) = try plans(tool, in: scratch)
        let proposed = scratch.path("better.json")
        let run = try tool.run(["improve", TestScenarios.examplePath("small-office.yaml"), "--plan", optimal, "-o", proposed,
                                "--time-limit", "20"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasPrefix("no better week found ("), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: proposed))
    }

    @Test("bad input exits 2 naming the file and the field; a bad option exits 64")
    func badInput() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenarioPath = TestScenarios.examplePath("small-office.yaml")
        let (optimal, _) = try plans(tool, in: scratch)
        // A start that is not a time.
        let text = try String(contentsOfFile: optimal, encoding: .utf8)
        let broken = try scratch.write(text.replacingOccurrences(of: "\"2026-12-14T", with: "\"Monday-", options: [], range: nil),
                                       to: "broken.json")
        let unreadable = try tool.run(["improve", scenarioPath, "--plan", broken])
        #expect(unreadable.status == 2, "stderr: \(unreadable.stderr)")
        #expect(unreadable.stderr.contains("broken.json"), "\(unreadable.stderr)")
        #expect(unreadable.stderr.contains("visits[0]"), "the field path: \(unreadable.stderr)")
        #expect(unreadable.stdout.isEmpty)

        // A host the scenario does not have.
        var plan = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        let k = try #require(plan.visits.firstIndex { $0.scheduled })
        plan.visits[k].host = "nobody"
        let stranger = try scratch.write(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), to: "stranger.json")
        let refused = try tool.run(["improve", scenarioPath, "--plan", stranger])
        #expect(refused.status == 2, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("stranger.json: visits[\(k)].host"), "\(refused.stderr)")

        let option = try tool.run(["improve", scenarioPath, "--plan", optimal, "--time-limit", "0"])
        #expect(option.status == 64, "stderr: \(option.stderr)")
        #expect(option.stderr.contains("--time-limit"))
    }
}

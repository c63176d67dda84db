import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// The `visitplan` executable: exit codes and messages for bad input, the plan JSON, `check`.
@Suite("visitplan command line")
struct CommandLineTests {
    /// The built tool, or nil after recording why the test cannot run.
    private func tool(sourceLocation: SourceLocation = #_sourceLocation) -> CommandLineTool? {
        guard let tool = CommandLineTool.locate() else {
            Issue.record("""
                the visitplan executable was not found beside the test binary or in .build-plannertests/debug; \
                build every product first with `swift build --build-tests --scratch-path .build-plannertests`
                """, sourceLocation: sourceLocation)
            return nil
        }
        return tool
    }

    @Test("--time-limit and --gap are checked the same way by plan, replan and whatif: exit 64 with one message", arguments: [
        (["--gap=-1"], "--gap must be between 0 and 1"), (["--gap", "1"], "--gap must be between 0 and 1"),
        (["--time-limit", "0"], "--time-limit must be a positive number of seconds"),
        (["--time-limit", "nan"], "--time-limit must be a positive number of seconds"),
        (["--time-limit", "1e9"], "--time-limit must be a positive number of seconds"),
    ])
    func sharedSolverOptions(option: [String], message: String) throws {
        guard let tool = tool() else { return }
        let scenario = TestScenarios.path("host-preferred.yaml")
        let commands: [[String]] = [["plan", scenario], ["replan", scenario, "--plan", "p.json", "--events", "e.yaml"],
                                    ["whatif", "study.yaml"]]
        for command in commands {
            let run = try tool.run(command + option)
            #expect(run.status == 64, "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(command[0]): \(run.stderr)")
        }
    }

    @Test("plan on a scenario with a bad field exits 2 and names the file and the field path")
    func badScenario() throws {
        guard let tool = tool() else { return }
        let scratch = try TemporaryDirectory()
        var document = try DocumentValue.load(path: TestScenarios.path("host-preferred.yaml"))
        try document.setValue("six", at: "visits[0].headcount")
        let path = try scratch.write(DocumentJSON.text(document), to: "bad-headcount.json")
        let run = try tool.run(["plan", path, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad-headcount.json"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("visits[0].headcount"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("plan on a missing file exits 2 and names the file")
    func missingFile() throws {
        guard let tool = tool() else { return }
        let scratch = try TemporaryDirectory()
        let path = scratch.url.appendingPathComponent("no-such-week.yaml").path
        let run = try tool.run(["plan", path, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-week.yaml"), "stderr: \(run.stderr)")
    }

    @Test("plan --format json prints a plan that decodes and passes the checker")
    func planJSON() throws {
        guard let tool = tool() else { return }
        let path = TestScenarios.path("crowded-secure-room.yaml")
        let run = try tool.run(["plan", path, "--format", "json", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let plan = try JSONDecoder().decode(Plan.self, from: Data(run.stdout.utf8))
        let scenario = try ScenarioLoader.load(path: path)
        #expect(PlanChecker(scenario: scenario).check(plan).isValid)
        #expect(plan.visit("V-high")?.scheduled == true)
        #expect(plan.visit("V-low")?.scheduled == false)
    }

    @Test("check accepts the planner's plan and rejects a tampered one with exit 1, naming the rule")
    func checkTamperedPlan() throws {
        guard let tool = tool() else { return }
        let scenarioPath = TestScenarios.path("meeting-capacity.yaml")
        let result = try TestScenarios.plan("meeting-capacity.yaml")
        let scratch = try TemporaryDirectory()
        let encoder = JSONEncoder()
        let goodPath = try scratch.write(String(decoding: try encoder.encode(result.plan), as: UTF8.self), to: "good.json")
        let good = try tool.run(["check", scenarioPath, goodPath])
        #expect(good.status == 0, "stdout: \(good.stdout) stderr: \(good.stderr)")

        // Swap the rooms: V-big's 9 people in the room for 8.
        var tampered = result.plan
        let big = try #require(tampered.visits.firstIndex { $0.id == "V-big" })
        let small = try #require(tampered.visits.firstIndex { $0.id == "V-small" })
        tampered.visits[big].items?[0].room = "R-small"
        tampered.visits[small].items?[0].room = "R-large"
        let badPath = try scratch.write(String(decoding: try encoder.encode(tampered), as: UTF8.self), to: "tampered.json")
        let bad = try tool.run(["check", scenarioPath, badPath])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("rule 5 (meeting)"), "stdout: \(bad.stdout)")
        #expect(bad.stdout.contains("R-small"), "stdout: \(bad.stdout)")
    }

    @Test("check and replan refuse a plan file whose agenda index repeats, exit 2 naming the file and the field (no trap)",
          arguments: [["check"], ["replan"]])
    func repeatedAgendaIndex(_ command: [String]) throws {
        guard let tool = tool() else { return }
        let scenarioPath = TestScenarios.path("meeting-capacity.yaml")
        var plan = try TestScenarios.plan("meeting-capacity.yaml").plan
        let v = try #require(plan.visits.firstIndex { $0.scheduled })
        let first = try #require(plan.visits[v].items?.first)
        plan.visits[v].items?.append(first)
        let scratch = try TemporaryDirectory()
        let path = try scratch.write(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), to: "repeated.json")
        let events = try scratch.write("- {type: cancelVisit, at: 2026-12-07T08:00, visit: \(plan.visits[v].id)}\n", to: "events.yaml")
        let arguments = command == ["check"] ? ["check", scenarioPath, path] : ["replan", scenarioPath, "--plan", path, "--events", events]
        let run = try tool.run(arguments)
        #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stderr.contains("visits[\(v)].items[1].agendaIndex"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("appears twice"), "stderr: \(run.stderr)")
    }

    /// Scenarios with ties between equally good plans (symmetric visits, interchangeable rooms and
    /// guides), where a process-seeded hash order would show.
    static let tieScenarios = [
        "tests/meeting-turnover.yaml", "tests/tour-groups.yaml", "tests/meal-capacity.yaml",
        "tests/availability-host-limit.yaml", "small-office.yaml", "demo-week.yaml",
    ]

    @Test("two separate runs of plan print the same plan (apart from the solve time)", .serialized, arguments: tieScenarios)
    func deterministicAcrossProcesses(file: String) throws {
        guard let tool = tool() else { return }
        let path = TestScenarios.repositoryRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let plans = try (0..<2).map { _ in
            // A generous limit: plans stopped early by a busy machine could differ for that reason alone.
            let run = try tool.run(["plan", path, "--format", "json", "--quiet", "--time-limit", "300"])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            return try JSONDecoder().decode(Plan.self, from: Data(run.stdout.utf8)).withoutSolveTime
        }
        #expect(plans.allSatisfy { $0.status == .optimal })
        #expect(plans[0] == plans[1])
    }
}

/// `visitplan plan --export-model`: the whole week's model, or one day's.
@Suite("visitplan plan --export-model")
struct ExportModelCommandLineTests {
    @Test("the week's LP names every plannable visit; a day's LP only that day's, and exports in both formats", arguments: ["lp", "mps"])
    func weekAndDay(format: String) throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenario = TestScenarios.examplePath("small-office.yaml")
        let week = scratch.url.appendingPathComponent("week.\(format)").path
        let day = scratch.url.appendingPathComponent("tuesday.\(format)").path
        let weekRun = try tool.run(["plan", scenario, "--export-model", week, "--quiet", "--time-limit", "10"])
        let dayRun = try tool.run(["plan", scenario, "--export-model", day, "--export-day", "2026-12-15", "--quiet", "--time-limit", "10"])
        #expect(weekRun.status == 0 && dayRun.status == 0, "\(weekRun.stderr) \(dayRun.stderr)")
        let weekText = try String(contentsOfFile: week, encoding: .utf8), dayText = try String(contentsOfFile: day, encoding: .utf8)
        // Names are made safe for LP and MPS files: V-2001 is written V_2001.
        for id in ["V_2001", "V_2002", "V_2004", "V_2007"] { #expect(weekText.contains(id), "the week's model has \(id)") }
        // Tuesday 12-15 holds V-2002 and V-2004; Monday's V-2001 and the Thursday/Friday V-2007 are not in it.
        #expect(dayText.contains("V_2002") && dayText.contains("V_2004"))
        #expect(!dayText.contains("V_2001") && !dayText.contains("V_2007"))
        #expect(dayText.utf8.count < weekText.utf8.count)
    }

    @Test("a day without any possible visit, or --export-day without --export-model, is an error")
    func badDay() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let scratch = try TemporaryDirectory()
        let scenario = TestScenarios.examplePath("small-office.yaml")
        let path = scratch.url.appendingPathComponent("sunday.lp").path
        let sunday = try tool.run(["plan", scenario, "--export-model", path, "--export-day", "2026-12-13", "--quiet"])
        #expect(sunday.status != 0)
        #expect(sunday.stderr.contains("no visit can take place on 2026-12-13"), "stderr: \(sunday.stderr)")
        let alone = try tool.run(["plan", scenario, "--export-day", "2026-12-15", "--quiet"])
        #expect(alone.status != 0)
        #expect(alone.stderr.contains("--export-day needs --export-model"), "stderr: \(alone.stderr)")
    }
}

/// `visitplan whatif`: every format from the command line, progress on standard error, and bad
/// variants refused with the file and the place in it.
@Suite("visitplan whatif command line")
struct WhatIfCommandLineTests {
    /// A what-if file beside a copy of the small office week.
    static func study(_ variants: String) throws -> (TemporaryDirectory, String) {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(String(contentsOfFile: TestScenarios.examplePath("small-office.yaml"), encoding: .utf8),
                              to: "small-office.yaml")
        let path = try scratch.write("base: small-office.yaml\nvariants:\n" + variants, to: "study.yaml")
        return (scratch, path)
    }

    static let variants = """
          - name: no-secure-room
            remove: {rooms: [S-2]}
          - name: double-demand
            scaleDemand: 2

        """

    @Test("text, json and html: the same runs, progress per run on standard error", arguments: ["text", "json", "html"])
    func everyFormat(format: String) throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let (scratch, path) = try Self.study(Self.variants)
        let out = scratch.url.appendingPathComponent("comparison.\(format)").path
        let run = try tool.run(["whatif", path, "--format", format, "--jobs", "2", "--time-limit", "20", "-o", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        for name in ["base", "no-secure-room", "double-demand"] {
            #expect(run.stderr.contains(name), "progress names \(name): \(run.stderr)")
        }
        let written = try String(contentsOfFile: out, encoding: .utf8)
        switch format {
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
            let runs = try #require(object["runs"] as? [[String: Any]])
            #expect(runs.map { $0["name"] as? String } == ["base", "no-secure-room", "double-demand"])
        case "html":
            #expect(written.hasPrefix("<!DOCTYPE html>") || written.hasPrefix("<!doctype html>"))
            #expect(written.contains("<svg"))
            #expect(!written.contains("<script src") && !written.contains("<link rel=\"stylesheet\" href"))
        default:
            #expect(written.contains("no-secure-room") && written.contains("double-demand"))
            // V-2004 is confidential: without the secure room it is newly dropped.
            #expect(written.contains("V-2004"), "\(written)")
        }
    }

    @Test("a variant removing a room that does not exist exits 2 naming the file and the place in it")
    func badVariant() throws {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return }
        let (scratch, path) = try Self.study("""
              - name: typo
                remove: {rooms: [S-9]}

            """)
        let run = try withExtendedLifetime(scratch) { try tool.run(["whatif", path]) }
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("study.yaml"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("variants[0].remove.rooms[0]"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("S-9"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

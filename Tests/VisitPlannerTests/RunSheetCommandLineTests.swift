import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// `visitplan runsheet SCENARIO PLAN [VISIT-ID ...]`: the plan is checked first; each scheduled
/// visit gets its page; bad input is refused with a clear message.
@Suite("visitplan runsheet")
struct RunSheetCommandLineTests {
    /// The small office week planned once, written to a scratch folder.
    static func planned() throws -> (tool: CommandLineTool, scratch: TemporaryDirectory, scenario: String, plan: String, planned: Plan)? {
        guard let tool = CommandLineTool.locate() else { Issue.record("visitplan was not built"); return nil }
        let scratch = try TemporaryDirectory()
        let scenario = TestScenarios.examplePath("small-office.yaml")
        let planPath = scratch.path("plan.json")
        let run = try tool.run(["plan", scenario, "--format", "json", "-o", planPath, "--quiet", "--time-limit", "20"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: planPath)))
        return (tool, scratch, scenario, planPath, plan)
    }

    @Test("every scheduled visit gets a page in text, and one printable HTML page each")
    func allVisits() throws {
        guard let (tool, scratch, scenario, plan, planned) = try Self.planned() else { return }
        let scheduled = planned.visits.filter(\.scheduled).map(\.id)
        try #require(!scheduled.isEmpty)
        let text = try tool.run(["runsheet", scenario, plan])
        #expect(text.status == 0, "\(text.stderr)")
        for id in scheduled { #expect(text.stdout.contains("Run sheet: \(id) "), "\(id) missing") }
        #expect(text.stdout.contains("meets the guests at"))
        let htmlPath = scratch.path("sheets.html")
        let html = try tool.run(["runsheet", scenario, plan, scheduled[0], "--format", "html", "-o", htmlPath])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(page.components(separatedBy: "<section id=").count == 2, "one page for the one visit asked for")
        #expect(page.contains("<section id=\"\(scheduled[0])\">"))
    }

    @Test("an unknown visit, or one the plan leaves out, is refused with exit 2 and why")
    func badVisit() throws {
        guard let (tool, scratch, scenario, plan, planned) = try Self.planned() else { return }
        defer { withExtendedLifetime(scratch) {} }   // the plan file lives in it
        let unknown = try tool.run(["runsheet", scenario, plan, "V-404"])
        #expect(unknown.status == 2 && unknown.stderr.contains("there is no visit \"V-404\""), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
        if let left = planned.visits.first(where: { !$0.scheduled }) {
            let run = try tool.run(["runsheet", scenario, plan, left.id])
            #expect(run.status == 2 && run.stderr.contains("\(left.id) is not scheduled"), "\(run.stderr)")
        }
    }

    @Test("a plan that breaks a rule gets no run sheet: exit 1 with the violations")
    func brokenPlan() throws {
        guard let (tool, scratch, scenario, _, planned) = try Self.planned() else { return }
        var broken = planned
        let v = try #require(broken.visits.firstIndex { $0.scheduled && ($0.items?.count ?? 0) > 0 })
        broken.visits[v].items![0].start = broken.visits[v].items![0].start.adding(minutes: -600)   // before the working day
        let encoder = JSONEncoder()
        let path = try scratch.write(String(decoding: try encoder.encode(broken), as: UTF8.self), to: "broken.json")
        let run = try tool.run(["runsheet", scenario, path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("no run sheet is printed") && run.stdout.isEmpty, "\(run.stderr)")
    }

    @Test("orders: each caterer's sheet after the plan checks; --no-prices for the kitchen; an unknown caterer exits 2")
    func orders() throws {
        guard let (tool, scratch, scenario, plan, planned) = try Self.planned() else { return }
        defer { withExtendedLifetime(scratch) {} }
        let meals = planned.visits.flatMap { $0.items ?? [] }.filter { $0.caterer != nil }
        let all = try tool.run(["orders", scenario, plan])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.components(separatedBy: " diners").count - 1 == meals.count, "one line per meal: \(all.stdout)")
        #expect(all.stdout.contains("per head"))
        let kitchen = try tool.run(["orders", scenario, plan, "--no-prices"])
        #expect(kitchen.status == 0 && !kitchen.stdout.contains("per head"))
        let unknown = try tool.run(["orders", scenario, plan, "--caterer", "nobody"])
        #expect(unknown.status == 2 && unknown.stderr.contains("there is no caterer \"nobody\""), "\(unknown.stderr)")
    }

    @Test("checklist: each visit's tasks, overdue ones marked against --now; a bad --now is a usage error")
    func checklist() throws {
        guard let (tool, scratch, scenario, plan, planned) = try Self.planned() else { return }
        defer { withExtendedLifetime(scratch) {} }
        let first = try #require(planned.visits.first { $0.scheduled })
        let early = try tool.run(["checklist", scenario, plan, first.id, "--now", "2026-11-01T09:00"])
        #expect(early.status == 0 && early.stdout.contains("Preparation: \(first.id)") && !early.stdout.contains("OVERDUE"), "\(early.stdout)")
        let late = try tool.run(["checklist", scenario, plan, first.id, "--now", "2026-12-31T09:00"])
        #expect(late.stdout.contains("OVERDUE"))
        let bad = try tool.run(["checklist", scenario, plan, "--now", "tomorrow"])
        #expect(bad.status == 64 && bad.stderr.contains("--now tomorrow"), "\(bad.stderr)")
    }
}

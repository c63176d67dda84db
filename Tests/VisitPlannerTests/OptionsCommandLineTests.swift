import Foundation
import Testing
import VisitDomain

/// `visitplan options SCENARIO PLAN VISIT-ID`: the options of a visit not yet in the plan; bad
/// input is refused with the file and what is wrong.
@Suite("visitplan options")
struct OptionsCommandLineTests {
    @Test("a visit left out gets its lead time and ranked options in text and JSON; a scheduled or unknown visit exits 2; a bad --time-limit 64")
    func options() throws {
        guard let (tool, scratch, scenario, planPath, planned) = try RunSheetCommandLineTests.planned() else { return }
        // Take V-2003 out of the plan: a new request the plan has not seen.
        var plan = planned
        plan.visits.removeAll { $0.id == "V-2003" }
        plan.totals.scheduled -= 1
        plan.totals.cateringCost = plan.visits.flatMap { $0.items ?? [] }.compactMap(\.cost).reduce(0, +)
        plan.score = PlanChecker(scenario: try ScenarioLoader.load(path: scenario)).check(plan).score
        let path = try scratch.write(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), to: "without.json")

        let text = try tool.run(["options", scenario, path, "V-2003"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("V-2003 (Northwind Traders): a new request, not in the plan yet"), "\(text.stdout)")
        #expect(text.stdout.contains("Lead time: standard"))
        #expect(text.stdout.contains("The best 3 placements without moving anyone:"))
        #expect(text.stdout.contains("  1. Wed 2026-12-16 "))

        let json = try tool.run(["options", scenario, path, "V-2003", "--json", "--time-limit", "20"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["fits"] as? Bool == true && object["inPlan"] as? Bool == false)
        #expect((object["options"] as? [[String: Any]])?.count == 3)
        #expect((object["leadTime"] as? [String: Any])?["leadTime"] as? String == "standard")

        let scheduled = try tool.run(["options", scenario, planPath, "V-2001"])
        #expect(scheduled.status == 2, "\(scheduled.stderr)")
        #expect(scheduled.stderr.contains("\(planPath): V-2001 is already scheduled"), "\(scheduled.stderr)")
        #expect(scheduled.stdout.isEmpty)

        let unknown = try tool.run(["options", scenario, planPath, "V-404"])
        #expect(unknown.status == 2 && unknown.stderr.contains("\(scenario): there is no visit \"V-404\""), "\(unknown.stderr)")

        let limit = try tool.run(["options", scenario, planPath, "V-2005", "--time-limit", "0"])
        #expect(limit.status == 64 && limit.stderr.contains("--time-limit must be a positive number"), "\(limit.stderr)")
    }

    @Test("a plan naming a room the scenario lacks is refused with the plan file and the field path")
    func badPlan() throws {
        guard let (tool, scratch, scenario, _, planned) = try RunSheetCommandLineTests.planned() else { return }
        var plan = planned
        let v = try #require(plan.visits.firstIndex { $0.scheduled && ($0.items ?? []).contains { $0.room != nil } })
        let i = try #require(plan.visits[v].items!.firstIndex { $0.room != nil })
        plan.visits[v].items![i].room = "Z-9"
        let path = try scratch.write(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), to: "bad.json")
        let run = try tool.run(["options", scenario, path, "V-2005"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(path): visits[\(v)].items[\(i)].room: \"Z-9\" is not a room of the scenario"), "\(run.stderr)")
    }
}

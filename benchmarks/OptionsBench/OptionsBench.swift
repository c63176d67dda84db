import ArgumentParser
import Foundation
import VisitDomain
import VisitPlanner
import VisitReplanner

/// `options-bench SCENARIO [--plan PLAN.json]`: times the ranked options (`VisitOptionsFinder`)
/// for every visit the plan leaves out, and for every scheduled visit taken out of the plan in
/// turn (then a new request the plan has not seen, which fits at least where it was): per visit
/// the answer and its seconds, then p50 and max per group and overall.
@main
struct OptionsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options-bench",
        abstract: "Time the ranked options of every unscheduled visit, and of every scheduled visit taken out of the plan.")

    @Argument(help: "Scenario file.")
    var scenario: String

    @Option(help: "The plan (JSON, as `visitplan plan --format json` writes it); default: planned here.")
    var plan: String?

    @Option(help: "Seconds for the plan made here (without --plan).")
    var planTimeLimit: Double = 60

    @Option(help: "Seconds for each options search.")
    var timeLimit: Double = 10

    @Flag(help: "Skip the scheduled visits taken out of the plan.")
    var unscheduledOnly = false

    @Flag(help: "Print GitHub Markdown tables.")
    var markdown = false

    @Flag(help: "Print each search's solves as it ends.")
    var verbose = false

    func run() throws {
        let scenario = try ScenarioLoader.load(path: self.scenario)
        let current: Plan
        if let plan {
            current = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: plan)))
        } else {
            current = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: planTimeLimit)).plan
        }
        let settings = VisitOptionsSettings(timeLimit: timeLimit)
        var rows: [Row] = []
        for planned in current.visits where !planned.scheduled && scenario.visit(planned.id) != nil {
            rows.append(try measure(planned.id, group: "unscheduled in the plan", scenario: scenario, current: current, settings: settings))
        }
        if !unscheduledOnly {
            for planned in current.visits where planned.scheduled {
                rows.append(try measure(planned.id, group: "taken out of the plan", scenario: scenario,
                                        current: Self.without(planned.id, current, scenario), settings: settings))
            }
        }
        print(markdown ? Self.markdownTable(rows) : Self.textTable(rows))
        for group in ["unscheduled in the plan", "taken out of the plan", "all"] {
            let seconds = rows.filter { group == "all" || $0.group == group }.map(\.seconds).sorted()
            guard !seconds.isEmpty else { continue }
            print("\(group): \(seconds.count) visits, p50 \(Self.format(seconds[seconds.count / 2])) s, max \(Self.format(seconds.last!)) s")
        }
    }

    struct Row {
        var visit: String
        var group: String
        var answer: String
        var seconds: Double
    }

    private func measure(_ id: String, group: String, scenario: Scenario, current: Plan,
                         settings: VisitOptionsSettings) throws -> Row {
        let clock = ContinuousClock.now
        let answer = try VisitOptionsFinder(scenario: scenario, current: current).options(for: id, settings: settings)
        let seconds = (ContinuousClock.now - clock) / .seconds(1)
        if verbose {
            let solves = answer.solves.map { "\($0.name) \(Self.format($0.seconds)) s\($0.placed ? "" : " (not placed)")" }
            print("\(id): " + solves.joined(separator: "; "))
        }
        let what: String
        if answer.fits {
            what = "\(answer.options.count) option(s), best \(Self.signed(answer.options[0].scoreDelta))"
        } else if let way = answer.wayIn {
            let dropped = way.moves.filter(\.dropped).count
            what = "way in: \(way.moves.count - dropped) moved, \(dropped) dropped, net \(Self.signed(way.scoreDelta))"
        } else {
            what = answer.impossibleAlone ? "impossible alone" : "no way in found"
        }
        return Row(visit: id, group: group, answer: "\(answer.leadTime.leadTime.name); \(what)", seconds: seconds)
    }

    /// `plan` without the visit: a request it has not seen.
    static func without(_ id: String, _ plan: Plan, _ scenario: Scenario) -> Plan {
        var result = plan
        result.visits.removeAll { $0.id == id }
        let scheduled = result.visits.filter(\.scheduled).count
        let calculator = ScoreCalculator(scenario: scenario)
        result.totals = PlanTotals(scheduled: scheduled, unscheduled: result.visits.count - scheduled,
                                   cateringCost: calculator.cateringCost(of: result))
        result.score = calculator.score(of: result)
        return result
    }

    static func textTable(_ rows: [Row]) -> String {
        rows.map { "\($0.visit.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.group.padding(toLength: 24, withPad: " ", startingAt: 0)) "
            + "\(format($0.seconds).padding(toLength: 7, withPad: " ", startingAt: 0)) \($0.answer)" }.joined(separator: "\n")
    }

    static func markdownTable(_ rows: [Row]) -> String {
        (["| visit | how it is missing | s | answer |", "| --- | --- | ---: | --- |"]
            + rows.map { "| \($0.visit) | \($0.group) | \(format($0.seconds)) | \($0.answer) |" }).joined(separator: "\n")
    }

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }
    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + String(format: "%g", abs(x)) }
}

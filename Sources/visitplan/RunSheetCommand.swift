import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan runsheet SCENARIO PLAN [VISIT-ID ...]`: the reception day of each visit on one page.
struct RunSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runsheet",
        abstract: "Print the run sheet of visits in a plan: where the host meets the guests, each step and its owner, rooms, guides, meal orders, IT on call, the confidentiality boundary.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`). Without visit ids: every scheduled visit, one page each.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html }

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Argument(help: "Plan JSON file, as printed by `visitplan plan --format json`.")
    var plan: String

    @Argument(help: "Visits to print (default: every scheduled visit, in time order).")
    var visits: [String] = []

    @Option(name: .long, help: "text, or html (one printable page per visit).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "For a replanned plan or an accepted improvement: the plan it replaced (JSON).")
    var baseline: String?

    @Option(name: .long, help: "For a replanned plan: the change events it absorbed (with --baseline).")
    var events: String?

    func validate() throws {
        if events != nil, baseline == nil { throw ValidationError("--events needs --baseline (the plan the replan replaced)") }
    }

    func run() throws {
        let (scenario, context) = try checkingContext(scenario: loadScenario(self.scenario), baseline: baseline, events: events)
        let plan = try loadPlan(self.plan)
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        guard report.isValid else {
            printError("\(self.plan): the plan breaks \(report.violations.count) rule(s), so no run sheet is printed:")
            for violation in report.violations { printError("  - \(violation)") }
            throw ExitStatus.planBreaksRules
        }
        let ids = visits.isEmpty
            ? plan.visits.filter(\.scheduled).sorted { ($0.start ?? .init(minutes: 0), $0.id) < ($1.start ?? .init(minutes: 0), $1.id) }.map(\.id)
            : visits
        let onCall = ITOnCall(scenario: scenario, plan: plan)
        var sheets: [RunSheet] = []
        for id in ids {
            guard scenario.visit(id) != nil else {
                printError("visitplan runsheet: there is no visit \"\(id)\" in \(self.scenario)")
                throw ExitStatus.badInput
            }
            guard let sheet = RunSheet(scenario: scenario, plan: plan, visit: id, onCall: onCall) else {
                let why = plan.visit(id)?.reasons?.first.map { ": \($0)" } ?? ""
                printError("visitplan runsheet: \(id) is not scheduled in \(self.plan)\(why)")
                throw ExitStatus.badInput
            }
            sheets.append(sheet)
        }
        switch format {
        case .text: try emit(sheets.map { RunSheetText($0).render() }.joined(separator: "\n\u{0C}\n"), to: output)
        case .html: try emit(RunSheetHTML(sheets, title: "Run sheets: \(scenario.name)").render(), to: output)
        }
    }
}

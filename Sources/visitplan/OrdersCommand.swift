import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan orders SCENARIO PLAN [--caterer ID]`: each caterer's order sheet.
struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Print each caterer's order sheet: every meal of the plan with its time, visit, service, diners and dietary counts.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`).")

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Argument(help: "Plan JSON file, as printed by `visitplan plan --format json`.")
    var plan: String

    @Option(name: .long, help: "Only this caterer's sheet.")
    var caterer: String?

    @Flag(name: .long, help: "Leave the prices out (a sheet to hand to the kitchen).")
    var noPrices = false

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
            printError("\(self.plan): the plan breaks \(report.violations.count) rule(s), so no order is printed:")
            for violation in report.violations { printError("  - \(violation)") }
            throw ExitStatus.planBreaksRules
        }
        if let caterer, scenario.caterer(caterer) == nil {
            printError("visitplan orders: there is no caterer \"\(caterer)\" in \(self.scenario)")
            throw ExitStatus.badInput
        }
        let sheets = CatererOrders.from(scenario: scenario, plan: plan, only: caterer)
        let text = sheets.isEmpty ? "No meals \(caterer.map { "for \($0) " } ?? "")in this plan.\n"
            : sheets.map { $0.text(withPrices: !noPrices) }.joined(separator: "\n")
        try emit(text, to: output)
    }
}

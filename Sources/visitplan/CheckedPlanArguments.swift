import ArgumentParser
import Foundation
import VisitDomain

/// The scenario and plan a command checks (`check`) or reads a plan's consequences from (run
/// sheets, orders, checklists), with the baseline and events of a replanned plan or an
/// improvement; those commands check the plan against every hard rule before printing anything.
struct CheckedPlanArguments: ParsableArguments {
    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Argument(help: "Plan JSON file, as printed by `visitplan plan --format json`.")
    var plan: String

    @Option(name: .long, help: "For a replanned plan or an accepted improvement: the plan it replaced (JSON).")
    var baseline: String?

    @Option(name: .long, help: "For a replanned plan: the change events it absorbed (with --baseline).")
    var events: String?

    func validate() throws {
        if events != nil, baseline == nil { throw ValidationError("--events needs --baseline (the plan the replan replaced)") }
    }

    /// The scenario (after the events, for a replanned plan) and the plan, which passes the checker;
    /// exits 1 with the violations, printing no `what`, when it does not.
    func load(printing what: String) throws -> (scenario: Scenario, plan: Plan) {
        let (scenario, context) = try checkingContext(scenario: loadScenario(self.scenario), baseline: baseline, events: events)
        let plan = try loadPlan(self.plan)
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        guard report.isValid else {
            printError("\(self.plan): the plan breaks \(report.violations.count) rule(s), so no \(what) is printed:")
            for violation in report.violations { printError("  - \(violation)") }
            throw ExitStatus.planBreaksRules
        }
        return (scenario, plan)
    }

    /// `ids` checked against the scenario, or every scheduled visit of `plan` in time order.
    func visits(_ ids: [String], of plan: Plan, in scenario: Scenario, command: String) throws -> [String] {
        if let unknown = ids.first(where: { scenario.visit($0) == nil }) {
            printError("visitplan \(command): there is no visit \"\(unknown)\" in \(self.scenario)")
            throw ExitStatus.badInput
        }
        if let left = ids.first(where: { plan.visit($0)?.scheduled != true }) {
            let why = plan.visit(left)?.reasons?.first.map { ": \($0)" } ?? ""
            printError("visitplan \(command): \(left) is not scheduled in \(self.plan)\(why)")
            throw ExitStatus.badInput
        }
        guard ids.isEmpty else { return ids }
        return plan.visits.filter(\.scheduled)
            .sorted { ($0.start ?? .init(minutes: 0), $0.id) < ($1.start ?? .init(minutes: 0), $1.id) }.map(\.id)
    }
}

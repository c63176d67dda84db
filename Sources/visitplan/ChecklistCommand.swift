import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan checklist SCENARIO PLAN [VISIT-ID ...]`: what must be ready before each visit.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Print each visit's preparation checklist: every task with its owner and due time, overdue ones marked.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`).")

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @Argument(help: "Plan JSON file, as printed by `visitplan plan --format json`.")
    var plan: String

    @Argument(help: "Visits to print (default: every scheduled visit, in time order).")
    var visits: [String] = []

    @Option(name: .long, help: ArgumentHelp("Mark tasks overdue against this moment (default: the scenario's now).", valueName: "YYYY-MM-DDTHH:MM"))
    var now: String?

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "For a replanned plan or an accepted improvement: the plan it replaced (JSON).")
    var baseline: String?

    @Option(name: .long, help: "For a replanned plan: the change events it absorbed (with --baseline).")
    var events: String?

    func validate() throws {
        if events != nil, baseline == nil { throw ValidationError("--events needs --baseline (the plan the replan replaced)") }
        if let now, LocalDateTime(iso: now) == nil { throw ValidationError("--now \(now): expected a local time YYYY-MM-DDTHH:MM") }
    }

    func run() throws {
        let (scenario, context) = try checkingContext(scenario: loadScenario(self.scenario), baseline: baseline, events: events)
        let plan = try loadPlan(self.plan)
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        guard report.isValid else {
            printError("\(self.plan): the plan breaks \(report.violations.count) rule(s), so no checklist is printed:")
            for violation in report.violations { printError("  - \(violation)") }
            throw ExitStatus.planBreaksRules
        }
        let moment = now.flatMap(LocalDateTime.init(iso:)) ?? scenario.now
        let ids = visits.isEmpty
            ? plan.visits.filter(\.scheduled).sorted { ($0.start ?? .init(minutes: 0), $0.id) < ($1.start ?? .init(minutes: 0), $1.id) }.map(\.id)
            : visits
        let onCall = ITOnCall(scenario: scenario, plan: plan)
        var texts: [String] = []
        for id in ids {
            guard scenario.visit(id) != nil else {
                printError("visitplan checklist: there is no visit \"\(id)\" in \(self.scenario)")
                throw ExitStatus.badInput
            }
            guard let list = PreparationChecklist(scenario: scenario, plan: plan, visit: id, onCall: onCall) else {
                printError("visitplan checklist: \(id) is not scheduled in \(self.plan)")
                throw ExitStatus.badInput
            }
            texts.append(list.text(now: moment))
        }
        try emit(texts.joined(separator: "\n"), to: output)
    }
}

import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan checklist SCENARIO PLAN [VISIT-ID ...]`: what must be ready before each visit.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Print each visit's preparation checklist: every task with its owner and due time, overdue ones marked.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`).")

    @OptionGroup var input: CheckedPlanArguments

    @Argument(help: "Visits to print (default: every scheduled visit, in time order).")
    var visits: [String] = []

    @Option(name: .long, help: ArgumentHelp("Mark tasks overdue against this moment (default: the scenario's now).", valueName: "YYYY-MM-DDTHH:MM"))
    var now: String?

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    func validate() throws {
        if let now, LocalDateTime(iso: now) == nil { throw ValidationError("--now \(now): expected a local time YYYY-MM-DDTHH:MM") }
    }

    func run() throws {
        let (scenario, plan) = try input.load(printing: "checklist")
        let moment = now.flatMap(LocalDateTime.init(iso:)) ?? scenario.now
        let onCall = ITOnCall(scenario: scenario, plan: plan)
        let lists = try input.visits(visits, of: plan, in: scenario, command: "checklist")
            .compactMap { PreparationChecklist(scenario: scenario, plan: plan, visit: $0, onCall: onCall) }
        try emit(lists.map { $0.text(now: moment) }.joined(separator: "\n"), to: output)
    }
}

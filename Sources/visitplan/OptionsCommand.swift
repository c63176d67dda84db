import ArgumentParser
import Foundation
import VisitDomain
import VisitReplanner

/// `visitplan options SCENARIO PLAN VISIT-ID`: what the planner can offer a visit not yet in the
/// plan: its lead time, the best three placements without moving anyone, or what blocks it and
/// the cheapest way in.
struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options",
        abstract: "Show the ranked options for a visit not yet in the plan: lead time, the best three placements without moving anyone, or what blocks it and the cheapest way in.",
        discussion: """
            The visit is one the plan leaves out, or a new request in the scenario that the plan does not list yet. \
            The plan is checked against the scenario first (exit 2 with the file and field otherwise). A visit the \
            plan already schedules is refused (exit 2): moving it is a replan (an arrivalShift event) or `improve`. \
            Every option passes the checker against the plan (as `check --baseline PLAN` would). --json prints the \
            answer for the API.
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json), with the visit.")
    var scenario: String

    @Argument(help: "The current plan JSON, as printed by `visitplan plan --format json` or `replan`.")
    var plan: String

    @Argument(help: "The visit to find options for (e.g. V-1030).")
    var visit: String

    @Flag(name: .long, help: "Print the answer as JSON (the API's shape) instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seconds for the whole search (default 10); the best found by then is shown.", valueName: "seconds"))
    var timeLimit: Double?

    func validate() throws { try SolveLimits.validate(timeLimit: timeLimit) }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let current = try loadPlan(plan)
        let answer: VisitOptions
        do {
            answer = try VisitOptionsFinder(scenario: scenario, current: current, scenarioFile: self.scenario, planFile: plan)
                .options(for: visit, settings: VisitOptionsSettings(timeLimit: timeLimit ?? 10))
        } catch {
            printError("visitplan options: \(error)")
            if case .planner = error { throw ExitStatus.noPlan }
            throw ExitStatus.badInput
        }
        try emit(json ? encodeJSON(answer) : VisitOptionsText(answer).render(), to: nil)
    }
}

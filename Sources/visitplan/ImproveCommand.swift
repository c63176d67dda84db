import ArgumentParser
import Foundation
import VisitDomain
import VisitReplanner

/// `visitplan improve SCENARIO --plan CURRENT.json`: looks for a better week near the current
/// plan (a visit left out that now fits, a better host) and offers it as a proposal with its
/// changes and score; the current plan is never changed.
struct ImproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "improve",
        abstract: "Look for a better week near the current plan and propose it with its changes and score (the current plan stays as it is).",
        discussion: """
            Prints the summary ("1 more visit, 3 changes, score 1234 → 1290"), the changes and whom to tell. \
            --output writes the proposed plan JSON; --json prints it instead of the summary (which then goes to \
            standard error). When no better week is found, it says so, writes no plan and exits 0.
            """)

    @Argument(help: "Scenario file the current plan was made from (.yaml, .yml or .json).")
    var scenario: String

    @Option(name: .long, help: "The current plan (JSON, as printed by `visitplan plan --format json` or `replan`).")
    var plan: String

    @OptionGroup(title: "Solver limits")
    var limits: SolveLimits

    @Option(name: .shortAndLong, help: "Write the proposed plan JSON here.")
    var output: String?

    @Flag(name: .long, help: "Print the proposed plan JSON (FORMAT.md plan format, with changes and notify) instead of the summary.")
    var json = false

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let current = try loadPlan(plan)
        let outcome: ImprovementOutcome
        do {
            outcome = try Improver(scenario: scenario, current: current, planFile: plan)
                .improve(options: ImproveOptions(timeLimit: limits.seconds(default: 20), relativeGap: limits.gap))
        } catch {
            printError("visitplan: \(error)")
            throw error.issues.isEmpty ? ExitStatus.noPlan : ExitStatus.badInput
        }
        guard let proposal = outcome.proposal else {
            if json { printError(outcome.summary) } else { try emit(outcome.summary + "\n", to: nil) }
            return
        }
        if json {
            printError(outcome.summary)
            try emit(encodeJSON(proposal.plan), to: output)
        } else {
            if let output { try emit(encodeJSON(proposal.plan), to: output) }
            try emit(ImprovementText(outcome: outcome, proposal: proposal).render(), to: nil)
        }
    }
}

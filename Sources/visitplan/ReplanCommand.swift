import ArgumentParser
import Foundation
import VisitDomain
import VisitPlanner
import VisitReplanner

/// `visitplan replan SCENARIO --plan CURRENT.json --events EVENTS.yaml`: absorbs change events
/// with minimal disruption and says whom to tell.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan after change events (early/late arrival, cancelled item or visit, more guests, an item running over, a new visit, a resource out).")

    @Argument(help: "Scenario file the current plan was made from (.yaml, .yml or .json).")
    var scenario: String

    @Option(name: .long, help: "The current plan (JSON, as printed by `visitplan plan --format json`).")
    var plan: String

    @Option(name: .long, help: "Change events (YAML or JSON list, FORMAT.md \"Change events\").")
    var events: String

    @OptionGroup(title: "Solver limits")
    var limits: SolveLimits

    @Option(name: .long, help: "Output: text (a summary a host reads on a phone) or json (the new plan with changes and notify).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the new plan JSON here (the summary still goes to standard output with --format text).")
    var output: String?

    @Flag(name: .long, help: "Re-optimise the whole week at once instead of the visits the events affect first.")
    var wholeWeek = false

    @Option(name: .long, help: ArgumentHelp("Seconds for the host's answer: once the events' own neighbourhood has a plan, wider ones are tried only within this; 0 widens as far as needed within --time-limit (default 0.5).", valueName: "seconds"))
    var answerTime: Double = 0.5

    @Option(name: .long, help: "Write the scenario after the events (the one this replan planned) here, as YAML (.yaml, .yml) or JSON (.json): the next replan starts from it.")
    var scenarioOut: String?

    func validate() throws {
        guard answerTime.isFinite, (0...3600).contains(answerTime) else {
            throw ValidationError("--answer-time \(answerTime): expected seconds from 0 to 3600")
        }
        if let scenarioOut, DocumentFormat(extensionOf: scenarioOut) == nil {
            throw ValidationError("--scenario-out \(scenarioOut): expected a file ending in .yaml, .yml or .json")
        }
    }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let current = try loadPlan(plan)
        let events: [ChangeEvent]
        do {
            events = try EventsLoader.load(path: self.events, scenario: scenario)
        } catch {
            printError(String(describing: error))
            throw ExitStatus.badInput
        }
        let outcome: ReplanOutcome
        do {
            outcome = try Replanner(scenario: scenario, current: current, eventsFile: self.events)
                .replan(events, options: ReplanOptions(timeLimit: limits.seconds(default: 20), relativeGap: limits.gap, neighbourhoodFirst: !wholeWeek,
                                                      answerSeconds: answerTime > 0 ? answerTime : nil))
        } catch {
            printError("visitplan: \(error)")
            throw error.issues.isEmpty ? ExitStatus.noPlan : ExitStatus.badInput
        }
        switch format {
        case .json: try emit(encodeJSON(outcome.plan), to: output)
        case .text:
            if let output { try emit(encodeJSON(outcome.plan), to: output) }
            try emit(ReplanSummaryText(outcome: outcome, previous: current).render(), to: nil)
        }
        if let scenarioOut { try writeScenario(outcome.scenario, to: scenarioOut) }
    }

    /// Writes the changed scenario in the format its extension names (checked in `validate`).
    private func writeScenario(_ scenario: Scenario, to path: String) throws {
        guard let format = DocumentFormat(extensionOf: path) else { throw ValidationError("--scenario-out \(path): expected .yaml, .yml or .json") }
        do {
            try emit(try ScenarioDocument.text(scenario, format: format), to: path)
        } catch let error as ScenarioDocumentError {
            printError("visitplan: \(error)")
            throw ExitStatus.noPlan
        }
    }
}

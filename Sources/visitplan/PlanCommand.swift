import ArgumentParser
import Foundation
import VisitDomain
import VisitPlanner

/// `visitplan plan SCENARIO`: the weekly plan of a scenario.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a week of visits and print the calendar (text) or the plan JSON.")

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var scenario: String

    @OptionGroup(title: "Solver limits")
    var limits: SolveLimits

    @Option(name: .long, help: "Output format: text (a weekly calendar) or json (FORMAT.md plan).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the plan here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write the exact model to this file before solving (.lp: CPLEX LP, .mps: free MPS).")
    var exportModel: String?

    @Option(name: .long, help: "With --export-model: write the model of this day (YYYY-MM-DD) as the decomposition builds it.")
    var exportDay: String?

    @Option(name: .long, help: "automatic (one model under 45 visits, else by day), monolithic or decomposed.")
    var strategy: PlanningStrategy = .automatic

    @Option(name: .long, help: ArgumentHelp("Keep the search under this resident memory where it can: large weeks solve their neighbourhoods side by side only while it allows (64 to 1048576).", valueName: "MiB"))
    var memoryLimit: Int?

    @Flag(name: .long, help: "Print no progress on standard error.")
    var quiet = false

    func validate() throws {
        if let exportModel, !["lp", "mps"].contains((exportModel as NSString).pathExtension.lowercased()) {
            throw ValidationError("--export-model needs a file ending in .lp or .mps")
        }
        if let memoryLimit, !(64...1_048_576).contains(memoryLimit) {
            throw ValidationError("--memory-limit \(memoryLimit): expected MiB from 64 to 1048576")
        }
        if let exportDay {
            guard exportModel != nil else { throw ValidationError("--export-day needs --export-model FILE") }
            guard LocalDate(iso: exportDay) != nil else { throw ValidationError("--export-day \(exportDay): expected a date YYYY-MM-DD") }
        }
    }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let quiet = self.quiet
        var options = PlannerOptions(timeLimit: limits.seconds(default: 60), relativeGap: limits.gap, exportModelPath: exportModel, strategy: strategy)
        options.exportDay = exportDay.flatMap { LocalDate(iso: $0) }
        options.memoryLimitMiB = memoryLimit
        if !quiet {
            options.progress = { p in
                let best = p.bestScore.map { String(format: "%.2f", $0) } ?? "-"
                let bound = p.bound.map { String(format: "%.2f", $0) } ?? "-"
                printError(String(format: "  %6.1f s  best score %@  bound %@", p.seconds, best, bound))
            }
        }
        let outcome: PlanningOutcome
        do {
            outcome = try Planner(scenario: scenario).plan(options: options)
        } catch {
            printError("visitplan: \(error)")
            throw ExitStatus.noPlan
        }
        if !quiet { printError("visitplan: plan \(outcome.plan.status.rawValue), \(outcome.termination.explanation)") }
        switch format {
        case .json: try emit(encodeJSON(outcome.plan), to: output)
        case .text: try emit(WeeklyCalendarText(scenario: scenario, plan: outcome.plan).render(), to: output)
        }
    }
}

extension PlanningStrategy: ExpressibleByArgument {}

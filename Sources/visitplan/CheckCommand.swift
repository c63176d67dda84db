import ArgumentParser
import Foundation
import VisitDomain
import VisitReplanner

/// `visitplan check SCENARIO PLAN`: re-verifies a plan against the nine rules and its score.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plan JSON against the scenario: every hard rule, the totals and the score.")

    @OptionGroup var input: CheckedPlanArguments

    func run() throws {
        let (scenario, context) = try checkingContext(scenario: loadScenario(input.scenario), baseline: input.baseline, events: input.events)
        let plan = try loadPlan(input.plan)
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        if report.isValid {
            print("\(input.plan): valid; score \(report.score) (reported \(plan.score)), catering cost \(report.cateringCost)")
        } else {
            print("\(input.plan): \(report.violations.count) problem(s):")
            for violation in report.violations { print("  - \(violation)") }
            throw ExitStatus.planBreaksRules
        }
    }
}

/// The scenario and replan context a replanned plan is checked with: after the `events` that
/// turned `baseline` into it (both nil: the scenario as it is, no context). Exits 2 on bad input.
func checkingContext(scenario: Scenario, baseline: String?, events: String?) throws -> (Scenario, ReplanContext?) {
    guard let baseline else { return (scenario, nil) }
    let current = try loadPlan(baseline)
    do {
        // No events: an improvement proposal, measured against the plan it would replace.
        let changes = try events.map { try EventsLoader.load(path: $0, scenario: scenario) } ?? []
        let (changed, context) = try Replanner(scenario: scenario, current: current, eventsFile: events ?? baseline)
            .checkingContext(for: changes)
        return (changed, context)
    } catch let error as ScenarioError {
        printError(String(describing: error))
        throw ExitStatus.badInput
    } catch {
        printError("visitplan: \(error)")
        throw ExitStatus.badInput
    }
}

/// Loads a plan JSON or exits with code 2 naming the file and the field.
func loadPlan(_ path: String) throws -> Plan {
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count <= InputLimits.documentBytes else {
            printError("\(path): \(data.count) bytes; visitplan reads plans of at most \(InputLimits.documentBytes / 1024 / 1024) MiB")
            throw ExitStatus.badInput
        }
        let plan = try JSONDecoder().decode(Plan.self, from: data)
        try PlanValidation.validate(plan, file: path)
        return plan
    } catch let error as ScenarioError {
        printError(error.description)
        throw ExitStatus.badInput
    } catch let error as DecodingError {
        printError("\(path): \(describe(error))")
        throw ExitStatus.badInput
    } catch {
        printError("\(path): cannot read the plan: \(error.localizedDescription)")
        throw ExitStatus.badInput
    }
}

/// A decoding error as `path: problem`.
func describe(_ error: DecodingError) -> String {
    func path(_ keys: [CodingKey]) -> String {
        keys.reduce("") { acc, key in
            if let i = key.intValue { return acc + "[\(i)]" }
            return acc.isEmpty ? key.stringValue : acc + "." + key.stringValue
        }
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        let where_ = path(context.codingPath)
        return (where_.isEmpty ? "" : where_ + ": ") + context.debugDescription
    @unknown default: return String(describing: error)
    }
}

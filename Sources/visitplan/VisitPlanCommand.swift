import ArgumentParser
import Foundation
import VisitDomain
import VisitPlanner

/// `visitplan`: plans client visits, checks plans, and later replans and compares what-if variants.
@main
struct VisitPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitplan",
        abstract: "Plan how the company receives its client visits (rooms, tours, guides, staff, hosts, catering).",
        discussion: "Scenario, plan and event formats: see FORMAT.md. visitplan is free software under the GPL-3.0-or-later.",
        subcommands: [PlanCommand.self, CheckCommand.self, ReplanCommand.self, ImproveCommand.self, OptionsCommand.self, RequestCommand.self, WhatIfCommand.self,
                      RunSheetCommand.self, OrdersCommand.self, ChecklistCommand.self, ReportCommand.self, ServeCommand.self, StoreCommand.self]
    )
}

/// Output formats of plans.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How a command ended, by what happened (README "Exit codes"): 0 success; 1 a plan that breaks
/// the rules (`check`), no plan (a solve or replan that failed, a what-if variant that could not
/// be planned) or a server that stopped on an error; 2 bad input (a file or its content);
/// 64 a wrong option value (ArgumentParser's validation).
enum ExitStatus {
    static let planBreaksRules = ExitCode(1)
    static let noPlan = ExitCode(1)
    static let serverStopped = ExitCode(1)
    static let badInput = ExitCode(2)
}

/// Prints a message on standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Loads a scenario or exits with code 2 and every problem found.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        printError(String(describing: error))
        throw ExitStatus.badInput
    }
}

/// Writes `text` to `path`, or to standard output when `path` is nil.
func emit(_ text: String, to path: String?) throws {
    guard let path else { print(text, terminator: text.hasSuffix("\n") ? "" : "\n"); return }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        printError("cannot write \(path): \(error.localizedDescription)")
        throw ExitStatus.badInput
    }
}

func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
}

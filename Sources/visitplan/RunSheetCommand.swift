import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan runsheet SCENARIO PLAN [VISIT-ID ...]`: the reception day of each visit on one page.
struct RunSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runsheet",
        abstract: "Print the run sheet of visits in a plan: where the host meets the guests, each step and its owner, rooms, guides, meal orders, IT on call, the confidentiality boundary.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`). Without visit ids: every scheduled visit, one page each.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html }

    @OptionGroup var input: CheckedPlanArguments

    @Argument(help: "Visits to print (default: every scheduled visit, in time order).")
    var visits: [String] = []

    @Option(name: .long, help: "text, or html (one printable page per visit).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    func run() throws {
        let (scenario, plan) = try input.load(printing: "run sheet")
        let ids = try input.visits(visits, of: plan, in: scenario, command: "runsheet")
        let onCall = ITOnCall(scenario: scenario, plan: plan)
        let sheets = ids.compactMap { RunSheet(scenario: scenario, plan: plan, visit: $0, onCall: onCall) }
        switch format {
        case .text: try emit(sheets.map { RunSheetText($0).render() }.joined(separator: "\n\u{0C}\n"), to: output)
        case .html: try emit(RunSheetHTML(sheets, title: "Run sheets: \(scenario.name)").render(), to: output)
        }
    }
}

import ArgumentParser
import Foundation
import VisitDomain

/// `visitplan orders SCENARIO PLAN [--caterer ID]`: each caterer's order sheet.
struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Print each caterer's order sheet: every meal of the plan with its time, visit, service, diners and dietary counts.",
        discussion: "The plan is checked against every hard rule first (for a replanned plan, give --baseline and --events as for `check`).")

    @OptionGroup var input: CheckedPlanArguments

    @Option(name: .long, help: "Only this caterer's sheet.")
    var caterer: String?

    @Flag(name: .long, help: "Leave the prices out (a sheet to hand to the kitchen).")
    var noPrices = false

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    func run() throws {
        let (scenario, plan) = try input.load(printing: "order")
        if let caterer, scenario.caterer(caterer) == nil {
            printError("visitplan orders: there is no caterer \"\(caterer)\" in \(input.scenario)")
            throw ExitStatus.badInput
        }
        let sheets = CatererOrders.from(scenario: scenario, plan: plan, only: caterer)
        let text = sheets.isEmpty ? "No meals \(caterer.map { "for \($0) " } ?? "")in this plan.\n"
            : sheets.map { $0.text(withPrices: !noPrices) }.joined(separator: "\n")
        try emit(text, to: output)
    }
}

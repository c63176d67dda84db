import ArgumentParser
import Foundation
import VisitDomain
import VisitReplanner

/// `visitplan request`: visit requests from the people who make them, added to a scenario file.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Add visit requests to a scenario: one written as a file, or many from a CSV export.",
        subcommands: [RequestAddCommand.self, RequestImportCommand.self])
}

/// What `request add` and `request import` share: the scenario, the templates and the output.
struct RequestFiles: ParsableArguments {
    @Argument(help: "Scenario file (.yaml, .yml or .json) the requests join.")
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("Agenda templates the requests may name: {templates: [{name, description, agenda}]}.",
                                            valueName: "file"))
    var templates: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the scenario with the requests here (.yaml or .json); "
                                                                      + "without it nothing is written (a check).", valueName: "file"))
    var output: String?

    /// A reader over the scenario: requests without `requestedAt` came in at the scenario's `now`.
    func reader() throws -> VisitRequestReader {
        let scenario = try loadScenario(self.scenario)
        var found: [String: AgendaTemplate] = [:]
        if let templates {
            do { found = try AgendaTemplate.decodeFile(DocumentValue.load(path: templates), file: templates) } catch {
                printError(error.description)
                throw ExitStatus.badInput
            }
        }
        return VisitRequestReader(scenario: scenario, templates: found, receivedAt: scenario.now)
    }

    /// Writes the scenario to `output`, in its extension's format (YAML by default).
    func write(_ scenario: Scenario) throws {
        guard let output else { return }
        let format = DocumentFormat(extensionOf: output) ?? .yaml
        do { try emit(try ScenarioDocument.text(scenario, format: format), to: output) } catch let error as ScenarioDocumentError {
            printError("cannot write \(output): \(error)")
            throw ExitStatus.badInput
        }
    }
}

/// `visitplan request add SCENARIO REQUEST [--plan PLAN]`: checks one request, adds it, and shows
/// its lead time and, against a plan, its ranked options.
struct RequestAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one visit request (a visit as in a scenario; id, requestedAt optional; agendaTemplate instead of an agenda).",
        discussion: """
            Problems are listed with the request's field paths (exit 2), as a scenario's. The request gets the next free \
            R-n id when it names none, and the scenario's now as requestedAt. With --plan, its ranked options against \
            that plan are shown, as `visitplan options` shows them.
            """)

    @OptionGroup var files: RequestFiles

    @Argument(help: "The request file (.yaml, .yml or .json).")
    var request: String

    @Option(name: .long, help: ArgumentHelp("The current plan JSON: show the request's ranked options against it.", valueName: "file"))
    var plan: String?

    @Flag(name: .long, help: "Print the options as JSON (the API's shape) instead of text.")
    var json = false

    func run() throws {
        var reader = try files.reader()
        let visit: Visit
        do {
            visit = try reader.add(DocumentValue.load(path: request), file: request)
        } catch {
            printError(error.description)
            throw ExitStatus.badInput
        }
        try files.write(reader.scenario)
        let lead = LeadTimeAssessment(scenario: reader.scenario, visit: visit)
        printError("added \(visit.id)\(visit.client.name.map { " (\($0))" } ?? "") to \(files.scenario)"
                   + (files.output.map { ", written to \($0)" } ?? " (not written: no --output)") + "; lead time \(lead.summary)")
        guard let plan else { return }
        let current = try loadPlan(plan)
        do {
            let answer = try VisitOptionsFinder(scenario: reader.scenario, current: current, scenarioFile: files.scenario, planFile: plan)
                .options(for: visit.id)
            try emit(json ? encodeJSON(answer) : VisitOptionsText(answer).render(), to: nil)
        } catch {
            printError("visitplan request add: \(error)")
            throw ExitStatus.badInput
        }
    }
}

/// `visitplan request import FILE.csv SCENARIO`: requests from a CRM or spreadsheet export.
struct RequestImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the visit requests of a CSV file (columns: see the README); nothing is added when a row is bad, unless --skip-bad.",
        discussion: """
            One line per problem on standard error: FILE: row N, column C: problem (the header is row 1). Exit 2 when \
            any row is bad and --skip-bad is not given (nothing is written), or when the file itself is unusable.
            """)

    @Argument(help: "The CSV file (a header row, then one request per row).")
    var csv: String

    @OptionGroup var files: RequestFiles

    @Flag(name: .long, help: "Import the good rows and list the bad ones instead of importing nothing.")
    var skipBad = false

    func run() throws {
        var reader = try files.reader()
        let text: String
        do { text = try String(contentsOfFile: csv, encoding: .utf8) } catch {
            printError("\(csv): cannot read the file: \(error.localizedDescription)")
            throw ExitStatus.badInput
        }
        guard text.utf8.count <= InputLimits.documentBytes else {
            printError("\(csv): larger than \(InputLimits.documentBytes / 1024 / 1024) MiB")
            throw ExitStatus.badInput
        }
        let rows: [(row: Int, request: Result<DocumentValue, RequestCSV.RowError>)]
        do { rows = try RequestCSV.requests(in: text) } catch {
            printError(error.errors.map { "\(csv): \($0)" }.joined(separator: "\n"))
            throw ExitStatus.badInput
        }
        let (added, bad) = reader.add(rows: rows)
        if !bad.isEmpty { printError(bad.map { "\(csv): \($0)" }.joined(separator: "\n")) }
        guard bad.isEmpty || skipBad else {
            printError("\(bad.count) problem\(bad.count == 1 ? "" : "s"); nothing was imported (--skip-bad imports the good rows)")
            throw ExitStatus.badInput
        }
        guard !added.isEmpty else {
            printError("no row could be imported")
            throw ExitStatus.badInput
        }
        try files.write(reader.scenario)
        let skipped = Set(bad.map(\.row)).sorted()
        print("imported \(added.count) request\(added.count == 1 ? "" : "s") (\(added.joined(separator: ", ")))"
              + (skipped.isEmpty ? "" : "; skipped row\(skipped.count == 1 ? "" : "s") \(skipped.map(String.init).joined(separator: ", "))")
              + (files.output.map { "; written to \($0)" } ?? " (not written: no --output)"))
    }
}

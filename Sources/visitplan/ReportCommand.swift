import ArgumentParser
import Foundation
import VisitDomain
import VisitServer

/// `visitplan report --month 2026-12`: the reception KPIs of a month beside the month before, read
/// from a server's store; `--quarter` adds the quarterly review.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The reception KPIs of a month (or the review of its quarter), from a server's store.",
        discussion: """
            Visits received, standard and urgent lead times, replans and changes per visit, satisfaction and the share \\
            scoring 90 or more, 30-day conversion, follow-ups done on time, incidents and their points, catering and hotel \\
            spend against budget, room, guide and host utilisation; each against the month before. Follow-ups are judged \\
            at the moment the report is made. The store: --db, else VISITPLAN_DB, else visitplan.sqlite.
            """)

    /// How the report is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Option(name: .long, help: "The month, YYYY-MM.")
    var month: String

    @Flag(name: .long, help: "The review of the month's quarter instead: its months side by side and the cases to discuss.")
    var quarter = false

    @Option(name: .long, help: "The store: an SQLite file, sqlite:FILE or postgres://… (default: VISITPLAN_DB, else visitplan.sqlite).")
    var db: String?

    @Option(name: .long, help: "text, json or html (html: the monthly report only).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the report here instead of standard output.")
    var output: String?

    func validate() throws {
        guard ReportMonth(month) != nil else { throw ValidationError("--month: expected YYYY-MM (a month from 1970 to 2200), found \"\(month)\"") }
        guard !(quarter && format == .html) else { throw ValidationError("the quarterly review is text or json") }
        _ = try store()
    }

    func store() throws -> StoreLocation {
        let text = db ?? ProcessInfo.processInfo.environment["VISITPLAN_DB"] ?? "visitplan.sqlite"
        do { return try StoreLocation(parsing: text) } catch {
            throw ValidationError((db == nil ? "VISITPLAN_DB: " : "--db: ") + error.description)
        }
    }

    func run() async throws {
        let location = try store()
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            printError("visitplan report: there is no store \(path) (give --db)")
            throw ExitStatus.badInput
        }
        let month = ReportMonth(self.month)!
        do {
            if quarter {
                let review = try await KPIReports.quarterly(store: location, month: month)
                try emit(format == .json ? encodeJSON(review) : review.text(), to: output)
            } else {
                let report = try await KPIReports.monthly(store: location, month: month)
                switch format {
                case .text: try emit(MonthlyReportText.render(report), to: output)
                case .json: try emit(encodeJSON(report), to: output)
                case .html: try emit(MonthlyReportHTML.render(report), to: output)
                }
            }
        } catch {
            printError("visitplan report: \(error)")
            throw ExitCode.failure
        }
    }
}

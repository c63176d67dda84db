import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// `visitplan report`: the KPIs read from a store by the command line.
@Suite("visitplan report")
struct ReportCommandTests {
    @Test("the month's KPIs from an SQLite store as text, JSON and HTML, and the quarter's review")
    func report() async throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let server = try await TestServer.smallOffice(clock: VisitRecordAPITests.tuesdayAfternoon)
        guard case .sqlite(let path) = server.database else { Issue.record("an SQLite test store"); return }
        let host = try #require(TestTokens.host(try await server.services.store.plan(scenarioId: VisitRecordAPITests.scenario, version: nil)
            .decodedPlan().visit("V-2001")?.host))
        try await server.test { api in
            let reply = try await api.post(VisitRecordAPITests.path("V-2001", "records"), token: host,
                                           body: "{\"kind\": \"feedback\", \"satisfaction\": 88, \"intent\": \"exploring\"}")
            #expect(reply.status == .created)
        }
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try VisitplanTool.run(executable, ["report", "--month", "2026-12", "--db", "sqlite:\(path)"], folder: folder)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Reception KPIs for 2026-12 (against 2026-11)"))
        #expect(text.stdout.contains("Average satisfaction (0-100)") && text.stdout.contains("88.0"), "\(text.stdout)")
        let json = try VisitplanTool.run(executable, ["report", "--month", "2026-12", "--db", path, "--format", "json"], folder: folder)
        let report = try DocumentValue.parse(json.stdout, format: .json, file: "report")
        let scheduled = try await server.services.store.plan(scenarioId: VisitRecordAPITests.scenario, version: nil).decodedPlan()
            .visits.filter(\.scheduled).count
        #expect(report[path: "current.visitsReceived"]?.intValue == scheduled)
        let html = try VisitplanTool.run(executable, ["report", "--month", "2026-12", "--db", path, "--format", "html", "-o",
                                                      folder.appendingPathComponent("kpi.html").path], folder: folder)
        #expect(html.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("kpi.html"), encoding: .utf8).contains("<svg"))
        let review = try VisitplanTool.run(executable, ["report", "--month", "2026-12", "--quarter", "--db", path], folder: folder)
        #expect(review.status == 0 && review.stdout.contains("Quarterly review 2026-Q4"), "\(review.stdout)\(review.stderr)")
    }

    @Test("bad months and stores are refused with what is wrong", arguments: [
        (["--month", "2026-13", "--db", "x.sqlite"], 64, "--month: expected YYYY-MM"),
        (["--month", "Dec", "--db", "x.sqlite"], 64, "--month: expected YYYY-MM"),
        (["--month", "2026-12", "--db", "no-such.sqlite"], 2, "there is no store no-such.sqlite"),
        (["--month", "2026-12", "--db", "postgres://nobody/x"], 64, "--db:"),
        (["--month", "2026-12", "--quarter", "--format", "html", "--db", "x.sqlite"], 64, "the quarterly review is text or json"),
    ])
    func refusals(arguments: [String], status: Int32, message: String) throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try VisitplanTool.run(executable, ["report"] + arguments, folder: folder)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}

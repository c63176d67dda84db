import Foundation
import Testing
@testable import VisitServer

/// `visitplan store copy` as a command: SQLite to PostgreSQL and back, refusals and exit statuses.
@Suite("visitplan store copy")
struct StoreCopyCommandTests {
    @Test("copies an SQLite store to PostgreSQL and back, printing what it compared; refuses a store with data",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func roundTrip() async throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.sqlite").path
        let store = try await StoreOpening.open(.sqlite(path: source))
        try await StoreSuiteTests.fill(store)
        let original = try await store.snapshot()
        await store.shutdown()
        let database = try await TestPostgres.freshDatabase().description

        let there = try VisitplanTool.run(executable, ["store", "copy", "--from", "sqlite:\(source)", "--to", database], folder: folder)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("2 scenario, 3 scenarioVersion, 2 plan, 3 planRun, 1 changeEvent, 1 whatIfRun"), "\(there.stdout)")
        #expect(there.stdout.contains("every record read back equal"))
        let back = folder.appendingPathComponent("back.sqlite").path
        let again = try VisitplanTool.run(executable, ["store", "copy", "--from", database, "--to", back], folder: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let copied = try await StoreOpening.open(.sqlite(path: back))
        #expect(try await copied.snapshot() == original)
        await copied.shutdown()

        let refused = try VisitplanTool.run(executable, ["store", "copy", "--from", source, "--to", database], folder: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds data"), "\(refused.stderr)")
    }

    @Test("bad stores are refused before anything is opened", arguments: [
        (["--from", "postgres://nobody/x", "--to", "b.sqlite"], 64, "--from: bad database"),
        (["--from", "a.sqlite", "--to", "a.sqlite"], 64, "name the same store"),
        (["--from", "no-such.sqlite", "--to", "b.sqlite"], 2, "there is no SQLite database"),
    ])
    func refusals(arguments: [String], status: Int32, message: String) throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try VisitplanTool.run(executable, ["store", "copy"] + arguments.map { $0.hasSuffix(".sqlite") ? folder.appendingPathComponent($0).path : $0 },
                                        folder: folder)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.sqlite").path))
    }
}

import Foundation
import PostgresNIO
import Testing
import VisitDomain
@testable import VisitServer

/// What only the PostgreSQL store has: `--db` URLs, migrations under an advisory lock, runs
/// claimed again only when the instance holding them is gone.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("--db values: files and sqlite:FILE are SQLite, postgres:// URLs are taken apart")
    func locations() throws {
        #expect(try StoreLocation(parsing: "visitplan.sqlite") == .sqlite(path: "visitplan.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:data/v.sqlite") == .sqlite(path: "data/v.sqlite"))
        let url = try StoreLocation(parsing: "postgres://plan%40ner:s%3Acret@db.example:6543/visits?sslmode=require")
        #expect(url == .postgres(PostgresURL(user: "plan@ner", password: "s:cret", host: "db.example", port: 6543, database: "visits",
                                             tlsMode: .require)))
        #expect(url.description == "postgres://plan@ner@db.example:6543/visits?sslmode=require", "no password in messages")
        #expect(try StoreLocation(parsing: "postgresql://me@localhost/v") == .postgres(PostgresURL(user: "me", host: "localhost", database: "v")))
    }

    @Test("bad --db values are refused with the value (password hidden) and what is wrong", arguments: [
        ("postgres://localhost/visits", "names no user"),
        ("postgres://me@/visits", "names no host"),
        ("postgres://me@localhost", "names no database"),
        ("postgres://me@localhost/a/b", "names no database"),
        ("postgres://me:secret@localhost:99999/v", "port"),
        ("postgres://me:secret@localhost/v?sslmode=maybe", "sslmode must be"),
        ("postgres://me@localhost/v?timeout=3", "unknown option"),
        ("mysql://me@localhost/v", "is not a store"),
        ("sqlite:", "needs a file"),
    ])
    func badLocations(text: String, reason: String) {
        do {
            _ = try StoreLocation(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
            #expect(error.description.contains("bad database \""), "\(error)")
            #expect(!error.description.contains("secret"), "\(error)")
        }
    }

    @Test("a server that is not there fails at once, naming the URL without its password")
    func unreachable() async throws {
        let url = PostgresURL(user: "me", password: "secret", host: "127.0.0.1", port: 1, database: "v", tlsMode: .disable)
        do {
            _ = try await StoreOpening.open(.postgres(url), logger: TestPostgres.logger)
            Issue.record("opened a store on port 1")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("postgres://me@127.0.0.1:1/v") && text.contains("connecting"), "\(text)")
            #expect(!text.contains("secret"))
        }
    }

    @Test("instances starting together on a new database migrate it once", 
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func migrateOnce() async throws {
        let url = try await TestPostgres.freshDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<6 { group.addTask { try await PostgresStore.open(url, logger: TestPostgres.logger) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(stores.count == 6)
        let applied = try await TestPostgres.rows("SELECT version FROM visitplan_migration", on: url).map { try $0.decode(Int.self) }
        #expect(applied == PostgresSchema.migrations.map(\.version))
        for store in stores { await store.shutdown() }
    }

    @Test("a database migrated by a newer visitplan is refused", 
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func newerSchema() async throws {
        let url = try await TestPostgres.freshDatabase()
        await (try await PostgresStore.open(url, logger: TestPostgres.logger)).shutdown()
        try await TestPostgres.execute("INSERT INTO visitplan_migration VALUES (99, 'future', 'x')", on: url)
        do {
            let store = try await PostgresStore.open(url, logger: TestPostgres.logger)
            await store.shutdown()
            Issue.record("opened a database at schema version 99")
        } catch {
            #expect(String(describing: error).contains("schema version 99"), "\(error)")
        }
    }

    @Test("an instance starting leaves the runs of a live instance alone; a what-if run is a job: held by one live instance, claimed by another once it is gone, ended only by its new holder",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func whatIfJobs() async throws {
        let url = try await TestPostgres.freshDatabase()
        let one = try await PostgresStore.open(url, logger: TestPostgres.logger)
        _ = try await one.createScenario(id: StoreSuiteTests.office, upload: try StoreSuiteTests.upload(), origin: "seed", by: "visitplan")
        let run = try await one.startRun(scenarioId: StoreSuiteTests.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
        let started = try await one.startWhatIf(scenarioId: StoreSuiteTests.office, scenarioVersion: 1, request: "variants: []",
                                                format: "yaml", timeLimit: 7, relativeGap: 0.02, by: "analyst")
        let whatIf = try #require(started.id)
        let claimed = try #require(try await one.claimWhatIf(lease: .seconds(600)))
        #expect(claimed.id == whatIf && claimed.timeLimit == 7 && claimed.relativeGap == 0.02 && claimed.format == "yaml")
        #expect(try await one.claimRun(lease: .seconds(600))?.id == run.id)
        let two = try await PostgresStore.open(url, logger: TestPostgres.logger)
        try await two.releaseUnfinishedRuns()
        #expect(try await two.claimWhatIf(lease: .seconds(600)) == nil, "its holder is alive")
        #expect(try await two.claimRun(lease: .seconds(600)) == nil, "its holder is alive")
        #expect(try await one.renewWhatIfLease(id: whatIf, lease: .seconds(600)))
        #expect(try await two.renewWhatIfLease(id: whatIf, lease: .seconds(600)) == false, "not two's to renew")
        await #expect(throws: StoreError.leaseLost(whatIf)) {
            try await two.finishWhatIf(id: whatIf, result: "{}", message: nil)
        }
        let done = try await one.finishRun(id: try #require(run.id), plan: StoreSuiteTests.plan)
        #expect(done.state == "done")

        await one.shutdown()
        try await TestPostgres.waitUntilGone(one.instance, on: url)
        #expect(try await two.claimWhatIf(lease: .seconds(600))?.id == whatIf, "claimed again once its holder is gone")
        try await two.finishWhatIf(id: whatIf, result: "{\"x\": 1}", message: nil)
        let row = try await two.whatIf(id: whatIf)
        #expect(row.state == "done" && row.result == "{\"x\": 1}")
        await two.shutdown()
    }

    @Test("a plan run held by an instance that is gone is claimed at once, before its lease runs out",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func holderGone() async throws {
        let url = try await TestPostgres.freshDatabase()
        let one = try await PostgresStore.open(url, logger: TestPostgres.logger)
        _ = try await one.createScenario(id: StoreSuiteTests.office, upload: try StoreSuiteTests.upload(), origin: "seed", by: "visitplan")
        let run = try await one.startRun(scenarioId: StoreSuiteTests.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
        #expect(try await one.claimRun(lease: .seconds(600))?.id == run.id)
        let two = try await PostgresStore.open(url, logger: TestPostgres.logger)
        #expect(try await two.claimRun(lease: .seconds(600)) == nil, "its holder is alive")
        await one.shutdown()
        try await TestPostgres.waitUntilGone(one.instance, on: url)
        #expect(try await two.claimRun(lease: .seconds(600))?.id == run.id)
        await two.shutdown()
    }

    @Test("an instance hears what another commits (LISTEN/NOTIFY), and its workers wake for a run started elsewhere",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"), .timeLimit(.minutes(3)))
    func changesAcrossInstances() async throws {
        let url = try await TestPostgres.freshDatabase()
        let one = try await PostgresStore.open(url, logger: TestPostgres.logger)
        let two = try await PostgresStore.open(url, logger: TestPostgres.logger)
        let heard = StoreSuiteTests.Heard(two.changes())
        _ = try await one.createScenario(id: StoreSuiteTests.office, upload: try StoreSuiteTests.upload(), origin: "seed", by: "visitplan")
        let run = try await one.startRun(scenarioId: StoreSuiteTests.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
        _ = try await one.finishRun(id: try #require(run.id), plan: StoreSuiteTests.plan)
        let expected: [StoreChange] = [.runWaiting, .planCommitted(scenarioId: StoreSuiteTests.office, version: 1)]
        #expect(await heard.waitFor(expected) == expected)

        // Workers that would look only once an hour claim a run started by another instance at once.
        let workers = SolveWorkers(store: two, workers: 1, poll: .seconds(3600), logger: TestPostgres.logger)
        let runner = PlanRunner(store: two, threads: SolverThreads(limit: 1), logger: TestPostgres.logger, workers: workers)
        try await Task.sleep(for: .milliseconds(200))   // its first look has found nothing
        let next = try #require(try await one.startRun(scenarioId: StoreSuiteTests.office, scenarioVersion: 1, timeLimit: 5,
                                                       relativeGap: 0, by: "ann").id)
        await runner.waitUntilFinished(next)
        #expect(try await one.run(id: next).state == "done")
        await runner.stop()
        await one.shutdown()
        await two.shutdown()
    }
}

import Foundation
import Logging
import PostgresNIO
import Testing
@testable import VisitServer

/// The stores the shared store tests run against: SQLite always, PostgreSQL when the test cluster
/// is named by `VISITPLAN_TEST_POSTGRES` (`scripts/test` starts one). Without it the suite fails
/// (`PostgresAvailabilityTests`) unless `VISITPLAN_SKIP_POSTGRES=1` says to leave it out.
enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The backends to run against here.
    static let all: [StoreBackend] = TestPostgres.server == nil ? [.sqlite] : [.sqlite, .postgres]

    /// A new, empty store: a file in `folder`, or a new database on the test cluster.
    func freshStore(in folder: URL) async throws -> StoreLocation {
        switch self {
        case .sqlite: .sqlite(path: folder.appendingPathComponent("visitplan.sqlite").path)
        case .postgres: .postgres(try await TestPostgres.freshDatabase())
        }
    }

    /// Opens a new, empty store directly (no server), with a fixed clock when given.
    func openFresh(in folder: URL, clock: (@Sendable () -> Date)? = nil) async throws -> any PlanStore {
        try await StoreOpening.open(try await freshStore(in: folder), clock: clock ?? Date.init, logger: TestPostgres.logger)
    }
}

/// The PostgreSQL test cluster.
enum TestPostgres {
    static let environment = ProcessInfo.processInfo.environment
    /// The cluster (any database on it): `VISITPLAN_TEST_POSTGRES`.
    static let server: PostgresURL? = environment["VISITPLAN_TEST_POSTGRES"].flatMap { try? PostgresURL(parsing: $0) }
    /// `VISITPLAN_SKIP_POSTGRES=1`: a local quick run without PostgreSQL, on purpose.
    static let skipped = environment["VISITPLAN_SKIP_POSTGRES"] == "1"

    static let logger: Logger = {
        var logger = Logger(label: "visitplan-test-postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// A new empty database on the cluster, each test its own.
    static func freshDatabase() async throws -> PostgresURL {
        var url = try #require(server, "VISITPLAN_TEST_POSTGRES names no PostgreSQL server")
        url.database = "visitplan_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await execute("CREATE DATABASE \(url.database)", on: server!)
        return url
    }

    /// Runs plain SQL on one new connection (as a person with psql would).
    static func execute(_ sql: String, on url: PostgresURL) async throws {
        _ = try await rows(sql, on: url)
    }

    /// The rows of plain SQL, each as text columns.
    static func rows(_ sql: String, on url: PostgresURL) async throws -> [PostgresRow] {
        let configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                             database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Waits until no session of server instance `instance` is left (a stopped instance's
    /// sessions end a moment after it closes them).
    static func waitUntilGone(_ instance: String, on url: PostgresURL) async throws {
        for _ in 0..<100 {
            let sessions = try await rows("SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(instance)'", on: url)
            if try sessions.first?.decode(Int.self) == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the sessions of \(instance) did not end")
    }
}

/// Runs plain SQL against a store, whichever backend it is.
func executeRawSQL(_ sql: String, on store: any PlanStore) async throws {
    if let store = store as? SQLiteStore {
        try await store.pool.write { db in try db.execute(sql: sql) }
    } else if let store = store as? PostgresStore {
        try await TestPostgres.execute(sql, on: store.url)
    } else {
        Issue.record("no raw SQL for \(type(of: store))")
    }
}

/// Stops a server's solve workers and store as a stopped process would (for PostgreSQL, until its
/// sessions are gone).
func stopStore(of server: TestServer) async throws {
    let store = server.services.store
    await server.services.runner.stop()
    await store.shutdown()
    if let store = store as? PostgresStore { try await TestPostgres.waitUntilGone(store.instance, on: store.url) }
}

/// PostgreSQL is part of the suite: without a cluster to test against, the suite fails instead of
/// silently testing SQLite alone.
@Suite("PostgreSQL availability")
struct PostgresAvailabilityTests {
    @Test("VISITPLAN_TEST_POSTGRES names the test cluster (or VISITPLAN_SKIP_POSTGRES=1 leaves PostgreSQL out on purpose)")
    func configured() async throws {
        guard !TestPostgres.skipped else { return }
        guard let server = TestPostgres.server else {
            Issue.record("""
                VISITPLAN_TEST_POSTGRES is not set (or is not a postgres:// URL): the PostgreSQL store tests did not run. Run scripts/test (it starts a \
                throwaway cluster), or set VISITPLAN_SKIP_POSTGRES=1 for a quick local run without them.
                """)
            return
        }
        let version = try await TestPostgres.rows("SHOW server_version", on: server)
        #expect(try version.first?.decode(String.self).isEmpty == false)
    }
}

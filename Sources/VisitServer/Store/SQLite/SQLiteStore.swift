import Foundation
import GRDB
import VisitDomain

/// The store in one SQLite file in WAL mode (GRDB `DatabasePool`): the embedded default.
/// History is append-only (triggers, see `SQLiteSchema`).
///
/// Writes run in one transaction each, one at a time (SQLite has a single writer); a commit that
/// depends on the current plan checks it inside its transaction.
final class SQLiteStore: PlanStore {
    let pool: DatabasePool
    /// The database file.
    let path: String
    /// The wall clock for timestamps.
    let clock: @Sendable () -> Date
    let worker = "visitplan-" + UUID().uuidString.lowercased()
    /// Changes, published by this process's writes once committed (one process owns an SQLite store).
    let hub = StoreChangeHub()

    var location: String { "sqlite:\(path)" }

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "visitplan"
        if path != ":memory:" { PrivateFile.restrict(path) }   // its WAL and SHM files take its mode
        pool = try DatabasePool(path: path, configuration: configuration)
        // A pool runs synchronous = NORMAL; a confirmed plan must survive a power cut.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try SQLiteSchema.migrator.migrate(pool)
        self.path = path
        self.clock = clock
    }

    /// Now, as stored.
    func timestamp() -> String { StoreRules.timestamp(clock()) }

    /// Plan and what-if runs left running are claimed again at once: one process owns an SQLite
    /// store, so the leases of a stopped one are void.
    func releaseUnfinishedRuns() async throws {
        try await pool.write { db in
            for table in [SolveJobTable.planRun, .whatIfRun, .replanJob] {
                try db.execute(sql: "UPDATE \(table.rawValue) SET worker = NULL, leaseExpires = NULL WHERE state = 'running'")
            }
        }
    }

    func changes() -> AsyncStream<StoreChange> { hub.subscribe() }

    func shutdown() async { hub.finish() }
}

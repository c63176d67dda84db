import Foundation
import GRDB
import VisitDomain

/// The server's durable store: an SQLite database in WAL mode (GRDB `DatabasePool`) holding
/// scenarios and their versions, plans, the log of change events, plan runs and what-if runs.
/// History is append-only (see `StoreSchema`), so every version ever made stays readable.
///
/// Writes run in one transaction each; a commit that depends on the current plan checks it
/// inside its transaction (optimistic concurrency), so two writers can never both win.
final class VisitStore: Sendable {
    let pool: DatabasePool
    /// The database file.
    let path: String
    /// The wall clock for timestamps.
    let clock: @Sendable () -> Date

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "visitplan"
        if path != ":memory:" { PrivateFile.restrict(path) }   // its WAL and SHM files take its mode
        pool = try DatabasePool(path: path, configuration: configuration)
        // A pool runs synchronous = NORMAL; a confirmed plan must survive a power cut.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try StoreSchema.migrator.migrate(pool)
        self.path = path
        self.clock = clock
    }

    /// Now, as stored: UTC ISO 8601 to the second.
    func timestamp() -> String { clock().formatted(.iso8601) }

    /// Marks runs left `running` by a previous process (which stopped mid-solve) as interrupted.
    func interruptUnfinishedRuns() async throws {
        let now = timestamp()
        try await pool.write { db in
            for table in ["planRun", "whatIfRun"] {
                try db.execute(sql: """
                    UPDATE \(table) SET state = 'interrupted', finishedAt = ?,
                    message = 'the server stopped before this run ended' WHERE state = 'running'
                    """, arguments: [now])
            }
        }
    }
}

/// Why the store refused an operation.
enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case scenarioExists(String)
    case noScenario(String)
    case noScenarioVersion(String, version: Int, latest: Int)
    case noPlan(scenario: String, version: Int?)
    case noRun(Int64)
    /// The plan a change was aimed at is no longer current; `current` is the plan that is.
    case stalePlan(current: Int?, reason: String)

    var description: String {
        switch self {
        case .scenarioExists(let id): "a scenario \"\(id)\" already exists"
        case .noScenario(let id): "there is no scenario \"\(id)\""
        case .noScenarioVersion(let id, let version, let latest): "scenario \"\(id)\" has no version \(version); its versions are 1 to \(latest)"
        case .noPlan(let id, let version?): "scenario \"\(id)\" has no plan version \(version)"
        case .noPlan(let id, nil): "scenario \"\(id)\" has no plan yet"
        case .noRun(let id): "there is no run \(id)"
        case .stalePlan(_, let reason): reason
        }
    }
}

/// A checked scenario ready to be stored as a version, with the text it was uploaded as and its
/// canonical JSON, written and checked to load back to the same scenario before any transaction.
struct ScenarioUpload: Sendable {
    let scenario: Scenario
    /// The text as posted; nil for a scenario a replan produced.
    let original: String?
    let originalFormat: DocumentFormat?
    /// `ScenarioDocument.jsonText(scenario)`: what the store keeps as the version's source.
    let canonicalJSON: String

    init(scenario: Scenario, original: String?, originalFormat: DocumentFormat?) throws(ScenarioDocumentError) {
        self.scenario = scenario; self.original = original; self.originalFormat = originalFormat
        canonicalJSON = try ScenarioDocument.jsonText(scenario)
    }
}

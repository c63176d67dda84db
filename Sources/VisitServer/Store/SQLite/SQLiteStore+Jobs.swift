import Foundation
import GRDB

/// Solve jobs (plan runs and what-if runs) in SQLite: claimed by one worker at a time with a
/// lease on the real clock, renewed while solving, ended only by the worker holding them.
extension SQLiteStore {
    /// Claims the oldest free run of `table` (nobody holds it, or its lease ran out) for this
    /// store's worker; fails runs claimed `StoreRules.maxAttempts` times first. Its id, or nil.
    func claimJob(in table: SolveJobTable, lease: Duration, _ db: Database) throws -> Int64? {
        let now = Date().timeIntervalSince1970   // leases run on the real clock, whatever stamps the rows
        let free = "state = 'running' AND (leaseExpires IS NULL OR leaseExpires < \(now))"
        try db.execute(sql: "UPDATE \(table.rawValue) SET state = 'failed', finishedAt = ?, message = ? WHERE \(free) AND attempts >= ?",
                       arguments: [timestamp(), StoreRules.abandonedMessage, StoreRules.maxAttempts])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(table.rawValue) WHERE \(free) ORDER BY id LIMIT 1") else { return nil }
        try db.execute(sql: "UPDATE \(table.rawValue) SET worker = ?, leaseExpires = ?, attempts = attempts + 1 WHERE id = ?",
                       arguments: [worker, now + StoreRules.seconds(lease), id])
        return id
    }

    /// Extends this worker's lease on run `id` of `table`; false when it is no longer this worker's.
    func renewJobLease(in table: SolveJobTable, id: Int64, lease: Duration) async throws -> Bool {
        let until = Date().timeIntervalSince1970 + StoreRules.seconds(lease)
        return try await pool.write { db in
            try db.execute(sql: "UPDATE \(table.rawValue) SET leaseExpires = ? WHERE id = ? AND worker = ? AND state = 'running'",
                           arguments: [until, id, self.worker])
            return db.changesCount == 1
        }
    }

    /// A run may be ended by the worker holding it, or by anyone while nobody does.
    func checkLease(_ db: Database, in table: SolveJobTable, run id: Int64) throws {
        if let holder = try String.fetchOne(db, sql: "SELECT worker FROM \(table.rawValue) WHERE id = ?", arguments: [id]), holder != worker {
            throw StoreError.leaseLost(id)
        }
    }
}

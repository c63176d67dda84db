import Foundation
import GRDB

/// Reports of change events as solve jobs (`ReplanJobRow`).
extension SQLiteStore {
    func startReplan(_ job: ReplanJobRow, lease: Duration) async throws -> ReplanJobRow {
        let until = Date().timeIntervalSince1970 + StoreRules.seconds(lease)
        return try await pool.write { db in
            var row = job
            try row.insert(db)
            try db.execute(sql: "UPDATE replanJob SET worker = ?, leaseExpires = ?, attempts = 1 WHERE id = ?",
                           arguments: [self.worker, until, row.id])
            return row
        }
    }

    func claimReplan(lease: Duration) async throws -> ReplanJobRow? {
        try await pool.write { db in
            guard let id = try self.claimJob(in: .replanJob, lease: lease, db) else { return nil }
            return try ReplanJobRow.fetchOne(db, key: id)
        }
    }

    func renewReplanLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .replanJob, id: id, lease: lease)
    }

    func endReplan(id: Int64, state: String, message: String) async throws {
        let now = timestamp()
        try await pool.write { db in
            guard var job = try ReplanJobRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            try self.checkLease(db, in: .replanJob, run: id)
            job.state = state
            job.message = message
            job.finishedAt = now
            try job.update(db)
        }
    }

    func replanJob(id: Int64) async throws -> ReplanJobRow {
        try await pool.read { db in
            guard let job = try ReplanJobRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            return job
        }
    }

    func replanJobs(scenarioId: String) async throws -> [ReplanJobRow] {
        try await pool.read { db in
            try ReplanJobRow.filter(Column("scenarioId") == scenarioId).order(Column("id").desc).fetchAll(db)
        }
    }
}

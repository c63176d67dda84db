import GRDB

/// What-if runs: comparisons computed on copies, never touching the live plan; solve jobs like
/// plan runs (`SQLiteStore+Jobs`).
extension SQLiteStore {
    func startWhatIf(scenarioId: String, scenarioVersion: Int, request: String, format: String, timeLimit: Double,
                     relativeGap: Double, by author: String) async throws -> WhatIfRunRow {
        let now = timestamp()
        let run = try await pool.write { db in
            var run = WhatIfRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, request: request, format: format,
                                   timeLimit: timeLimit, relativeGap: relativeGap, state: "running", result: nil, message: nil,
                                   startedAt: now, finishedAt: nil, startedBy: author)
            try run.insert(db)
            return run
        }
        hub.publish(.runWaiting)
        return run
    }

    func claimWhatIf(lease: Duration) async throws -> WhatIfRunRow? {
        try await pool.write { db in
            guard let id = try self.claimJob(in: .whatIfRun, lease: lease, db) else { return nil }
            return try WhatIfRunRow.fetchOne(db, key: id)
        }
    }

    func renewWhatIfLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .whatIfRun, id: id, lease: lease)
    }

    func finishWhatIf(id: Int64, result: String?, message: String?) async throws {
        let now = timestamp()
        try await pool.write { db in
            guard var run = try WhatIfRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            try self.checkLease(db, in: .whatIfRun, run: id)
            run.state = result == nil ? "failed" : "done"
            run.result = result
            run.message = message
            run.finishedAt = now
            try run.update(db)
        }
    }

    func whatIf(id: Int64) async throws -> WhatIfRunRow {
        try await pool.read { db in
            guard let run = try WhatIfRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            return run
        }
    }

    func whatIfs(scenarioId: String) async throws -> [WhatIfRunRow] {
        try await pool.read { db in
            try WhatIfRunRow.filter(Column("scenarioId") == scenarioId).order(Column("id").desc).fetchAll(db)
        }
    }
}

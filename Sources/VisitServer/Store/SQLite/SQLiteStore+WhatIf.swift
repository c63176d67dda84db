import GRDB

/// What-if runs: comparisons computed on copies, never touching the live plan.
extension SQLiteStore {
    func startWhatIf(scenarioId: String, scenarioVersion: Int, request: String, by author: String) async throws -> WhatIfRunRow {
        let now = timestamp()
        return try await pool.write { db in
            var run = WhatIfRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, request: request,
                                   state: "running", result: nil, message: nil, startedAt: now, finishedAt: nil, startedBy: author)
            try run.insert(db)
            return run
        }
    }

    func finishWhatIf(id: Int64, result: String?, message: String?) async throws {
        let now = timestamp()
        try await pool.write { db in
            guard var run = try WhatIfRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
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

import PostgresNIO

/// What-if runs: comparisons computed on copies, never touching the live plan; solve jobs like
/// plan runs (`PostgresStore+Jobs`), claimed by any instance.
extension PostgresStore {
    func startWhatIf(scenarioId: String, scenarioVersion: Int, request: String, format: String, timeLimit: Double,
                     relativeGap: Double, by author: String) async throws -> WhatIfRunRow {
        var run = WhatIfRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, request: request, format: format,
                               timeLimit: timeLimit, relativeGap: relativeGap, state: "running", result: nil, message: nil,
                               startedAt: timestamp(), finishedAt: nil, startedBy: author)
        let row = run
        run.id = try await write { connection in
            let id = try await connection.insert(row, logger: logger)
            try await connection.notify(.runWaiting, logger: logger)
            return id
        }
        return run
    }

    func claimWhatIf(lease: Duration) async throws -> WhatIfRunRow? {
        try await write { connection in
            guard let id = try await claimJob(in: .whatIfRun, lease: lease, connection) else { return nil }
            return try await whatIf(connection, id: id, lock: false)
        }
    }

    func renewWhatIfLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .whatIfRun, id: id, lease: lease)
    }

    func finishWhatIf(id: Int64, result: String?, message: String?) async throws {
        let now = timestamp()
        try await write { connection in
            guard try await whatIf(connection, id: id, lock: true) != nil else { throw StoreError.noRun(id) }
            try await checkLease(connection, in: .whatIfRun, run: id)
            try await connection.query("""
                UPDATE whatIfRun SET state = \(result == nil ? "failed" : "done"), result = \(result), message = \(message),
                    finishedAt = \(now)
                WHERE id = \(id)
                """, logger: logger)
        }
    }

    func whatIf(id: Int64) async throws -> WhatIfRunRow {
        try await read { connection in
            guard let run = try await whatIf(connection, id: id, lock: false) else { throw StoreError.noRun(id) }
            return run
        }
    }

    func whatIfs(scenarioId: String) async throws -> [WhatIfRunRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: WhatIfRunRow.pgColumns) FROM whatIfRun WHERE scenarioId = \(scenarioId) ORDER BY id DESC
                """, logger: logger).map(WhatIfRunRow.init(pg:))
        }
    }

    private func whatIf(_ connection: PostgresConnection, id: Int64, lock: Bool) async throws -> WhatIfRunRow? {
        try await connection.first("""
            SELECT \(unescaped: WhatIfRunRow.pgColumns) FROM whatIfRun WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")
            """, logger: logger).map(WhatIfRunRow.init(pg:))
    }
}

import PostgresNIO

/// Reports of change events as solve jobs (`ReplanJobRow`).
extension PostgresStore {
    func startReplan(_ job: ReplanJobRow, lease: Duration) async throws -> ReplanJobRow {
        var row = job
        row.id = try await write { connection in
            try await connection.insert(job, instance: instance, lease: StoreRules.seconds(lease), logger: logger)
        }
        return row
    }

    func claimReplan(lease: Duration) async throws -> ReplanJobRow? {
        try await write { connection in
            guard let id = try await claimJob(in: .replanJob, lease: lease, connection) else { return nil }
            return try await replanJob(connection, id: id)
        }
    }

    func renewReplanLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .replanJob, id: id, lease: lease)
    }

    func endReplan(id: Int64, state: String, message: String) async throws {
        let now = timestamp()
        try await write { connection in
            guard try await connection.first("SELECT id FROM replanJob WHERE id = \(id) FOR UPDATE", logger: logger) != nil else {
                throw StoreError.noRun(id)
            }
            try await checkLease(connection, in: .replanJob, run: id)
            try await connection.query("""
                UPDATE replanJob SET state = \(state), message = \(message), finishedAt = \(now) WHERE id = \(id)
                """, logger: logger)
        }
    }

    func replanJob(id: Int64) async throws -> ReplanJobRow {
        try await read { connection in
            guard let job = try await replanJob(connection, id: id) else { throw StoreError.noRun(id) }
            return job
        }
    }

    func replanJobs(scenarioId: String) async throws -> [ReplanJobRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: ReplanJobRow.pgColumns) FROM replanJob WHERE scenarioId = \(scenarioId) ORDER BY id DESC
                """, logger: logger).map(ReplanJobRow.init(pg:))
        }
    }

    private func replanJob(_ connection: PostgresConnection, id: Int64) async throws -> ReplanJobRow? {
        try await connection.first("SELECT \(unescaped: ReplanJobRow.pgColumns) FROM replanJob WHERE id = \(id)", logger: logger)
            .map(ReplanJobRow.init(pg:))
    }
}

import PostgresNIO

/// Solve jobs (plan runs and what-if runs) in PostgreSQL: claimed with `FOR UPDATE SKIP LOCKED`
/// (two instances never claim the same run), leased on the database's clock, renewed while
/// solving, ended only by the worker holding them.
extension PostgresStore {
    /// Claims the oldest free run of `table` for this instance's worker: nobody holds it, its lease
    /// ran out, or its holder is no longer connected (each instance names its sessions). Fails
    /// runs claimed `StoreRules.maxAttempts` times first. Its id, or nil.
    func claimJob(in table: SolveJobTable, lease: Duration, _ connection: PostgresConnection) async throws -> Int64? {
        let seconds = StoreRules.seconds(lease)
        let name = table.rawValue
        let free = """
            state = 'running' AND (instance IS NULL OR leaseExpires IS NULL OR leaseExpires < now() OR instance NOT IN (
                SELECT application_name FROM pg_stat_activity WHERE application_name IS NOT NULL))
            """
        try await connection.query("""
            UPDATE \(unescaped: name) SET state = 'failed', finishedAt = \(timestamp()), message = \(StoreRules.abandonedMessage)
            WHERE id IN (SELECT id FROM \(unescaped: name) WHERE \(unescaped: free) AND attempts >= \(StoreRules.maxAttempts)
                         FOR UPDATE SKIP LOCKED)
            """, logger: logger)
        return try await connection.first("""
            UPDATE \(unescaped: name) SET instance = \(instance), leaseExpires = now() + make_interval(secs => \(seconds)),
                attempts = attempts + 1
            WHERE id = (SELECT id FROM \(unescaped: name) WHERE \(unescaped: free) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, logger: logger)?.decode(Int64.self)
    }

    /// Extends this instance's lease on run `id` of `table`; false when it is no longer this instance's.
    func renewJobLease(in table: SolveJobTable, id: Int64, lease: Duration) async throws -> Bool {
        let seconds = StoreRules.seconds(lease)
        return try await write { connection in
            try await connection.first("""
                UPDATE \(unescaped: table.rawValue) SET leaseExpires = now() + make_interval(secs => \(seconds))
                WHERE id = \(id) AND instance = \(instance) AND state = 'running' RETURNING id
                """, logger: logger) != nil
        }
    }

    /// A run may be ended by the worker holding it, or by anyone while nobody does.
    func checkLease(_ connection: PostgresConnection, in table: SolveJobTable, run id: Int64) async throws {
        let holder = try await connection.first("SELECT instance FROM \(unescaped: table.rawValue) WHERE id = \(id)", logger: logger)?
            .decode(String?.self)
        if let holder, holder != instance { throw StoreError.leaseLost(id) }
    }
}

import PostgresNIO
import VisitDomain

/// Plans and the background runs that make them.
extension PostgresStore {
    func startRun(scenarioId: String, scenarioVersion: Int, timeLimit: Double, relativeGap: Double,
                  by author: String) async throws -> PlanRunRow {
        var run = PlanRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, state: "running",
                             timeLimit: timeLimit, relativeGap: relativeGap, planVersion: nil, message: nil,
                             startedAt: timestamp(), finishedAt: nil, startedBy: author)
        let row = run
        run.id = try await write { connection in
            let id = try await connection.insert(row, instance: nil, logger: logger)
            try await connection.notify(.runWaiting, logger: logger)
            return id
        }
        return run
    }

    func finishRun(id: Int64, plan: Plan, note: String?) async throws -> PlanRunRow {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        return try await write { connection in
            guard let first = try await run(connection, id: id, lock: false) else { throw StoreError.noRun(id) }
            _ = try await connection.lockScenario(first.scenarioId, logger: logger)
            guard var run = try await run(connection, id: id, lock: true) else { throw StoreError.noRun(id) }
            try await checkLease(connection, in: .planRun, run: id)
            let latest = try await latestVersion(connection, scenarioId: run.scenarioId)?.version
            run.finishedAt = now
            guard latest == run.scenarioVersion else {
                run.state = "superseded"
                run.message = StoreRules.supersededMessage(latest: latest, planned: run.scenarioVersion)
                try await update(connection, run)
                return run
            }
            let current = try await currentPlanVersion(connection, scenarioId: run.scenarioId)
            let row = PlanRow(scenarioId: run.scenarioId, version: (current ?? 0) + 1, scenarioVersion: run.scenarioVersion,
                              status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                              planJSON: json, origin: "solve", basePlanVersion: nil, createdAt: now, createdBy: run.startedBy)
            try await connection.insert(row, logger: logger)
            try await connection.notify(.planCommitted(scenarioId: row.scenarioId, version: row.version), logger: logger)
            run.state = "done"
            run.planVersion = row.version
            run.message = note
            try await update(connection, run)
            return run
        }
    }

    func failRun(id: Int64, message: String) async throws {
        let now = timestamp()
        try await write { connection in
            guard var run = try await run(connection, id: id, lock: true) else { throw StoreError.noRun(id) }
            try await checkLease(connection, in: .planRun, run: id)
            run.state = "failed"
            run.message = message
            run.finishedAt = now
            try await update(connection, run)
        }
    }

    func run(id: Int64) async throws -> PlanRunRow {
        try await read { connection in
            guard let run = try await run(connection, id: id, lock: false) else { throw StoreError.noRun(id) }
            return run
        }
    }

    func runs(scenarioId: String) async throws -> [PlanRunRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: PlanRunRow.pgColumns) FROM planRun WHERE scenarioId = \(scenarioId) ORDER BY id DESC
                """, logger: logger).map(PlanRunRow.init(pg:))
        }
    }

    func plans(scenarioId: String) async throws -> [PlanRow] {
        try await plans(scenarioId: scenarioId, after: Int.min)
    }

    func plans(scenarioId: String, after version: Int) async throws -> [PlanRow] {
        try await read { connection in
            try await plans(connection, scenarioId: scenarioId, after: version)
        }
    }

    func plan(scenarioId: String, version: Int?) async throws -> PlanRow {
        try await read { connection in
            guard try await scenarioExists(connection, id: scenarioId) else { throw StoreError.noScenario(scenarioId) }
            let row = if let version {
                try await connection.first("""
                    SELECT \(unescaped: PlanRow.pgColumns) FROM plan WHERE scenarioId = \(scenarioId) AND version = \(version)
                    """, logger: logger)
            } else {
                try await currentPlan(connection, scenarioId: scenarioId)
            }
            guard let row else { throw StoreError.noPlan(scenario: scenarioId, version: version) }
            return try PlanRow(pg: row)
        }
    }

    func plans(_ connection: PostgresConnection, scenarioId: String, after version: Int = Int.min) async throws -> [PlanRow] {
        try await connection.rows("""
            SELECT \(unescaped: PlanRow.pgColumns) FROM plan WHERE scenarioId = \(scenarioId) AND version > \(version) ORDER BY version
            """, logger: logger).map(PlanRow.init(pg:))
    }

    /// The latest plan version's row.
    func currentPlan(_ connection: PostgresConnection, scenarioId: String) async throws -> PostgresRow? {
        try await connection.first("""
            SELECT \(unescaped: PlanRow.pgColumns) FROM plan WHERE scenarioId = \(scenarioId) ORDER BY version DESC LIMIT 1
            """, logger: logger)
    }

    private func run(_ connection: PostgresConnection, id: Int64, lock: Bool) async throws -> PlanRunRow? {
        try await connection.first("""
            SELECT \(unescaped: PlanRunRow.pgColumns) FROM planRun WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")
            """, logger: logger).map(PlanRunRow.init(pg:))
    }

    private func update(_ connection: PostgresConnection, _ run: PlanRunRow) async throws {
        try await connection.query("""
            UPDATE planRun SET state = \(run.state), planVersion = \(run.planVersion), message = \(run.message),
                finishedAt = \(run.finishedAt)
            WHERE id = \(run.id)
            """, logger: logger)
    }

    // MARK: Solve jobs

    func claimRun(lease: Duration) async throws -> PlanRunRow? {
        try await write { connection in
            guard let id = try await claimJob(in: .planRun, lease: lease, connection) else { return nil }
            return try await run(connection, id: id, lock: false)
        }
    }

    func renewLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .planRun, id: id, lease: lease)
    }
}

import PostgresNIO
import VisitDomain

/// The change-event log and the replans it produces. A commit locks the scenario's row first, so
/// of two instances committing against the same plan version the second waits, then finds the
/// plan replaced and gets `stalePlan`; the plan's primary key refuses a second version with the
/// same number should anything get past the lock.
extension PostgresStore {
    func replanBase(scenarioId: String, version: Int) async throws -> ReplanBase {
        try await read { connection in try await checkedBase(connection, scenarioId: scenarioId, version: version) }
    }

    func commitReplan(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                      events: [LoggedEvent], by author: String, job: Int64?) async throws -> ReplanCommit {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        do {
            return try await write { connection in
                guard try await connection.lockScenario(scenarioId, logger: logger) else { throw StoreError.noScenario(scenarioId) }
                _ = try await checkedBase(connection, scenarioId: scenarioId, version: baseVersion)
                if let job {
                    guard try await connection.first("""
                        UPDATE replanJob SET state = 'done', producedPlanVersion = \(baseVersion + 1), finishedAt = \(now)
                        WHERE id = \(job) AND instance = \(instance) AND state = 'running' RETURNING id
                        """, logger: logger) != nil else { throw StoreError.leaseLost(job) }
                }
                let scenarioRow = try await insertVersion(connection, scenarioId: scenarioId, upload: scenario, origin: "replan",
                                                          at: now, by: author)
                let planRow = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: scenarioRow.version,
                                      status: plan.status.rawValue, score: plan.score, bound: plan.bound,
                                      solveSeconds: plan.solveSeconds, planJSON: json, origin: "replan",
                                      basePlanVersion: baseVersion, createdAt: now, createdBy: author)
                try await connection.insert(planRow, logger: logger)
                try await connection.notify(.planCommitted(scenarioId: scenarioId, version: planRow.version), logger: logger)
                var rows: [ChangeEventRow] = []
                for (position, event) in events.enumerated() {
                    var row = ChangeEventRow(id: nil, scenarioId: scenarioId, basePlanVersion: baseVersion,
                                             producedPlanVersion: planRow.version, position: position, type: event.type,
                                             visitId: event.visitId, at: event.at, body: event.body, reportedBy: author,
                                             reportedAt: now)
                    row.id = try await connection.insert(row, logger: logger)
                    rows.append(row)
                }
                return ReplanCommit(plan: planRow, scenario: scenarioRow, events: rows)
            }
        } catch let error as PostgresStoreError where error.sqlState == "23505" {
            // A unique key refused the new version: another commit won; report it as the lock would have.
            let current = try await read { connection in try await currentPlanVersion(connection, scenarioId: scenarioId) }
            throw StoreError.replaced(baseVersion, by: current ?? baseVersion + 1)
        }
    }

    func commitPlanChange(scenarioId: String, baseVersion: Int, plan: Plan, origin: String, by author: String) async throws -> PlanRow {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        do {
            return try await write { connection in
                guard try await connection.lockScenario(scenarioId, logger: logger) else { throw StoreError.noScenario(scenarioId) }
                let base = try await checkedBase(connection, scenarioId: scenarioId, version: baseVersion)
                let row = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: base.plan.scenarioVersion,
                                  status: plan.status.rawValue, score: plan.score, bound: plan.bound,
                                  solveSeconds: plan.solveSeconds, planJSON: json, origin: origin,
                                  basePlanVersion: baseVersion, createdAt: now, createdBy: author)
                try await connection.insert(row, logger: logger)
                try await connection.notify(.planCommitted(scenarioId: scenarioId, version: row.version), logger: logger)
                return row
            }
        } catch let error as PostgresStoreError where error.sqlState == "23505" {
            // A unique key refused the new version: another commit won; report it as the lock would have.
            let current = try await read { connection in try await currentPlanVersion(connection, scenarioId: scenarioId) }
            throw StoreError.replaced(baseVersion, by: current ?? baseVersion + 1)
        }
    }

    func events(scenarioId: String) async throws -> [ChangeEventRow] {
        try await read { connection in try await events(connection, scenarioId: scenarioId) }
    }

    func events(_ connection: PostgresConnection, scenarioId: String) async throws -> [ChangeEventRow] {
        try await connection.rows("""
            SELECT \(unescaped: ChangeEventRow.pgColumns) FROM changeEvent WHERE scenarioId = \(scenarioId) ORDER BY id
            """, logger: logger).map(ChangeEventRow.init(pg:))
    }

    func checkedBase(_ connection: PostgresConnection, scenarioId: String, version: Int) async throws -> ReplanBase {
        guard try await scenarioExists(connection, id: scenarioId) else { throw StoreError.noScenario(scenarioId) }
        guard let current = try await currentPlan(connection, scenarioId: scenarioId).map(PlanRow.init(pg:)) else {
            throw StoreError.noPlan(scenario: scenarioId, version: nil)
        }
        guard current.version == version else {
            guard try await connection.first("SELECT 1 FROM plan WHERE scenarioId = \(scenarioId) AND version = \(version)",
                                             logger: logger) != nil else {
                throw StoreError.noPlan(scenario: scenarioId, version: version)
            }
            throw StoreError.replaced(version, by: current.version)
        }
        guard let latest = try await latestVersion(connection, scenarioId: scenarioId) else { throw StoreError.noScenario(scenarioId) }
        guard latest.version == current.scenarioVersion else {
            throw StoreError.scenarioChanged(latest: latest.version, current: current.version, planned: current.scenarioVersion)
        }
        guard let scenario = try await scenarioVersion(connection, scenarioId: scenarioId, version: current.scenarioVersion) else {
            throw StoreError.noScenario(scenarioId)
        }
        return ReplanBase(plan: current, scenario: scenario)
    }
}

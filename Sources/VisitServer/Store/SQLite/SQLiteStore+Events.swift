import GRDB
import VisitDomain

/// The change-event log and the replans it produces.
extension SQLiteStore {
    func replanBase(scenarioId: String, version: Int) async throws -> ReplanBase {
        try await pool.read { db in try Self.checkedBase(db, scenarioId: scenarioId, version: version) }
    }

    func commitReplan(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                      events: [LoggedEvent], by author: String, job: Int64?) async throws -> ReplanCommit {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        let commit = try await pool.write { db in
            _ = try Self.checkedBase(db, scenarioId: scenarioId, version: baseVersion)
            if let job {
                try db.execute(sql: """
                    UPDATE replanJob SET state = 'done', producedPlanVersion = ?, finishedAt = ?
                    WHERE id = ? AND worker = ? AND state = 'running'
                    """, arguments: [baseVersion + 1, now, job, self.worker])
                guard db.changesCount == 1 else { throw StoreError.leaseLost(job) }
            }
            let scenarioRow = try Self.insertVersion(db, scenarioId: scenarioId, upload: scenario, origin: "replan", at: now, by: author)
            let planRow = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: scenarioRow.version,
                                  status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                                  planJSON: json, origin: "replan", basePlanVersion: baseVersion, createdAt: now, createdBy: author)
            try planRow.insert(db)
            var rows: [ChangeEventRow] = []
            for (position, event) in events.enumerated() {
                var row = ChangeEventRow(id: nil, scenarioId: scenarioId, basePlanVersion: baseVersion,
                                         producedPlanVersion: planRow.version, position: position, type: event.type,
                                         visitId: event.visitId, at: event.at, body: event.body, reportedBy: author, reportedAt: now)
                try row.insert(db)
                rows.append(row)
            }
            return ReplanCommit(plan: planRow, scenario: scenarioRow, events: rows)
        }
        hub.publish(.planCommitted(scenarioId: scenarioId, version: commit.plan.version))
        return commit
    }

    func commitPlanChange(scenarioId: String, baseVersion: Int, plan: Plan, origin: String, by author: String) async throws -> PlanRow {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        let row = try await pool.write { db in
            let base = try Self.checkedBase(db, scenarioId: scenarioId, version: baseVersion)
            let row = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: base.plan.scenarioVersion,
                              status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                              planJSON: json, origin: origin, basePlanVersion: baseVersion, createdAt: now, createdBy: author)
            try row.insert(db)
            return row
        }
        hub.publish(.planCommitted(scenarioId: scenarioId, version: row.version))
        return row
    }

    func events(scenarioId: String) async throws -> [ChangeEventRow] {
        try await pool.read { db in
            try ChangeEventRow.filter(Column("scenarioId") == scenarioId).order(Column("id")).fetchAll(db)
        }
    }

    static func checkedBase(_ db: Database, scenarioId: String, version: Int) throws -> ReplanBase {
        guard try ScenarioRow.fetchOne(db, key: scenarioId) != nil else { throw StoreError.noScenario(scenarioId) }
        guard let current = try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version").desc).fetchOne(db) else {
            throw StoreError.noPlan(scenario: scenarioId, version: nil)
        }
        guard current.version == version else {
            guard try PlanRow.fetchOne(db, key: ["scenarioId": scenarioId, "version": version]) != nil else {
                throw StoreError.noPlan(scenario: scenarioId, version: version)
            }
            throw StoreError.replaced(version, by: current.version)
        }
        guard let latest = try latestVersion(db, scenarioId: scenarioId) else { throw StoreError.noScenario(scenarioId) }
        guard latest.version == current.scenarioVersion else {
            throw StoreError.scenarioChanged(latest: latest.version, current: current.version, planned: current.scenarioVersion)
        }
        guard let scenario = try ScenarioVersionRow.fetchOne(db, key: ["scenarioId": scenarioId, "version": current.scenarioVersion]) else {
            throw StoreError.noScenario(scenarioId)
        }
        return ReplanBase(plan: current, scenario: scenario)
    }
}

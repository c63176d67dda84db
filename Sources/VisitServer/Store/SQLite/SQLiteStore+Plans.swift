import Foundation
import GRDB
import VisitDomain

/// Plans and the background runs that make them.
extension SQLiteStore {
    func startRun(scenarioId: String, scenarioVersion: Int, timeLimit: Double, relativeGap: Double,
                  by author: String) async throws -> PlanRunRow {
        let now = timestamp()
        let run = try await pool.write { db in
            var run = PlanRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, state: "running",
                                 timeLimit: timeLimit, relativeGap: relativeGap, planVersion: nil, message: nil,
                                 startedAt: now, finishedAt: nil, startedBy: author)
            try run.insert(db)
            return run
        }
        hub.publish(.runWaiting)
        return run
    }

    func finishRun(id: Int64, plan: Plan, note: String?) async throws -> PlanRunRow {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        let finished = try await pool.write { db in
            guard var run = try PlanRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            try self.checkLease(db, in: .planRun, run: id)
            let latest = try Self.latestVersion(db, scenarioId: run.scenarioId)?.version
            run.finishedAt = now
            guard latest == run.scenarioVersion else {
                run.state = "superseded"
                run.message = StoreRules.supersededMessage(latest: latest, planned: run.scenarioVersion)
                try run.update(db)
                return run
            }
            let current = try Self.currentPlanVersion(db, scenarioId: run.scenarioId)
            let row = PlanRow(scenarioId: run.scenarioId, version: (current ?? 0) + 1, scenarioVersion: run.scenarioVersion,
                              status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                              planJSON: json, origin: "solve", basePlanVersion: nil, createdAt: now, createdBy: run.startedBy)
            try row.insert(db)
            run.state = "done"
            run.planVersion = row.version
            run.message = note
            try run.update(db)
            return run
        }
        if let version = finished.planVersion { hub.publish(.planCommitted(scenarioId: finished.scenarioId, version: version)) }
        return finished
    }

    func failRun(id: Int64, message: String) async throws {
        let now = timestamp()
        try await pool.write { db in
            guard var run = try PlanRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            try self.checkLease(db, in: .planRun, run: id)
            run.state = "failed"
            run.message = message
            run.finishedAt = now
            try run.update(db)
        }
    }

    func run(id: Int64) async throws -> PlanRunRow {
        try await pool.read { db in
            guard let run = try PlanRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            return run
        }
    }

    func runs(scenarioId: String) async throws -> [PlanRunRow] {
        try await pool.read { db in
            try PlanRunRow.filter(Column("scenarioId") == scenarioId).order(Column("id").desc).fetchAll(db)
        }
    }

    func plans(scenarioId: String) async throws -> [PlanRow] {
        try await pool.read { db in
            try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version")).fetchAll(db)
        }
    }

    func plans(scenarioId: String, after version: Int) async throws -> [PlanRow] {
        try await pool.read { db in
            try PlanRow.filter(Column("scenarioId") == scenarioId && Column("version") > version).order(Column("version")).fetchAll(db)
        }
    }

    func plan(scenarioId: String, version: Int?) async throws -> PlanRow {
        try await pool.read { db in
            guard try ScenarioRow.fetchOne(db, key: scenarioId) != nil else { throw StoreError.noScenario(scenarioId) }
            let row = if let version {
                try PlanRow.fetchOne(db, key: ["scenarioId": scenarioId, "version": version])
            } else {
                try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version").desc).fetchOne(db)
            }
            guard let row else { throw StoreError.noPlan(scenario: scenarioId, version: version) }
            return row
        }
    }


    // MARK: Solve jobs

    func claimRun(lease: Duration) async throws -> PlanRunRow? {
        try await pool.write { db in
            guard let id = try self.claimJob(in: .planRun, lease: lease, db) else { return nil }
            return try PlanRunRow.fetchOne(db, key: id)
        }
    }

    func renewLease(id: Int64, lease: Duration) async throws -> Bool {
        try await renewJobLease(in: .planRun, id: id, lease: lease)
    }
}

import Foundation
import GRDB
import VisitDomain

/// Plans and the background runs that make them.
extension VisitStore {
    /// Records a solve that has started on a scenario version.
    func startRun(scenarioId: String, scenarioVersion: Int, timeLimit: Double, relativeGap: Double,
                  by author: String) async throws -> PlanRunRow {
        let now = timestamp()
        return try await pool.write { db in
            var run = PlanRunRow(id: nil, scenarioId: scenarioId, scenarioVersion: scenarioVersion, state: "running",
                                 timeLimit: timeLimit, relativeGap: relativeGap, planVersion: nil, message: nil,
                                 startedAt: now, finishedAt: nil, startedBy: author)
            try run.insert(db)
            return run
        }
    }

    /// Commits the plan a run produced as the next plan version, unless the scenario got a newer
    /// version meanwhile (then the run ends `superseded` and nothing else is stored).
    /// `note`: why the solve stopped, kept as the run's message ("feasible: stopped at the time limit").
    func finishRun(id: Int64, plan: Plan, note: String? = nil) async throws -> PlanRunRow {
        let now = timestamp()
        let json = try Self.encode(plan)
        return try await pool.write { db in
            guard var run = try PlanRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
            let latest = try Self.latestVersion(db, scenarioId: run.scenarioId)?.version
            run.finishedAt = now
            guard latest == run.scenarioVersion else {
                run.state = "superseded"
                run.message = "scenario version \(latest ?? 0) was stored while version \(run.scenarioVersion) was being planned; plan it again"
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
    }

    /// Ends a run that could not produce a plan.
    func failRun(id: Int64, message: String) async throws {
        let now = timestamp()
        try await pool.write { db in
            guard var run = try PlanRunRow.fetchOne(db, key: id) else { throw StoreError.noRun(id) }
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

    /// The runs of a scenario, newest first.
    func runs(scenarioId: String) async throws -> [PlanRunRow] {
        try await pool.read { db in
            try PlanRunRow.filter(Column("scenarioId") == scenarioId).order(Column("id").desc).fetchAll(db)
        }
    }

    /// Every plan version of a scenario, oldest first.
    func plans(scenarioId: String) async throws -> [PlanRow] {
        try await pool.read { db in
            try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version")).fetchAll(db)
        }
    }

    /// A scenario's plan versions after `version`, oldest first.
    func plans(scenarioId: String, after version: Int) async throws -> [PlanRow] {
        try await pool.read { db in
            try PlanRow.filter(Column("scenarioId") == scenarioId && Column("version") > version).order(Column("version")).fetchAll(db)
        }
    }

    /// Plan `version` of a scenario, or its current (latest) plan when `version` is nil.
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

    static func encode(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }
}

extension PlanRow {
    /// The stored plan JSON, decoded.
    func decodedPlan() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(planJSON.utf8))
    }
}

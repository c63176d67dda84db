import GRDB
import VisitDomain

/// Visit requests and agenda templates.
extension SQLiteStore {
    func commitScenarioChange(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan, origin: String,
                              by author: String, requests: [VisitRequestRow]) async throws -> RequestCommit {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        let commit = try await pool.write { db in
            _ = try Self.checkedBase(db, scenarioId: scenarioId, version: baseVersion)
            let scenarioRow = try Self.insertVersion(db, scenarioId: scenarioId, upload: scenario, origin: origin, at: now, by: author)
            let planRow = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: scenarioRow.version,
                                  status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                                  planJSON: json, origin: origin, basePlanVersion: baseVersion, createdAt: now, createdBy: author)
            try planRow.insert(db)
            var rows: [VisitRequestRow] = []
            for request in requests {
                var row = request
                row.scenarioVersion = scenarioRow.version
                row.planVersion = planRow.version
                row.submittedAt = now
                try row.insert(db)
                rows.append(row)
            }
            return RequestCommit(scenario: scenarioRow, plan: planRow, requests: rows)
        }
        hub.publish(.planCommitted(scenarioId: scenarioId, version: commit.plan.version))
        return commit
    }

    func requests(scenarioId: String) async throws -> [VisitRequestRow] {
        try await pool.read { db in
            try VisitRequestRow.filter(Column("scenarioId") == scenarioId).order(Column("id")).fetchAll(db)
        }
    }

    func saveTemplate(_ row: AgendaTemplateRow) async throws -> AgendaTemplateRow {
        let now = timestamp()
        return try await pool.write { db in
            let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM agendaTemplate WHERE name = ?", arguments: [row.name])
            var stored = row
            stored.version = (last ?? 0) + 1
            stored.createdAt = now
            try stored.insert(db)
            return stored
        }
    }

    func templates() async throws -> [AgendaTemplateRow] {
        try await pool.read { db in
            try AgendaTemplateRow.fetchAll(db, sql: """
                SELECT t.* FROM agendaTemplate t
                WHERE t.version = (SELECT MAX(version) FROM agendaTemplate WHERE name = t.name) AND t.agenda IS NOT NULL
                ORDER BY t.name
                """)
        }
    }
}

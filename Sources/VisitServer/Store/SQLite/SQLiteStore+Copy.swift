import GRDB

/// Every record at once, for `visitplan store copy`.
extension SQLiteStore {
    func snapshot() async throws -> StoreSnapshot {
        try await pool.read { db in
            StoreSnapshot(
                scenarios: try ScenarioRow.order(Column("id")).fetchAll(db),
                scenarioVersions: try ScenarioVersionRow.order(Column("scenarioId"), Column("version")).fetchAll(db),
                plans: try PlanRow.order(Column("scenarioId"), Column("version")).fetchAll(db),
                planRuns: try PlanRunRow.order(Column("id")).fetchAll(db),
                changeEvents: try ChangeEventRow.order(Column("id")).fetchAll(db),
                whatIfRuns: try WhatIfRunRow.order(Column("id")).fetchAll(db),
                replanJobs: try ReplanJobRow.order(Column("id")).fetchAll(db),
                visitIndex: try VisitIndexRow.order(Column("scenarioId"), Column("scenarioVersion"), Column("visitId"), Column("date"))
                    .fetchAll(db),
                visitRecords: try VisitRecordRow.order(Column("id")).fetchAll(db),
                attachments: try AttachmentRow.order(Column("id")).fetchAll(db),
                visitRequests: try VisitRequestRow.order(Column("id")).fetchAll(db),
                agendaTemplates: try AgendaTemplateRow.order(Column("name"), Column("version")).fetchAll(db))
        }
    }

    func restore(_ snapshot: StoreSnapshot) async throws {
        try await pool.write { db in
            for table in ["scenario", "planRun", "whatIfRun", "replanJob", "visitIndex", "visitRecord", "attachment", "visitRequest", "agendaTemplate"] {
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") == 0 else { throw StoreError.notEmpty(self.location) }
            }
            for row in snapshot.scenarios { try row.insert(db) }
            for row in snapshot.scenarioVersions { try row.insert(db) }
            for row in snapshot.plans { try row.insert(db) }
            for var row in snapshot.planRuns { try row.insert(db) }
            for var row in snapshot.changeEvents { try row.insert(db) }
            for var row in snapshot.whatIfRuns { try row.insert(db) }
            for var row in snapshot.replanJobs { try row.insert(db) }
            for row in snapshot.visitIndex { try row.insert(db) }
            for var row in snapshot.visitRecords { try row.insert(db) }
            for var row in snapshot.attachments { try row.insert(db) }
            for var row in snapshot.visitRequests { try row.insert(db) }
            for row in snapshot.agendaTemplates { try row.insert(db) }
        }
    }
}

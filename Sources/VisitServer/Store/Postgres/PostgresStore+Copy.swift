import PostgresNIO

/// Every record at once, for `visitplan store copy`.
extension PostgresStore {
    func snapshot() async throws -> StoreSnapshot {
        try await read { connection in
            func all<Row>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> Row) async throws -> [Row] {
                try await connection.rows(query, logger: logger).map(decode)
            }
            return StoreSnapshot(
                scenarios: try await all("SELECT \(unescaped: ScenarioRow.pgColumns) FROM scenario ORDER BY id", ScenarioRow.init(pg:)),
                scenarioVersions: try await all("""
                    SELECT \(unescaped: ScenarioVersionRow.pgColumns) FROM scenarioVersion ORDER BY scenarioId, version
                    """, ScenarioVersionRow.init(pg:)),
                plans: try await all("SELECT \(unescaped: PlanRow.pgColumns) FROM plan ORDER BY scenarioId, version", PlanRow.init(pg:)),
                planRuns: try await all("SELECT \(unescaped: PlanRunRow.pgColumns) FROM planRun ORDER BY id", PlanRunRow.init(pg:)),
                changeEvents: try await all("SELECT \(unescaped: ChangeEventRow.pgColumns) FROM changeEvent ORDER BY id",
                                            ChangeEventRow.init(pg:)),
                whatIfRuns: try await all("SELECT \(unescaped: WhatIfRunRow.pgColumns) FROM whatIfRun ORDER BY id", WhatIfRunRow.init(pg:)),
                replanJobs: try await all("SELECT \(unescaped: ReplanJobRow.pgColumns) FROM replanJob ORDER BY id", ReplanJobRow.init(pg:)),
                visitIndex: try await all("""
                    SELECT \(unescaped: VisitIndexRow.pgColumns) FROM visitIndex ORDER BY scenarioId, scenarioVersion, visitId, date
                    """, VisitIndexRow.init(pg:)),
                visitRecords: try await all("SELECT \(unescaped: VisitRecordRow.pgColumns) FROM visitRecord ORDER BY id",
                                            VisitRecordRow.init(pg:)),
                attachments: try await all("SELECT \(unescaped: AttachmentRow.pgColumns) FROM attachment ORDER BY id", AttachmentRow.init(pg:)),
                visitRequests: try await all("SELECT \(unescaped: VisitRequestRow.pgColumns) FROM visitRequest ORDER BY id",
                                             VisitRequestRow.init(pg:)),
                agendaTemplates: try await all("SELECT \(unescaped: AgendaTemplateRow.pgColumns) FROM agendaTemplate ORDER BY name, version",
                                               AgendaTemplateRow.init(pg:)))
        }
    }

    func restore(_ snapshot: StoreSnapshot) async throws {
        try await write { connection in
            // Nobody else writes while the copy goes in.
            try await connection.query("LOCK TABLE scenario, planRun, whatIfRun, replanJob, visitIndex, visitRecord, attachment, visitRequest, agendaTemplate IN EXCLUSIVE MODE", logger: logger)
            for table in ["scenario", "planRun", "whatIfRun", "replanJob", "visitIndex", "visitRecord", "attachment", "visitRequest",
                          "agendaTemplate"] {
                guard try await connection.first("SELECT 1 FROM \(unescaped: table) LIMIT 1", logger: logger) == nil else {
                    throw StoreError.notEmpty(location)
                }
            }
            for row in snapshot.scenarios { try await connection.insert(row, logger: logger) }
            for row in snapshot.scenarioVersions { try await connection.insert(row, logger: logger) }
            for row in snapshot.plans { try await connection.insert(row, logger: logger) }
            for row in snapshot.planRuns { _ = try await connection.insert(row, instance: nil, logger: logger) }
            for row in snapshot.changeEvents { _ = try await connection.insert(row, logger: logger) }
            for row in snapshot.whatIfRuns { _ = try await connection.insert(row, logger: logger) }
            for row in snapshot.replanJobs { _ = try await connection.insert(row, instance: nil, lease: nil, logger: logger) }
            for row in snapshot.visitIndex { try await connection.insert(row, logger: logger) }
            for row in snapshot.visitRecords { _ = try await connection.insert(row, logger: logger) }
            for row in snapshot.attachments { _ = try await connection.insert(row, logger: logger) }
            for row in snapshot.visitRequests { _ = try await connection.insert(row, logger: logger) }
            for row in snapshot.agendaTemplates { try await connection.insert(row, logger: logger) }
            // New ids continue after the copied ones.
            for table in ["planRun", "changeEvent", "whatIfRun", "replanJob", "visitRecord", "attachment", "visitRequest"] {
                try await connection.query("""
                    SELECT setval(pg_get_serial_sequence('\(unescaped: table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(unescaped: table)
                    """, logger: logger)
            }
        }
    }
}

import PostgresNIO
import VisitDomain

/// Visit requests and agenda templates. A request's commit locks the scenario's row like a replan's.
extension PostgresStore {
    func commitScenarioChange(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan, origin: String,
                              by author: String, requests: [VisitRequestRow]) async throws -> RequestCommit {
        let now = timestamp()
        let json = try StoreRules.encode(plan)
        do {
            return try await write { connection in
                guard try await connection.lockScenario(scenarioId, logger: logger) else { throw StoreError.noScenario(scenarioId) }
                _ = try await checkedBase(connection, scenarioId: scenarioId, version: baseVersion)
                    let scenarioRow = try await insertVersion(connection, scenarioId: scenarioId, upload: scenario, origin: origin,
                                                          at: now, by: author)
                let planRow = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: scenarioRow.version,
                                      status: plan.status.rawValue, score: plan.score, bound: plan.bound,
                                      solveSeconds: plan.solveSeconds, planJSON: json, origin: origin,
                                      basePlanVersion: baseVersion, createdAt: now, createdBy: author)
                try await connection.insert(planRow, logger: logger)
                var rows: [VisitRequestRow] = []
                for request in requests {
                    var row = request
                    row.scenarioVersion = scenarioRow.version
                    row.planVersion = planRow.version
                    row.submittedAt = now
                    row.id = try await connection.insert(row, logger: logger)
                    rows.append(row)
                }
                try await connection.notify(.planCommitted(scenarioId: scenarioId, version: planRow.version), logger: logger)
                return RequestCommit(scenario: scenarioRow, plan: planRow, requests: rows)
            }
        } catch let error as PostgresStoreError where error.sqlState == "23505" {
            // A unique key refused the new version: another commit won; report it as the lock would have.
            let current = try await read { connection in try await currentPlanVersion(connection, scenarioId: scenarioId) }
            throw StoreError.replaced(baseVersion, by: current ?? baseVersion + 1)
        }
    }

    func requests(scenarioId: String) async throws -> [VisitRequestRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: VisitRequestRow.pgColumns) FROM visitRequest WHERE scenarioId = \(scenarioId) ORDER BY id
                """, logger: logger).map(VisitRequestRow.init(pg:))
        }
    }

    func saveTemplate(_ row: AgendaTemplateRow) async throws -> AgendaTemplateRow {
        var stored = row
        stored.createdAt = timestamp()
        let base = stored
        return try await write { connection in
            // Writers of one template take turns: the advisory lock is held to the end of the transaction.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(row.name)))", logger: logger)
            let last = try await connection.first("SELECT MAX(version) FROM agendaTemplate WHERE name = \(row.name)",
                                                  logger: logger)?.decode(Int?.self)
            var next = base
            next.version = (last ?? 0) + 1
            try await connection.insert(next, logger: logger)
            return next
        }
    }

    func templates() async throws -> [AgendaTemplateRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT DISTINCT ON (name) \(unescaped: AgendaTemplateRow.pgColumns) FROM agendaTemplate ORDER BY name, version DESC
                """, logger: logger).map(AgendaTemplateRow.init(pg:)).filter { $0.agenda != nil }
        }
    }
}

extension VisitRequestRow {
    static let pgColumns = "id, scenarioId, visitId, scenarioVersion, planVersion, submittedBy, role, person, source, submittedAt"

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, visitId, scenarioVersion, planVersion, submittedBy, role, person, source, submittedAt) =
            try row.decode((Int64, String, String, Int, Int, String, String, String?, String, String).self)
        self.init(id: id, scenarioId: scenarioId, visitId: visitId, scenarioVersion: scenarioVersion, planVersion: planVersion,
                  submittedBy: submittedBy, role: role, person: person, source: source, submittedAt: submittedAt)
    }
}

extension AgendaTemplateRow {
    static let pgColumns = "name, version, description, agenda, createdAt, createdBy"

    init(pg row: PostgresRow) throws {
        let (name, version, description, agenda, createdAt, createdBy) =
            try row.decode((String, Int, String?, String?, String, String).self)
        self.init(name: name, version: version, description: description, agenda: agenda, createdAt: createdAt, createdBy: createdBy)
    }
}

extension PostgresConnection {
    func insert(_ row: VisitRequestRow, logger: Logger) async throws -> Int64 {
        try await first("""
            INSERT INTO visitRequest (\(unescaped: VisitRequestRow.pgColumns))
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('visitRequest', 'id'))), \(row.scenarioId), \(row.visitId),
                \(row.scenarioVersion), \(row.planVersion), \(row.submittedBy), \(row.role), \(row.person), \(row.source), \(row.submittedAt))
            RETURNING id
            """, logger: logger)?.decode(Int64.self) ?? 0
    }

    func insert(_ row: AgendaTemplateRow, logger: Logger) async throws {
        try await query("""
            INSERT INTO agendaTemplate (\(unescaped: AgendaTemplateRow.pgColumns))
            VALUES (\(row.name), \(row.version), \(row.description), \(row.agenda), \(row.createdAt), \(row.createdBy))
            """, logger: logger)
    }
}

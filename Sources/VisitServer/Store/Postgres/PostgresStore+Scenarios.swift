import PostgresNIO
import VisitDomain

/// Scenarios and their versions.
extension PostgresStore {
    func createScenario(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow {
        let now = timestamp()
        return try await write { connection in
            let created = try await connection.first("""
                INSERT INTO scenario (id, createdAt, createdBy) VALUES (\(id), \(now), \(author)) ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: logger)
            guard created != nil else { throw StoreError.scenarioExists(id) }
            return try await insertVersion(connection, scenarioId: id, upload: upload, origin: origin, at: now, by: author)
        }
    }

    func addScenarioVersion(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow {
        let now = timestamp()
        return try await write { connection in
            try await connection.query("""
                INSERT INTO scenario (id, createdAt, createdBy) VALUES (\(id), \(now), \(author)) ON CONFLICT (id) DO NOTHING
                """, logger: logger)
            _ = try await connection.lockScenario(id, logger: logger)
            return try await insertVersion(connection, scenarioId: id, upload: upload, origin: origin, at: now, by: author)
        }
    }

    /// Inserts the next version of a scenario (whose row the transaction has locked) and indexes
    /// its visits by client and date.
    func insertVersion(_ connection: PostgresConnection, scenarioId: String, upload: ScenarioUpload, origin: String,
                       at now: String, by author: String) async throws -> ScenarioVersionRow {
        let last = try await latestVersion(connection, scenarioId: scenarioId)?.version
        let row = ScenarioVersionRow(scenarioId: scenarioId, version: (last ?? 0) + 1, name: upload.scenario.name,
                                     source: upload.canonicalJSON, original: upload.original,
                                     originalFormat: upload.originalFormat?.rawValue, origin: origin,
                                     createdAt: now, createdBy: author)
        try await connection.insert(row, logger: logger)
        for index in StoreRules.indexRows(scenarioId: scenarioId, version: row.version, scenario: upload.scenario) {
            try await connection.insert(index, logger: logger)
        }
        return row
    }

    func scenarios() async throws -> [ScenarioSummary] {
        try await read { connection in
            var summaries: [ScenarioSummary] = []
            let rows = try await connection.rows("SELECT \(unescaped: ScenarioRow.pgColumns) FROM scenario ORDER BY id", logger: logger)
            for row in rows {
                let scenario = try ScenarioRow(pg: row)
                guard let latest = try await latestVersion(connection, scenarioId: scenario.id) else { continue }
                summaries.append(ScenarioSummary(scenario: scenario, latest: latest,
                                                 currentPlanVersion: try await currentPlanVersion(connection, scenarioId: scenario.id)))
            }
            return summaries
        }
    }

    func scenarioSummary(id: String) async throws -> ScenarioSummary {
        try await read { connection in
            guard let row = try await connection.first("SELECT \(unescaped: ScenarioRow.pgColumns) FROM scenario WHERE id = \(id)",
                                                       logger: logger),
                  let latest = try await latestVersion(connection, scenarioId: id) else { throw StoreError.noScenario(id) }
            return ScenarioSummary(scenario: try ScenarioRow(pg: row), latest: latest,
                                   currentPlanVersion: try await currentPlanVersion(connection, scenarioId: id))
        }
    }

    func scenarioVersions(id: String) async throws -> [ScenarioVersionRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: ScenarioVersionRow.pgColumns) FROM scenarioVersion WHERE scenarioId = \(id) ORDER BY version
                """, logger: logger).map(ScenarioVersionRow.init(pg:))
        }
    }

    func scenarioVersion(id: String, version: Int) async throws -> ScenarioVersionRow {
        try await read { connection in
            guard let row = try await scenarioVersion(connection, scenarioId: id, version: version) else {
                guard let latest = try await latestVersion(connection, scenarioId: id) else { throw StoreError.noScenario(id) }
                throw StoreError.noScenarioVersion(id, version: version, latest: latest.version)
            }
            return row
        }
    }

    func latestScenarioVersion(id: String) async throws -> ScenarioVersionRow {
        try await read { connection in
            guard let row = try await latestVersion(connection, scenarioId: id) else { throw StoreError.noScenario(id) }
            return row
        }
    }

    func scenarioVersion(_ connection: PostgresConnection, scenarioId: String, version: Int) async throws -> ScenarioVersionRow? {
        try await connection.first("""
            SELECT \(unescaped: ScenarioVersionRow.pgColumns) FROM scenarioVersion WHERE scenarioId = \(scenarioId) AND version = \(version)
            """, logger: logger).map(ScenarioVersionRow.init(pg:))
    }

    func latestVersion(_ connection: PostgresConnection, scenarioId: String) async throws -> ScenarioVersionRow? {
        try await connection.first("""
            SELECT \(unescaped: ScenarioVersionRow.pgColumns) FROM scenarioVersion WHERE scenarioId = \(scenarioId)
            ORDER BY version DESC LIMIT 1
            """, logger: logger).map(ScenarioVersionRow.init(pg:))
    }

    func currentPlanVersion(_ connection: PostgresConnection, scenarioId: String) async throws -> Int? {
        try await connection.first("SELECT MAX(version) FROM plan WHERE scenarioId = \(scenarioId)", logger: logger)?.decode(Int?.self)
    }

    func scenarioExists(_ connection: PostgresConnection, id: String) async throws -> Bool {
        try await connection.first("SELECT 1 FROM scenario WHERE id = \(id)", logger: logger) != nil
    }
}

import GRDB
import VisitDomain

/// Scenarios and their versions.
extension SQLiteStore {
    func createScenario(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow {
        let now = timestamp()
        return try await pool.write { db in
            guard try ScenarioRow.fetchOne(db, key: id) == nil else { throw StoreError.scenarioExists(id) }
            try ScenarioRow(id: id, createdAt: now, createdBy: author).insert(db)
            return try Self.insertVersion(db, scenarioId: id, upload: upload, origin: origin, at: now, by: author)
        }
    }

    func addScenarioVersion(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow {
        let now = timestamp()
        return try await pool.write { db in
            if try ScenarioRow.fetchOne(db, key: id) == nil {
                try ScenarioRow(id: id, createdAt: now, createdBy: author).insert(db)
            }
            return try Self.insertVersion(db, scenarioId: id, upload: upload, origin: origin, at: now, by: author)
        }
    }

    /// Inserts the next version of a scenario and indexes its visits by client and date.
    static func insertVersion(_ db: Database, scenarioId: String, upload: ScenarioUpload, origin: String,
                              at now: String, by author: String) throws -> ScenarioVersionRow {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM scenarioVersion WHERE scenarioId = ?", arguments: [scenarioId])
        let row = ScenarioVersionRow(scenarioId: scenarioId, version: (last ?? 0) + 1, name: upload.scenario.name,
                                     source: upload.canonicalJSON, original: upload.original,
                                     originalFormat: upload.originalFormat?.rawValue, origin: origin,
                                     createdAt: now, createdBy: author)
        try row.insert(db)
        for index in StoreRules.indexRows(scenarioId: scenarioId, version: row.version, scenario: upload.scenario) {
            try index.insert(db)
        }
        return row
    }

    func scenarios() async throws -> [ScenarioSummary] {
        try await pool.read { db in
            try ScenarioRow.order(Column("id")).fetchAll(db).compactMap { scenario in
                guard let latest = try Self.latestVersion(db, scenarioId: scenario.id) else { return nil }
                return ScenarioSummary(scenario: scenario, latest: latest,
                                       currentPlanVersion: try Self.currentPlanVersion(db, scenarioId: scenario.id))
            }
        }
    }

    func scenarioSummary(id: String) async throws -> ScenarioSummary {
        try await pool.read { db in
            guard let scenario = try ScenarioRow.fetchOne(db, key: id),
                  let latest = try Self.latestVersion(db, scenarioId: id) else { throw StoreError.noScenario(id) }
            return ScenarioSummary(scenario: scenario, latest: latest, currentPlanVersion: try Self.currentPlanVersion(db, scenarioId: id))
        }
    }

    func scenarioVersions(id: String) async throws -> [ScenarioVersionRow] {
        try await pool.read { db in
            try ScenarioVersionRow.filter(Column("scenarioId") == id).order(Column("version")).fetchAll(db)
        }
    }

    func scenarioVersion(id: String, version: Int) async throws -> ScenarioVersionRow {
        try await pool.read { db in
            guard let row = try ScenarioVersionRow.fetchOne(db, key: ["scenarioId": id, "version": version]) else {
                guard let latest = try Self.latestVersion(db, scenarioId: id) else { throw StoreError.noScenario(id) }
                throw StoreError.noScenarioVersion(id, version: version, latest: latest.version)
            }
            return row
        }
    }

    func latestScenarioVersion(id: String) async throws -> ScenarioVersionRow {
        try await pool.read { db in
            guard let row = try Self.latestVersion(db, scenarioId: id) else { throw StoreError.noScenario(id) }
            return row
        }
    }

    static func latestVersion(_ db: Database, scenarioId: String) throws -> ScenarioVersionRow? {
        try ScenarioVersionRow.filter(Column("scenarioId") == scenarioId).order(Column("version").desc).fetchOne(db)
    }

    static func currentPlanVersion(_ db: Database, scenarioId: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT MAX(version) FROM plan WHERE scenarioId = ?", arguments: [scenarioId])
    }
}

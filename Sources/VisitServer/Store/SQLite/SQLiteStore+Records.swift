import Foundation
import GRDB

/// Records and files of visits after their plan.
extension SQLiteStore {
    func addRecord(_ row: VisitRecordRow, limit: Int?) async throws -> VisitRecordRow {
        try await pool.write { db in
            guard try ScenarioRow.fetchOne(db, key: row.scenarioId) != nil else { throw StoreError.noScenario(row.scenarioId) }
            if let limit {
                // Writes are serialised: no other add runs between this count and the insert.
                let kept = try VisitRecordRow.filter(Column("scenarioId") == row.scenarioId && Column("visitId") == row.visitId).fetchCount(db)
                guard kept < limit else { throw StoreError.recordLimit(visit: row.visitId, kept: kept, limit: limit) }
            }
            var stored = row
            stored.recordedAt = self.timestamp()
            try stored.insert(db)
            return stored
        }
    }

    func records(scenarioId: String, visitId: String?) async throws -> [VisitRecordRow] {
        try await pool.read { db in
            var request = VisitRecordRow.filter(Column("scenarioId") == scenarioId)
            if let visitId { request = request.filter(Column("visitId") == visitId) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    func addAttachment(_ row: AttachmentRow) async throws -> AttachmentRow {
        try await pool.write { db in
            guard try ScenarioRow.fetchOne(db, key: row.scenarioId) != nil else { throw StoreError.noScenario(row.scenarioId) }
            var stored = row
            stored.addedAt = self.timestamp()
            try stored.insert(db)
            return stored
        }
    }

    func attachments(scenarioId: String, visitId: String) async throws -> [AttachmentRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, scenarioId, visitId, name, contentType, size, X'' AS data, addedBy, addedAt FROM attachment
                WHERE scenarioId = ? AND visitId = ? ORDER BY id
                """, arguments: [scenarioId, visitId]).map(AttachmentRow.init(row:))
        }
    }

    func attachment(id: Int64) async throws -> AttachmentRow {
        try await pool.read { db in
            guard let row = try AttachmentRow.fetchOne(db, key: id) else { throw StoreError.noFile(id) }
            return row
        }
    }
}

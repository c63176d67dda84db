import PostgresNIO

/// Records and files of visits after their plan.
extension PostgresStore {
    func addRecord(_ row: VisitRecordRow, limit: Int?) async throws -> VisitRecordRow {
        var stored = row
        stored.recordedAt = timestamp()
        let insert = stored
        stored.id = try await write { connection in
            guard try await scenarioExists(connection, id: row.scenarioId) else { throw StoreError.noScenario(row.scenarioId) }
            if let limit {
                // The scenario's row stays locked until the transaction ends: adds to its visits
                // take turns across instances, and the count sees every committed one.
                guard try await connection.lockScenario(row.scenarioId, logger: logger) else { throw StoreError.noScenario(row.scenarioId) }
                let kept = try await connection.first(
                    "SELECT count(*) FROM visitRecord WHERE scenarioId = \(row.scenarioId) AND visitId = \(row.visitId)", logger: logger)?
                    .decode(Int.self) ?? 0
                guard kept < limit else { throw StoreError.recordLimit(visit: row.visitId, kept: kept, limit: limit) }
            }
            return try await connection.insert(insert, logger: logger)
        }
        return stored
    }

    func records(scenarioId: String, visitId: String?) async throws -> [VisitRecordRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: VisitRecordRow.pgColumns) FROM visitRecord
                WHERE scenarioId = \(scenarioId) AND (\(visitId)::text IS NULL OR visitId = \(visitId)) ORDER BY id
                """, logger: logger).map(VisitRecordRow.init(pg:))
        }
    }

    func addAttachment(_ row: AttachmentRow) async throws -> AttachmentRow {
        var stored = row
        stored.addedAt = timestamp()
        let insert = stored
        stored.id = try await write { connection in
            guard try await scenarioExists(connection, id: row.scenarioId) else { throw StoreError.noScenario(row.scenarioId) }
            return try await connection.insert(insert, logger: logger)
        }
        return stored
    }

    func attachments(scenarioId: String, visitId: String) async throws -> [AttachmentRow] {
        try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: AttachmentRow.pgListColumns) FROM attachment
                WHERE scenarioId = \(scenarioId) AND visitId = \(visitId) ORDER BY id
                """, logger: logger).map(AttachmentRow.init(pg:))
        }
    }

    func attachment(id: Int64) async throws -> AttachmentRow {
        try await read { connection in
            guard let row = try await connection.first("SELECT \(unescaped: AttachmentRow.pgColumns) FROM attachment WHERE id = \(id)",
                                                       logger: logger).map(AttachmentRow.init(pg:)) else { throw StoreError.noFile(id) }
            return row
        }
    }
}

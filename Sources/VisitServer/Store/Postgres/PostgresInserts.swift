import Foundation
import Logging
import PostgresNIO

/// Inserting each kind of row. Rows with an integer id get the next one from the table's identity
/// unless they carry one (a copied store keeps its ids); the id is returned.
extension PostgresConnection {
    func insert(_ row: ScenarioRow, logger: Logger) async throws {
        try await query("INSERT INTO scenario (id, createdAt, createdBy) VALUES (\(row.id), \(row.createdAt), \(row.createdBy))",
                        logger: logger)
    }

    func insert(_ row: ScenarioVersionRow, logger: Logger) async throws {
        try await query("""
            INSERT INTO scenarioVersion (\(unescaped: ScenarioVersionRow.pgColumns)) VALUES (\(row.scenarioId), \(row.version),
                \(row.name), \(row.source), \(row.original), \(row.originalFormat), \(row.origin), \(row.createdAt), \(row.createdBy))
            """, logger: logger)
    }

    func insert(_ row: PlanRow, logger: Logger) async throws {
        try await query("""
            INSERT INTO plan (\(unescaped: PlanRow.pgColumns)) VALUES (\(row.scenarioId), \(row.version), \(row.scenarioVersion),
                \(row.status), \(row.score), \(row.bound), \(row.solveSeconds), \(row.planJSON), \(row.origin), \(row.basePlanVersion),
                \(row.createdAt), \(row.createdBy))
            """, logger: logger)
    }

    /// `instance`: the worker holding it (nil for a new or copied run: any worker may claim it).
    func insert(_ row: PlanRunRow, instance: String?, logger: Logger) async throws -> Int64 {
        let inserted = try await first("""
            INSERT INTO planRun (id, scenarioId, scenarioVersion, state, timeLimit, relativeGap, planVersion, message, startedAt,
                finishedAt, startedBy, instance)
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('planRun', 'id'))), \(row.scenarioId), \(row.scenarioVersion),
                \(row.state), \(row.timeLimit), \(row.relativeGap), \(row.planVersion), \(row.message), \(row.startedAt),
                \(row.finishedAt), \(row.startedBy), \(instance))
            RETURNING id
            """, logger: logger)
        return try inserted?.decode(Int64.self) ?? 0
    }

    func insert(_ row: ChangeEventRow, logger: Logger) async throws -> Int64 {
        let inserted = try await first("""
            INSERT INTO changeEvent (\(unescaped: ChangeEventRow.pgColumns))
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('changeEvent', 'id'))), \(row.scenarioId), \(row.basePlanVersion),
                \(row.producedPlanVersion), \(row.position), \(row.type), \(row.visitId), \(row.at), \(row.body), \(row.reportedBy),
                \(row.reportedAt))
            RETURNING id
            """, logger: logger)
        return try inserted?.decode(Int64.self) ?? 0
    }

    /// Stored waiting for a solve worker (no instance holds it).
    func insert(_ row: WhatIfRunRow, logger: Logger) async throws -> Int64 {
        let inserted = try await first("""
            INSERT INTO whatIfRun (id, scenarioId, scenarioVersion, request, format, timeLimit, relativeGap, state, result, message,
                startedAt, finishedAt, startedBy)
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('whatIfRun', 'id'))), \(row.scenarioId), \(row.scenarioVersion),
                \(row.request), \(row.format), \(row.timeLimit), \(row.relativeGap), \(row.state), \(row.result), \(row.message),
                \(row.startedAt), \(row.finishedAt), \(row.startedBy))
            RETURNING id
            """, logger: logger)
        return try inserted?.decode(Int64.self) ?? 0
    }

    /// Held by `instance` until `lease` seconds from now when given (a report being replanned
    /// where it was received); else free (a copied job).
    func insert(_ row: ReplanJobRow, instance: String?, lease: Double?, logger: Logger) async throws -> Int64 {
        let inserted = try await first("""
            INSERT INTO replanJob (id, scenarioId, basePlanVersion, request, format, reportedBy, role, person, state,
                producedPlanVersion, message, startedAt, finishedAt, instance, leaseExpires, attempts)
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('replanJob', 'id'))), \(row.scenarioId), \(row.basePlanVersion),
                \(row.request), \(row.format), \(row.reportedBy), \(row.role), \(row.person), \(row.state), \(row.producedPlanVersion),
                \(row.message), \(row.startedAt), \(row.finishedAt), \(instance),
                CASE WHEN \(lease)::double precision IS NULL THEN NULL ELSE now() + make_interval(secs => \(lease)) END,
                \(instance == nil ? 0 : 1))
            RETURNING id
            """, logger: logger)
        return try inserted?.decode(Int64.self) ?? 0
    }

    func insert(_ row: VisitRecordRow, logger: Logger) async throws -> Int64 {
        try await first("""
            INSERT INTO visitRecord (\(unescaped: VisitRecordRow.pgColumns))
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('visitRecord', 'id'))), \(row.scenarioId), \(row.visitId),
                \(row.kind), \(row.body), \(row.at), \(row.recordedBy), \(row.recordedAt))
            RETURNING id
            """, logger: logger)?.decode(Int64.self) ?? 0
    }

    func insert(_ row: AttachmentRow, logger: Logger) async throws -> Int64 {
        try await first("""
            INSERT INTO attachment (\(unescaped: AttachmentRow.pgColumns))
            VALUES (COALESCE(\(row.id), nextval(pg_get_serial_sequence('attachment', 'id'))), \(row.scenarioId), \(row.visitId),
                \(row.name), \(row.contentType), \(row.size), \(row.data), \(row.addedBy), \(row.addedAt))
            RETURNING id
            """, logger: logger)?.decode(Int64.self) ?? 0
    }

    func insert(_ row: VisitIndexRow, logger: Logger) async throws {
        try await query("""
            INSERT INTO visitIndex (\(unescaped: VisitIndexRow.pgColumns))
            VALUES (\(row.scenarioId), \(row.scenarioVersion), \(row.visitId), \(row.clientName), \(row.date))
            """, logger: logger)
    }

    /// Locks scenario `id`'s row until the transaction ends (writers of one scenario take turns,
    /// across every instance); false when there is no such scenario.
    func lockScenario(_ id: String, logger: Logger) async throws -> Bool {
        try await first("SELECT id FROM scenario WHERE id = \(id) FOR UPDATE", logger: logger) != nil
    }

    /// Tells every instance listening (`PostgresStore.changes`) about `change` when the transaction commits.
    func notify(_ change: StoreChange, logger: Logger) async throws {
        try await query("SELECT pg_notify(\(PostgresStore.channel), \(change.payload))", logger: logger)
    }
}

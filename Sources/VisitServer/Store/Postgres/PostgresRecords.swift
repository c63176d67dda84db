import Foundation
import PostgresNIO

// The rows as PostgreSQL reads them: each type's column list (selected in this order) and its
// decoding from a row.

extension ScenarioRow {
    static let pgColumns = "id, createdAt, createdBy"

    init(pg row: PostgresRow) throws {
        let (id, createdAt, createdBy) = try row.decode((String, String, String).self)
        self.init(id: id, createdAt: createdAt, createdBy: createdBy)
    }
}

extension ScenarioVersionRow {
    static let pgColumns = "scenarioId, version, name, source, original, originalFormat, origin, createdAt, createdBy"

    init(pg row: PostgresRow) throws {
        let (scenarioId, version, name, source, original, originalFormat, origin, createdAt, createdBy) =
            try row.decode((String, Int, String, String, String?, String?, String, String, String).self)
        self.init(scenarioId: scenarioId, version: version, name: name, source: source, original: original,
                  originalFormat: originalFormat, origin: origin, createdAt: createdAt, createdBy: createdBy)
    }
}

extension PlanRow {
    static let pgColumns = """
        scenarioId, version, scenarioVersion, status, score, bound, solveSeconds, planJSON, origin, basePlanVersion, createdAt, createdBy
        """

    init(pg row: PostgresRow) throws {
        let (scenarioId, version, scenarioVersion, status, score, bound, solveSeconds, planJSON, origin, basePlanVersion,
             createdAt, createdBy) =
            try row.decode((String, Int, Int, String, Double, Double, Double, String, String, Int?, String, String).self)
        self.init(scenarioId: scenarioId, version: version, scenarioVersion: scenarioVersion, status: status, score: score,
                  bound: bound, solveSeconds: solveSeconds, planJSON: planJSON, origin: origin, basePlanVersion: basePlanVersion,
                  createdAt: createdAt, createdBy: createdBy)
    }
}

extension PlanRunRow {
    static let pgColumns = """
        id, scenarioId, scenarioVersion, state, timeLimit, relativeGap, planVersion, message, startedAt, finishedAt, startedBy
        """

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, scenarioVersion, state, timeLimit, relativeGap, planVersion, message, startedAt, finishedAt, startedBy) =
            try row.decode((Int64, String, Int, String, Double, Double, Int?, String?, String, String?, String).self)
        self.init(id: id, scenarioId: scenarioId, scenarioVersion: scenarioVersion, state: state, timeLimit: timeLimit,
                  relativeGap: relativeGap, planVersion: planVersion, message: message, startedAt: startedAt,
                  finishedAt: finishedAt, startedBy: startedBy)
    }
}

extension ChangeEventRow {
    static let pgColumns = """
        id, scenarioId, basePlanVersion, producedPlanVersion, position, type, visitId, at, body, reportedBy, reportedAt
        """

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, basePlanVersion, producedPlanVersion, position, type, visitId, at, body, reportedBy, reportedAt) =
            try row.decode((Int64, String, Int, Int, Int, String, String?, String, String, String, String).self)
        self.init(id: id, scenarioId: scenarioId, basePlanVersion: basePlanVersion, producedPlanVersion: producedPlanVersion,
                  position: position, type: type, visitId: visitId, at: at, body: body, reportedBy: reportedBy,
                  reportedAt: reportedAt)
    }
}

extension WhatIfRunRow {
    static let pgColumns = """
        id, scenarioId, scenarioVersion, request, format, timeLimit, relativeGap, state, result, message, startedAt, finishedAt, startedBy
        """

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, scenarioVersion, request, format, timeLimit, relativeGap, state, result, message, startedAt, finishedAt,
             startedBy) = try row.decode((Int64, String, Int, String, String, Double, Double, String, String?, String?, String, String?,
                                          String).self)
        self.init(id: id, scenarioId: scenarioId, scenarioVersion: scenarioVersion, request: request, format: format,
                  timeLimit: timeLimit, relativeGap: relativeGap, state: state, result: result, message: message,
                  startedAt: startedAt, finishedAt: finishedAt, startedBy: startedBy)
    }
}

extension VisitIndexRow {
    static let pgColumns = "scenarioId, scenarioVersion, visitId, clientName, date"

    init(pg row: PostgresRow) throws {
        let (scenarioId, scenarioVersion, visitId, clientName, date) = try row.decode((String, Int, String, String, String).self)
        self.init(scenarioId: scenarioId, scenarioVersion: scenarioVersion, visitId: visitId, clientName: clientName, date: date)
    }
}

extension ReplanJobRow {
    static let pgColumns = """
        id, scenarioId, basePlanVersion, request, format, reportedBy, role, person, state, producedPlanVersion, message, startedAt,
        finishedAt
        """

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, basePlanVersion, request, format, reportedBy, role, person, state, produced, message, startedAt,
             finishedAt) = try row.decode((Int64, String, Int, String, String, String, String, String?, String, Int?, String?, String,
                                           String?).self)
        self.init(id: id, scenarioId: scenarioId, basePlanVersion: basePlanVersion, request: request, format: format,
                  reportedBy: reportedBy, role: role, person: person, state: state, producedPlanVersion: produced, message: message,
                  startedAt: startedAt, finishedAt: finishedAt)
    }
}

extension VisitRecordRow {
    static let pgColumns = "id, scenarioId, visitId, kind, body, at, recordedBy, recordedAt"

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, visitId, kind, body, at, recordedBy, recordedAt) =
            try row.decode((Int64, String, String, String, String, String, String, String).self)
        self.init(id: id, scenarioId: scenarioId, visitId: visitId, kind: kind, body: body, at: at, recordedBy: recordedBy,
                  recordedAt: recordedAt)
    }
}

extension AttachmentRow {
    static let pgColumns = "id, scenarioId, visitId, name, contentType, size, data, addedBy, addedAt"
    /// Every column but the bytes (an empty `data` in their place).
    static let pgListColumns = "id, scenarioId, visitId, name, contentType, size, ''::bytea, addedBy, addedAt"

    init(pg row: PostgresRow) throws {
        let (id, scenarioId, visitId, name, contentType, size, data, addedBy, addedAt) =
            try row.decode((Int64, String, String, String, String, Int, Data, String, String).self)
        self.init(id: id, scenarioId: scenarioId, visitId: visitId, name: name, contentType: contentType, size: size, data: data,
                  addedBy: addedBy, addedAt: addedAt)
    }
}

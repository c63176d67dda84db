import GRDB
import VisitDomain

/// The archive: what happened to a client's visits on a date, across every version.
extension SQLiteStore {
    func archive(client: String, date: LocalDate) async throws -> [ArchivedVisit] {
        try await pool.read { db in
            let matches = try Row.fetchAll(db, sql: """
                SELECT scenarioId, visitId, MAX(clientName) AS clientName FROM visitIndex
                WHERE date = ? AND instr(lower(clientName), lower(?)) > 0
                GROUP BY scenarioId, visitId ORDER BY scenarioId, visitId
                """, arguments: [date.description, client])
            var plansByScenario: [String: [(PlanRow, Plan)]] = [:]
            var eventsByScenario: [String: [ChangeEventRow]] = [:]
            return try matches.map { match in
                let scenarioId: String = match["scenarioId"]
                if plansByScenario[scenarioId] == nil {
                    plansByScenario[scenarioId] = try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version"))
                        .fetchAll(db).map { ($0, try $0.decodedPlan()) }
                    eventsByScenario[scenarioId] = try ChangeEventRow.filter(Column("scenarioId") == scenarioId)
                        .order(Column("id")).fetchAll(db)
                }
                return ArchivedVisit(scenarioId: scenarioId, visitId: match["visitId"], clientName: match["clientName"],
                                     plans: plansByScenario[scenarioId] ?? [], events: eventsByScenario[scenarioId] ?? [])
            }
        }
    }
}

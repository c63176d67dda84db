import PostgresNIO
import VisitDomain

/// The archive: what happened to a client's visits on a date, across every version.
extension PostgresStore {
    func archive(client: String, date: LocalDate) async throws -> [ArchivedVisit] {
        try await read { connection in
            // As in SQLite: the name contains the text ignoring case, the greatest spelling by byte order.
            let matches = try await connection.rows("""
                SELECT scenarioId, visitId, MAX(clientName COLLATE "C") AS clientName FROM visitIndex
                WHERE date = \(date.description) AND strpos(lower(clientName), lower(\(client))) > 0
                GROUP BY scenarioId, visitId ORDER BY scenarioId, visitId
                """, logger: logger)
            var plansByScenario: [String: [(PlanRow, Plan)]] = [:]
            var eventsByScenario: [String: [ChangeEventRow]] = [:]
            var found: [ArchivedVisit] = []
            for match in matches {
                let (scenarioId, visitId, clientName) = try match.decode((String, String, String).self)
                if plansByScenario[scenarioId] == nil {
                    plansByScenario[scenarioId] = try await plans(connection, scenarioId: scenarioId).map { ($0, try $0.decodedPlan()) }
                    eventsByScenario[scenarioId] = try await events(connection, scenarioId: scenarioId)
                }
                found.append(ArchivedVisit(scenarioId: scenarioId, visitId: visitId, clientName: clientName,
                                           plans: plansByScenario[scenarioId] ?? [], events: eventsByScenario[scenarioId] ?? []))
            }
            return found
        }
    }
}

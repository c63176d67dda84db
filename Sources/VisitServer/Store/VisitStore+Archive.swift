import GRDB
import VisitDomain

/// The archive: what happened to a client's visits on a date, across every version.
extension VisitStore {
    /// One visit found by the archive, with every plan version that lists it and the events that
    /// touched it.
    struct ArchivedVisit: Sendable {
        var scenarioId: String
        var visitId: String
        var clientName: String
        var plans: [(row: PlanRow, visit: PlannedVisit)]
        /// Events aimed at the visit, and events of reports whose replan changed it.
        var events: [ChangeEventRow]
    }

    /// The visits of clients whose name contains `client` (ignoring case) whose window touches
    /// `date`, in any scenario version.
    func archive(client: String, date: LocalDate) async throws -> [ArchivedVisit] {
        try await pool.read { db in
            let matches = try Row.fetchAll(db, sql: """
                SELECT scenarioId, visitId, MAX(clientName) AS clientName FROM visitIndex
                WHERE date = ? AND instr(lower(clientName), lower(?)) > 0
                GROUP BY scenarioId, visitId ORDER BY scenarioId, visitId
                """, arguments: [date.description, client])
            var plansByScenario: [String: [(PlanRow, Plan)]] = [:]
            return try matches.map { match in
                let scenarioId: String = match["scenarioId"]
                let visitId: String = match["visitId"]
                if plansByScenario[scenarioId] == nil {
                    plansByScenario[scenarioId] = try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version"))
                        .fetchAll(db).map { ($0, try $0.decodedPlan()) }
                }
                let plans = plansByScenario[scenarioId] ?? []
                let listed = plans.compactMap { row, plan in plan.visit(visitId).map { (row: row, visit: $0) } }
                let changedBy = Set(plans.filter { $0.1.changes?.contains { $0.visit == visitId } == true }.map(\.0.version))
                let events = try ChangeEventRow.filter(Column("scenarioId") == scenarioId).order(Column("id")).fetchAll(db)
                    .filter { $0.visitId == visitId || changedBy.contains($0.producedPlanVersion) }
                return ArchivedVisit(scenarioId: scenarioId, visitId: visitId, clientName: match["clientName"],
                                     plans: listed, events: events)
            }
        }
    }
}

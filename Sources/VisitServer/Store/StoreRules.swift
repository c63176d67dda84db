import Foundation
import VisitDomain

/// What both backends compute the same way: timestamps, the stored plan JSON, the archive's
/// dates and the messages of runs ended by the store.
enum StoreRules {
    /// A moment as stored: UTC ISO 8601 to the second.
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    /// The plan JSON a plan version keeps (sorted keys, so equal plans store equal text).
    static func encode(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }

    /// The dates a visit's window touches (at most a year's worth): its rows in the visit index.
    static func indexDates(of visit: Visit) -> [LocalDate] {
        let first = visit.window.start.date.dayNumber
        let last = max(first, visit.window.end.adding(minutes: -1).date.dayNumber)
        return (first...min(last, first + 366)).map(LocalDate.init(dayNumber:))
    }

    /// The visit-index rows of a scenario version.
    static func indexRows(scenarioId: String, version: Int, scenario: Scenario) -> [VisitIndexRow] {
        scenario.visits.flatMap { visit in
            indexDates(of: visit).map { date in
                VisitIndexRow(scenarioId: scenarioId, scenarioVersion: version, visitId: visit.id,
                              clientName: visit.client.name ?? "", date: date.description)
            }
        }
    }

    /// The message of a run whose scenario got version `latest` while version `planned` was solved.
    static func supersededMessage(latest: Int?, planned: Int) -> String {
        "scenario version \(latest ?? 0) was stored while version \(planned) was being planned; plan it again"
    }

    /// Claims of one run (each by a worker that then stopped) before it fails for good: a
    /// scenario that kills the process that solves it must not take every instance down in turn.
    static let maxAttempts = 3

    /// The message of a plan run failed after `maxAttempts` claims.
    static let abandonedMessage = "the servers solving this run stopped \(maxAttempts) times before it ended; start it again"

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension PlanRow {
    /// The stored plan JSON, decoded.
    func decodedPlan() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(planJSON.utf8))
    }
}

extension ScenarioVersionRow {
    /// The scenario this version loads to.
    func loadScenario() throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(source, format: .json, file: "\(scenarioId) version \(version)")
    }
}

import GRDB
import VisitDomain

/// The change-event log and the replans it produces.
extension VisitStore {
    /// One event of a report, ready for the log.
    struct LoggedEvent: Sendable {
        var type: String
        var visitId: String?
        var at: String
        /// The event as posted, as JSON.
        var body: String
    }

    /// What a replan starts from: the current plan and the scenario version it was made from.
    struct ReplanBase: Sendable {
        var plan: PlanRow
        var scenario: ScenarioVersionRow
    }

    /// What a committed replan stored.
    struct ReplanCommit: Sendable {
        var plan: PlanRow
        var scenario: ScenarioVersionRow
        var events: [ChangeEventRow]
    }

    /// The base for events aimed at plan `version`: it must be the current plan, made from the
    /// latest scenario version. Otherwise `stalePlan` names the plan that is current.
    func replanBase(scenarioId: String, version: Int) async throws -> ReplanBase {
        try await pool.read { db in try Self.checkedBase(db, scenarioId: scenarioId, version: version) }
    }

    /// Stores the scenario after the events, the new plan and the events, all in one transaction,
    /// if plan `baseVersion` is still current; otherwise throws `stalePlan` and stores nothing.
    func commitReplan(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                      events: [LoggedEvent], by author: String) async throws -> ReplanCommit {
        let now = timestamp()
        let json = try Self.encode(plan)
        return try await pool.write { db in
            _ = try Self.checkedBase(db, scenarioId: scenarioId, version: baseVersion)
            let scenarioRow = try Self.insertVersion(db, scenarioId: scenarioId, upload: scenario, origin: "replan", at: now, by: author)
            let planRow = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: scenarioRow.version,
                                  status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                                  planJSON: json, origin: "replan", basePlanVersion: baseVersion, createdAt: now, createdBy: author)
            try planRow.insert(db)
            var rows: [ChangeEventRow] = []
            for (position, event) in events.enumerated() {
                var row = ChangeEventRow(id: nil, scenarioId: scenarioId, basePlanVersion: baseVersion,
                                         producedPlanVersion: planRow.version, position: position, type: event.type,
                                         visitId: event.visitId, at: event.at, body: event.body, reportedBy: author, reportedAt: now)
                try row.insert(db)
                rows.append(row)
            }
            return ReplanCommit(plan: planRow, scenario: scenarioRow, events: rows)
        }
    }

    /// Every logged event of a scenario, in the order they were stored.
    func events(scenarioId: String) async throws -> [ChangeEventRow] {
        try await pool.read { db in
            try ChangeEventRow.filter(Column("scenarioId") == scenarioId).order(Column("id")).fetchAll(db)
        }
    }

    static func checkedBase(_ db: Database, scenarioId: String, version: Int) throws -> ReplanBase {
        guard try ScenarioRow.fetchOne(db, key: scenarioId) != nil else { throw StoreError.noScenario(scenarioId) }
        guard let current = try PlanRow.filter(Column("scenarioId") == scenarioId).order(Column("version").desc).fetchOne(db) else {
            throw StoreError.noPlan(scenario: scenarioId, version: nil)
        }
        guard current.version == version else {
            guard try PlanRow.fetchOne(db, key: ["scenarioId": scenarioId, "version": version]) != nil else {
                throw StoreError.noPlan(scenario: scenarioId, version: version)
            }
            throw StoreError.stalePlan(current: current.version, reason: "plan version \(version) is no longer current: "
                                       + "version \(current.version) replaced it; look at it and report again if still needed")
        }
        guard let latest = try latestVersion(db, scenarioId: scenarioId) else { throw StoreError.noScenario(scenarioId) }
        guard latest.version == current.scenarioVersion else {
            throw StoreError.stalePlan(current: current.version, reason: "the scenario changed (version \(latest.version)) after plan "
                                       + "version \(version) was made from version \(current.scenarioVersion); plan the new version first")
        }
        guard let scenario = try ScenarioVersionRow.fetchOne(db, key: ["scenarioId": scenarioId, "version": current.scenarioVersion]) else {
            throw StoreError.noScenario(scenarioId)
        }
        return ReplanBase(plan: current, scenario: scenario)
    }
}

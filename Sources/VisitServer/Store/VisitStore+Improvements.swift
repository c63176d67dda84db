import GRDB
import VisitDomain

/// Improvement proposals a coordinator accepted.
extension VisitStore {
    /// Stores an accepted improvement proposal as the next plan version (origin `improvement`, made
    /// from the same scenario version as the plan it replaces) if plan `baseVersion` is still
    /// current; otherwise throws `stalePlan` and stores nothing (the same check as a replan's commit).
    func commitImprovement(scenarioId: String, baseVersion: Int, plan: Plan, by author: String) async throws -> PlanRow {
        let now = timestamp()
        let json = try Self.encode(plan)
        return try await pool.write { db in
            let base = try Self.checkedBase(db, scenarioId: scenarioId, version: baseVersion)
            let row = PlanRow(scenarioId: scenarioId, version: baseVersion + 1, scenarioVersion: base.plan.scenarioVersion,
                              status: plan.status.rawValue, score: plan.score, bound: plan.bound, solveSeconds: plan.solveSeconds,
                              planJSON: json, origin: "improvement", basePlanVersion: baseVersion, createdAt: now, createdBy: author)
            try row.insert(db)
            return row
        }
    }
}

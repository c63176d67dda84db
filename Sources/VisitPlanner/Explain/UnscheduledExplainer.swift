import MILP
import VisitDomain

/// Explains why a visit is not in the plan, in sentences a coordinator can act on: the rule and
/// the resource or time that blocks it, and whether the visit is impossible on its own or crowded
/// out by other visits (which ones, over which resources).
struct UnscheduledExplainer: Sendable {
    let scenario: Scenario
    let generator: CandidateGenerator

    func reasons(for v: Int, candidates: VisitCandidates, scheduled: [Int: PlannedVisit]) -> [UnscheduledReason] {
        let visit = scenario.visits[v]
        if generator.baseline.underway.contains(v) {
            let started = generator.baseline.items.filter { $0.key.visit == v }.map(\.value.start).min() ?? 0
            return [UnscheduledReason(kind: .impossible, rule: .agenda, "under way since \(LocalDateTime(minutes: started)), but its remaining items can no longer follow within the rules (gaps of at most \(scenario.policies.maxGapMinutes) min, opening and service hours, caterer lead times: a moved meal needs a new order)")]
        }
        let statics = StaticReasons(scenario: scenario, eligibility: generator.eligibility).reasons(for: visit)
        if !statics.isEmpty { return statics }
        if candidates.timings.isEmpty {
            return TimeReasons(scenario: scenario, generator: generator).reasons(for: v)
        }
        if !feasibleAlone(v) {
            if feasibleAlone(v, enforceITCover: false) {
                return [ITCoverReasons(scenario: scenario).reason(for: visit, candidates: candidates)]
            }
            return [UnscheduledReason(kind: .impossible, rule: .availability, "no host, staff, room, route and caterer combination is available at one time in the window \(visit.window); check the staff's availability and leave and the rooms' closures")]
        }
        return CrowdingReasons(scenario: scenario, generator: generator).reasons(for: v, candidates: candidates, scheduled: scheduled)
    }

    /// Whether the visit could be planned if it were the only one.
    private func feasibleAlone(_ v: Int, enforceITCover: Bool = true) -> Bool {
        var builder = ModelBuilder(scenario: scenario, generator: generator)
        builder.visitSubset = [v]
        builder.enforceITCover = enforceITCover
        let model = builder.build()
        let result = GLPKSolver.solve(model.milp, options: SolverOptions(timeLimit: 5))
        return model.timings.contains { result.values.indices.contains($0.variable.index) && result.values[$0.variable.index] > 0.5 }
            || result.status == .noSolutionFound
    }
}

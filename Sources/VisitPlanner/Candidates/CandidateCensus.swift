import VisitDomain

/// Counts, without solving, the ways each visit could be timed on its own (rules 1-3 and the
/// resources free of static and calendar conflicts). It runs every derived value and eligibility
/// check the planner runs before GLPK, so the fuzzing harnesses use it to reach that code from
/// hostile input, and a coordinator's tools can use it to tell an impossible visit at once.
public enum CandidateCensus {
    /// Visit id → number of candidate timings (0: the visit cannot be placed whatever the others do).
    public static func timingsPerVisit(_ scenario: Scenario) -> [String: Int] {
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        var counts: [String: Int] = [:]
        for (v, visit) in view.scenario.visits.enumerated() {
            counts[visit.id, default: 0] += generator.candidates(for: v).timings.count
        }
        return counts
    }
}

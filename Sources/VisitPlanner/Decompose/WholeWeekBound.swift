import Foundation
import MILP

/// The whole week's LP bound for a decomposed week small enough to relax in a few seconds. The day
/// models' own bound (each day's, with multi-day visits priced by Lagrangian rounds) is loose when
/// many visits compete for the same resources on the same day; the LP relaxation of the one-model
/// week sees them all at once. Its optimum bounds the week's score from above (the whole-week
/// model and the day models share the objective, the score), so the search keeps the smaller of
/// the two bounds.
struct WholeWeekBound {
    let view: ScenarioView
    let generator: CandidateGenerator
    /// Weeks whose day models have more variables together are not relaxed (the LP would take
    /// longer than it is worth: 27,000 variables took 7 s, 70,000 more than 10 s).
    static let maxVariables = 40_000

    /// The relaxation's optimum, or nil when the week is too large, the LP did not finish within
    /// `timeLimit` seconds, or it ended otherwise than optimal.
    func bound(timeLimit: Double, search: SearchSettings) -> Double? {
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.keepsNames = false
        let model = builder.build()
        guard model.milp.variableCount <= Self.maxVariables, timeLimit > 0.1 else { return nil }
        var options = SolverOptions(timeLimit: timeLimit, relativeGap: 0)
        options.search = search
        let result = GLPKSolver.solve(model.milp.relaxed(), options: options)
        guard result.status == .optimal, let objective = result.objective, objective.isFinite else { return nil }
        return objective
    }
}

import Foundation
import MILP

/// The whole week's LP bound for a decomposed week small enough to relax in a few seconds. The day
/// models' own bound (each day's, with multi-day visits priced by Lagrangian rounds) is loose when
/// many visits compete for the same resources on the same day; the LP relaxation of the one-model
/// week sees them all at once. Its optimum bounds the week's score from above (the whole-week
/// model and the day models share the objective, the score), so the search keeps the smaller of
/// the two bounds.
///
/// The relaxation's dual values also price what ties the days together: the rule-1 row of each
/// multi-day visit and the budget row. With those prices the Lagrangian day models (solved as
/// MILPs) bound the week at or below the LP optimum, usually well below it, so the Lagrangian
/// rounds start from them (`WeekSearch.startPricing(from:)`).
struct WholeWeekBound {
    let view: ScenarioView
    let generator: CandidateGenerator
    /// Weeks whose day models have more variables together are not relaxed (the LP would take
    /// longer than it is worth: 27,000 variables take 4.3 s from GLPK's advanced basis, 70,000
    /// more than 10 s).
    static let maxVariables = 40_000

    /// The relaxation's optimum and its prices.
    struct Relaxation: Sendable {
        var bound: Double
        /// The dual values of the multi-day visits' rule-1 rows and of the budget row (≥ 0).
        var prices: LagrangianBound.Prices
    }

    /// The relaxation's optimum and prices for the visits in `multiDay`, or nil when the week is
    /// too large, the LP did not finish within `timeLimit` seconds, or it ended otherwise than optimal.
    func relaxation(multiDay: Set<Int>, timeLimit: Double, search: SearchSettings) -> Relaxation? {
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.keepsNames = false
        let model = builder.build()
        guard model.milp.variableCount <= Self.maxVariables, timeLimit > 0.1 else { return nil }
        var options = SolverOptions(timeLimit: timeLimit, relativeGap: 0)
        options.search = search
        options.search.advancedBasis = true
        let result = GLPKSolver.solve(model.milp.relaxed(), options: options)
        guard result.status == .optimal, let objective = result.objective, objective.isFinite else { return nil }
        var prices = LagrangianBound.Prices(visits: [:], budget: model.budgetRow.map { max(0, result.dual($0)) } ?? 0)
        for v in multiDay { prices.visits[v] = model.onceRows[v].map { max(0, result.dual($0)) } ?? 0 }
        return Relaxation(bound: objective, prices: prices)
    }
}

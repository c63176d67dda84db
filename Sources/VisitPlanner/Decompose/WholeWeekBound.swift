import Foundation
import MILP

/// The whole week's LP bound for a decomposed week small enough to relax in a few seconds. The day
/// models' own bound (each day's, with multi-day visits priced by Lagrangian rounds) is loose when
/// many visits compete for the same resources on the same day; the LP relaxation of the one-model
/// week sees them all at once. Its optimum bounds the week's score from above (the whole-week
/// model and the day models share the objective, the score), so the search keeps the smaller of
/// the two bounds.
///
/// A busy week's relaxation schedules fractions of the visits left out: on a doubled demo week
/// (74 visits, 50 placed) it holds 141.8 visits' worth of priority where any plan holds a whole
/// number, and its optimum is 0.58 % above the best plan. The visits' priorities are whole
/// numbers, so the relaxation is solved twice: first for the most priority it can schedule (the
/// visit count, each visit counted by its priority), then for the score with that count rounded
/// down as a row (`visit_count`), which every plan satisfies. On the doubled demo the bound falls
/// to 140956.85, 0.03 % above the best plan.
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
        /// The dual values of the multi-day visits' rule-1 rows, of the budget row and of the
        /// `visit_count` row (≥ 0).
        var prices: LagrangianBound.Prices
        /// The most priority a plan can schedule (nil when not known).
        var mostPriority: Double?
    }

    /// The relaxation's optimum and prices for the visits in `multiDay`, or nil when the week is
    /// too large, the LP did not finish within `timeLimit` seconds, or it ended otherwise than
    /// optimal. `capsPriority` false: without the `visit_count` row (one LP instead of two).
    func relaxation(multiDay: Set<Int>, timeLimit: Double, search: SearchSettings, capsPriority: Bool = true) -> Relaxation? {
        let started = ContinuousClock.now
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.keepsNames = false
        let model = builder.build()
        guard model.milp.variableCount <= Self.maxVariables, timeLimit > 0.1 else { return nil }
        var options = SolverOptions(timeLimit: timeLimit, relativeGap: 0)
        options.search = search
        options.search.advancedBasis = true
        var relaxed = model.milp.relaxed()
        let most = capsPriority ? mostPriority(model, relaxed, options: options) : nil
        var countRow: ConstraintRef?
        if let most { countRow = relaxed.addConstraint(priorityScheduled(model), .lessOrEqual, most, name: "visit_count") }
        // The score's LP gets what the first one left of the time.
        let left = timeLimit - (ContinuousClock.now - started).seconds
        guard left > 0.1 else { return nil }
        options.timeLimit = left
        let result = GLPKSolver.solve(relaxed, options: options)
        guard result.status == .optimal, let objective = result.objective, objective.isFinite else { return nil }
        var prices = LagrangianBound.Prices(visits: [:], budget: model.budgetRow.map { max(0, result.dual($0)) } ?? 0)
        for v in multiDay { prices.visits[v] = model.onceRows[v].map { max(0, result.dual($0)) } ?? 0 }
        prices.priority = countRow.map { max(0, result.dual($0)) } ?? 0
        return Relaxation(bound: objective, prices: prices, mostPriority: most)
    }

    /// Σ priority × timing over the week's visits: the priority a plan schedules (rule 1 lets
    /// each visit count once).
    private func priorityScheduled(_ model: PlanningModel) -> LinearExpression {
        var expression = LinearExpression()
        for choice in model.timings { expression.add(choice.variable, coefficient: Double(view.scenario.visits[choice.visit].priority)) }
        return expression
    }

    /// The most priority any plan can schedule, as far as the relaxation `relaxed` shows: its
    /// maximum rounded down (priorities are whole numbers). Nil when a scheduled visit is worth
    /// nothing for its own sake (a visit weight of 0 or less: the score's optimum need not
    /// schedule as much as it can, so the row would hardly ever bind), when nothing has a timing,
    /// or when the LP did not finish in the time it was given (half the bound's).
    private func mostPriority(_ model: PlanningModel, _ relaxed: Model, options: SolverOptions) -> Double? {
        guard view.scenario.objective.visit > 0, !model.timings.isEmpty else { return nil }
        var counting = relaxed
        counting.setObjective(priorityScheduled(model), .maximize)
        var half = options
        half.timeLimit = options.timeLimit.map { $0 / 2 }
        let result = GLPKSolver.solve(counting, options: half)
        guard result.status == .optimal, let most = result.objective, most.isFinite else { return nil }
        // A maximum within the LP's tolerance below a whole number is that number, not one less
        // (rounding it down would cut off plans).
        return (most + 1e-5 * max(1, most)).rounded(.down)
    }
}

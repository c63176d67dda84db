import MILP

/// One GLPK solve of a day (or a neighbourhood of one) on the calling thread, started from a
/// feasible solution that GLPK receives as its first incumbent.
struct DaySolve: Sendable {
    var model: Model
    /// Feasible values of `model` (checked again by the solver before it is offered).
    var incumbent: [Double]
    var timeLimit: Double
    var relativeGap: Double
    var search: SearchSettings

    struct Outcome: Sendable {
        /// The best values found (the incumbent when nothing better was found).
        var values: [Double]
        var objective: Double
        /// A proven bound: GLPK's, or when it stopped at the relative gap, the objective plus that
        /// gap; nil when it had none in time.
        var bound: Double?
        var optimal: Bool
    }

    func run() -> Outcome {
        var options = SolverOptions(timeLimit: max(0.01, timeLimit), relativeGap: relativeGap)
        options.incumbent = incumbent
        options.search = search
        let result = GLPKSolver.solve(model, options: options)
        trace("  day solve \(model.variableCount) vars: \(result.status) \(result.objective ?? -1) bound \(result.bound ?? -1) in \(result.seconds) s (limit \(timeLimit)) start \(model.objectiveValue(incumbent)) \(result.message ?? "")")
        let start = model.objectiveValue(incumbent)
        guard result.hasSolution, let objective = result.objective, objective >= start - 1e-9 else {
            return Outcome(values: incumbent, objective: start, bound: result.bound, optimal: false)
        }
        let optimal = result.status == .optimal
        // "Optimal" means within the relative gap: the true optimum may lie that far above.
        let bound = optimal ? objective + relativeGap * (abs(objective) + Double.ulpOfOne) : result.bound
        return Outcome(values: result.values, objective: objective, bound: bound, optimal: optimal)
    }
}

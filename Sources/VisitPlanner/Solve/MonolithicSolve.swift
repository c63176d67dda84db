import Foundation
import MILP
import VisitDomain

/// The whole week as one model: the construction heuristic's plan (completing the baseline when
/// replanning) is GLPK's first incumbent, offered through the branch-and-cut callback after the
/// LP relaxation; GLPK then searches until the time limit or the gap.
struct MonolithicSolve: Sendable {
    let view: ScenarioView
    let generator: CandidateGenerator
    let options: PlannerOptions
    let deadline: ContinuousClock.Instant?
    let reporter: ProgressReporter

    func run() throws(PlannerError) -> SolvedWeek {
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.keepsNames = options.exportModelPath != nil && options.exportDay == nil
        let model = builder.build()
        // A visit under way with no timing left (its items still to come fit nowhere) would be dropped.
        let stuck = model.candidates.filter { $0.timings.isEmpty && model.baseline.underway.contains($0.visitIndex) }
            .map { view.scenario.visits[$0.visitIndex].id }
        if !stuck.isEmpty {
            trace("under way, no timing left: \(stuck.joined(separator: ", "))")
            throw .underwayCannotGoOn(noTimingLeft: stuck)
        }
        if let path = options.exportModelPath, options.exportDay == nil { try export(model.milp, to: path) }
        let constructed = firstIncumbent(model)
        let kept = constructed.map { keptPinnedVariables(model, at: $0) } ?? []
        if let constructed { reporter.report(score: model.milp.objectiveValue(constructed.values)) }
        var solverOptions = SolverOptions(timeLimit: deadline.map { max(0, ($0 - ContinuousClock.now).seconds) },
                                          relativeGap: options.relativeGap)
        let reporter = reporter
        solverOptions.progress = { p in reporter.report(score: p.incumbent, bound: p.bound) }
        solverOptions.search = options.search
        var result: SolveResult
        if let constructed, !kept.isEmpty {
            // GLPK sees only the neighbourhood's choices; the kept visits' part is the objective's constant.
            let keptSet = Set(kept.map(\.index))
            let sub = Submodel(of: model.milp, free: model.milp.variables.filter { !keptSet.contains($0.index) }, fixedAt: constructed.values)
            solverOptions.incumbent = sub.restrict(constructed.values)
            result = GLPKSolver.solve(sub.model, options: solverOptions)
            if result.status == .optimal || result.status == .feasible {
                result.values = sub.expand(result.values, into: constructed.values)   // all kept when nothing was free
            }
        } else {
            solverOptions.incumbent = constructed?.values
            result = GLPKSolver.solve(model.milp, options: solverOptions)
        }
        let status: PlanStatus
        var values = result.values
        switch result.status {
        case .optimal: status = .optimal
        case .feasible: status = .feasible
        case .noSolutionFound where constructed == nil && !model.baseline.underway.isEmpty:
            // The empty plan would drop the visits under way.
            trace("under way: no plan found in time")
            throw .underwayCannotGoOn()
        case .noSolutionFound:
            // Nothing found in time: the heuristic's plan, else the empty plan (always valid from scratch).
            status = .feasible
            values = constructed?.values ?? []
        case .infeasible where !model.baseline.underway.isEmpty:
            trace("under way: infeasible")
            throw .underwayCannotGoOn()
        case .infeasible, .unbounded, .error:
            throw .solver(result.message ?? "GLPK ended with status \(result.status)")
        }
        let zero = [Double](repeating: 0, count: model.milp.variableCount)
        return SolvedWeek(scheduled: SolutionReader(view: view, model: model).visits(from: values), status: status,
                          termination: result.termination, bound: result.bound ?? fallbackBound(model), modelObjective: model.milp.objectiveValue(values.isEmpty ? zero : values),
                          candidates: model.candidates,
                          statistics: ModelStatistics(visits: view.scenario.visits.count, timings: model.timings.count,
                                                      variables: model.milp.variableCount, rows: model.milp.constraintCount))
    }

    /// The variables of the pinned visits (a replan's rest of the week) that the first incumbent
    /// keeps: their timing, rooms, routes, caterers, host and staff. They stay at the incumbent's
    /// values, so that GLPK carries only the neighbourhood's choices. A pinned visit the incumbent
    /// could not keep stays free, for the solver to place or leave out.
    func keptPinnedVariables(_ model: PlanningModel, at incumbent: ConstructedSolution) -> [Variable] {
        let pinned = model.baseline.pinned.intersection(incumbent.placed)
        guard !pinned.isEmpty else { return [] }
        var kept: [Variable] = []
        for choice in model.timings where pinned.contains(choice.visit) { kept.append(choice.variable) }
        for choice in model.rooms + model.routes + model.caterers where pinned.contains(choice.item.visit) { kept.append(choice.variable) }
        for duty in model.duties where pinned.contains(duty.visit) { kept.append(duty.variable) }
        for booking in model.bookings where pinned.contains(booking.visit) { kept.append(booking.variable) }
        return kept
    }

    /// A proven bound when GLPK stopped before it had one (still in the LP relaxation): every visit
    /// at its best timing with its best resources and people, as if it had the week to itself;
    /// in a replan (whose objective has terms for what changes), every positive term at once.
    func fallbackBound(_ model: PlanningModel) -> Double {
        guard model.baseline.isEmpty else {
            return model.objective.constant + model.objective.terms.values.reduce(0) { $0 + max(0, $1) }
        }
        let whole = DayModels(scenario: view.scenario, days: [0], parts: [model], indexes: [ChoiceIndex(model)])
        return whole.standaloneBound(0, objective: model.objective).total
    }

    /// The solver's first incumbent: the baseline put back as far as it holds (replanning), then
    /// completed by the construction heuristic; nil when no feasible start is found.
    func firstIncumbent(_ model: PlanningModel) -> ConstructedSolution? {
        let heuristic = ConstructionHeuristic(scenario: view.scenario, model: model)
        if !model.baseline.scheduled.isEmpty, let warm = WarmStart(scenario: view.scenario, model: model).start(),
           let completed = heuristic.complete([warm.solution], placed: warm.placed) {
            return completed
        }
        return heuristic.complete()
    }
}

/// Writes `model` to `path` (`.lp`, else CPLEX LP; `.mps`: free MPS).
func export(_ model: Model, to path: String) throws(PlannerError) {
    do { try model.write(to: path, format: ModelFileFormat(pathExtension: (path as NSString).pathExtension) ?? .cplexLP) }
    catch { throw .export(String(describing: error)) }
}

import Foundation
import MILP
import VisitDomain

/// Plans a scenario: builds the model, solves it with GLPK, reads the plan back, explains every
/// unscheduled visit and checks the plan with the independent `PlanChecker` before returning it.
public struct Planner: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) { self.scenario = scenario }

    /// Plans the scenario. With a `baseline` (replanning), the score adds the replanning terms
    /// measured against it, frozen and pinned items keep their times and resources, and the
    /// baseline, as far as it still holds, is the solver's first incumbent.
    /// Throws only when the solver fails outright or the checker rejects the plan (an internal
    /// error: such a plan is never returned).
    public func plan(options: PlannerOptions = .init(), baseline: PlanBaseline? = nil) throws(PlannerError) -> PlanningOutcome {
        let clock = ContinuousClock.now
        let view = ScenarioView(scenario)
        var generator = CandidateGenerator(scenario: view.scenario, leadTime: LeadTimeRule(scenario: view.scenario,
                                                                                         standingOrders: standingOrders(baseline, view)))
        if let baseline { generator.baseline = ModelBaseline(baseline, view: view) }
        let builder = ModelBuilder(scenario: view.scenario, generator: generator)
        let model = builder.build()
        if let path = options.exportModelPath {
            do { try model.milp.write(to: path, format: ModelFileFormat(pathExtension: (path as NSString).pathExtension) ?? .cplexLP) }
            catch { throw .export(String(describing: error)) }
        }
        var solverOptions = SolverOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap)
        if let progress = options.progress {
            solverOptions.progress = { p in progress(PlannerProgress(bestScore: p.incumbent, bound: p.bound, seconds: p.seconds)) }
        }
        let warmStart = baseline == nil ? nil : WarmStart(scenario: view.scenario, model: model).incumbent()
        solverOptions.incumbent = warmStart
        let result = GLPKSolver.solve(model.milp, options: solverOptions)
        let status: PlanStatus
        var values = result.values
        switch result.status {
        case .optimal: status = .optimal
        case .feasible: status = .feasible
        case .noSolutionFound:
            // Nothing found in time: the warm start, else the empty plan (always valid from scratch).
            status = .feasible
            values = warmStart ?? []
        case .infeasible where !model.baseline.underway.isEmpty:
            throw .solver("the visits under way cannot go on as planned after these events (their remaining items no longer fit)")
        case .infeasible, .unbounded, .error:
            throw .solver(result.message ?? "GLPK ended with status \(result.status)")
        }
        let scheduled = SolutionReader(view: view, model: model).visits(from: values)
        let explainer = UnscheduledExplainer(scenario: view.scenario, generator: builder.generator)
        var visits = view.scenario.visits.indices.map { v in
            if let planned = scheduled[v] { return planned }
            let id = view.scenario.visits[v].id
            if baseline?.excluded.contains(id) == true, let kept = baseline?.plan.visit(id), !kept.scheduled { return kept }
            return .unscheduled(id, reasons: explainer.reasons(for: v, candidates: model.candidates[v], scheduled: scheduled))
        }
        for (id, reasons) in (baseline?.cancelledVisits ?? [:]).sorted(by: { $0.key < $1.key }) {
            visits.append(.unscheduled(id, reasons: reasons))
        }
        var plan = Plan(scenario: scenario.name, status: status, score: 0, bound: 0, solveSeconds: 0, visits: visits,
                        totals: PlanTotals(scheduled: scheduled.count, unscheduled: visits.count - scheduled.count,
                                           cateringCost: 0))
        let seconds = (ContinuousClock.now - clock).seconds
        let checker = PlanChecker(scenario: scenario, replan: baseline?.checkContext)
        plan = plan.withScoreFrom(checker)
        plan.bound = status == .optimal ? plan.score : max(plan.score, (result.bound ?? plan.score).rounded(toPlaces: 4))
        plan.solveSeconds = seconds.rounded(toPlaces: 3)
        let report = checker.check(plan)
        guard report.isValid else { throw .invalidPlan(report.violations.map(\.description)) }
        return PlanningOutcome(plan: plan, modelObjective: values.isEmpty ? model.milp.objectiveValue([Double](repeating: 0, count: model.milp.variableCount)) : model.milp.objectiveValue(values),
                               statistics: ModelStatistics(visits: scenario.visits.count, timings: model.timings.count,
                                                           variables: model.milp.variableCount, rows: model.milp.constraintCount))
    }

    /// Meals of the baseline: an order stands when a replan keeps its caterer and start.
    private func standingOrders(_ baseline: PlanBaseline?, _ view: ScenarioView) -> [MealOrderKey: (caterer: Int, start: Int)] {
        guard let baseline else { return [:] }
        var orders: [MealOrderKey: (caterer: Int, start: Int)] = [:]
        for (v, visit) in view.scenario.visits.enumerated() {
            guard let planned = baseline.plan.visit(visit.id), planned.scheduled else { continue }
            for (position, item) in (planned.items ?? []).enumerated() {
                guard let id = item.caterer, let c = view.scenario.caterers.firstIndex(where: { $0.id == id }),
                      let k = view.position(visit: v, agendaIndex: item.agendaIndex ?? position) else { continue }
                orders[MealOrderKey(visit: visit.id, item: k)] = (c, item.start.minutes)
            }
        }
        return orders
    }
}

/// Settings of one planning run.
public struct PlannerOptions: Sendable {
    /// Seconds; the best plan found by then is returned.
    public var timeLimit: Double?
    /// Stop when the relative gap between score and bound is below this.
    public var relativeGap: Double
    /// Called with the best score and bound so far while the solver runs.
    public var progress: (@Sendable (PlannerProgress) -> Void)?
    /// Write the model (`.lp` or `.mps`) here before solving.
    public var exportModelPath: String?

    public init(timeLimit: Double? = 60, relativeGap: Double = 1e-4, progress: (@Sendable (PlannerProgress) -> Void)? = nil,
                exportModelPath: String? = nil) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.progress = progress; self.exportModelPath = exportModelPath
    }
}

/// A progress report during a solve.
public struct PlannerProgress: Sendable {
    public var bestScore: Double?
    public var bound: Double?
    public var seconds: Double
}

/// The checked plan and facts about the model that produced it.
public struct PlanningOutcome: Sendable {
    public var plan: Plan
    /// The solver's objective value; equals `plan.score` (the checker's) when model and checker agree.
    public var modelObjective: Double
    public var statistics: ModelStatistics
}

/// The size of a planning model.
public struct ModelStatistics: Sendable, Hashable {
    public var visits: Int
    public var timings: Int
    public var variables: Int
    public var rows: Int
}

/// Why planning failed. A plan that fails the checker is a bug and is reported, never printed.
public enum PlannerError: Error, Sendable, CustomStringConvertible {
    case solver(String)
    case export(String)
    case invalidPlan([String])

    public var description: String {
        switch self {
        case .solver(let message): "the solver failed: \(message)"
        case .export(let message): "could not write the model: \(message)"
        case .invalidPlan(let violations):
            "internal error: the plan breaks the rules it must obey, so it is not printed:\n"
                + violations.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}

extension Plan {
    /// This plan with `score` and totals set from the checker's recomputation.
    func withScoreFrom(_ checker: PlanChecker) -> Plan {
        var copy = self
        let report = checker.check(copy)
        copy.score = report.score.rounded(toPlaces: 4)
        copy.totals.cateringCost = report.cateringCost
        return copy
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

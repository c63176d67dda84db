import Foundation
import MILP
import VisitDomain

/// Plans a scenario: builds the model (one for the week, or one per day), finds a first plan with
/// the construction heuristic, improves it with GLPK, reads the plan back, explains every
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
        let reporter = ProgressReporter(start: clock, callback: options.progress)
        let deadline = options.timeLimit.map { clock + .seconds(max(0, $0)) }
        let view = ScenarioView(scenario)
        var generator = CandidateGenerator(scenario: view.scenario, leadTime: LeadTimeRule(scenario: view.scenario,
                                                                                         standingOrders: standingOrders(baseline, view)))
        if let baseline { generator.baseline = ModelBaseline(baseline, view: view) }
        if let day = options.exportDay, let path = options.exportModelPath { try exportDayModel(day, to: path, view: view, generator: generator) }
        let solved: SolvedWeek
        if options.strategy == .monolithic || baseline != nil {
            solved = try MonolithicSolve(view: view, generator: generator, options: options, deadline: deadline, reporter: reporter).run()
        } else {
            let week = WeekCandidates(view: view, generator: generator, threads: options.threads)
            if options.strategy.resolved(replanning: false, days: week.days.count, visits: scenario.visits.count) == .monolithic
                || HotelCoupling(scenario: view.scenario, eligibility: generator.eligibility).tiesDays(week) {
                solved = try MonolithicSolve(view: view, generator: generator, options: options, deadline: deadline, reporter: reporter).run()
            } else {
                if let path = options.exportModelPath, options.exportDay == nil {
                    try export(ModelBuilder(scenario: view.scenario, generator: generator).build().milp, to: path)
                }
                solved = DecomposedSolve(view: view, generator: generator, week: week, options: options, deadline: deadline,
                                         reporter: reporter).run()
            }
        }
        return try PlanAssembly(view: view, generator: generator, baseline: baseline).outcome(solved, seconds: reporter.elapsed)
    }

    /// Writes one day's model, as the decomposed strategy builds it.
    private func exportDayModel(_ day: LocalDate, to path: String, view: ScenarioView, generator: CandidateGenerator) throws(PlannerError) {
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        guard week.days.contains(day.dayNumber) else {
            throw .export("no visit can take place on \(day) (days with candidates: "
                          + (week.days.isEmpty ? "none" : week.days.map { LocalDate(dayNumber: $0).description }.joined(separator: ", ")) + ")")
        }
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.sharedBudget = true
        builder.breaksStaffSymmetry = false
        var model = builder.build(candidates: week.onDay(day.dayNumber))
        if let spent = model.spentElsewhere { model.milp.setBounds(spent, lower: 0, upper: 0) }
        try export(model.milp, to: path)
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
    /// Write the model (`.lp` or `.mps`) here before solving (the whole week's, whatever the strategy).
    public var exportModelPath: String?
    /// With `exportModelPath`: write this day's model instead (as the decomposition builds it,
    /// with the whole weekly budget open to the day).
    public var exportDay: LocalDate?
    /// Monolithic or decomposed by day; `automatic` decomposes plans from scratch (see `PlanningStrategy`).
    public var strategy: PlanningStrategy
    /// Threads for the day models and their solves (at least 1; default: the active processors).
    public var threads: Int
    /// GLPK's search settings for every solve of the plan (whole week, days, neighbourhoods); the
    /// defaults are what the benchmark ladder found best.
    public var search = SearchSettings()
    /// A ceiling on the process's resident memory, in MiB, that the decomposed search keeps to
    /// where it can: neighbourhoods are solved side by side only while the resident size now plus
    /// an estimate of their GLPK searches (`WeekSearch.bytesPerFreeVariable`) stays under it, else
    /// one at a time. nil: no ceiling (large neighbourhoods are still solved one at a time).
    public var memoryLimitMiB: Int?

    public init(timeLimit: Double? = 60, relativeGap: Double = 1e-4, progress: (@Sendable (PlannerProgress) -> Void)? = nil,
                exportModelPath: String? = nil, strategy: PlanningStrategy = .automatic,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.progress = progress; self.exportModelPath = exportModelPath
        self.strategy = strategy; self.threads = max(1, threads)
    }
}

/// A progress report during planning.
public struct PlannerProgress: Sendable {
    /// The model objective of the best plan so far (nil before the first).
    public var bestScore: Double?
    /// The best proven bound so far (nil before the solver has one).
    public var bound: Double?
    /// Seconds since planning started (model building included).
    public var seconds: Double
}

/// The checked plan and facts about the model that produced it.
public struct PlanningOutcome: Sendable {
    public var plan: Plan
    /// Why the solve stopped (the plan's `status` says only whether it is proven optimal).
    public var termination: TerminationStatus
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
    /// Replanning: no plan keeps every visit under way going (their items still to come no longer
    /// fit). `noTimingLeft` names the visits under way with no timing at all for what remains
    /// (empty when the model as a whole had no plan keeping them).
    case underwayCannotGoOn(noTimingLeft: [String] = [])

    public var description: String {
        switch self {
        case .solver(let message): "the solver failed: \(message)"
        case .underwayCannotGoOn:
            "the solver failed: the visits under way cannot go on as planned after these events (their remaining items no longer fit)"
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

func trace(_ message: @autoclosure () -> String) {
    if ProcessInfo.processInfo.environment["VISITPLAN_TRACE"] != nil {
        FileHandle.standardError.write(Data(("trace: " + message() + " [rss \(residentMiB()) MiB]\n").utf8))
    }
}

/// The process's resident memory now, in MiB (from /proc; 0 where there is none).
func residentMiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
    return pages * 4096 / (1 << 20)
}

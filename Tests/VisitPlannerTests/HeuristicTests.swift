import MILP
import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// The construction heuristic: a plan in milliseconds that keeps every row of the model, whatever
/// the week, and that the planner returns when the solver has no time.
@Suite("Construction heuristic")
struct HeuristicTests {
    /// Three seeds of the small sizes, one of the larger ones (the ladder's 400-visit week is
    /// checked by the ladder itself: its model takes minutes and gigabytes in a debug build).
    static let weeks: [(visits: Int, seed: UInt64, tight: Bool)] =
        [10, 25, 50].flatMap { n in [1, 2, 3].flatMap { s in [false, true].map { (n, UInt64(s), $0) } } }
        + [100, 200].flatMap { n in [false, true].map { (n, UInt64(1), $0) } }

    @Test("on the whole-week model, the heuristic's plan satisfies every row and passes the checker", arguments: weeks)
    func wholeWeekPlanPassesChecker(week: (visits: Int, seed: UInt64, tight: Bool)) throws {
        let scenario = ScenarioGenerator(visits: week.visits, seed: week.seed, tight: week.tight).scenario()
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let model = ModelBuilder(scenario: view.scenario, generator: generator).build()
        let constructed = try #require(ConstructionHeuristic(scenario: view.scenario, model: model).complete())
        #expect(model.milp.firstViolation(constructed.values) == nil)
        let scheduled = SolutionReader(view: view, model: model).visits(from: constructed.values)
        #expect(Set(scheduled.keys) == constructed.placed)
        let objective = model.milp.objectiveValue(constructed.values)
        let outcome = try PlanAssembly(view: view, generator: generator, baseline: nil).outcome(
            SolvedWeek(scheduled: scheduled, status: .feasible, termination: .timeLimit, bound: nil, modelObjective: objective, candidates: model.candidates,
                       statistics: ModelStatistics(visits: 0, timings: 0, variables: 0, rows: 0)),
            seconds: 0)
        #expect(PlanChecker(scenario: scenario).check(outcome.plan).isValid)
        #expect(abs(outcome.plan.score - objective) < 1e-6 * max(1, abs(objective)))
        // A normal week has room for nearly everyone; the greedy order must not waste it.
        if !week.tight { #expect(Double(scheduled.count) >= 0.8 * Double(scenario.visits.count)) }
    }

    @Test("on one model per day, the heuristic places each visit on one day, keeps the weekly budget and passes the checker",
          arguments: weeks)
    func dayModelsPlanPassesChecker(week: (visits: Int, seed: UInt64, tight: Bool)) throws {
        let scenario = ScenarioGenerator(visits: week.visits, seed: week.seed, tight: week.tight).scenario()
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let candidates = WeekCandidates(view: view, generator: generator, threads: 2)
        let days = DayModels.build(view: view, generator: generator, week: candidates, threads: 2)
        let parts = days.parts
        let constructed = try #require(ConstructionHeuristic(scenario: view.scenario, parts: parts).complete())
        let values = constructed.parts.map(\.values)
        for k in parts.indices { #expect(parts[k].milp.firstViolation(values[k]) == nil) }
        let onDays = parts.indices.flatMap { days.scheduled($0, values[$0]) }
        #expect(onDays.count == Set(onDays).count, "a visit is on two days")
        if let budget = scenario.policies.weeklyHospitalityBudget {
            #expect(parts.indices.reduce(0) { $0 + days.cost($1, values[$1]) } <= budget + 1e-6)
        }
        let scheduled = days.read(values, view: view)
        #expect(scheduled.count == onDays.count)
        let outcome = try PlanAssembly(view: view, generator: generator, baseline: nil).outcome(
            SolvedWeek(scheduled: scheduled, status: .feasible, termination: .timeLimit, bound: nil, modelObjective: days.objective(values),
                       candidates: candidates.candidates, statistics: ModelStatistics(visits: 0, timings: 0, variables: 0, rows: 0)),
            seconds: 0)
        #expect(PlanChecker(scenario: scenario).check(outcome.plan).isValid)
        #expect(abs(outcome.plan.score - days.objective(values)) < 1e-6 * max(1, abs(outcome.plan.score)))
    }

    @Test("with no time for the solver, the planner still returns at least the heuristic's plan",
          arguments: [PlanningStrategy.monolithic, .decomposed])
    func noTimeGivesHeuristicPlan(strategy: PlanningStrategy) throws {
        let scenario = ScenarioGenerator(visits: 25, seed: 7).scenario()
        let view = ScenarioView(scenario)
        let model = ModelBuilder(scenario: view.scenario, generator: CandidateGenerator(scenario: view.scenario)).build()
        let heuristic = try #require(ConstructionHeuristic(scenario: view.scenario, model: model).complete())
        let outcome = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 0, strategy: strategy))
        #expect(PlanChecker(scenario: scenario).check(outcome.plan).isValid)
        let heuristicScore = model.milp.objectiveValue(heuristic.values)
        #expect(heuristic.placed.count > 0)
        #expect(outcome.plan.score >= heuristicScore - 1e-6 * abs(heuristicScore))
        // The bound is a proven one even though the solver had no time for its own: at least the optimum.
        let optimum = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 120, strategy: .monolithic)).plan
        try #require(optimum.status == .optimal)
        #expect(outcome.plan.bound >= optimum.score * (1 - 1e-4))
        if outcome.plan.status != .optimal { #expect(outcome.plan.bound > outcome.plan.score) }
    }
}

/// The step-by-step assembly the heuristic relies on: upper limits only while a group grows,
/// undo to a checkpoint, and the full check of the rows a group touched.
@Suite("Heuristic: partial solutions")
struct HeuristicPartialSolutionTests {
    /// x + y ≤ 1 (a clique), z − x = 0 (z goes with x), w ≥ z (w covers z).
    static func model() -> (Model, [Variable]) {
        var m = Model(name: "assembly")
        let x = m.addBinary("x"), y = m.addBinary("y"), z = m.addBinary("z"), w = m.addBinary("w")
        m.addConstraint(LinearExpression.sum([x, y]), .lessOrEqual, 1, name: "clique")
        m.addConstraint(LinearExpression(z) - x, .equal, 0, name: "link")
        m.addConstraint(LinearExpression(w) - z, .greaterOrEqual, 0, name: "cover")
        return (m, [x, y, z, w])
    }

    @Test("upper limits alone let a group grow parent first; its lower limits are checked once it is complete")
    func upperLimitsThenFullCheck() {
        let (model, v) = Self.model()
        var s = PartialSolution(model: model)
        let start = s.checkpoint
        // x alone breaks the lower side of z − x = 0: refused by the full check, kept by upper limits.
        let fullCheckTakesX = s.tryAssign([(v[0], 1)])
        #expect(!fullCheckTakesX)
        let upperCheckTakesX = s.tryAssign([(v[0], 1)], checking: .upperLimits)
        #expect(upperCheckTakesX)
        #expect(!s.touchedRowsHold(since: start))
        let upperCheckTakesZ = s.tryAssign([(v[2], 1)], checking: .upperLimits)
        #expect(upperCheckTakesZ)
        #expect(!s.touchedRowsHold(since: start), "w ≥ z does not hold yet")
        let upperCheckTakesW = s.tryAssign([(v[3], 1)], checking: .upperLimits)
        #expect(upperCheckTakesW)
        #expect(s.touchedRowsHold(since: start))
        #expect(s.isFeasible)
        // The clique's upper limit is enforced in both modes.
        let cliqueTakesY = s.tryAssign([(v[1], 1)], checking: .upperLimits)
        #expect(!cliqueTakesY)
    }

    @Test("undo takes back every assignment since the checkpoint, row activities included")
    func undoRestores() {
        let (model, v) = Self.model()
        var s = PartialSolution(model: model)
        let takesY = s.tryAssign([(v[1], 1)])
        #expect(takesY)
        let mark = s.checkpoint
        let takesW = s.tryAssign([(v[3], 1)], checking: .upperLimits)
        #expect(takesW)
        s.undo(to: mark)
        #expect(s.values == [0, 1, 0, 0])
        // With y back alone, x must still be refused by the clique: the activity was restored.
        let cliqueTakesX = s.tryAssign([(v[0], 1), (v[2], 1)], checking: .upperLimits)
        #expect(!cliqueTakesX)
        #expect(s.isFeasible)
    }

    @Test("a solution started from values has their row activities")
    func startFromValues() {
        let (model, v) = Self.model()
        var s = PartialSolution(model: model, values: [1, 0, 1, 1])
        #expect(s.isFeasible)
        let cliqueTakesY = s.tryAssign([(v[1], 1)])
        #expect(!cliqueTakesY)
        #expect(!PartialSolution(model: model, values: [1, 0, 0, 0]).isFeasible)
    }
}

import MILP
import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// The week solved day by day: the same optimum as the whole-week model where both prove it, a
/// valid bound, and the ties between days (multi-day visits, the weekly budget) kept.
@Suite("Day decomposition")
struct DecompositionTests {
    static let smallWeeks: [(visits: Int, seed: UInt64, tight: Bool)] = [(10, 1, false), (10, 2, false), (12, 3, false),
                                                                          (14, 4, false), (10, 4, true), (12, 5, true)]

    @Test("the decomposed and the monolithic solve agree on the optimum where both prove it; each one's bound holds for the other")
    func sameOptimumAsMonolithic() throws {
        var bothProven = 0
        for week in Self.smallWeeks {
            let scenario = ScenarioGenerator(visits: week.visits, seed: week.seed, tight: week.tight).scenario()
            let planner = Planner(scenario: scenario)
            let gap = 1e-4
            let monolithic = try planner.plan(options: PlannerOptions(timeLimit: 120, relativeGap: gap, strategy: .monolithic)).plan
            let decomposed = try planner.plan(options: PlannerOptions(timeLimit: 120, relativeGap: gap, strategy: .decomposed)).plan
            #expect(PlanChecker(scenario: scenario).check(decomposed).isValid)
            let tolerance = 2 * gap * max(1, abs(monolithic.score))
            #expect(decomposed.bound >= monolithic.score - tolerance, "\(scenario.name)")
            #expect(monolithic.bound >= decomposed.score - tolerance, "\(scenario.name)")
            guard monolithic.status == .optimal, decomposed.status == .optimal else { continue }
            bothProven += 1
            #expect(abs(decomposed.score - monolithic.score) <= tolerance, "\(scenario.name)")
        }
        // Not vacuous: most of these weeks are proven both ways.
        #expect(bothProven >= 3)
    }

    @Test("the small weeks have visits whose window offers several days, so the agreement above tests the master step")
    func smallWeeksHaveMultiDayVisits() {
        var multiDay = 0
        for week in Self.smallWeeks {
            let scenario = ScenarioGenerator(visits: week.visits, seed: week.seed, tight: week.tight).scenario()
            let view = ScenarioView(scenario)
            let candidates = WeekCandidates(view: view, generator: CandidateGenerator(scenario: view.scenario), threads: 1)
            multiDay += candidates.multiDayVisits.count
        }
        #expect(multiDay >= 3)
    }

    @Test("a tight week's decomposed plan keeps the weekly budget, places no visit twice, and reports a bound ≥ its score")
    func tightWeekKeepsCoupling() throws {
        let scenario = ScenarioGenerator(visits: 40, seed: 11, tight: true).scenario()
        let outcome = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20, strategy: .decomposed))
        let plan = outcome.plan
        let report = PlanChecker(scenario: scenario).check(plan)
        #expect(report.isValid, "\(report.violations)")
        let ids = plan.visits.map(\.id)
        #expect(ids.count == Set(ids).count)
        #expect(plan.totals.cateringCost <= (scenario.policies.weeklyHospitalityBudget ?? .infinity) + 1e-6)
        #expect(plan.bound >= plan.score - 1e-6)
        #expect(abs(outcome.modelObjective - plan.score) < 1e-6 * max(1, abs(plan.score)))
    }

    @Test("repair keeps a multi-day visit on one day only and the week within budget")
    func repairResolvesDuplicates() throws {
        let scenario = ScenarioGenerator(visits: 30, seed: 6, tight: true).scenario()
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let days = DayModels.build(view: view, generator: generator,
                                   week: WeekCandidates(view: view, generator: generator, threads: 2), threads: 2)
        let parts = days.parts
        // Each day planned on its own, as if it had the week to itself: multi-day visits land on
        // several days and the days together may overspend.
        let alone = try parts.indices.map { k -> [Double] in
            try #require(ConstructionHeuristic(scenario: view.scenario, parts: [parts[k]]).complete()).values
        }
        let twice = days.multiDay.filter { v in parts.indices.filter { days.scheduled($0, alone[$0]).contains(v) }.count > 1 }
        try #require(!twice.isEmpty, "the test needs a multi-day visit placed on two days")
        let repaired = try #require(WeekRepair(days: days).repaired(alone))
        #expect(days.isFeasible(repaired))
        let onDays = parts.indices.flatMap { days.scheduled($0, repaired[$0]) }
        #expect(onDays.count == Set(onDays).count)
        if let budget = days.budget { #expect(parts.indices.reduce(0) { $0 + days.cost($1, repaired[$1]) } <= budget + 1e-6) }
    }

    @Test("a submodel re-optimises only its free variables and keeps the objective of the whole solution")
    func submodelKeepsTheRest() {
        var m = Model(name: "lns")
        let x = m.addBinary("x"), y = m.addBinary("y"), z = m.addBinary("z")
        m.addConstraint(LinearExpression.sum([x, y, z]), .lessOrEqual, 2, name: "two")
        m.setObjective(LinearExpression([(x, 3), (y, 2), (z, 1)]), .maximize)
        let incumbent: [Double] = [0, 1, 1]
        let sub = Submodel(of: m, free: [x, y], fixedAt: incumbent)
        #expect(sub.model.variableCount == 2)
        #expect(sub.model.objectiveValue(sub.restrict(incumbent)) == 3)
        let result = GLPKSolver.solve(sub.model)
        #expect(result.status == .optimal)
        #expect(result.objective == 4)   // x with z kept: 3 + 1
        #expect(sub.expand(result.values, into: incumbent) == [1, 0, 1])
    }

    /// A tight generated week with every visit twice: the twins compete on the same day, where the
    /// day models' own bound is loose and the relaxation schedules fractions of visits.
    static func twinWeek() -> Scenario {
        var scenario = ScenarioGenerator(visits: 20, seed: 3, tight: true).scenario()
        scenario.visits += scenario.visits.map { visit in
            var twin = visit
            twin.id += "-2"
            return twin
        }
        return scenario
    }

    @Test("a small decomposed week keeps the whole week's LP bound when it is tighter: its bound is at most the LP optimum, at least its score")
    func wholeWeekLPBound() throws {
        let scenario = Self.twinWeek()
        let view = ScenarioView(scenario)
        let lp = try #require(WholeWeekBound(view: view, generator: CandidateGenerator(scenario: view.scenario))
            .relaxation(multiDay: [], timeLimit: 30, search: SearchSettings())).bound
        let outcome = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20, strategy: .decomposed, threads: 2))
        #expect(outcome.plan.bound <= lp + 1e-6 * abs(lp), "bound \(outcome.plan.bound), whole-week LP \(lp)")
        #expect(outcome.plan.bound >= outcome.plan.score - 1e-6)
        #expect(PlanChecker(scenario: scenario).check(outcome.plan).isValid)
    }

    @Test("on a week where visits compete, the relaxation caps the priority scheduled at a whole number no plan exceeds, and the cap tightens its bound")
    func priorityCap() throws {
        let scenario = Self.twinWeek()
        let view = ScenarioView(scenario)
        let bound = WholeWeekBound(view: view, generator: CandidateGenerator(scenario: view.scenario))
        let capped = try #require(bound.relaxation(multiDay: [], timeLimit: 30, search: SearchSettings()))
        let uncapped = try #require(bound.relaxation(multiDay: [], timeLimit: 30, search: SearchSettings(), capsPriority: false))
        let cap = try #require(capped.mostPriority)
        #expect(uncapped.mostPriority == nil && uncapped.prices.priority == 0)
        #expect(cap == cap.rounded() && capped.prices.priority >= 0)
        // Not every visit fits, and the relaxation schedules fractions of those left out.
        #expect(cap < Double(scenario.visits.reduce(0) { $0 + $1.priority }))
        #expect(capped.bound < uncapped.bound - 1, "capped \(capped.bound), uncapped \(uncapped.bound)")
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20, strategy: .decomposed, threads: 2)).plan
        let scheduled = scenario.visits.indices.filter { i in plan.visits.contains { $0.id == scenario.visits[i].id && $0.scheduled } }
        #expect(Double(scheduled.reduce(0) { $0 + scenario.visits[$1].priority }) <= cap)
        #expect(capped.bound >= plan.score - 1e-6 * abs(plan.score), "capped \(capped.bound), plan \(plan.score)")
    }

    @Test("with a priority cap, each day pays its price per unit of priority scheduled, the week bound gets it back on the cap, and the subgradient is the cap less what the days schedule")
    func priorityPrice() throws {
        let scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("demo-week.yaml"))
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let days = DayModels.build(view: view, generator: generator, week: WeekCandidates(view: view, generator: generator, threads: 1), threads: 1)
        let prices = LagrangianBound.Prices(visits: [:], budget: 0, priority: 2)
        let capped = LagrangianBound(days: days, mostPriority: 10)
        let uncapped = LagrangianBound(days: days)
        #expect(capped.weekBound(dayBounds: [100], prices) == 120)
        #expect(uncapped.weekBound(dayBounds: [100], prices) == 100)
        let timing = try #require(days.parts[0].timings.first)
        let priority = Double(scenario.visits[timing.visit].priority)
        let base = days.parts[0].objective.coefficient(of: timing.variable)
        #expect(capped.objective(0, prices).coefficient(of: timing.variable) == base - 2 * priority)
        #expect(uncapped.objective(0, prices).coefficient(of: timing.variable) == base)
        // Only that visit scheduled, on its first day: the cap less its priority.
        var solutions = days.parts.map { [Double](repeating: 0, count: $0.milp.variableCount) }
        solutions[0][timing.variable.index] = 1
        #expect(capped.subgradient(solutions).priority == 10 - priority)
        #expect(uncapped.subgradient(solutions).priority == 0)
    }

    @Test("priced with the whole week's LP duals, the day models bound the week at or below the LP optimum")
    func lagrangianFromLPDuals() throws {
        // The demo week: visits that may come on several days, a weekly catering budget.
        let scenario = try ScenarioLoader.load(path: TestScenarios.examplePath("demo-week.yaml"))
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let days = DayModels.build(view: view, generator: generator, week: week, threads: 1)
        try #require(!days.multiDay.isEmpty && days.budget != nil, "the week must tie its days together")
        let relaxation = try #require(WholeWeekBound(view: view, generator: generator)
            .relaxation(multiDay: days.multiDay, timeLimit: 30, search: SearchSettings()))
        #expect(Set(relaxation.prices.visits.keys) == days.multiDay)
        #expect(relaxation.prices.visits.values.allSatisfy { $0 >= 0 } && relaxation.prices.budget >= 0)
        // Some multi-day visit competes across its days: its price is what the LP gives for it.
        #expect(relaxation.prices.visits.values.contains { $0 > 0 })
        let lagrangian = LagrangianBound(days: days, mostPriority: relaxation.mostPriority)
        let dayBounds = try days.parts.indices.map { k in
            let result = GLPKSolver.solve(lagrangian.model(k, relaxation.prices), options: SolverOptions(timeLimit: 60, relativeGap: 0))
            return try #require(result.status == .optimal ? result.bound : nil)
        }
        let priced = lagrangian.weekBound(dayBounds: dayBounds, relaxation.prices)
        #expect(priced <= relaxation.bound + 1e-6 * abs(relaxation.bound), "priced \(priced), LP \(relaxation.bound)")
        // ... and still a bound: at least the best plan's score.
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20, strategy: .decomposed, threads: 2)).plan
        #expect(priced >= plan.score - 1e-6 * abs(plan.score), "priced \(priced), plan \(plan.score)")
    }
}

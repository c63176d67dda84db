import MILP
import Testing
import VisitDomain
@testable import VisitPlanner

/// Interchangeable people ordered by the minutes they work each day: GLPK no longer explores plans
/// that only swap them, and no plan is lost.
@Suite("Staff symmetry")
struct StaffSymmetryTests {
    static func person(_ scenario: Scenario, _ id: String) throws -> Int {
        try #require(scenario.staff.firstIndex { $0.id == id })
    }

    @Test("people no rule or score term can tell apart form pools; another language or being a preferred host keeps them apart")
    func pools() throws {
        let scenario = try TestScenarios.load("staff-symmetry.yaml")
        let pools = StaffSymmetry(scenario: scenario).pools.map { $0.map { scenario.staff[$0].id } }
        #expect(pools == [["gia", "gus"], ["hana", "hugo"]])
        // An IT role keeps a person out of pools too.
        let withIT = try TestScenarios.load("staff-symmetry.yaml", [.set("staff[1].roles", ["guide", "it"])])
        #expect(StaffSymmetry(scenario: withIT).pools.map { $0.map { withIT.staff[$0].id } } == [["hana", "hugo"]])
    }

    @Test("the ordered model has the same optimum, and refuses a plan where gus works while gia does not")
    func sameOptimumFewerCopies() throws {
        let scenario = try TestScenarios.load("staff-symmetry.yaml")
        var builder = ModelBuilder(scenario: scenario)
        let ordered = builder.build()
        builder.breaksStaffSymmetry = false
        let free = builder.build()
        var names: [String] = []
        ordered.milp.forEachConstraint { row, _ in names.append(ordered.milp.constraintName(row)) }
        #expect(names.filter { $0.hasPrefix("symmetry.staff") } == ["symmetry.staff(gia,gus,2026_12_07)", "symmetry.staff(hana,hugo,2026_12_07)"])
        #expect(ordered.milp.constraintCount == free.milp.constraintCount + 2)

        let best = GLPKSolver.solve(ordered.milp, options: SolverOptions())
        let reference = GLPKSolver.solve(free.milp, options: SolverOptions())
        #expect(best.status == .optimal && reference.status == .optimal)
        #expect(abs(try #require(best.objective) - (try #require(reference.objective))) < 1e-6)
        let gia = try Self.person(scenario, "gia"), gus = try Self.person(scenario, "gus")
        func minutes(_ p: Int, _ values: [Double]) -> Double {
            ordered.duties.filter { $0.person == p }.reduce(0) { $0 + Double($1.minutes) * values[$1.variable.index] }
        }
        #expect(minutes(gia, best.values) >= minutes(gus, best.values))

        // gus on a tour, gia on none: a plan of the free model, not of the ordered one.
        func forcingGus(_ model: PlanningModel) -> Model {
            var milp = model.milp
            for duty in model.duties where duty.person == gia { milp.setBounds(duty.variable, lower: 0, upper: 0) }
            milp.addConstraint(LinearExpression.sum(model.duties.filter { $0.person == gus }.map(\.variable)), .greaterOrEqual, 1,
                               name: "gus works")
            return milp
        }
        #expect(GLPKSolver.solve(forcingGus(free), options: SolverOptions()).hasSolution)
        #expect(GLPKSolver.solve(forcingGus(ordered), options: SolverOptions()).status == .infeasible)
    }

    @Test("the planned week places every visit and passes the checker, with the pools' work in order")
    func plannedWeek() throws {
        let result = try TestScenarios.plan("staff-symmetry.yaml")
        #expect(result.plan.totals.scheduled == 3)
        let guides = result.plan.visits.flatMap { ($0.items ?? []).flatMap { $0.guides ?? [] } }
        #expect(guides.filter { $0 == "gia" }.count >= guides.filter { $0 == "gus" }.count)
    }

    @Test("the day models of the decomposed search leave the ordering rows out")
    func dayModelsLeaveThemOut() throws {
        let scenario = try TestScenarios.load("staff-symmetry.yaml")
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let days = DayModels.build(view: view, generator: generator, week: week, threads: 1)
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.sharedBudget = true
        let ordered = builder.build(candidates: week.onDay(try #require(week.days.first)))
        #expect(days.parts.count == 1)
        #expect(days.parts[0].milp.constraintCount == ordered.milp.constraintCount - 2)
    }
}

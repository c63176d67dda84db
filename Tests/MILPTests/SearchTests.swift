@testable import MILP
import Testing

@Suite("Time limits, incumbents and progress")
struct SearchTests {
    /// 150 items, 15 rows: GLPK does not prove this optimal within a second.
    static let hard = MultiKnapsack(items: 150, rows: 15, seed: 2024)

    @Test(arguments: [true, false])
    func timeLimitReturnsASolutionAndAValidBound(presolve: Bool) throws {
        let (model, _) = Self.hard.model()
        let relaxation = try #require(GLPKSolver.solve(Self.hard.model(relaxed: true).0).objective)
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 1, presolve: presolve))
        #expect(result.status == .feasible)
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(objective <= bound)
        #expect(bound <= relaxation + 1e-6)
        #expect(model.firstViolation(result.values) == nil)
        #expect(Self.hard.value(of: result.values) == objective)
        #expect(result.seconds < 3)
    }

    /// The LP relaxation of 1000 items × 100 rows takes well over a millisecond.
    @Test(arguments: [(false, true), (false, false), (true, true)])
    func timeLimitDuringTheFirstLPGivesNoSolution(relaxed: Bool, presolve: Bool) {
        let (model, _) = MultiKnapsack(items: 1000, rows: 100, seed: 1).model(relaxed: relaxed)
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0.001, presolve: presolve))
        #expect(result.status == .noSolutionFound)
        #expect(result.values.isEmpty)
        #expect(result.objective == nil)
        #expect(result.message?.contains("time limit") == true)
    }

    @Test func incumbentIsSeenRightAwayAndNeverLost() throws {
        let (model, _) = Self.hard.model()
        let greedy = Self.hard.greedy()
        let greedyValue = Self.hard.value(of: greedy)
        #expect(model.firstViolation(greedy) == nil)
        let reports = Recorder<SolveProgress>()
        let options = SolverOptions(timeLimit: 0.5, incumbent: greedy) { reports.append($0) }
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .feasible)
        #expect(try #require(result.objective) >= greedyValue)
        #expect(model.firstViolation(result.values) == nil)
        let first = try #require(reports.elements.first { $0.incumbent != nil })
        #expect(try #require(first.incumbent) >= greedyValue)
        #expect(result.message?.contains("incumbent") != true)
    }

    @Test func incumbentIsReturnedWhenTheTimeLimitHitsFirst() throws {
        let (model, _) = Self.hard.model()
        let greedy = Self.hard.greedy()
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0, incumbent: greedy))
        #expect(result.status == .feasible)
        #expect(try #require(result.objective) >= Self.hard.value(of: greedy))
        #expect(model.firstViolation(result.values) == nil)
    }

    @Test func infeasibleIncumbentIsSkippedWithARemark() throws {
        let (model, x) = fractionalRootModel()
        let result = GLPKSolver.solve(model, options: SolverOptions(incumbent: [1, 1, 1]))
        #expect(result.status == .optimal)
        #expect(result.objective == 1)
        #expect(model.firstViolation(result.values) == nil)
        let message = try #require(result.message)
        #expect(message.contains("incumbent") && message.contains("half"))
        _ = x
    }

    @Test func incumbentValuesOfIntegerColumnsAreRounded() {
        let (model, _) = fractionalRootModel()
        let result = GLPKSolver.solve(model, options: SolverOptions(incumbent: [0.9999, 0.0001, 0]))
        #expect(result.status == .optimal)
        #expect(result.objective == 1)
        #expect(result.message == nil)
    }

    @Test func progressReportsEachNewIncumbent() throws {
        let (model, _) = fractionalRootModel()
        let reports = Recorder<SolveProgress>()
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: false, cuts: false) { reports.append($0) })
        #expect(result.status == .optimal)
        let last = try #require(reports.elements.last)
        #expect(last.incumbent == 1)
        #expect(try #require(last.bound) >= 1)
        #expect(reports.elements.allSatisfy { $0.seconds >= 0 })
    }

    /// With presolve, the callback sees GLPK's transformed problem: its objective values and
    /// bounds must still be those of the model (objective constant included).
    @Test(arguments: [true, false])
    func progressUsesTheModelsObjective(presolve: Bool) throws {
        var (model, items) = Self.hard.model()
        var objective = LinearExpression(constant: 1000)
        for (item, worth) in zip(items, Self.hard.values) {
            objective.add(item, coefficient: worth)
        }
        model.setObjective(objective, .maximize)
        let reports = Recorder<SolveProgress>()
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0.5, presolve: presolve) { reports.append($0) })
        #expect(result.status == .feasible)
        let final = try #require(result.objective)
        #expect(final == Self.hard.value(of: result.values) + 1000)
        let incumbents = reports.elements.compactMap(\.incumbent)
        #expect(incumbents.last == final)
        #expect(incumbents == incumbents.sorted())
        for report in reports.elements {
            if let bound = report.bound {
                #expect(bound >= final)
            }
        }
        #expect(try #require(result.bound) >= final)
    }

    /// Documents GLPK: `glp_ios_heur_sol` checks only integrality and the objective, so an
    /// infeasible point offered as a heuristic solution becomes the incumbent and prunes the tree.
    /// This is why `GLPKSolver` checks the incumbent itself before offering it.
    @Test func glpkAdoptsAnInfeasibleHeuristicSolutionUnchecked() {
        let (model, _) = fractionalRootModel()
        var options = SolverOptions(incumbent: [1, 1, 1])
        options.offerIncumbentUnchecked = true
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.objective == 3)
        #expect(result.status == .optimal)
        #expect(model.firstViolation(result.values) != nil)
    }

    @Test func solvingFromInsideAProgressCallbackIsRefused() throws {
        let (model, _) = fractionalRootModel()
        let inner = Recorder<SolveResult>()
        let outer = GLPKSolver.solve(model, options: SolverOptions(presolve: false, cuts: false) { _ in
            inner.append(GLPKSolver.solve(model))
        })
        #expect(outer.status == .optimal)
        #expect(outer.objective == 1)
        let nested = try #require(inner.elements.first)
        #expect(nested.status == .error)
        #expect(GLPKSolver.solve(model).status == .optimal)
    }
}

@testable import MILP
import Testing

/// Why a solve stopped (`termination`) is told apart from whether it has a solution (`primal`).
@Suite("Termination and primal status")
struct TerminationTests {
    @Test("a time limit with a solution: feasible point, stopped at the time limit")
    func timeLimitWithSolution() {
        let (model, _) = SearchTests.hard.model()
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0.5))
        #expect(result.termination == .timeLimit)
        #expect(result.primal == .feasiblePoint)
        #expect(result.status == .feasible)
    }

    @Test("a time limit before any solution: no solution, still stopped at the time limit")
    func timeLimitWithoutSolution() {
        let (model, _) = MultiKnapsack(items: 1000, rows: 100, seed: 1).model()
        let result = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0.001))
        #expect(result.termination == .timeLimit)
        #expect(result.primal == .noSolution)
    }

    @Test("a small knapsack is proven optimal; with a wide gap it stops at the gap")
    func provenAndGap() {
        let small = MultiKnapsack(items: 30, rows: 3, seed: 7)
        let proven = GLPKSolver.solve(small.model().0, options: SolverOptions(timeLimit: 30, relativeGap: 0))
        #expect(proven.termination == .optimal && proven.primal == .feasiblePoint && proven.status == .optimal)
        let (hard, _) = SearchTests.hard.model()
        let gap = GLPKSolver.solve(hard, options: SolverOptions(timeLimit: 30, relativeGap: 0.2))
        #expect(gap.termination == .gapReached, "\(gap.termination)")
        #expect(gap.status == .optimal, "the plan JSON still says optimal within the gap asked for")
    }

    @Test("an infeasible model: no solution, and that is why it stopped")
    func infeasible() {
        var model = Model()
        let x = model.addBinary("x")
        model.addConstraint(LinearExpression(x), .greaterOrEqual, 2, name: "impossible")
        let result = GLPKSolver.solve(model)
        #expect(result.termination == .infeasible && result.primal == .noSolution)
    }
}

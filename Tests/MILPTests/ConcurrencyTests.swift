import Dispatch
import MILP
import Testing

@Suite("Determinism and concurrency")
struct ConcurrencyTests {
    @Test func twoRunsGiveTheSameSolution() {
        let (model, _) = MultiKnapsack(items: 25, rows: 4, seed: 99).model()
        let first = GLPKSolver.solve(model)
        let second = GLPKSolver.solve(model)
        #expect(first.status == .optimal)
        #expect(first.objective == second.objective)
        #expect(first.values == second.values)
    }

    @Test func parallelSolvesOnDifferentThreadsAreIndependent() {
        let instances = (0..<8).map { MultiKnapsack(items: 12, rows: 3, seed: UInt64(100 + $0)) }
        let expected = instances.map { $0.bruteForceOptimum() }
        let results = Recorder<(Int, SolveResult)>()
        DispatchQueue.concurrentPerform(iterations: instances.count * 3) { iteration in
            let index = iteration % instances.count
            let options = SolverOptions(presolve: iteration % 2 == 0)
            results.append((index, GLPKSolver.solve(instances[index].model().0, options: options)))
        }
        #expect(results.elements.count == instances.count * 3)
        for (index, result) in results.elements {
            #expect(result.status == .optimal)
            #expect(result.objective == expected[index])
            #expect(instances[index].model().0.firstViolation(result.values) == nil)
        }
    }

    @Test func parallelSolvesFromATaskGroup() async {
        let instance = MultiKnapsack(items: 20, rows: 3, seed: 5)
        let (model, _) = instance.model()
        let reference = GLPKSolver.solve(model)
        let results = await withTaskGroup(of: SolveResult.self) { group in
            for _ in 0..<6 {
                group.addTask { GLPKSolver.solve(model) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 6)
        for result in results {
            #expect(result.status == .optimal)
            #expect(result.objective == reference.objective)
            #expect(result.values == reference.values)
        }
    }
}

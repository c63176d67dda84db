import Foundation
import Synchronization
import VisitDomain
import VisitPlanner

/// Plans several scenarios at once on at most `jobs` threads of its own.
///
/// GLPK is safe here: Debian's GLPK 5.0 is built with thread-local environments
/// (`glp_config("TLS")` answers `_Thread_local`, and `libglpk.so` has a TLS segment), and
/// `GLPKSolver` creates, solves and deletes each problem on one thread and frees that thread's
/// environment afterwards. A solve blocks its thread for seconds, so the pool uses plain threads,
/// not the cooperative executor of Swift concurrency. The largest scenarios (most visits) start
/// first, so a long solve does not begin last and hold up the end; results come back in the order
/// of the scenarios, whatever order the solves finish in.
struct PlanningPool: Sendable {
    let jobs: Int
    let options: PlannerOptions

    /// Stack of each worker thread: model building and GLPK's branch-and-cut recurse a little.
    static let stackSize = 16 << 20

    /// Plans every scenario; `started` and `finished` are called (on a worker thread) as each one
    /// begins and ends.
    func plan(_ scenarios: [Scenario], started: @escaping @Sendable (Int) -> Void = { _ in },
              finished: @escaping @Sendable (Int, PlanRun) -> Void) -> [PlanRun] {
        guard !scenarios.isEmpty else { return [] }
        let order = scenarios.indices.sorted { (scenarios[$0].visits.count, $1) > (scenarios[$1].visits.count, $0) }
        let state = PoolState(order: order)
        let workers = min(max(1, jobs), scenarios.count)
        let done = DispatchSemaphore(value: 0)
        let options = self.options
        for _ in 0..<workers {
            let thread = Thread {
                while let index = state.claim() {
                    started(index)
                    let run = PlanRun.plan(scenarios[index], options: options)
                    state.store(run, at: index)
                    finished(index, run)
                }
                done.signal()
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        return state.results()
    }
}

/// One scenario planned: the checked outcome or why planning failed, and the wall time it took.
struct PlanRun: Sendable {
    var outcome: Result<PlanningOutcome, PlannerError>
    var wallSeconds: Double

    static func plan(_ scenario: Scenario, options: PlannerOptions) -> PlanRun {
        let start = ContinuousClock.now
        let outcome = Result { () throws(PlannerError) -> PlanningOutcome in try Planner(scenario: scenario).plan(options: options) }
        let elapsed = ContinuousClock.now - start
        return PlanRun(outcome: outcome,
                       wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}

/// The next scenario to plan and the runs finished so far, shared by the worker threads.
private final class PoolState: Sendable {
    private let next = Mutex(0)
    private let runs: Mutex<[PlanRun?]>
    /// Scenario indexes in the order they are handed out.
    private let order: [Int]

    init(order: [Int]) {
        self.order = order
        runs = Mutex([PlanRun?](repeating: nil, count: order.count))
    }

    /// The index of a scenario no worker has taken yet, or nil when all are taken.
    func claim() -> Int? {
        next.withLock { position in
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }

    func store(_ run: PlanRun, at index: Int) { runs.withLock { $0[index] = run } }

    /// Every run, in scenario order (called once all workers have ended).
    func results() -> [PlanRun] { runs.withLock { $0.compactMap { $0 } } }
}

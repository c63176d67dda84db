import Logging
import VisitDomain
import VisitPlanner

/// Starts solves in the background and reports their progress (best score and bound so far)
/// while they run. The run and its outcome are stored; progress lives in memory only.
final class PlanRunner: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let logger: Logger
    private let progress = LockedValue<[Int64: PlannerProgress]>([:])
    private let tasks = LockedValue<[Int64: Task<Void, Never>]>([:])

    init(store: any PlanStore, threads: SolverThreads, logger: Logger) {
        self.store = store; self.threads = threads; self.logger = logger
    }

    /// Records a run of `version` and starts solving it; returns at once with the run.
    /// `claim` (the caller's place in the solve quota) is released when the solve has ended.
    func start(version: ScenarioVersionRow, scenario: Scenario, timeLimit: Double, relativeGap: Double,
               by author: String, claim: SolveClaim? = nil) async throws -> PlanRunRow {
        let run: PlanRunRow
        do {
            run = try await store.startRun(scenarioId: version.scenarioId, scenarioVersion: version.version,
                                           timeLimit: timeLimit, relativeGap: relativeGap, by: author)
        } catch {
            claim?.release()
            throw error
        }
        guard let id = run.id else {
            claim?.release()
            return run
        }
        tasks.update { tasks in
            tasks[id] = Task {
                await self.solve(run: id, scenario: scenario, timeLimit: timeLimit, relativeGap: relativeGap)
                claim?.release()
            }
        }
        return run
    }

    /// The latest progress of a running solve.
    func progress(of run: Int64) -> PlannerProgress? { progress.get()[run] }

    /// Waits until run `id` has ended (for tests and for an orderly shutdown).
    func waitUntilFinished(_ id: Int64) async {
        await tasks.get()[id]?.value
    }

    private func solve(run id: Int64, scenario: Scenario, timeLimit: Double, relativeGap: Double) async {
        let box = progress
        let options = PlannerOptions(timeLimit: timeLimit, relativeGap: relativeGap,
                                     progress: { report in box.update { $0[id] = report } })
        do {
            let outcome = try await threads.run { try Planner(scenario: scenario).plan(options: options) }
            let finished = try await store.finishRun(id: id, plan: outcome.plan,
                                                     note: "\(outcome.plan.status.rawValue): \(outcome.termination.explanation)")
            logger.info("plan run \(id) of \(scenario.name): \(finished.state), plan version \(finished.planVersion.map(String.init) ?? "-")")
        } catch {
            logger.error("plan run \(id) of \(scenario.name) failed: \(error)")
            do { try await store.failRun(id: id, message: String(describing: error)) } catch {
                logger.error("could not record the failure of plan run \(id): \(error)")
            }
        }
        progress.update { $0[id] = nil }
        // A finished run needs no handle: waiting for it returns at once.
        tasks.update { $0[id] = nil }
    }
}

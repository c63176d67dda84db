import Logging
import VisitDomain
import VisitPlanner

/// Solves plan runs as jobs kept in the store. A run is stored waiting; the solve workers
/// (`SolveWorkers`) of this instance or of any other sharing the database claim it with a lease
/// they renew while solving. A run whose worker stopped (its server stopped or hangs) is claimed
/// again by any instance once its lease has run out. Progress (best score and bound so far)
/// lives in the memory of the instance solving.
final class PlanRunner: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let logger: Logger
    let workers: SolveWorkers
    /// How long a claim holds without renewal (renewed every third of it).
    let lease: Duration
    private let progress = LockedValue<[Int64: PlannerProgress]>([:])
    /// Per run started here: the task that waits for its end, then gives back its quota place.
    private let watchers = LockedValue<[Int64: Task<Void, Never>]>([:])

    init(store: any PlanStore, threads: SolverThreads, logger: Logger, workers: SolveWorkers, lease: Duration = .seconds(30)) {
        self.store = store; self.threads = threads; self.logger = logger; self.workers = workers; self.lease = lease
        workers.add(SolveWorkers.JobKind(name: "plan runs") { [weak self] in
            guard let self, let run = try await self.store.claimRun(lease: self.lease), let id = run.id else { return nil }
            return { await self.solve(run, id: id) }
        })
    }

    /// Stops claiming runs (solves under way end on their own).
    func stop() async { await workers.stop() }

    /// Records a run of `version`, waiting for a worker; returns at once with the run.
    /// `claim` (the caller's place in the solve quota) is released when the run has ended,
    /// whichever instance solved it.
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
        watchers.update { watchers in
            watchers[id] = Task {
                await self.waitForEnd(of: id)
                claim?.release()
                self.watchers.update { $0[id] = nil }
            }
        }
        workers.ring()   // the store's change comes too; this one needs no round trip
        return run
    }

    /// The latest progress of a run this instance is solving.
    func progress(of run: Int64) -> PlannerProgress? { progress.get()[run] }

    /// Waits until run `id` has ended, whichever instance solves it (for tests and an orderly shutdown).
    func waitUntilFinished(_ id: Int64) async {
        if let watcher = watchers.get()[id] { await watcher.value } else { await waitForEnd(of: id) }
    }

    /// Asks the store until run `id` is no longer running (another instance may be solving it).
    private func waitForEnd(of id: Int64) async {
        while !Task.isCancelled {
            guard let run = try? await store.run(id: id), run.state == "running" else { return }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    private func solve(_ run: PlanRunRow, id: Int64) async {
        let (store, lease) = (store, lease)
        let renewal = Task {
            await SolveWorkers.renewing(every: lease, label: "plan run \(id)", logger: self.logger) {
                try await store.renewLease(id: id, lease: lease)
            }
        }
        defer { renewal.cancel() }
        let scenario: Scenario
        do {
            scenario = try await store.scenarioVersion(id: run.scenarioId, version: run.scenarioVersion).loadScenario()
        } catch {
            await fail(id, label: run.scenarioId, error)
            return
        }
        let box = progress
        let options = PlannerOptions(timeLimit: run.timeLimit, relativeGap: run.relativeGap,
                                     progress: { report in box.update { $0[id] = report } })
        do {
            let outcome = try await threads.run { try Planner(scenario: scenario).plan(options: options) }
            let finished = try await store.finishRun(id: id, plan: outcome.plan,
                                                     note: "\(outcome.plan.status.rawValue): \(outcome.termination.explanation)")
            logger.info("plan run \(id) of \(scenario.name): \(finished.state), plan version \(finished.planVersion.map(String.init) ?? "-")")
        } catch StoreError.leaseLost {
            logger.warning("plan run \(id) of \(scenario.name) was taken over by another instance; its plan from here is dropped")
        } catch {
            await fail(id, label: scenario.name, error)
        }
        progress.update { $0[id] = nil }
    }

    private func fail(_ id: Int64, label: String, _ error: any Error) async {
        logger.error("plan run \(id) of \(label) failed: \(error)")
        do { try await store.failRun(id: id, message: String(describing: error)) } catch {
            logger.error("could not record the failure of plan run \(id): \(error)")
        }
    }
}

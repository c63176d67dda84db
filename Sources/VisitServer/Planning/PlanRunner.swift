import Logging
import VisitDomain
import VisitPlanner

/// Solves plan runs as jobs kept in the store. A run is stored waiting; this instance's workers
/// (`workers` of them, `serve --solver-threads`) claim waiting runs, this instance's or those of
/// any other instance sharing the database, with a lease they renew while solving; a new run
/// anywhere wakes them (`PlanStore.changes`), else they look every `poll`. A run whose
/// worker stopped (its server stopped or hangs) is claimed again by any instance once its lease
/// has run out. Progress (best score and bound so far) lives in the memory of the instance solving.
final class PlanRunner: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let logger: Logger
    /// Runs this instance solves at once.
    let workers: Int
    /// How long a claim holds without renewal (renewed every third of it).
    let lease: Duration
    /// How often idle workers look for runs started elsewhere or left by a stopped instance.
    let poll: Duration
    private let progress = LockedValue<[Int64: PlannerProgress]>([:])
    /// Per run started here: the task that waits for its end, then gives back its quota place.
    private let watchers = LockedValue<[Int64: Task<Void, Never>]>([:])
    private let solving = LockedValue(0)
    private let doorbell = Doorbell()
    private let loop = LockedValue<Task<Void, Never>?>(nil)
    private let listener = LockedValue<Task<Void, Never>?>(nil)

    init(store: any PlanStore, threads: SolverThreads, logger: Logger, workers: Int = 2, lease: Duration = .seconds(30),
         poll: Duration = .seconds(2)) {
        self.store = store; self.threads = threads; self.logger = logger
        self.workers = max(1, workers); self.lease = lease; self.poll = poll
        // A run waiting anywhere (any instance, with PostgreSQL) wakes the workers at once.
        let (changes, doorbell) = (store.changes(), doorbell)
        listener.set(Task {
            for await change in changes where change == .runWaiting { await doorbell.ring() }
        })
        loop.set(Task { [weak self] in
            // Holds the runner only while claiming: a runner nobody else holds ends its loop.
            while !Task.isCancelled, let (doorbell, poll) = await Self.claim(self) {
                await doorbell.wait(upTo: poll)
            }
        })
    }

    /// Stops claiming runs (solves under way end on their own).
    func stop() async {
        loop.get()?.cancel()
        listener.get()?.cancel()
        await doorbell.ring()
    }

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
        await doorbell.ring()   // the store's change comes too; this one needs no round trip
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

    /// One turn of the workers' loop: claims runs while a worker is free; then the loop waits for
    /// a ring or the poll interval. Nil once the runner is gone.
    private static func claim(_ runner: PlanRunner?) async -> (Doorbell, Duration)? {
        guard let runner else { return nil }
        await runner.claimWhileFree()
        return (runner.doorbell, runner.poll)
    }

    private func claimWhileFree() async {
        while !Task.isCancelled, solving.get() < workers {
            let run: PlanRunRow?
            do { run = try await store.claimRun(lease: lease) } catch {
                if !Task.isCancelled { logger.warning("could not look for plan runs to solve: \(error)") }
                return
            }
            guard let run, let id = run.id else { return }
            solving.update { $0 += 1 }
            Task {
                await self.solve(run, id: id)
                self.solving.update { $0 -= 1 }
                await self.doorbell.ring()
            }
        }
    }

    private func solve(_ run: PlanRunRow, id: Int64) async {
        let renewal = Task { await self.renewLease(of: id) }
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

    /// Renews the lease on run `id` every third of its length until cancelled or lost.
    private func renewLease(of id: Int64) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: lease / 3)
            guard !Task.isCancelled else { return }
            do {
                guard try await store.renewLease(id: id, lease: lease) else {
                    logger.warning("plan run \(id): the lease was lost (taken over or ended)")
                    return
                }
            } catch {
                logger.warning("plan run \(id): could not renew the lease: \(error)")
            }
        }
    }
}

import Logging

/// This instance's solve workers (`serve --solver-threads`): they claim solve jobs from the
/// store, plan runs first, then what-if runs, whichever instance stored them, and run them while
/// a worker is free. A job stored anywhere wakes them (`PlanStore.changes`), else they look every
/// `poll`. With no workers the instance claims nothing and other instances solve its jobs.
final class SolveWorkers: Sendable {
    /// A kind of job: how to claim the oldest free one, and the work of a claimed one (which
    /// renews its own lease and ends the job in the store).
    struct JobKind: Sendable {
        var name: String
        var claim: @Sendable () async throws -> (@Sendable () async -> Void)?
    }

    let workers: Int
    let poll: Duration
    let logger: Logger
    private let kinds = LockedValue<[JobKind]>([])
    private let solving = LockedValue(0)
    private let doorbell = Doorbell()
    private let loop = LockedValue<Task<Void, Never>?>(nil)
    private let listener = LockedValue<Task<Void, Never>?>(nil)

    init(store: any PlanStore, workers: Int, poll: Duration, logger: Logger) {
        self.workers = max(0, workers); self.poll = poll; self.logger = logger
        guard workers > 0 else { return }
        let (changes, doorbell) = (store.changes(), doorbell)
        listener.set(Task {
            for await change in changes where change == .runWaiting { await doorbell.ring() }
        })
        loop.set(Task { [weak self] in
            // Holds the workers only while claiming: workers nobody else holds end their loop.
            while !Task.isCancelled, let (doorbell, poll) = await Self.claim(self) {
                await doorbell.wait(upTo: poll)
            }
        })
    }

    /// Adds a kind of job, claimed after those added before it.
    func add(_ kind: JobKind) {
        kinds.update { $0.append(kind) }
        ring()
    }

    /// Looks for jobs at once.
    func ring() {
        let doorbell = doorbell
        Task { await doorbell.ring() }
    }

    /// Stops claiming jobs and returns once no claim is in flight (jobs under way end on their own).
    func stop() async {
        loop.get()?.cancel()
        listener.get()?.cancel()
        await doorbell.ring()
        await loop.get()?.value
    }

    /// One turn of the loop: claims jobs while a worker is free; then the loop waits for a ring or
    /// the poll interval. Nil once the workers are gone.
    private static func claim(_ workers: SolveWorkers?) async -> (Doorbell, Duration)? {
        guard let workers else { return nil }
        await workers.claimWhileFree()
        return (workers.doorbell, workers.poll)
    }

    private func claimWhileFree() async {
        while !Task.isCancelled, solving.get() < workers {
            guard let work = await claimOne() else { return }
            solving.update { $0 += 1 }
            Task {
                await work()
                self.solving.update { $0 -= 1 }
                await self.doorbell.ring()
            }
        }
    }

    /// The first job any kind has free, in the order the kinds were added.
    private func claimOne() async -> (@Sendable () async -> Void)? {
        for kind in kinds.get() {
            do {
                if let work = try await kind.claim() { return work }
            } catch {
                if !Task.isCancelled { logger.warning("could not look for \(kind.name) to solve: \(error)") }
            }
        }
        return nil
    }

    /// Calls `renew` every third of `lease` until cancelled or until it reports the lease lost.
    static func renewing(every lease: Duration, label: String, logger: Logger, _ renew: @Sendable () async throws -> Bool) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: lease / 3)
            guard !Task.isCancelled else { return }
            do {
                guard try await renew() else {
                    logger.warning("\(label): the lease was lost (taken over or ended)")
                    return
                }
            } catch {
                logger.warning("\(label): could not renew the lease: \(error)")
            }
        }
    }
}

import Foundation
import Logging
import VisitDomain
import VisitWhatIf

/// Runs what-if studies on copies of a stored scenario version: the base and each variant are
/// planned and compared (`WhatIfStudy`); the live plan is never touched. A study is a solve job
/// like a plan run: stored waiting, claimed by the solve workers (`SolveWorkers`) of any instance
/// sharing the store, with a lease renewed while it runs and taken over when its worker is gone.
/// Progress (runs finished) lives in the memory of the instance running it.
final class WhatIfRunner: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let logger: Logger
    let workers: SolveWorkers
    /// How long a claim holds without renewal (renewed every third of it).
    let lease: Duration
    private let progress = LockedValue<[Int64: WhatIfProgressView]>([:])
    /// Per run started here: the task that waits for its end, then gives back its quota place.
    private let watchers = LockedValue<[Int64: Task<Void, Never>]>([:])

    init(store: any PlanStore, threads: SolverThreads, logger: Logger, workers: SolveWorkers, lease: Duration = .seconds(30)) {
        self.store = store; self.threads = threads; self.logger = logger; self.workers = workers; self.lease = lease
        workers.add(SolveWorkers.JobKind(name: "what-if runs") { [weak self] in
            guard let self, let run = try await self.store.claimWhatIf(lease: self.lease), let id = run.id else { return nil }
            return { await self.execute(run, id: id) }
        })
    }

    /// Checks the what-if text against the version (422 listing every problem), stores the run
    /// waiting for a worker and returns at once.
    /// `claim` (the caller's place in the solve quota) is released when the study has ended,
    /// whichever instance ran it.
    func start(version: ScenarioVersionRow, text: String, format: DocumentFormat, options: RunOptions,
               by author: String, claim: SolveClaim? = nil) async throws -> WhatIfRunRow {
        let run: WhatIfRunRow
        do {
            _ = try Self.study(of: version, text: text, format: format)
            run = try await store.startWhatIf(scenarioId: version.scenarioId, scenarioVersion: version.version, request: text,
                                              format: format.rawValue, timeLimit: options.timeLimit,
                                              relativeGap: options.relativeGap, by: author)
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
        workers.ring()
        return run
    }

    /// The progress of a run this instance is running.
    func progress(of run: Int64) -> WhatIfProgressView? { progress.get()[run] }

    /// Waits until run `id` has ended, whichever instance runs it (for tests).
    func waitUntilFinished(_ id: Int64) async {
        if let watcher = watchers.get()[id] { await watcher.value } else { await waitForEnd(of: id) }
    }

    /// Asks the store until run `id` is no longer running (another instance may be running it).
    private func waitForEnd(of id: Int64) async {
        while !Task.isCancelled {
            guard let run = try? await store.whatIf(id: id), run.state == "running" else { return }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    private func execute(_ run: WhatIfRunRow, id: Int64) async {
        let (store, lease) = (store, lease)
        let renewal = Task {
            await SolveWorkers.renewing(every: lease, label: "what-if run \(id)", logger: self.logger) {
                try await store.renewWhatIfLease(id: id, lease: lease)
            }
        }
        defer { renewal.cancel() }
        let box = progress
        do {
            let version = try await store.scenarioVersion(id: run.scenarioId, version: run.scenarioVersion)
            let study = try Self.study(of: version, text: run.request, format: DocumentFormat(rawValue: run.format) ?? .yaml)
            box.update { $0[id] = WhatIfProgressView(finished: 0, total: study.variants.count + 1) }
            let options = WhatIfOptions(timeLimit: run.timeLimit, relativeGap: run.relativeGap, jobs: 1,
                                        progress: { p in box.update { $0[id] = WhatIfProgressView(finished: p.finished, total: p.total) } })
            var comparison = try await threads.run { study.run(options: options).comparison }
            comparison.base = "\(run.scenarioId) version \(run.scenarioVersion)"
            comparison.whatIf = "what-if run \(id)"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await store.finishWhatIf(id: id, result: String(decoding: try encoder.encode(comparison), as: UTF8.self), message: nil)
        } catch StoreError.leaseLost {
            logger.warning("what-if run \(id) was taken over by another instance; its result from here is dropped")
        } catch {
            logger.error("what-if run \(id) failed: \(error)")
            do { try await store.finishWhatIf(id: id, result: nil, message: String(describing: error)) } catch {
                logger.error("could not record the failure of what-if run \(id): \(error)")
            }
        }
        progress.update { $0[id] = nil }
    }

    /// The study of the posted variants on a copy of `version`. The `base` of a posted what-if file
    /// is always the scenario version in the URL: the version's canonical JSON is written to a
    /// private temporary file for `WhatIfStudy` to read, and removed once it has been read.
    static func study(of version: ScenarioVersionRow, text: String, format: DocumentFormat) throws -> WhatIfStudy {
        let file = "whatif.\(format.rawValue)"
        var document = try DocumentBody.parse(text, format: format, file: file)
        let basePath = FileManager.default.temporaryDirectory
            .appendingPathComponent("visitplan-\(version.scenarioId)-v\(version.version)-\(UUID().uuidString).json").path
        guard PrivateFile.create(basePath, contents: Data(version.source.utf8)) else {
            throw APIError(status: .internalServerError, message: "cannot write a temporary copy of the scenario")
        }
        defer { try? FileManager.default.removeItem(atPath: basePath) }
        if case .object = document {
            try? document.setValue(.string(basePath), at: DocumentPath([.key("base")]))
        }
        do {
            return try WhatIfStudy(file: WhatIfLoader.decode(document, file: file))
        } catch {
            throw APIError.invalid(error)
        }
    }
}

/// How many runs (base and variants) of a what-if have ended.
struct WhatIfProgressView: Encodable, Sendable {
    var finished: Int
    var total: Int
}

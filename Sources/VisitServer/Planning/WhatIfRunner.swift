import Foundation
import Logging
import VisitDomain
import VisitWhatIf

/// Runs what-if studies on copies of a stored scenario version in the background: the base and
/// each variant are planned and compared (`WhatIfStudy`); the live plan is never touched.
final class WhatIfRunner: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let logger: Logger
    private let progress = LockedValue<[Int64: WhatIfProgressView]>([:])
    private let tasks = LockedValue<[Int64: Task<Void, Never>]>([:])

    init(store: any PlanStore, threads: SolverThreads, logger: Logger) {
        self.store = store; self.threads = threads; self.logger = logger
    }

    /// Checks the what-if text against the version (422 listing every problem), records the run
    /// and starts it; returns at once.
    /// `claim` (the caller's place in the solve quota) is released when the study has ended.
    func start(version: ScenarioVersionRow, text: String, format: DocumentFormat, options: RunOptions,
               by author: String, claim: SolveClaim? = nil) async throws -> WhatIfRunRow {
        let run: WhatIfRunRow
        let study: WhatIfStudy
        do {
            study = try Self.study(of: version, text: text, format: format)
            run = try await store.startWhatIf(scenarioId: version.scenarioId, scenarioVersion: version.version, request: text, by: author)
        } catch {
            claim?.release()
            throw error
        }
        guard let id = run.id else {
            claim?.release()
            return run
        }
        let label = "\(version.scenarioId) version \(version.version)"
        progress.update { $0[id] = WhatIfProgressView(finished: 0, total: study.variants.count + 1) }
        tasks.update { tasks in
            tasks[id] = Task {
                await self.execute(run: id, study: study, label: label, options: options)
                claim?.release()
            }
        }
        return run
    }

    func progress(of run: Int64) -> WhatIfProgressView? { progress.get()[run] }

    /// Waits until run `id` has ended (for tests).
    func waitUntilFinished(_ id: Int64) async {
        await tasks.get()[id]?.value
    }

    private func execute(run id: Int64, study: WhatIfStudy, label: String, options: RunOptions) async {
        let box = progress
        let whatIfOptions = WhatIfOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap, jobs: 1,
                                          progress: { p in box.update { $0[id] = WhatIfProgressView(finished: p.finished, total: p.total) } })
        do {
            var comparison = try await threads.run { study.run(options: whatIfOptions).comparison }
            comparison.base = label
            comparison.whatIf = "what-if run \(id)"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try await store.finishWhatIf(id: id, result: String(decoding: try encoder.encode(comparison), as: UTF8.self), message: nil)
        } catch {
            logger.error("what-if run \(id) failed: \(error)")
            do { try await store.finishWhatIf(id: id, result: nil, message: String(describing: error)) } catch {
                logger.error("could not record the failure of what-if run \(id): \(error)")
            }
        }
        progress.update { $0[id] = nil }
        // A finished run needs no handle: waiting for it returns at once.
        tasks.update { $0[id] = nil }
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

import Foundation
import Logging
import VisitDomain
import VisitReplanner

/// Looks for a better week near a scenario's current plan in the background (`Improver`) and
/// keeps the latest search of each scenario in memory as a proposal the coordinator accepts or
/// ignores. Nothing is stored until a proposal is accepted: it then becomes the next plan version
/// through the same optimistic-concurrency check as a replan's commit (409 when the plan changed
/// meanwhile). A restart forgets open proposals; the page simply searches again.
final class ImprovementService: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let quota: SolveQuota
    let logger: Logger
    /// The latest search of each scenario.
    private let records = LockedValue<[String: ImprovementRecord]>([:])
    private let nextId = LockedValue(1)
    private let tasks = LockedValue<[Int: Task<Void, Never>]>([:])

    init(store: any PlanStore, threads: SolverThreads, quota: SolveQuota, logger: Logger) {
        self.store = store; self.threads = threads; self.quota = quota; self.logger = logger
    }

    /// Starts a search on the current plan of `scenarioId` (unless one is already running on it,
    /// which is returned instead). 409 when the current plan is not made from the latest scenario version.
    func start(scenarioId: String, timeLimit: Double, relativeGap: Double, by identity: Identity) async throws -> ImprovementRecord {
        let row = try await storeCall { try await store.plan(scenarioId: scenarioId, version: nil) }
        let base = try await storeCall { try await store.replanBase(scenarioId: scenarioId, version: row.version) }
        let scenario = try base.scenario.loadScenario()
        let plan = try base.plan.decodedPlan()
        let requests = try await storeCall { try await store.requests(scenarioId: scenarioId) }
        let held = WaitingRequest.heldVisits(requests.map(\.visitId), in: plan)
        let claim = try quota.claim(for: identity.name)
        let startedAt = store.timestamp()
        // One search per plan version at a time: checked and recorded under one lock.
        let (record, isNew) = records.update { records -> (ImprovementRecord, Bool) in
            if let running = records[scenarioId], running.basePlanVersion == row.version, running.state == .running {
                return (running, false)
            }
            let id = nextId.update { next -> Int in defer { next += 1 }; return next }
            let record = ImprovementRecord(id: id, scenarioId: scenarioId, basePlanVersion: row.version,
                                           scenarioVersion: row.scenarioVersion, state: .running, timeLimit: timeLimit,
                                           startedAt: startedAt, startedBy: identity.name)
            records[scenarioId] = record
            return (record, true)
        }
        guard isNew else {
            claim.release()
            return record
        }
        let id = record.id
        tasks.update { tasks in
            tasks[id] = Task {
                await self.search(record, scenario: scenario, plan: plan, relativeGap: relativeGap, held: held)
                claim.release()
                self.tasks.update { $0[id] = nil }
            }
        }
        return record
    }

    /// The latest search of a scenario, if any since the server started.
    func latest(scenarioId: String) -> ImprovementRecord? { records.get()[scenarioId] }

    /// Waits until search `id` has ended (for tests).
    func waitUntilFinished(_ id: Int) async { await tasks.get()[id]?.value }

    /// Stores proposal `id` as the next plan version. 404 for an unknown proposal, 409 for one that
    /// is not open (still running, no better week, already decided, replaced) or whose base plan
    /// is no longer current.
    func accept(scenarioId: String, id: Int, by identity: Identity) async throws -> (row: PlanRow, plan: Plan) {
        let record = try open(scenarioId: scenarioId, id: id)
        guard let proposal = record.proposal else { throw APIError.conflict("proposal \(id) has no plan", currentVersion: nil) }
        let row = try await storeCall {
            try await store.commitImprovement(scenarioId: scenarioId, baseVersion: record.basePlanVersion, plan: proposal.plan,
                                              by: identity.name)
        }
        decide(scenarioId: scenarioId, id: id, state: .accepted, by: identity.name, planVersion: row.version)
        logger.info("improvement \(id) of \(scenarioId) accepted by \(identity.name): plan version \(row.version)")
        return (row, proposal.plan)
    }

    /// Sets proposal `id` aside; the page stops offering it.
    func ignore(scenarioId: String, id: Int, by identity: Identity) throws -> ImprovementRecord {
        _ = try open(scenarioId: scenarioId, id: id)
        decide(scenarioId: scenarioId, id: id, state: .ignored, by: identity.name, planVersion: nil)
        return records.get()[scenarioId]!
    }

    private func open(scenarioId: String, id: Int) throws(APIError) -> ImprovementRecord {
        guard let record = records.get()[scenarioId] else { throw .notFound("scenario \"\(scenarioId)\" has no improvement proposal") }
        guard record.id == id else {
            throw id < record.id ? .conflict("proposal \(id) was replaced by a newer search (\(record.id))", currentVersion: nil)
                : .notFound("scenario \"\(scenarioId)\" has no improvement proposal \(id)")
        }
        guard record.state == .ready else {
            throw .conflict("proposal \(id) is \(record.state.rawValue), not open to accept or ignore", currentVersion: nil)
        }
        return record
    }

    private func decide(scenarioId: String, id: Int, state: ImprovementRecord.State, by author: String, planVersion: Int?) {
        let now = store.timestamp()
        records.update { records in
            guard var record = records[scenarioId], record.id == id else { return }
            record.state = state
            record.decidedBy = author
            record.decidedAt = now
            record.planVersion = planVersion
            records[scenarioId] = record
        }
    }

    private func search(_ record: ImprovementRecord, scenario: Scenario, plan: Plan, relativeGap: Double, held: Set<String>) async {
        var finished = record
        do {
            let options = ImproveOptions(timeLimit: record.timeLimit, relativeGap: relativeGap, threads: 1, held: held)
            let outcome = try await threads.run { try Improver(scenario: scenario, current: plan).improve(options: options) }
            finished.state = outcome.proposal == nil ? .none : .ready
            finished.proposal = outcome.proposal
            finished.seconds = outcome.seconds
            finished.summary = outcome.summary
            finished.currentScore = outcome.currentScore
        } catch {
            finished.state = .failed
            finished.message = String(describing: error)
            logger.error("improvement search \(record.id) of \(record.scenarioId) failed: \(error)")
        }
        finished.finishedAt = store.timestamp()
        records.update { records in
            if records[record.scenarioId]?.id == record.id { records[record.scenarioId] = finished }
        }
    }
}

/// One improvement search and what became of it: `running`, then `ready` (a better week is
/// proposed), `none` (no better week found) or `failed`; a ready proposal is then `accepted` or `ignored`.
struct ImprovementRecord: Sendable {
    enum State: String, Sendable, Encodable {
        case running, ready, none, failed, accepted, ignored
    }

    var id: Int
    var scenarioId: String
    /// The plan version searched from: the one an accepted proposal replaces.
    var basePlanVersion: Int
    var scenarioVersion: Int
    var state: State
    var timeLimit: Double
    var startedAt: String
    var startedBy: String
    var finishedAt: String?
    var seconds: Double?
    var summary: String?
    var currentScore: Double?
    var proposal: ImprovementProposal?
    var message: String?
    var decidedBy: String?
    var decidedAt: String?
    /// The plan version an accepted proposal became.
    var planVersion: Int?
}

import Logging
import VisitDomain
import VisitReplanner

/// Applies a report of change events to the current plan: checks the events against the plan's
/// scenario, replans with minimal disruption (`Replanner`) on a solver thread, and commits the
/// new scenario version, plan version and events in one transaction.
///
/// Optimistic concurrency: a report names the plan version it was made against. When another
/// report has replaced that version first, the answer is 409 with the current version and nothing
/// is stored, so no event is lost silently or applied twice: the reporter looks again and resends.
///
/// A checked report is a solve job in the store (`ReplanJobRow`), held by this instance while it
/// replans it within the request and ended in the transaction that commits the plan. Should this
/// instance die first, the solve workers of any instance claim the report once its holder is gone
/// and apply it, if its plan is still current (else it ends `stale`, nothing applied).
final class ReplanService: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let quota: SolveQuota
    /// Every replan's limits: the whole replan's time, and the host's answer time.
    let options: ReplanOptions
    /// How long this instance holds a report it replans without renewing its claim.
    let lease: Duration
    let logger: Logger
    private let locks = KeyedLock()

    /// `workers`: this instance's solve workers, to pick up reports left by a stopped instance.
    init(store: any PlanStore, threads: SolverThreads, quota: SolveQuota, options: ReplanOptions = ReplanOptions(),
         workers: SolveWorkers? = nil, lease: Duration = .seconds(30), logger: Logger = Logger(label: "visitplan")) {
        self.store = store; self.threads = threads; self.quota = quota; self.options = options; self.lease = lease
        self.logger = logger
        workers?.add(SolveWorkers.JobKind(name: "reports of change events") { [weak self] in
            guard let self, let job = try await self.store.claimReplan(lease: self.lease), let id = job.id else { return nil }
            return { await self.resume(job, id: id) }
        })
    }

    /// A parsed, checked report.
    struct Report: Sendable {
        var events: [ChangeEvent]
        var logged: [LoggedEvent]
    }

    /// What a report produced: the stored rows and the new plan itself (never decoded back).
    struct Committed: Sendable {
        var commit: ReplanCommit
        var plan: Plan
        /// The report's job.
        var job: Int64?
    }

    /// Replans scenario `scenarioId` from plan `baseVersion` with the events in `text`.
    func report(scenarioId: String, baseVersion: Int, text: String, format: DocumentFormat,
                by identity: Identity) async throws -> Committed {
        let claim = try quota.claim(for: identity.name)
        defer { claim.release() }
        return try await locks.withLock(scenarioId) {
            let base = try await storeCall { try await self.store.replanBase(scenarioId: scenarioId, version: baseVersion) }
            let scenario = try base.scenario.loadScenario()
            let plan = try base.plan.decodedPlan()
            let report = try Self.parse(text, format: format, scenario: scenario)
            try EventPermissions.check(report.events, by: identity, plan: plan)
            let job = try await self.store.startReplan(
                ReplanJobRow(id: nil, scenarioId: scenarioId, basePlanVersion: baseVersion, request: text, format: format.rawValue,
                             reportedBy: identity.name, role: identity.role.rawValue, person: identity.person, state: "running",
                             producedPlanVersion: nil, message: nil, startedAt: self.store.timestamp(), finishedAt: nil),
                lease: self.lease)
            guard let id = job.id else { throw APIError(status: .internalServerError, message: "the report was stored without an id") }
            do {
                return try await self.apply(report, job: id, scenario: scenario, plan: plan, base: base, by: identity)
            } catch {
                await self.end(id, after: error)
                throw error
            }
        }
    }

    /// Replans and commits a stored report, renewing this instance's hold on it meanwhile.
    private func apply(_ report: Report, job id: Int64, scenario: Scenario, plan: Plan, base: ReplanBase,
                       by identity: Identity) async throws -> Committed {
        let (store, lease) = (store, lease)
        let renewal = Task {
            await SolveWorkers.renewing(every: lease, label: "report \(id)", logger: self.logger) {
                try await store.renewReplanLease(id: id, lease: lease)
            }
        }
        defer { renewal.cancel() }
        let requests = try await storeCall { try await store.requests(scenarioId: base.plan.scenarioId) }
        let held = WaitingRequest.heldVisits(requests.map(\.visitId), in: plan)
        let outcome = try await replan(scenario: scenario, plan: plan, events: report.events, held: held)
        let upload: ScenarioUpload
        do throws(ScenarioDocumentError) {
            upload = try ScenarioUpload(scenario: outcome.scenario, original: nil, originalFormat: nil)
        } catch {
            throw APIError.unwritable(error)
        }
        let commit = try await storeCall {
            try await store.commitReplan(scenarioId: base.plan.scenarioId, baseVersion: base.plan.version, scenario: upload,
                                         plan: outcome.plan, events: report.logged, by: identity.name, job: id)
        }
        return Committed(commit: commit, plan: outcome.plan, job: id)
    }

    /// Ends report `id` that produced no plan: `stale` when another plan came first, else `failed`.
    private func end(_ id: Int64, after error: any Error) async {
        let stale: Bool
        switch error {
        case StoreError.stalePlan: stale = true
        case StoreError.leaseLost: return   // another instance holds it now
        case let error as APIError where error.status == .conflict:
            guard error.currentVersion != nil else { return }   // the lease was lost
            stale = true
        default: stale = false
        }
        do { try await store.endReplan(id: id, state: stale ? "stale" : "failed", message: String(describing: error)) } catch {
            logger.warning("could not end report \(id): \(error)")
        }
    }

    /// A report an instance stopped holding before it ended: applied here if its plan is still current.
    private func resume(_ job: ReplanJobRow, id: Int64) async {
        let identity = Identity(name: job.reportedBy, role: Role(rawValue: job.role) ?? .host, person: job.person)
        do {
            let committed = try await locks.withLock(job.scenarioId) {
                let base = try await storeCall { try await self.store.replanBase(scenarioId: job.scenarioId, version: job.basePlanVersion) }
                let scenario = try base.scenario.loadScenario()
                let plan = try base.plan.decodedPlan()
                let report = try Self.parse(job.request, format: DocumentFormat(rawValue: job.format) ?? .yaml, scenario: scenario)
                try EventPermissions.check(report.events, by: identity, plan: plan)
                return try await self.apply(report, job: id, scenario: scenario, plan: plan, base: base, by: identity)
            }
            logger.info("report \(id) left by a stopped instance applied: plan version \(committed.commit.plan.version) of \(job.scenarioId)")
        } catch {
            logger.warning("report \(id) left by a stopped instance was not applied: \(error)")
            await end(id, after: error)
        }
    }

    /// `held`: requests waiting for a coordinator's accept, left unscheduled whatever room the replan finds.
    private func replan(scenario: Scenario, plan: Plan, events: [ChangeEvent], held: Set<String>) async throws -> ReplanOutcome {
        do {
            let options = { var options = self.options; options.held = held; return options }()
            return try await threads.run { try Replanner(scenario: scenario, current: plan).replan(events, options: options) }
        } catch let error as ReplanError {
            guard error.issues.isEmpty else { throw APIError.invalid(.invalid(error.issues)) }
            throw APIError(status: .internalServerError, message: "replanning failed: \(error)")
        }
    }

    /// The events of a report (a list, or `{events: [...]}`), checked against `scenario`, with
    /// each event's own text for the log.
    static func parse(_ text: String, format: DocumentFormat, scenario: Scenario) throws(APIError) -> Report {
        let file = DocumentBody.fileName(format)
        let document = try DocumentBody.parse(text, format: format, file: file)
        let events: [ChangeEvent]
        do { events = try EventsLoader.decode(document, file: file, scenario: scenario) } catch { throw .invalid(error) }
        guard !events.isEmpty else {
            throw .invalid(.invalid([ValidationIssue(file: file, path: "", message: "the report has no events")]))
        }
        let bodies = document.arrayValue ?? document["events"]?.arrayValue ?? []
        let logged = zip(events, bodies).map { event, body in
            LoggedEvent(type: event.typeName, visitId: event.visitID, at: event.at.description,
                                   body: DocumentJSON.text(body, indent: nil))
        }
        return Report(events: events, logged: logged)
    }
}

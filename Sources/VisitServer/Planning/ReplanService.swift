import VisitDomain
import VisitReplanner

/// Applies a report of change events to the current plan: checks the events against the plan's
/// scenario, replans with minimal disruption (`Replanner`) on a solver thread, and commits the
/// new scenario version, plan version and events in one transaction.
///
/// Optimistic concurrency: a report names the plan version it was made against. When another
/// report has replaced that version first, the answer is 409 with the current version and nothing
/// is stored, so no event is lost silently or applied twice: the reporter looks again and resends.
final class ReplanService: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let quota: SolveQuota
    /// Every replan's limits: the whole replan's time, and the host's answer time.
    let options: ReplanOptions
    private let locks = KeyedLock()

    init(store: any PlanStore, threads: SolverThreads, quota: SolveQuota, options: ReplanOptions = ReplanOptions()) {
        self.store = store; self.threads = threads; self.quota = quota; self.options = options
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
            let outcome = try await self.replan(scenario: scenario, plan: plan, events: report.events)
            let upload: ScenarioUpload
            do throws(ScenarioDocumentError) {
                upload = try ScenarioUpload(scenario: outcome.scenario, original: nil, originalFormat: nil)
            } catch {
                throw APIError.unwritable(error)
            }
            let commit = try await storeCall {
                try await self.store.commitReplan(scenarioId: scenarioId, baseVersion: baseVersion, scenario: upload,
                                                  plan: outcome.plan, events: report.logged, by: identity.name)
            }
            return Committed(commit: commit, plan: outcome.plan)
        }
    }

    private func replan(scenario: Scenario, plan: Plan, events: [ChangeEvent]) async throws -> ReplanOutcome {
        do {
            let options = options
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

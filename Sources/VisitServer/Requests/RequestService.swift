import Foundation
import VisitDomain
import VisitReplanner

/// Visit requests (issue 14): saving one (or a CSV file of them) as the next scenario version with
/// the visits waiting in the next plan version, and accepting one into the week. A save is made
/// against the current plan and retried when another write won the race; an accept is made against
/// the plan version the coordinator looked at (409 when it is no longer current).
final class RequestService: Sendable {
    let store: any PlanStore
    let threads: SolverThreads
    let quota: SolveQuota
    /// The real clock, on the scenario's site (when a request came in, if it does not say).
    let now: @Sendable (Scenario) -> LocalDateTime
    /// Seconds for accepting one request (options and way in).
    let acceptSeconds: Double

    init(store: any PlanStore, threads: SolverThreads, quota: SolveQuota, now: @escaping @Sendable (Scenario) -> LocalDateTime,
         acceptSeconds: Double = 10) {
        self.store = store; self.threads = threads; self.quota = quota; self.now = now; self.acceptSeconds = acceptSeconds
    }

    /// The templates in force, by name.
    func templates() async throws -> [String: AgendaTemplate] {
        var found: [String: AgendaTemplate] = [:]
        for row in try await store.templates() {
            guard let text = row.agenda, let agenda = try? DocumentValue.parse(text, format: .json, file: row.name).arrayValue else { continue }
            found[row.name] = AgendaTemplate(name: row.name, description: row.description, agenda: agenda)
        }
        return found
    }

    /// Saves requests; `read` adds them to the reader (throwing `APIError`s for bad input) and
    /// returns their visit ids. Tried again (at most 3 times) when the plan changed meanwhile.
    func save(scenarioId: String, source: String, by identity: Identity,
              _ read: (inout VisitRequestReader) throws -> [String]) async throws -> (commit: RequestCommit, visits: [String]) {
        let templates = try await templates()
        var attempt = 0
        while true {
            attempt += 1
            let summary = try await storeCall { try await store.scenarioSummary(id: scenarioId) }
            guard let current = summary.currentPlanVersion else {
                throw APIError.conflict("scenario \(scenarioId) has no plan yet: requests join a planned week; plan it first",
                                        currentVersion: nil)
            }
            let base = try await storeCall { try await store.replanBase(scenarioId: scenarioId, version: current) }
            let scenario = try base.scenario.loadScenario()
            var reader = VisitRequestReader(scenario: scenario, templates: templates,
                                            receivedAt: max(scenario.now, now(scenario)))
            let visits = try read(&reader)
            var plan = try base.plan.decodedPlan()
            for visit in visits {
                plan = WaitingRequest.plan(plan, adding: visit, reason: WaitingRequest.reason(submittedBy: identity.name), in: reader.scenario)
            }
            let upload: ScenarioUpload
            do { upload = try ScenarioUpload(scenario: reader.scenario, original: nil, originalFormat: nil) } catch {
                throw APIError.unwritable(error)
            }
            let rows = visits.map { visit in
                VisitRequestRow(id: nil, scenarioId: scenarioId, visitId: visit, scenarioVersion: 0, planVersion: 0,
                                submittedBy: identity.name, role: identity.role.rawValue, person: identity.person, source: source,
                                submittedAt: "")
            }
            do {
                let commit = try await store.commitRequest(scenarioId: scenarioId, baseVersion: current, scenario: upload, plan: plan,
                                                           requests: rows)
                return (commit, visits)
            } catch StoreError.stalePlan(let now, let reason) {
                guard attempt < 3 else { throw APIError.conflict(reason, currentVersion: now) }
            } catch let error as StoreError {
                throw APIError.from(error)
            }
        }
    }

    /// One request document, checked (422 with the request's field paths).
    func saveOne(scenarioId: String, document: DocumentValue, file: String, by identity: Identity) async throws -> (RequestCommit, String) {
        let request = Self.owned(document, by: identity)
        let saved = try await save(scenarioId: scenarioId, source: "form", by: identity) { reader in
            do { return [try reader.add(request, file: file).id] } catch let error as ScenarioError { throw APIError.invalid(error) }
        }
        return (saved.commit, saved.visits[0])
    }

    /// What a CSV import did: the visits added, and the rows left out (with `--skip-bad`).
    struct Imported: Sendable {
        var commit: RequestCommit?
        var visits: [String]
        var skipped: [RequestCSV.RowError]
    }

    /// A CSV file of requests: every row checked; nothing stored when a row is bad unless `skipBad`
    /// (422 listing every bad row otherwise).
    func importCSV(scenarioId: String, text: String, skipBad: Bool, by identity: Identity) async throws -> Imported {
        let rows: [(row: Int, request: Result<DocumentValue, RequestCSV.RowError>)]
        do { rows = try RequestCSV.requests(in: text) } catch { throw Self.rowsError(error.errors, file: "upload.csv") }
        var skipped: [RequestCSV.RowError] = []
        let saved = try await save(scenarioId: scenarioId, source: "csv", by: identity) { reader in
            let (added, bad) = reader.add(rows: rows) { Self.owned($0, by: identity) }
            skipped = bad
            if !skipped.isEmpty, !skipBad { throw Self.rowsError(skipped, file: "upload.csv") }
            if added.isEmpty { throw Self.rowsError(skipped, file: "upload.csv", header: "no row could be imported") }
            return added
        }
        return Imported(commit: saved.commit, visits: saved.visits, skipped: skipped)
    }

    /// 422 with one issue per bad row (`path`: `row 3, column latest`).
    static func rowsError(_ errors: [RequestCSV.RowError], file: String, header: String? = nil) -> APIError {
        let issues = errors.map { error in
            ValidationIssue(file: file, path: "row \(error.row)" + (error.column.map { ", column \($0)" } ?? ""), message: error.message)
        }
        let message = header ?? (errors.count == 1 ? "1 bad row; nothing was imported" : "\(errors.count) problems; nothing was imported")
        return APIError(status: .unprocessableContent, message: message, issues: issues)
    }

    /// A business token's request names its person as the owner when it names none.
    static func owned(_ document: DocumentValue, by identity: Identity) -> DocumentValue {
        guard identity.role == .business, document["owner"] == nil, case .object(var fields) = document else { return document }
        fields["owner"] = .string(identity.person ?? identity.name)
        return .object(fields)
    }

    /// Accepts waiting visit `visit` into plan `planVersion` (nil: the current plan): option
    /// `option` as offered now, else the best, else the cheapest way in.
    func accept(scenarioId: String, visit: String, planVersion: Int?, option: Int?,
                by identity: Identity) async throws -> (row: PlanRow, plan: Plan, taken: String) {
        let summary = try await storeCall { try await store.scenarioSummary(id: scenarioId) }
        guard let current = summary.currentPlanVersion else { throw APIError.from(.noPlan(scenario: scenarioId, version: nil)) }
        let version = planVersion ?? current
        let base = try await storeCall { try await store.replanBase(scenarioId: scenarioId, version: version) }
        let scenario = try base.scenario.loadScenario()
        let plan = try base.plan.decodedPlan()
        guard scenario.visit(visit) != nil else { throw APIError.notFound("scenario \(scenarioId) has no visit \"\(visit)\"") }
        let claim = try quota.claim(for: identity.name)
        defer { claim.release() }
        let settings = VisitOptionsSettings(timeLimit: acceptSeconds)
        let outcome: RequestAcceptance.Outcome
        do {
            outcome = try await threads.run { try RequestAcceptance(scenario: scenario, current: plan).accept(visit, option: option, settings: settings) }
        } catch let failure as RequestAcceptance.Failure {
            switch failure {
            case .options(.unknownVisit): throw APIError.notFound(failure.description)
            case .options(.alreadyScheduled): throw APIError.conflict(failure.description, currentVersion: version)
            case .options(.invalid(let issues)): throw APIError.invalid(.invalid(issues))
            case .options(.planner): throw APIError(status: .internalServerError, message: "the options search failed: \(failure)")
            case .noSuchOption: throw APIError.conflict(failure.description, currentVersion: version)
            case .cannotPlace: throw APIError(status: .unprocessableContent, message: failure.description)
            }
        }
        let row = try await storeCall {
            try await store.commitPlanChange(scenarioId: scenarioId, baseVersion: version, plan: outcome.plan, origin: "request", by: identity.name)
        }
        return (row, outcome.plan, outcome.taken)
    }
}

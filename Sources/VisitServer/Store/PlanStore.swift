import VisitDomain

/// The server's durable store: scenarios and their versions, plan versions, the append-only log of
/// change events, plan runs, what-if runs and the archive's visit index. Two implementations keep
/// the same records with the same rules and errors: `SQLiteStore` (one file, the default) and
/// `PostgresStore` (a database shared by several server instances). The API, the planner and the
/// tests see only this protocol.
///
/// History is append-only: every version ever made stays readable. A write that depends on the
/// current plan checks it inside its transaction, so two writers (even in two processes) can never
/// both win: the loser gets `StoreError.stalePlan`.
protocol PlanStore: Sendable {
    /// Where the store lives, for messages (never with a password).
    var location: String { get }

    /// Now, as the store writes it: UTC ISO 8601 to the second, from the store's clock.
    func timestamp() -> String
    /// Frees the runs a stopped server of this store was solving, to be claimed again at once
    /// (SQLite: one process owns the file, so its earlier leases are void; PostgreSQL: nothing to
    /// do, a run is free once its holder's sessions are gone).
    func releaseUnfinishedRuns() async throws

    // MARK: Scenarios

    /// Stores version 1 of a new scenario. Throws `scenarioExists` when the id is taken.
    func createScenario(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow
    /// Stores a new version of scenario `id`, creating the scenario when it does not exist yet.
    func addScenarioVersion(id: String, upload: ScenarioUpload, origin: String, by author: String) async throws -> ScenarioVersionRow
    /// Every scenario (by id) with its latest version.
    func scenarios() async throws -> [ScenarioSummary]
    func scenarioSummary(id: String) async throws -> ScenarioSummary
    /// Every version of a scenario, oldest first.
    func scenarioVersions(id: String) async throws -> [ScenarioVersionRow]
    func scenarioVersion(id: String, version: Int) async throws -> ScenarioVersionRow
    func latestScenarioVersion(id: String) async throws -> ScenarioVersionRow

    // MARK: Plans and plan runs

    /// Records a solve that has started on a scenario version.
    func startRun(scenarioId: String, scenarioVersion: Int, timeLimit: Double, relativeGap: Double,
                  by author: String) async throws -> PlanRunRow
    /// Commits the plan a run produced as the next plan version, unless the scenario got a newer
    /// version meanwhile (then the run ends `superseded` and nothing else is stored).
    /// `note`: why the solve stopped, kept as the run's message. Refused with `leaseLost` when
    /// another instance has taken the run over.
    func finishRun(id: Int64, plan: Plan, note: String?) async throws -> PlanRunRow
    /// Ends a run that could not produce a plan (refused with `leaseLost` like `finishRun`).
    func failRun(id: Int64, message: String) async throws
    func run(id: Int64) async throws -> PlanRunRow
    /// The runs of a scenario, newest first.
    func runs(scenarioId: String) async throws -> [PlanRunRow]
    /// Every plan version of a scenario, oldest first.
    func plans(scenarioId: String) async throws -> [PlanRow]
    /// A scenario's plan versions after `version`, oldest first.
    func plans(scenarioId: String, after version: Int) async throws -> [PlanRow]
    /// Plan `version` of a scenario, or its current (latest) plan when `version` is nil.
    func plan(scenarioId: String, version: Int?) async throws -> PlanRow

    // MARK: Solve jobs

    /// This store instance's name as a solve worker: what it writes as the holder of a lease.
    var worker: String { get }
    /// Claims the oldest plan run nobody is solving (new, or whose worker stopped renewing its
    /// lease or, in PostgreSQL, is no longer connected) for this instance until `lease` from now;
    /// a run claimed `StoreRules.maxAttempts` times without ending fails instead. Nil when there
    /// is none. In PostgreSQL `FOR UPDATE SKIP LOCKED`: instances never claim the same run.
    func claimRun(lease: Duration) async throws -> PlanRunRow?
    /// Extends this instance's lease on run `id` to `lease` from now; false when the run is no
    /// longer this instance's (it ended, or another instance took it over).
    func renewLease(id: Int64, lease: Duration) async throws -> Bool

    // MARK: Change events

    /// The base for events aimed at plan `version`: it must be the current plan, made from the
    /// latest scenario version. Otherwise `stalePlan` names the plan that is current.
    func replanBase(scenarioId: String, version: Int) async throws -> ReplanBase
    /// Stores the scenario after the events, the new plan and the events, all in one transaction,
    /// if plan `baseVersion` is still current; otherwise throws `stalePlan` and stores nothing.
    /// `job`: the report's job, ended `done` in the same transaction (refused with `leaseLost`
    /// when this instance no longer holds it).
    func commitReplan(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                      events: [LoggedEvent], by author: String, job: Int64?) async throws -> ReplanCommit
    /// Every logged event of a scenario, in the order they were stored.
    func events(scenarioId: String) async throws -> [ChangeEventRow]
    /// Stores an accepted improvement proposal as the next plan version (origin `improvement`, made
    /// from the same scenario version as the plan it replaces) if plan `baseVersion` is still
    /// current; otherwise throws `stalePlan` and stores nothing (the same check as a replan's commit).
    /// (`origin`: `improvement`, or `request` for an accepted visit request.)
    func commitPlanChange(scenarioId: String, baseVersion: Int, plan: Plan, origin: String, by author: String) async throws -> PlanRow

    // MARK: Replan jobs

    /// Stores a report of change events as a job held by this instance for `lease` (it replans
    /// the report at once); ended by `commitReplan(job:)` or `endReplan`.
    func startReplan(_ job: ReplanJobRow, lease: Duration) async throws -> ReplanJobRow
    /// Claims the oldest report whose holder stopped before ending it, as `claimRun` does.
    func claimReplan(lease: Duration) async throws -> ReplanJobRow?
    /// Extends this instance's lease on report `id`; false when it is no longer this instance's.
    func renewReplanLease(id: Int64, lease: Duration) async throws -> Bool
    /// Ends a report that produced no plan: `stale` or `failed`, with why (refused with
    /// `leaseLost` when another instance has taken it over).
    func endReplan(id: Int64, state: String, message: String) async throws
    func replanJob(id: Int64) async throws -> ReplanJobRow
    /// The reports of a scenario, newest first.
    func replanJobs(scenarioId: String) async throws -> [ReplanJobRow]

    // MARK: What-if runs

    /// Stores a what-if run waiting for a solve worker (a job like a plan run): the request as
    /// posted, `format` (`yaml` or `json`) and each solve's limits.
    func startWhatIf(scenarioId: String, scenarioVersion: Int, request: String, format: String, timeLimit: Double,
                     relativeGap: Double, by author: String) async throws -> WhatIfRunRow
    /// Claims the oldest what-if run nobody is running, as `claimRun` does for plan runs.
    func claimWhatIf(lease: Duration) async throws -> WhatIfRunRow?
    /// Extends this instance's lease on what-if run `id`; false when it is no longer this instance's.
    func renewWhatIfLease(id: Int64, lease: Duration) async throws -> Bool
    /// Ends a what-if run with its comparison JSON, or with a message when `result` is nil
    /// (refused with `leaseLost` when another instance has taken the run over).
    func finishWhatIf(id: Int64, result: String?, message: String?) async throws
    func whatIf(id: Int64) async throws -> WhatIfRunRow
    /// The what-if runs of a scenario, newest first.
    func whatIfs(scenarioId: String) async throws -> [WhatIfRunRow]

    // MARK: After the visit

    /// Adds a record against a visit (append-only); returns it with its id. With a `limit`, throws
    /// `recordLimit` instead when the visit already keeps that many, counted in the same
    /// transaction as the insert (two adds at once never pass the limit together).
    func addRecord(_ row: VisitRecordRow, limit: Int?) async throws -> VisitRecordRow
    /// The records of a scenario's visit (nil: of all its visits), in the order they were stored.
    func records(scenarioId: String, visitId: String?) async throws -> [VisitRecordRow]
    /// Keeps a file with a visit (append-only); returns it with its id.
    func addAttachment(_ row: AttachmentRow) async throws -> AttachmentRow
    /// The files kept with a visit, oldest first, without their bytes (`data` empty).
    func attachments(scenarioId: String, visitId: String) async throws -> [AttachmentRow]
    /// One file with its bytes.
    func attachment(id: Int64) async throws -> AttachmentRow

    // MARK: Visit requests

    /// Stores a changed scenario as the next scenario version and, in the same transaction, `plan`
    /// (the current plan, kept or with new visits waiting) as the next plan version made from it,
    /// both with `origin` (`request`, `resources`), with the request rows (if any), when plan
    /// `baseVersion` is still current and made from the latest scenario version; otherwise throws
    /// `stalePlan` and stores nothing.
    func commitScenarioChange(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan, origin: String,
                              by author: String, requests: [VisitRequestRow]) async throws -> RequestCommit
    /// The requests of a scenario, in the order they were stored.
    func requests(scenarioId: String) async throws -> [VisitRequestRow]
    /// Stores the next version of template `row.name` (its `version` and `createdAt` are set here).
    func saveTemplate(_ row: AgendaTemplateRow) async throws -> AgendaTemplateRow
    /// The templates in force: the latest version of each name, unless it retired the template; by name.
    func templates() async throws -> [AgendaTemplateRow]

    // MARK: Archive

    /// The visits of clients whose name contains `client` (ignoring case) whose window touches
    /// `date`, in any scenario version, by scenario and visit id.
    func archive(client: String, date: LocalDate) async throws -> [ArchivedVisit]

    // MARK: Copying

    /// Every record, read in one transaction.
    func snapshot() async throws -> StoreSnapshot
    /// Writes every record of `snapshot` (ids included) in one transaction into this store,
    /// which must be empty (else `notEmpty`).
    func restore(_ snapshot: StoreSnapshot) async throws

    /// What is committed from now on (new waiting plan runs, new current plans), by this instance
    /// or, with PostgreSQL, any instance sharing the database; the stream ends at `shutdown`.
    func changes() -> AsyncStream<StoreChange>

    /// Closes the store's connections; nothing may be called afterwards.
    func shutdown() async
}

extension PlanStore {
    /// Commits a replan that has no job (stores and tests that replan directly).
    func commitReplan(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                      events: [LoggedEvent], by author: String) async throws -> ReplanCommit {
        try await commitReplan(scenarioId: scenarioId, baseVersion: baseVersion, scenario: scenario, plan: plan, events: events,
                               by: author, job: nil)
    }

    /// Stores requests: the scenario with their visits, and the plan listing them waiting (see `commitScenarioChange`).
    func commitRequest(scenarioId: String, baseVersion: Int, scenario: ScenarioUpload, plan: Plan,
                       requests: [VisitRequestRow]) async throws -> RequestCommit {
        try await commitScenarioChange(scenarioId: scenarioId, baseVersion: baseVersion, scenario: scenario, plan: plan, origin: "request",
                                       by: requests.first?.submittedBy ?? "visitplan", requests: requests)
    }

    /// Stores an accepted improvement proposal (see `commitPlanChange`).
    func commitImprovement(scenarioId: String, baseVersion: Int, plan: Plan, by author: String) async throws -> PlanRow {
        try await commitPlanChange(scenarioId: scenarioId, baseVersion: baseVersion, plan: plan, origin: "improvement", by: author)
    }

    /// Commits a run's plan with no note.
    func finishRun(id: Int64, plan: Plan) async throws -> PlanRunRow {
        try await finishRun(id: id, plan: plan, note: nil)
    }
}

extension PlanStore {
    /// Adds a record against a visit, however many it keeps.
    func addRecord(_ row: VisitRecordRow) async throws -> VisitRecordRow {
        try await addRecord(row, limit: nil)
    }
}

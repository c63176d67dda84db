import VisitDomain

// What the store's operations take and give besides single rows; the same for both backends.

/// A scenario with its latest version and current plan version, for listings.
struct ScenarioSummary: Sendable, Equatable {
    var scenario: ScenarioRow
    var latest: ScenarioVersionRow
    var currentPlanVersion: Int?
}

/// One event of a report, ready for the log.
struct LoggedEvent: Sendable {
    var type: String
    var visitId: String?
    var at: String
    /// The event as posted, as JSON.
    var body: String
}

/// What a replan starts from: the current plan and the scenario version it was made from.
struct ReplanBase: Sendable {
    var plan: PlanRow
    var scenario: ScenarioVersionRow
}

/// What a committed replan stored.
struct ReplanCommit: Sendable {
    var plan: PlanRow
    var scenario: ScenarioVersionRow
    var events: [ChangeEventRow]
}

/// One visit found by the archive, with every plan version that lists it and the events that
/// touched it.
struct ArchivedVisit: Sendable {
    var scenarioId: String
    var visitId: String
    var clientName: String
    var plans: [(row: PlanRow, visit: PlannedVisit)]
    /// Events aimed at the visit, and events of reports whose replan changed it.
    var events: [ChangeEventRow]

    /// Gathers what the archive shows of visit `visitId` from its scenario's plans (oldest first,
    /// decoded) and events (in the order stored).
    init(scenarioId: String, visitId: String, clientName: String, plans: [(PlanRow, Plan)], events: [ChangeEventRow]) {
        self.scenarioId = scenarioId; self.visitId = visitId; self.clientName = clientName
        self.plans = plans.compactMap { row, plan in plan.visit(visitId).map { (row: row, visit: $0) } }
        let changedBy = Set(plans.filter { $0.1.changes?.contains { $0.visit == visitId } == true }.map(\.0.version))
        self.events = events.filter { $0.visitId == visitId || changedBy.contains($0.producedPlanVersion) }
    }
}

/// Every record of a store, each table in key order: what `visitplan store copy` moves and
/// compares.
struct StoreSnapshot: Sendable, Equatable {
    var scenarios: [ScenarioRow] = []
    var scenarioVersions: [ScenarioVersionRow] = []
    var plans: [PlanRow] = []
    var planRuns: [PlanRunRow] = []
    var changeEvents: [ChangeEventRow] = []
    var whatIfRuns: [WhatIfRunRow] = []
    var replanJobs: [ReplanJobRow] = []
    var visitIndex: [VisitIndexRow] = []
    var visitRecords: [VisitRecordRow] = []
    var attachments: [AttachmentRow] = []
    var visitRequests: [VisitRequestRow] = []
    var agendaTemplates: [AgendaTemplateRow] = []

    var isEmpty: Bool { recordCount == 0 }

    var recordCount: Int {
        scenarios.count + scenarioVersions.count + plans.count + planRuns.count + changeEvents.count + whatIfRuns.count
            + replanJobs.count + visitIndex.count + visitRecords.count + attachments.count
            + visitRequests.count + agendaTemplates.count
    }

    /// Records per table, for messages.
    var counts: [(table: String, count: Int)] {
        [("scenario", scenarios.count), ("scenarioVersion", scenarioVersions.count), ("plan", plans.count),
         ("planRun", planRuns.count), ("changeEvent", changeEvents.count), ("whatIfRun", whatIfRuns.count),
         ("replanJob", replanJobs.count), ("visitIndex", visitIndex.count), ("visitRecord", visitRecords.count),
         ("attachment", attachments.count), ("visitRequest", visitRequests.count), ("agendaTemplate", agendaTemplates.count)]
    }
}

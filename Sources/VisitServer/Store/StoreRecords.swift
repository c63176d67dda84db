import Foundation
// The rows of the store: plain values shared by both backends (`SQLiteStore`, `PostgresStore`),
// whose database conformances live with each backend. Scenario versions, plans, change events and
// the visit index are append-only (triggers refuse UPDATE and DELETE); plan runs and what-if runs
// are written once more, when they end. Timestamps are UTC ISO 8601 text (`2026-12-04T16:59:12Z`)
// in both backends, so both return the same values.

/// A scenario: the name a coordinator works under, with its versions.
struct ScenarioRow: Codable, Sendable, Equatable {
    var id: String
    var createdAt: String
    var createdBy: String
}

/// One version of a scenario: its canonical JSON (every default spelled out, `now` pinned, see
/// `ScenarioDocument`), the text as uploaded (none for a replan's version) and where it came from.
struct ScenarioVersionRow: Codable, Sendable, Equatable {
    var scenarioId: String
    var version: Int
    var name: String
    /// Canonical JSON: what the version loads from.
    var source: String
    /// The text as uploaded.
    var original: String?
    /// `yaml` or `json`, the format of `original`.
    var originalFormat: String?
    /// `upload`, `seed` or `replan`.
    var origin: String
    var createdAt: String
    var createdBy: String
}

/// One plan version of a scenario. Versions are numbered in the order they were committed; the
/// highest is the current plan.
struct PlanRow: Codable, Sendable, Equatable {
    var scenarioId: String
    var version: Int
    var scenarioVersion: Int
    var status: String
    var score: Double
    var bound: Double
    var solveSeconds: Double
    /// The plan JSON of FORMAT.md.
    var planJSON: String
    /// `solve` or `replan`.
    var origin: String
    /// The plan a replan started from.
    var basePlanVersion: Int?
    var createdAt: String
    var createdBy: String
}

/// A background solve of one scenario version.
struct PlanRunRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var scenarioVersion: Int
    /// `running`, `done`, `failed`, `superseded` or `interrupted`.
    var state: String
    var timeLimit: Double
    var relativeGap: Double
    var planVersion: Int?
    var message: String?
    var startedAt: String
    var finishedAt: String?
    var startedBy: String
}

/// One change event as a host or coordinator reported it, with the plan it was applied to and
/// the plan it produced (all events of one report produce the same plan).
struct ChangeEventRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var basePlanVersion: Int
    var producedPlanVersion: Int
    /// Position in the report (0-based).
    var position: Int
    var type: String
    var visitId: String?
    /// The event's `at`.
    var at: String
    /// The event as posted, as JSON.
    var body: String
    var reportedBy: String
    var reportedAt: String
}

/// A what-if comparison run on copies of a scenario version: a solve job like a plan run, waiting
/// (`running`, no worker) until a solve worker of any instance claims it.
struct WhatIfRunRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var scenarioVersion: Int
    /// The variants as posted.
    var request: String
    /// `yaml` or `json`: how `request` is read.
    var format: String
    /// Each solve's limits (the base and every variant).
    var timeLimit: Double
    var relativeGap: Double
    /// `running`, `done` or `failed` (`interrupted`: left by a server from before what-ifs became jobs).
    var state: String
    /// The comparison JSON when done.
    var result: String?
    var message: String?
    var startedAt: String
    var finishedAt: String?
    var startedBy: String
}

/// Which client a visit of a scenario version is for, and the dates its window touches: the
/// archive's search index.
struct VisitIndexRow: Codable, Sendable, Equatable {
    var scenarioId: String
    var scenarioVersion: Int
    var visitId: String
    var clientName: String
    var date: String
}

/// A report of change events as a solve job. The instance that receives the report stores it
/// holding it (its lease), replans at once and ends it in the transaction that commits the new
/// plan version; should that instance die first, any instance's solve workers claim it once the
/// holder is gone and apply it, if its plan is still current. Kept like the runs.
struct ReplanJobRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    /// The plan version the events were reported against.
    var basePlanVersion: Int
    /// The events as posted, and `yaml` or `json`.
    var request: String
    var format: String
    /// Who reported them: the token's name, role and (for a host) staff id.
    var reportedBy: String
    var role: String
    var person: String?
    /// `running`, `done`, `stale` (another plan replaced its base first: nothing applied) or `failed`.
    var state: String
    var producedPlanVersion: Int?
    var message: String?
    var startedAt: String
    var finishedAt: String?
}

/// The tables of solve jobs, claimed and leased alike by the instances' solve workers.
enum SolveJobTable: String, Sendable {
    case planRun
    case whatIfRun
    case replanJob
}

/// A record against a visit after its plan (`VisitRecord`): its body as JSON (`kind` first), the
/// site-local moment it is about, and who stored it when. Append-only.
struct VisitRecordRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var visitId: String
    /// `VisitRecordKind`.
    var kind: String
    var body: String
    /// Site-local time (`2026-12-14T16:30`).
    var at: String
    var recordedBy: String
    /// UTC, as the store writes it.
    var recordedAt: String
}

/// A file kept with a visit (photos, minutes): its bytes, checked type and size. Append-only.
struct AttachmentRow: Codable, Sendable, Equatable {
    var id: Int64?
    var scenarioId: String
    var visitId: String
    var name: String
    var contentType: String
    var size: Int
    var data: Data
    var addedBy: String
    var addedAt: String
}

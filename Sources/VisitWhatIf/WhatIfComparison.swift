import VisitDomain
import VisitPlanner

/// The comparison of a what-if study, as `visitplan whatif` prints it: one row per run, the base
/// first, then the variants in file order. Encodes to the JSON of `--format json`.
public struct WhatIfComparison: Sendable, Hashable, Codable {
    /// The what-if file.
    public var whatIf: String
    /// The base scenario's file.
    public var base: String
    /// Runs planned at the same time.
    public var jobs: Int
    /// Wall-clock seconds for all runs together.
    public var wallSeconds: Double
    public var runs: [RunSummary]

    /// Whether some run could not be planned.
    public var hasFailures: Bool { runs.contains { $0.error != nil } }
}

/// One run (the base or a variant): its figures, what differs from the base, and where its plan
/// runs out of capacity.
public struct RunSummary: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    public var isBase: Bool
    /// What the variant's edits implied (a route kept but closed, a preferred host dropped, ...).
    public var notes: [String]
    /// `optimal`, `feasible` (stopped at the time limit) or `error` (see `error`).
    public var status: PlanStatus
    /// Why planning failed.
    public var error: String?
    /// Visits asked for.
    public var visits: Int
    public var score: Double?
    public var bound: Double?
    /// The planner's time (model, solve, reasons, check).
    public var solveSeconds: Double?
    /// Wall-clock time of the run on its thread.
    public var wallSeconds: Double
    /// Scheduled, unscheduled and urgent visits, catering cost, room, guide and host utilisation.
    public var statistics: PlanStatistics?
    /// For a variant: what its plan does differently from the base plan.
    public var differences: PlanDifferences?
    public var bottlenecks: BottleneckReport?

    init(name: String, description: String?, isBase: Bool, notes: [String], scenario: Scenario, run: PlanRun, basePlan: Plan?) {
        self.name = name; self.description = description; self.isBase = isBase; self.notes = notes
        visits = scenario.visits.count
        wallSeconds = (run.wallSeconds * 1000).rounded() / 1000
        switch run.outcome {
        case .success(let outcome):
            let plan = outcome.plan
            status = plan.status
            score = plan.score
            bound = plan.bound
            solveSeconds = plan.solveSeconds
            statistics = PlanStatistics(scenario: scenario, plan: plan)
            bottlenecks = BottleneckReport(scenario: scenario, plan: plan)
            if !isBase, let basePlan { differences = PlanDifferences(base: basePlan, variant: plan) }
        case .failure(let failure):
            status = .error
            error = failure.description
        }
    }
}

/// What a variant's plan does differently from the base plan, visit by visit (by id).
public struct PlanDifferences: Sendable, Hashable, Codable {
    /// Unscheduled in the base, scheduled here.
    public var newlyPlaced: [String]
    /// Scheduled in the base, unscheduled here (with this plan's reasons).
    public var newlyDropped: [DroppedVisit]
    /// Visits the base does not have (added, or copies made by `scaleDemand`), scheduled here.
    public var addedScheduled: [String]
    /// Visits the base does not have, unscheduled here.
    public var addedUnscheduled: [String]
    /// Base visits the variant removed.
    public var removed: [String]
    /// Scheduled in both plans, but at another time or with other people or resources.
    public var rearranged: [RearrangedVisit]

    /// Whether the two plans treat every visit alike.
    public var isEmpty: Bool {
        newlyPlaced.isEmpty && newlyDropped.isEmpty && addedScheduled.isEmpty && addedUnscheduled.isEmpty
            && removed.isEmpty && rearranged.isEmpty
    }

    public init(base: Plan, variant: Plan) {
        let before = Dictionary(base.visits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterIDs = Set(variant.visits.map(\.id))
        var placed: [String] = [], dropped: [DroppedVisit] = [], addedIn: [String] = [], addedOut: [String] = []
        var rearranged: [RearrangedVisit] = []
        for visit in variant.visits {
            guard let old = before[visit.id] else {
                if visit.scheduled { addedIn.append(visit.id) } else { addedOut.append(visit.id) }
                continue
            }
            switch (old.scheduled, visit.scheduled) {
            case (false, true): placed.append(visit.id)
            case (true, false): dropped.append(DroppedVisit(id: visit.id, reasons: visit.reasons ?? []))
            case (true, true):
                let changes = Self.changes(from: old, to: visit)
                if !changes.isEmpty { rearranged.append(RearrangedVisit(id: visit.id, changes: changes)) }
            case (false, false): break
            }
        }
        newlyPlaced = placed
        newlyDropped = dropped
        addedScheduled = addedIn
        addedUnscheduled = addedOut
        removed = base.visits.map(\.id).filter { !afterIDs.contains($0) }
        self.rearranged = rearranged
    }

    /// "start 2026-12-07T09:30 → 2026-12-07T10:00", "host li.wei → zhang.min", "meal: caterer canteen → grand-palace", ...
    static func changes(from old: PlannedVisit, to new: PlannedVisit) -> [String] {
        var changes: [String] = []
        func note(_ what: String, _ a: String?, _ b: String?) {
            if a != b { changes.append("\(what) \(a ?? "none") → \(b ?? "none")") }
        }
        note("start", old.start?.description, new.start?.description)
        note("host", old.host, new.host)
        let oldItems = old.items ?? [], newItems = new.items ?? []
        for (position, item) in newItems.enumerated() {
            let index = item.agendaIndex ?? position
            guard let previous = oldItems.enumerated().first(where: { ($0.element.agendaIndex ?? $0.offset) == index })?.element else { continue }
            let label = item.kind.rawValue + ":"
            note("\(label) room", previous.room, item.room)
            note("\(label) route", previous.route, item.route)
            note("\(label) caterer", previous.caterer, item.caterer)
            func people(_ list: [String]?) -> String? { list.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") } }
            note("\(label) guides", people(previous.guides), people(item.guides))
            note("\(label) technical", people(previous.technical), people(item.technical))
            note("\(label) sales", people(previous.sales), people(item.sales))
        }
        return changes
    }
}

/// A visit the base plan schedules and a variant's plan does not.
public struct DroppedVisit: Sendable, Hashable, Codable {
    public var id: String
    public var reasons: [String]
}

/// A visit both plans schedule, differently.
public struct RearrangedVisit: Sendable, Hashable, Codable {
    public var id: String
    public var changes: [String]
}

import VisitDomain
import VisitPlanner

/// One way to place a visit in the week: its day and times, rooms, host, guides and caterers, and
/// the week's score with it. An option of `VisitOptions` changes nothing else in the plan.
public struct PlacementOption: Sendable, Hashable, Encodable {
    /// 1 for the best option.
    public var rank: Int
    /// The date (YYYY-MM-DD).
    public var day: String
    public var start: LocalDateTime
    public var end: LocalDateTime
    /// Whether the visit would be urgent (short notice, FORMAT.md rule 3).
    public var urgent: Bool
    public var host: String
    /// Meeting rooms, tour routes and caterers in agenda order (each once).
    public var rooms: [String]
    public var routes: [String]
    public var guides: [String]
    public var caterers: [String]
    /// The week's score with the visit placed so (`ScoreCalculator`: FORMAT.md's objective
    /// without replanning terms).
    public var score: Double
    /// `score` minus the current plan's.
    public var scoreDelta: Double
    /// The visit's entry as the plan would carry it (every item's times, room or route, people, caterer).
    public var visit: PlannedVisit

    /// The option of `planned` (scheduled) in a week scoring `score`, against `before`.
    init?(rank: Int, planned: PlannedVisit, score: Double, before: Double) {
        guard planned.scheduled, let start = planned.start, let end = planned.end, let host = planned.host else { return nil }
        let items = planned.items ?? []
        self.rank = rank
        day = start.date.description
        self.start = start
        self.end = end
        urgent = planned.urgent ?? false
        self.host = host
        rooms = items.compactMap(\.room).uniqued()
        routes = items.compactMap(\.route).uniqued()
        guides = items.flatMap { $0.guides ?? [] }.uniqued()
        caterers = items.compactMap(\.caterer).uniqued()
        self.score = score.rounded(toPlaces: 4)
        scoreDelta = (score - before).rounded(toPlaces: 4)
        visit = planned
    }

    /// The current plan with the visit placed as this option says (its entry replaced, or added
    /// for a new request), totals and score recomputed; every other visit as it was. Status
    /// `feasible`: nothing proves the week optimal. This is the plan accepting the option stores.
    public func applied(to current: Plan, in scenario: Scenario) -> Plan {
        var plan = current
        if let k = plan.visits.firstIndex(where: { $0.id == visit.id }) { plan.visits[k] = visit } else { plan.visits.append(visit) }
        return plan.rescored(in: scenario)
    }

    /// The key that tells this option apart from the others (start, meeting rooms, host).
    var key: PlacementKey? { PlacementKey(visit) }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

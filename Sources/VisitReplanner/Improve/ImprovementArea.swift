import VisitDomain
import VisitPlanner

/// One neighbourhood of the improvement search: the visits free to change in one solve. Every
/// other visit keeps the incumbent plan: a scheduled one is pinned (times, rooms, people, host),
/// an unscheduled one is left out with its reasons.
struct ImprovementArea: Sendable, Hashable {
    /// How the summary names this solve ("visits left out", "2026-12-08", ...).
    var name: String
    /// The visits free to change.
    var free: Set<String>

    /// The baseline of one solve: the incumbent, with everything outside the area pinned or left
    /// out, and the items that started before `now` frozen.
    func baseline(incumbent: Plan, scenario: Scenario, frozen: Set<ItemKey>) -> PlanBaseline {
        var baseline = PlanBaseline(plan: incumbent, frozen: frozen)
        for visit in scenario.visits where !free.contains(visit.id) {
            if incumbent.visit(visit.id)?.scheduled == true { baseline.pinned.insert(visit.id) } else { baseline.excluded.insert(visit.id) }
        }
        return baseline
    }
}

/// The neighbourhoods the improvement search tries, smallest first: the visits left out alone
/// (everything planned stays); each left-out visit with the visits its reasons name as holding
/// what it needs; day by day (the day's visits and the left-out visits whose window touches it; a
/// large day in groups of visits close in time, shifted from one pass to the next); then pairs of
/// consecutive days (a visit may change day). A visit under way (an item started before `now`) is
/// never free.
struct ImprovementAreas: Sendable {
    let scenario: Scenario
    /// Visits with an item that started before `now`: kept exactly.
    let underway: Set<String>
    /// Visits waiting for a coordinator's accept (saved requests): never free, so never placed.
    var held: Set<String> = []
    /// A day with more free visits than this is searched in groups of `groupSize` visits.
    var wholeDayVisits = 20
    var groupSize = 12

    /// Whether `visit` stays exactly as it is in every area (under way, or a request on hold).
    private func kept(_ visit: String) -> Bool { underway.contains(visit) || held.contains(visit) }

    /// The visits left out of `plan` that may still be placed.
    func leftOut(_ plan: Plan) -> [String] {
        scenario.visits.filter { plan.visit($0.id)?.scheduled != true && !kept($0.id) }.map(\.id)
    }

    /// Only the visits left out, with everything planned pinned.
    func leftOutArea(_ plan: Plan) -> ImprovementArea? {
        let free = Set(leftOut(plan))
        return free.isEmpty ? nil : ImprovementArea(name: "visits left out", free: free)
    }

    /// Each left-out visit crowded out by others, with those others (the visits its reasons name).
    func conflictAreas(_ plan: Plan) -> [ImprovementArea] {
        leftOut(plan).compactMap { id in
            let named = (plan.visit(id)?.reasonDetails ?? []).filter { $0.kind == .crowdedOut }.flatMap { $0.visits ?? [] }
            let rivals = Set(named.filter { plan.visit($0)?.scheduled == true && !kept($0) })
            return rivals.isEmpty ? nil : ImprovementArea(name: "\(id) and the visits in its way", free: rivals.union([id]))
        }
    }

    /// Per day of the horizon with something to change: the whole day, or for a large day groups of
    /// visits by start time (each with the day's left-out visits), starting `round` thirds of a group later.
    func dayAreas(_ plan: Plan, round: Int = 0) -> [ImprovementArea] {
        scenario.horizonDates.flatMap { date -> [ImprovementArea] in
            guard let whole = area([date], plan) else { return [] }
            guard whole.free.count > wholeDayVisits else { return [whole] }
            let planned = whole.free.compactMap { id in plan.visit(id).flatMap { $0.scheduled ? $0 : nil } }
                .sorted { ($0.start ?? .init(minutes: 0), $0.id) < ($1.start ?? .init(minutes: 0), $1.id) }
            let waiting = whole.free.subtracting(planned.map(\.id))
            var groups: [ImprovementArea] = []
            var from = -((round % 3) * groupSize / 3)
            while from < planned.count {
                let slice = planned[max(0, from)..<min(planned.count, from + groupSize)]
                from += groupSize
                guard let first = slice.first?.start, let last = slice.last?.start else { continue }
                groups.append(ImprovementArea(name: "\(date) \(first.timeOfDay)–\(last.timeOfDay) (\(slice.count) visits)",
                                              free: Set(slice.map(\.id)).union(waiting)))
            }
            return groups
        }
    }

    /// One area per two consecutive days, when some visit may take place on either.
    func dayPairAreas(_ plan: Plan) -> [ImprovementArea] {
        let dates = scenario.horizonDates
        guard dates.count > 1 else { return [] }
        return (1..<dates.count).compactMap { k in
            let pair = [dates[k - 1].dayNumber, dates[k].dayNumber]
            let spans = scenario.visits.contains { v in
                !kept(v.id) && Set(pair).isSubset(of: NeighbourhoodLadder.windowDays(v))
            }
            return spans ? area([dates[k - 1], dates[k]], plan) : nil
        }
    }

    /// The visits planned on `days`, and those left out whose window touches one of them.
    private func area(_ days: [LocalDate], _ plan: Plan) -> ImprovementArea? {
        let numbers = Set(days.map(\.dayNumber))
        var free = Set<String>()
        for visit in scenario.visits where !kept(visit.id) {
            if let planned = plan.visit(visit.id), planned.scheduled {
                if let start = planned.start, numbers.contains(start.date.dayNumber) { free.insert(visit.id) }
            } else if !NeighbourhoodLadder.windowDays(visit).isDisjoint(with: numbers) {
                free.insert(visit.id)
            }
        }
        guard !free.isEmpty else { return nil }
        return ImprovementArea(name: days.map(\.description).joined(separator: " + "), free: free)
    }
}

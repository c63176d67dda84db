import VisitDomain
import VisitPlanner

/// The visits one solve of a replan may change. Every other visit keeps its plan: a scheduled one
/// is pinned (its times, rooms and people), an unscheduled one is left out with its reasons.
struct Neighbourhood: Sendable, Hashable {
    /// How far the replan has widened, smallest first.
    enum Stage: Sendable, Hashable {
        /// The visits the events name, and those using what a closure took away.
        case affected
        /// And the visits holding what a visit that must be kept needs, moving in time on their
        /// day with their host, rooms and people.
        case shiftedBlockers
        /// And those visits free to change.
        case blockers
        /// Every visit of some days.
        case days([LocalDate])
        case wholeWeek
    }

    var stage: Stage
    /// The visits free to change; nil for the whole week.
    var free: Set<String>?
    /// Visits that may move in time on their day, keeping host, rooms and people.
    var shiftable: Set<String> = []

    static let wholeWeek = Neighbourhood(stage: .wholeWeek, free: nil)

    /// How the replan summary names this solve.
    var name: String {
        switch stage {
        case .affected: "affected visits"
        case .shiftedBlockers: "affected visits, others moving on their day"
        case .blockers: "affected visits and those holding what they need"
        case .days(let days): "days " + days.map(\.description).joined(separator: ", ")
        case .wholeWeek: "whole week"
        }
    }

    /// The baseline with every visit outside the neighbourhood pinned or left out.
    func baseline(from full: PlanBaseline, scenario: Scenario, plan: Plan) -> PlanBaseline {
        guard let free else { return full }
        var local = full
        for visit in scenario.visits where !free.contains(visit.id) {
            if plan.visit(visit.id)?.scheduled != true {
                local.excluded.insert(visit.id)
            } else if shiftable.contains(visit.id) {
                local.shiftable.insert(visit.id)
            } else {
                local.pinned.insert(visit.id)
            }
        }
        return local
    }

    /// The visits this solve may change; nil for the whole week.
    var movable: Set<String>? { free.map { $0.union(shiftable) } }

    /// Visits free in this solve (all of them for the whole week).
    func freeCount(in scenario: Scenario) -> Int { (free?.count ?? scenario.visits.count) + shiftable.count }
}

/// The neighbourhoods a replan tries, smallest first. It starts from the visits the events affect:
/// the visits they name, and the visits using a room, route, caterer or person during a reported
/// closure. It widens only while a visit the replan must keep (scheduled before, or newly added)
/// ends unscheduled though it would fit on its own: first to the visits its reasons name as
/// holding what it needs (and any visit the solve had to drop), then to whole days (the days of
/// the free visits and of the closures), then to the whole week.
struct NeighbourhoodLadder: Sendable {
    let applied: AppliedEvents
    let plan: Plan

    /// The visits the events affect directly.
    func affected() -> Neighbourhood {
        var free = applied.touchedVisits.filter { applied.scenario.visit($0) != nil }
        let turnover = applied.scenario.policies.roomTurnoverMinutes
        let early = applied.scenario.policies.hostArrivesEarlyMinutes
        for closure in applied.closures {
            for visit in plan.visits where visit.scheduled && applied.scenario.visit(visit.id) != nil {
                if visit.host == closure.resource, let start = visit.start, let end = visit.end,
                   overlaps(start.adding(minutes: -early), end, closure.interval) {
                    free.insert(visit.id)
                    continue
                }
                let uses = (visit.items ?? []).contains { item in
                    let holders = [item.room, item.route, item.caterer].compactMap { $0 } + item.people
                    return holders.contains(closure.resource)
                        && overlaps(item.start.adding(minutes: -turnover), item.end.adding(minutes: turnover), closure.interval)
                }
                if uses { free.insert(visit.id) }
            }
        }
        return Neighbourhood(stage: .affected, free: free)
    }

    /// The next, wider neighbourhood after a solve of `current` that did not absorb the events
    /// (`result`: its plan); nil when there is nothing wider.
    func widened(_ current: Neighbourhood, after result: Plan) -> Neighbourhood? {
        guard let free = current.free else { return nil }
        switch current.stage {
        case .wholeWeek: return nil
        case .days: return .wholeWeek
        case .affected, .shiftedBlockers, .blockers:
            var failed = free
            var blockers = current.shiftable
            for visit in result.visits where !visit.scheduled && applied.scenario.visit(visit.id) != nil {
                let mustKeep = plan.visit(visit.id)?.scheduled == true || plan.visit(visit.id) == nil
                guard mustKeep else { continue }
                failed.insert(visit.id)
                for reason in visit.reasonDetails ?? [] {
                    blockers.formUnion((reason.visits ?? []).filter { applied.scenario.visit($0) != nil })
                }
            }
            blockers.subtract(failed)
            if current.stage == .affected, !blockers.isEmpty {
                return Neighbourhood(stage: .shiftedBlockers, free: failed, shiftable: blockers)
            }
            let wider = failed.union(blockers)
            if wider.count > free.count { return Neighbourhood(stage: .blockers, free: wider) }
            let days = days(around: wider)
            return (days.free?.count ?? 0) > free.count ? days : .wholeWeek
        }
    }

    /// Every visit on the days of `visits` (where planned, and their windows) and of the closures.
    func days(around visits: Set<String>) -> Neighbourhood {
        var days = Set<Int>()
        for id in visits {
            if let start = plan.visit(id)?.start { days.insert(start.date.dayNumber) }
            if let visit = applied.scenario.visit(id) { days.formUnion(Self.windowDays(visit)) }
        }
        for closure in applied.closures {
            let last = LocalDateTime(minutes: closure.interval.end.minutes - 1).date.dayNumber
            days.formUnion(closure.interval.start.date.dayNumber...max(closure.interval.start.date.dayNumber, last))
        }
        var free = visits
        for visit in applied.scenario.visits {
            let planned = plan.visit(visit.id)
            let inside = if let start = planned?.start, planned?.scheduled == true {
                days.contains(start.date.dayNumber)
            } else {
                !Self.windowDays(visit).isDisjoint(with: days)
            }
            if inside { free.insert(visit.id) }
        }
        return Neighbourhood(stage: .days(days.sorted().map(LocalDate.init(dayNumber:))), free: free)
    }

    private func overlaps(_ start: LocalDateTime, _ end: LocalDateTime, _ interval: TimeInterval) -> Bool {
        start < interval.end && interval.start < end
    }

    static func windowDays(_ visit: Visit) -> Set<Int> {
        let first = visit.window.start.date.dayNumber
        let last = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        return first <= last ? Set(first...last) : []
    }
}

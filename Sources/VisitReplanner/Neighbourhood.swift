import VisitDomain
import VisitPlanner

/// The part of the week the events can disturb: the days of the visits they touch (before and
/// after the events) and of the closures they report. Visits on other days keep their plan.
struct Neighbourhood: Sendable {
    let applied: AppliedEvents
    let plan: Plan
    let days: Set<Int>

    init(applied: AppliedEvents, plan: Plan) {
        self.applied = applied
        self.plan = plan
        var days = Set<Int>()
        for id in applied.touchedVisits {
            if let start = plan.visit(id)?.start { days.insert(start.date.dayNumber) }
            if let visit = applied.scenario.visit(id) { days.formUnion(Self.windowDays(visit)) }
        }
        for closure in applied.closures {
            let last = LocalDateTime(minutes: closure.interval.end.minutes - 1).date.dayNumber
            days.formUnion(closure.interval.start.date.dayNumber...max(closure.interval.start.date.dayNumber, last))
        }
        self.days = days
    }

    var dayList: String { days.sorted().map { LocalDate(dayNumber: $0).description }.joined(separator: ", ") }

    /// The baseline with every visit outside the neighbourhood pinned (scheduled) or left out
    /// (unscheduled); nil when the events touch nothing.
    func baseline(from full: PlanBaseline) -> PlanBaseline? {
        guard !days.isEmpty else { return nil }
        var local = full
        for visit in applied.scenario.visits {
            let planned = plan.visit(visit.id)
            let inside: Bool
            if let start = planned?.start, planned?.scheduled == true {
                inside = days.contains(start.date.dayNumber)
            } else {
                inside = !Self.windowDays(visit).isDisjoint(with: days)
            }
            guard !inside else { continue }
            if planned?.scheduled == true { local.pinned.insert(visit.id) } else { local.excluded.insert(visit.id) }
        }
        return local
    }

    static func windowDays(_ visit: Visit) -> Set<Int> {
        let first = visit.window.start.date.dayNumber
        let last = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        return first <= last ? Set(first...last) : []
    }
}

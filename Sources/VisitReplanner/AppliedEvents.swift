import VisitDomain

/// A scenario after a batch of change events, and what the events did: which visits and items
/// they cancelled, which items are now frozen (started before the new `now`), which visits they
/// touched directly, and the events that changed nothing because they came too late.
public struct AppliedEvents: Sendable {
    /// The scenario with the events applied; its `now` is the latest event's `at`.
    public var scenario: Scenario
    /// Visits cancelled whole, with the reason to print.
    public var cancelledVisits: [String: [String]] = [:]
    public var cancelledItems: Set<ItemKey> = []
    /// Items of the current plan that started before `now`.
    public var frozen: Set<ItemKey> = []
    /// Visits an event names (shifted, resized, extended, added, cut short).
    public var touchedVisits: Set<String> = []
    /// Visits whose own times the events move (an arrival shift): their moves are forced.
    public var shiftedVisits: Set<String> = []
    /// Resources made unavailable, and when.
    public var closures: [(resource: String, interval: TimeInterval)] = []
    /// Events that changed nothing, in words ("V-1001 item 0 had already started at 09:10").
    public var ignored: [String] = []
    /// Visits under way that can no longer go on as planned after the events: they end early, and
    /// their items still to come (these agenda indexes) are cancelled.
    public var endedEarly: [String: [Int]] = [:]
    /// Minutes the events extended each visit's items by, so far (its window stretches by them all).
    var extendedMinutes: [String: Int] = [:]
}

/// Applies change events, in `at` order (file order on ties), to a scenario and its current plan.
struct EventApplier: Sendable {
    let scenario: Scenario
    let plan: Plan
    let file: String

    func apply(_ events: [ChangeEvent]) throws(ReplanError) -> AppliedEvents {
        var result = AppliedEvents(scenario: scenario)
        var issues: [ValidationIssue] = []
        let ordered = events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        for (position, event) in ordered {
            let path = "[\(position)]"
            if let id = event.visitID, result.cancelledVisits[id] != nil {
                issues.append(ValidationIssue(file: file, path: path + ".visit", message: "\(id) was cancelled by an earlier event"))
                continue
            }
            apply(event, to: &result, path: path, issues: &issues)
        }
        if let latest = events.map(\.at).max() { result.scenario.now = max(result.scenario.now, latest) }
        let now = result.scenario.now
        // A visit shifted before it started did not start as planned: none of its items is frozen.
        for planned in plan.visits where planned.scheduled && result.cancelledVisits[planned.id] == nil
            && !result.shiftedVisits.contains(planned.id) {
            for (position, item) in (planned.items ?? []).enumerated() where item.start < now {
                result.frozen.insert(ItemKey(visit: planned.id, agendaIndex: item.agendaIndex ?? position))
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return result
    }

    private func apply(_ event: ChangeEvent, to result: inout AppliedEvents, path: String, issues: inout [ValidationIssue]) {
        let at = event.at
        func index(_ id: String) -> Int? { result.scenario.visits.firstIndex { $0.id == id } }
        // After an arrival shift (reported before the visit started) the plan's times for that
        // visit no longer happen: nothing of it has started or is running, whatever the old times say.
        func plannedItem(_ id: String, _ item: Int) -> PlannedItem? {
            guard !result.shiftedVisits.contains(id) else { return nil }
            return plan.visit(id)?.items?.enumerated().first { ($0.element.agendaIndex ?? $0.offset) == item }?.element
        }
        func started(_ id: String) -> Bool {
            guard !result.shiftedVisits.contains(id) else { return false }
            return (plan.visit(id)?.start).map { $0 < at } ?? false
        }
        switch event.change {
        case .arrivalShift(let id, let minutes):
            guard let v = index(id) else { return }
            if started(id) {
                result.ignored.append("\(id) had already started at \(at): the arrival shift changes nothing")
                return
            }
            var visit = result.scenario.visits[v]
            visit.window = TimeInterval(start: visit.window.start.adding(minutes: minutes), end: visit.window.end.adding(minutes: minutes))
            visit.preferredStart = visit.preferredStart?.adding(minutes: minutes)
            if !hasWorkingDay(visit, in: result.scenario) {
                issues.append(ValidationIssue(file: file, path: path + ".minutes",
                    message: "shifting \(id) by \(minutes) minutes moves its window to \(visit.window), which has no working day in the horizon \(result.scenario.horizon.start)–\(result.scenario.horizon.end)"))
                return
            }
            result.scenario.visits[v] = visit
            result.touchedVisits.insert(id)
            result.shiftedVisits.insert(id)
        case .cancelItem(let id, let item):
            guard let v = index(id) else { return }
            if let planned = plannedItem(id, item), planned.start < at {
                result.ignored.append("\(id) item \(item) had already started at \(at): it cannot be cancelled")
                return
            }
            result.scenario.visits[v].cancelledItems.insert(item)
            result.cancelledItems.insert(ItemKey(visit: id, agendaIndex: item))
            result.touchedVisits.insert(id)
            if result.scenario.visits[v].activeItemIndexes.isEmpty {
                cancelWhole(v, at: at, why: "every agenda item was cancelled", result: &result)
            }
        case .cancelVisit(let id):
            guard let v = index(id) else { return }
            if started(id) {
                // Under way: what has started stays; the rest is cancelled.
                for (position, item) in (plan.visit(id)?.items ?? []).enumerated() where item.start >= at {
                    let agendaIndex = item.agendaIndex ?? position
                    result.scenario.visits[v].cancelledItems.insert(agendaIndex)
                    result.cancelledItems.insert(ItemKey(visit: id, agendaIndex: agendaIndex))
                }
                result.touchedVisits.insert(id)
            } else {
                cancelWhole(v, at: at, why: "cancelled by the client", result: &result)
            }
        case .headcountChange(let id, let headcount):
            guard let v = index(id) else { return }
            result.scenario.visits[v].headcount = headcount
            // Fewer guests than some dietary count: at most every guest has that need (a scenario
            // never lists more guests with a need than come).
            result.scenario.visits[v].dietary = result.scenario.visits[v].dietary.mapValues { min($0, headcount) }
            // A stay of a fixed number of rooms keeps at most one room per guest; one given in guests
            // per room follows the headcount by itself (rule 10 re-checks the booking either way).
            if let rooms = result.scenario.visits[v].stay?.rooms, rooms > headcount { result.scenario.visits[v].stay?.rooms = headcount }
            result.touchedVisits.insert(id)
        case .extendItem(let id, let item, let minutes):
            guard let v = index(id) else { return }
            let planned = plannedItem(id, item)
            if let planned, planned.end <= at {
                result.ignored.append("\(id) item \(item) had already ended at \(at): it cannot be extended")
                return
            }
            var visit = result.scenario.visits[v]
            switch visit.agenda[item] {
            case .meeting(var m): m.durationMinutes += minutes; visit.agenda[item] = .meeting(m)
            case .meal(var m): m.durationMinutes += minutes; visit.agenda[item] = .meal(m)
            case .tour(var t):
                // Its own duration once set (an earlier extension), else as planned, else its longest route's.
                let current = t.durationMinutes ?? planned.map { $0.end.minutes - $0.start.minutes }
                    ?? t.routes.compactMap { result.scenario.route($0)?.durationMinutes }.max() ?? 0
                t.durationMinutes = current + minutes
                visit.agenda[item] = .tour(t)
            }
            // The visit runs longer: its window stretches with it, by every extension so far.
            result.extendedMinutes[id, default: 0] += minutes
            if !result.shiftedVisits.contains(id), let end = plan.visit(id)?.end {
                visit.window.end = max(visit.window.end, end.adding(minutes: result.extendedMinutes[id, default: 0]))
            } else {
                visit.window.end = visit.window.end.adding(minutes: minutes)
            }
            result.scenario.visits[v] = visit
            result.touchedVisits.insert(id)
        case .addVisit(let visit):
            result.scenario.visits.append(visit)
            result.touchedVisits.insert(visit.id)
        case .unavailable(let resource, let interval):
            result.closures.append((resource, interval))
            if let r = result.scenario.rooms.firstIndex(where: { $0.id == resource }) {
                result.scenario.rooms[r].unavailable.append(interval)
            } else if let r = result.scenario.tourRoutes.firstIndex(where: { $0.id == resource }) {
                result.scenario.tourRoutes[r].unavailable.append(interval)
            } else if let p = result.scenario.staff.firstIndex(where: { $0.id == resource }) {
                result.scenario.staff[p].unavailable.append(interval)
            } else if let c = result.scenario.caterers.firstIndex(where: { $0.id == resource }) {
                result.scenario.caterers[c].unavailable.append(interval)
            }
        }
    }

    private func cancelWhole(_ v: Int, at: LocalDateTime, why: String, result: inout AppliedEvents) {
        let id = result.scenario.visits[v].id
        result.cancelledVisits[id] = ["cancelled: \(why) (event at \(at))"]
        result.cancelledItems = result.cancelledItems.filter { $0.visit != id }
        result.scenario.visits.remove(at: v)
        result.touchedVisits.insert(id)
    }

    private func hasWorkingDay(_ visit: Visit, in scenario: Scenario) -> Bool {
        let first = visit.window.start.date.dayNumber
        let last = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        guard first <= last else { return false }
        return (first...last).contains { day in
            let date = LocalDate(dayNumber: day)
            return scenario.horizon.contains(date) && scenario.calendar.isWorkingDay(date)
        }
    }
}

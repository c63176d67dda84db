import MILP
import VisitDomain

/// Rule 8 (availability) in the model. Candidates already keep people inside their availability
/// and outside `unavailable`, and rooms, routes and caterers outside their closures. The rows here
/// keep everyone and everything to its capacity at every slot: a person on one duty at a time, a
/// room for one meeting (plus turnover), a route for `concurrentGroups` groups, a caterer for
/// `capacity` diners; and the daily limits on duty minutes and on visits per host. A room type
/// (`RoomTypes`) holds as many meetings at once as it has rooms.
struct AvailabilityRule: Sendable {
    let scenario: Scenario
    let roomTypes: RoomTypes

    func apply(to pm: inout PlanningModel) {
        let rows = SlotRows(slotMinutes: scenario.calendar.slotMinutes)
        let turnover = scenario.policies.roomTurnoverMinutes
        let kept = KeptUses(pm)
        for (r, uses) in grouped(pm.rooms, by: \.resource) {
            let usages = uses.map { kept.item(Usage(start: $0.timing.start, end: $0.timing.end + turnover, amount: 1, variable: $0.variable), $0.item) }
            rows.add(usages, capacity: Double(roomTypes.count(r)), name: "availability.room[\(scenario.rooms[r].id)]", to: &pm.milp)
        }
        for (r, uses) in grouped(pm.routes, by: \.resource) {
            let route = scenario.tourRoutes[r]
            let usages = uses.map { use in
                let groups = pm.baseline.frozen.contains(use.item) ? pm.baseline.items[use.item]?.guides.count ?? 0
                    : scenario.tourGroups(scenario.visits[use.item.visit], on: route)
                return kept.item(Usage(start: use.timing.start, end: use.timing.end, amount: Double(groups), variable: use.variable), use.item)
            }
            rows.add(usages, capacity: Double(route.concurrentGroups), name: "availability.route[\(route.id)]", to: &pm.milp)
        }
        for (c, uses) in grouped(pm.caterers, by: \.resource) {
            guard let capacity = scenario.caterers[c].capacity else { continue }
            let usages = uses.map {
                kept.item(Usage(start: $0.timing.start, end: $0.timing.end,
                                amount: Double(pm.baseline.keptDiners($0.item) ?? scenario.diners(scenario.visits[$0.item.visit])),
                                variable: $0.variable), $0.item)
            }
            rows.add(usages, capacity: Double(capacity), name: "availability.caterer[\(scenario.caterers[c].id)]", to: &pm.milp)
        }
        for (p, duties) in grouped(pm.duties, by: \.person) {
            let person = scenario.staff[p]
            rows.add(duties.map { kept.duty(Usage(start: $0.start, end: $0.end, amount: 1, variable: $0.variable), $0) }, capacity: 1,
                     name: "availability.person[\(person.id)]", to: &pm.milp)
            let byDay = Dictionary(grouping: duties) { LocalDateTime(minutes: $0.end - 1).date.dayNumber }
            for day in byDay.keys.sorted() {
                let dayDuties = byDay[day]!
                let date = LocalDate(dayNumber: day)
                if let limit = scenario.policies.maxDutyMinutesPerStaffPerDay,
                   dayDuties.reduce(0, { $0 + $1.minutes }) > limit {
                    var minutes = LinearExpression()
                    for d in dayDuties { minutes.add(d.variable, coefficient: Double(d.minutes)) }
                    // What a replan keeps may already pass the limit (an item ran over): then nothing more that day.
                    let bound = max(limit, keptMinutes(dayDuties, pm))
                    pm.milp.addConstraint(minutes, .lessOrEqual, Double(bound), name: "availability.dutyMinutes[\(person.id),\(date)]")
                }
                let hosting = dayDuties.filter { $0.role == .host }
                if let limit = scenario.policies.maxVisitsPerHostPerDay, Set(hosting.map(\.visit)).count > limit {
                    pm.milp.addConstraint(sum(hosting.map(\.variable)), .lessOrEqual, Double(limit),
                                          name: "availability.hostVisits[\(person.id),\(date)]")
                }
            }
        }
    }

    /// Marks the uses a replan keeps as they were.
    struct KeptUses {
        let frozen: Set<ItemRef>
        let underway: Set<Int>
        /// By visit under way, the end of its last frozen item.
        let frozenEnd: [Int: Int]

        init(_ pm: PlanningModel) {
            frozen = pm.baseline.frozen
            underway = pm.baseline.underway
            var ends: [Int: Int] = [:]
            for ref in frozen { if let end = pm.itemRuns[ref]?.keys.map(\.end).max() { ends[ref.visit] = max(ends[ref.visit] ?? end, end) } }
            frozenEnd = ends
        }

        private func key(_ ref: ItemRef) -> Int { ref.visit &* 64 &+ ref.item }

        func item(_ usage: Usage, _ ref: ItemRef) -> Usage {
            guard frozen.contains(ref) else { return usage }
            var u = usage
            u.keptUntil = u.end
            u.keptKey = key(ref)
            return u
        }

        func duty(_ usage: Usage, _ d: DutyChoice) -> Usage {
            if let i = d.item { return item(usage, ItemRef(visit: d.visit, item: i)) }
            guard underway.contains(d.visit), let end = frozenEnd[d.visit] else { return usage }
            var u = usage
            u.keptUntil = end
            u.keptKey = -1 &- d.visit
            return u
        }
    }

    /// Minutes of a person's duties that a replan keeps as they are (as the checker counts them):
    /// places in frozen items, and hosting a visit under way up to the end of its last frozen item.
    private func keptMinutes(_ duties: [DutyChoice], _ pm: PlanningModel) -> Int {
        var items: Set<ItemRef> = [], hosted: Set<Int> = []
        var total = 0
        for d in duties {
            if let i = d.item {
                let ref = ItemRef(visit: d.visit, item: i)
                if pm.baseline.frozen.contains(ref), items.insert(ref).inserted { total += d.minutes }
            } else if pm.baseline.underway.contains(d.visit), hosted.insert(d.visit).inserted {
                let frozenEnd = pm.baseline.frozen.filter { $0.visit == d.visit }
                    .compactMap { pm.itemRuns[$0]?.keys.map(\.end).max() }.max() ?? d.start
                total += max(0, frozenEnd - d.start)
            }
        }
        return total
    }
}

/// Groups elements by an integer key, in key order (deterministic row order).
func grouped<T>(_ elements: [T], by key: (T) -> Int) -> [(Int, [T])] {
    let dict = Dictionary(grouping: elements, by: key)
    return dict.keys.sorted().map { ($0, dict[$0]!) }
}

/// Rule 8, availability: people on duty only inside their availability and outside `unavailable`,
/// one duty at a time, within the daily duty minutes and host visits; rooms, routes and caterers
/// never used while unavailable (a room's turnover may overlap it).
struct AvailabilityRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.duties.flatMap { presence($0, c) } + clashes(c) + dailyLimits(c) + resources(c)
    }

    /// Inside an availability window of the day, outside every unavailable period.
    private func presence(_ duty: CheckedDuty, _ c: CheckContext) -> [RuleViolation] {
        guard let person = c.scenario.staffMember(duty.person) else { return [] }   // reported by rules 4 to 6
        guard !Self.keptAsItWas(duty, c) else { return [] }
        var out: [RuleViolation] = []
        let date = duty.interval.start.date
        let windows = c.scenario.availabilityWindows(of: person, on: date)
        if !windows.contains(where: { $0.contains(duty.interval) }) {
            let hours = windows.isEmpty ? "none" : windows.map { "\($0.start.timeOfDay)–\($0.end.timeOfDay)" }.joined(separator: ", ")
            out.append(RuleViolation(rule: .availability, visit: duty.visit, item: duty.item, message:
                "\(person.id) is \(duty.label) at \(duty.interval), outside their availability on \(date) (\(hours))"))
        }
        for period in person.unavailable where period.overlaps(duty.interval) {
            out.append(RuleViolation(rule: .availability, visit: duty.visit, item: duty.item, message:
                "\(person.id) is \(duty.label) at \(duty.interval) but unavailable at \(period)"))
        }
        return out
    }

    /// Two duties of one person at once. A host's places in their own visit, and repeats inside one
    /// item, are reported by rules 4 to 6 instead.
    private func clashes(_ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        for person in Set(c.duties.map(\.person)).sorted() {
            let duties = c.duties(of: person).sorted { $0.interval.start < $1.interval.start }
            for (i, a) in duties.enumerated() {
                for b in duties[(i + 1)...] where a.interval.overlaps(b.interval) {
                    if a.visit == b.visit && (a.role == .host || b.role == .host || a.item == b.item) { continue }
                    let overlap = TimeInterval(start: max(a.interval.start, b.interval.start), end: min(a.interval.end, b.interval.end))
                    // Both kept as they were by a replan (an item ran over into one that started since).
                    if let ka = Self.keptUntil(a, c), let kb = Self.keptUntil(b, c), overlap.end <= min(ka, kb) { continue }
                    out.append(RuleViolation(rule: .availability, visit: b.visit, item: b.item, message:
                        "\(person) has two duties at \(overlap): \(a.label) and \(b.label)"))
                }
            }
        }
        return out
    }

    /// Duty minutes per person and day; host visits per person and day.
    private func dailyLimits(_ c: CheckContext) -> [RuleViolation] {
        let p = c.scenario.policies
        var out: [RuleViolation] = []
        let byDay = Dictionary(grouping: c.duties) { DayKey(person: $0.person, date: $0.interval.start.date) }
        for (key, duties) in byDay.sorted(by: { ($0.key.person, $0.key.date) < ($1.key.person, $1.key.date) }) {
            let minutes = duties.reduce(0) { $0 + $1.interval.minutes }
            // What a replan keeps may already pass the limit (an item ran over): then nothing more that day.
            if let limit = p.maxDutyMinutesPerStaffPerDay, minutes > max(limit, keptMinutes(duties, c)) {
                out.append(RuleViolation(rule: .availability, message:
                    "\(key.person) has \(minutes) min of duty on \(key.date); at most \(limit)"))
            }
            let hosted = duties.filter { $0.role == .host }.map(\.visit)
            if let limit = p.maxVisitsPerHostPerDay, hosted.count > limit {
                out.append(RuleViolation(rule: .availability, message:
                    "\(key.person) hosts \(hosted.count) visits on \(key.date) (\(hosted.joined(separator: ", "))); at most \(limit)"))
            }
        }
        return out
    }

    /// Rooms (meeting time only), routes and caterers used while unavailable.
    private func resources(_ c: CheckContext) -> [RuleViolation] {
        c.items.flatMap { v, item -> [RuleViolation] in
            let used: (kind: String, id: String?, periods: [TimeInterval]?)
            switch item.agenda {
            case .meeting?: used = ("room", item.planned.room, item.planned.room.flatMap(c.scenario.room)?.unavailable)
            case .tour?: used = ("route", item.planned.route, item.planned.route.flatMap(c.scenario.route)?.unavailable)
            case .meal?: used = ("caterer", item.planned.caterer, item.planned.caterer.flatMap(c.scenario.caterer)?.unavailable)
            case nil: return []
            }
            // A frozen item keeps its room, route or caterer whatever was reported since it started.
            guard !c.isFrozen(v.id, item.index) else { return [] }
            return (used.periods ?? []).filter { $0.overlaps(item.interval) }.map { period in
                RuleViolation(rule: .availability, visit: v.id, item: item.index, message:
                    "\(used.kind) \(used.id ?? "?") is used by \(v.id) at \(item.interval) but unavailable at \(period)")
            }
        }
    }

    /// A duty a replan keeps as it was (FORMAT.md "Change events": items that started before `now`
    /// are frozen, kept exactly, still occupying their people): a place in a frozen item, and the
    /// host of a visit under way, which goes on with its host. Whatever was reported since it
    /// started (the guide falling ill mid-tour, even "out since this morning"), or the running item
    /// running over past their hours, does not count against it, as the model does not; the valid
    /// plan it replaces had it inside their hours and closures. Only with a replan context that
    /// names the frozen items.
    static func keptAsItWas(_ duty: CheckedDuty, _ c: CheckContext) -> Bool {
        if let item = duty.item { return c.isFrozen(duty.visit, item) }
        return c.isUnderway(duty.visit)
    }

    /// Until when a replan keeps the duty as it was: a place in a frozen item throughout, hosting
    /// a visit under way up to the end of its last frozen item; nil for any other duty.
    static func keptUntil(_ duty: CheckedDuty, _ c: CheckContext) -> LocalDateTime? {
        if let item = duty.item { return c.isFrozen(duty.visit, item) ? duty.interval.end : nil }
        guard c.isUnderway(duty.visit), let visit = c.visits.first(where: { $0.id == duty.visit }) else { return nil }
        return visit.items.filter { c.isFrozen(visit.id, $0.index) }.map(\.end).max()
    }

    /// Minutes of duties a replan keeps as they are: places in frozen items, and hosting a visit
    /// under way (from its host's early minutes) up to the end of its last frozen item.
    private func keptMinutes(_ duties: [CheckedDuty], _ c: CheckContext) -> Int {
        duties.reduce(0) { total, duty in
            if let item = duty.item { return total + (c.isFrozen(duty.visit, item) ? duty.interval.minutes : 0) }
            let frozenEnd = Self.keptUntil(duty, c) ?? duty.interval.start
            return total + max(0, frozenEnd.minutes - duty.interval.start.minutes)
        }
    }

    private struct DayKey: Hashable {
        let person: String
        let date: LocalDate
    }
}

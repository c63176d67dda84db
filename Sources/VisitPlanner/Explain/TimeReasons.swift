import VisitDomain

/// Reasons a visit has no possible time at all: its window lies in the past, outside the horizon
/// or on non-working days, the request came too late, or an item cannot fit the hours it must
/// keep (working hours, route open hours, caterer service hours and lead time).
struct TimeReasons: Sendable {
    let scenario: Scenario
    let generator: CandidateGenerator

    func reasons(for v: Int) -> [UnscheduledReason] {
        let visit = scenario.visits[v]
        let window = visit.window
        if window.end <= scenario.now {
            return [UnscheduledReason(kind: .impossible, rule: .agenda, "the window \(window) ends before now (\(scenario.now))")]
        }
        let dates = daysOfWindow(visit).filter(scenario.horizon.contains)
        if dates.isEmpty {
            return [UnscheduledReason(kind: .impossible, rule: .workingTime, "the window \(window) lies outside the planning horizon \(scenario.horizon.start)–\(scenario.horizon.end)")]
        }
        let needsWorkingDay = visit.agenda.contains { $0.kind != .meal }
        let usable = needsWorkingDay ? dates.filter(scenario.calendar.isWorkingDay) : dates
        if usable.isEmpty {
            let holidays = dates.filter { scenario.calendar.holidays.contains($0) }
            let detail = holidays.isEmpty ? "not working days" : "\(holidays.map(\.description).joined(separator: ", ")) is a holiday"
            return [UnscheduledReason(kind: .impossible, rule: .workingTime, "the window \(window) has no working day (\(detail))")]
        }
        let slot = scenario.calendar.slotMinutes
        let earliest = max(window.start.minutes, scenario.now.minutes)
        let starts = usable.flatMap { date in
            stride(from: max(earliest, date.dayNumber * 1440), to: min(window.end.minutes, date.dayNumber * 1440 + 1440), by: 1)
                .filter { $0 % slot == 0 }
        }
        if let first = starts.first, !starts.contains(where: { scenario.leadTime(of: visit, startingAt: LocalDateTime(minutes: $0)) != .tooLate }) {
            let hours = Double(first - visit.requestedAt.minutes) / 60
            return [UnscheduledReason(kind: .impossible, rule: .leadTime, "requested \(visit.requestedAt), \(hours.formatted2) h before the earliest start \(LocalDateTime(minutes: first)); \(scenario.policies.urgentLeadHours) h needed")]
        }
        var reasons: [UnscheduledReason] = []
        for (i, item) in visit.agenda.enumerated() {
            let statics = generator.staticResources(visit, item)
            let placeable = starts.contains { start in
                !generator.itemOptions(v, visit, i, start: start, date: LocalDateTime(minutes: start).date, statics: statics).isEmpty
            }
            if !placeable { reasons.append(itemReason(visit, i, item)) }
        }
        if reasons.isEmpty, let notice = catererNotice(v, visit) {
            reasons.append(notice)
        }
        if reasons.isEmpty {
            let total = visit.agenda.map(describe).joined(separator: ", ")
            reasons.append(UnscheduledReason(kind: .impossible, rule: .agenda, "the agenda (\(total)) does not fit in one stretch inside the window \(window) with at most \(scenario.policies.maxGapMinutes) min between items, a host available throughout, working hours \(scenario.calendar.workingHours), route open hours and caterer service hours"))
        }
        return reasons
    }

    /// When the agenda would fit if caterers took orders at no notice, that notice is the blocker:
    /// its meals need new orders (a kept order no longer fits), and each suitable caterer's lead
    /// time from now is too late for every stretch that fits otherwise.
    private func catererNotice(_ v: Int, _ visit: Visit) -> UnscheduledReason? {
        var relaxed = generator
        relaxed.leadTime.ignoresCatererNotice = true
        guard !relaxed.candidates(for: v).timings.isEmpty else { return nil }
        var meals: [String] = [], caterers: [String] = []
        for (i, item) in visit.agenda.enumerated() {
            guard case .meal = item else { continue }
            let options = generator.staticResources(visit, item).map { scenario.caterers[$0] }
            caterers += options.map(\.id)
            let notice = options.map { c in
                "\(c.id) needs \(c.leadTimeHours) h notice, so not before \(LocalDateTime(minutes: scenario.now.minutes + c.leadTimeHours * 60))"
            }.joined(separator: "; ")
            meals.append("agenda item \(i) (\(describe(item))) needs a new caterer order and from now (\(scenario.now)) \(notice)")
        }
        guard !meals.isEmpty else { return nil }
        return UnscheduledReason(kind: .impossible, rule: .leadTime,
                                 "the agenda fits the window \(visit.window) only at times too soon for a new meal order: " + meals.joined(separator: "; "),
                                 resources: caterers)
    }

    private func itemReason(_ visit: Visit, _ i: Int, _ item: AgendaItem) -> UnscheduledReason {
        let label = "agenda item \(i) (\(describe(item)))"
        switch item {
        case .meeting:
            return UnscheduledReason(kind: .impossible, rule: .workingTime, "\(label) finds no time inside working hours \(scenario.calendar.workingHours) within the window \(visit.window) when a suitable room is open")
        case .tour(let t):
            let hours = t.routes.compactMap(scenario.route).map { "\($0.id) \(scenario.openHours(of: $0))" }.joined(separator: ", ")
            return UnscheduledReason(kind: .impossible, rule: .workingTime, "\(label) finds no time within the window \(visit.window) when a route is open (\(hours))")
        case .meal(let m):
            let options = generator.staticResources(visit, item).map { scenario.caterers[$0] }
            let hours = options.map { c in "\(c.id) \((c.services[m.service]?.hours ?? .allDay)), \(c.leadTimeHours) h notice" }
                .joined(separator: "; ")
            return UnscheduledReason(kind: .impossible, rule: .meal, "\(label) finds no caterer serving within the window \(visit.window) and with enough notice from now (\(scenario.now)): \(hours)")
        }
    }

    private func describe(_ item: AgendaItem) -> String {
        switch item {
        case .meeting(let m): "meeting \(m.durationMinutes) min"
        case .tour(let t): "tour of \(t.routes.joined(separator: "/"))"
        case .meal(let m): "\(m.service) \(m.durationMinutes) min"
        }
    }

    private func daysOfWindow(_ visit: Visit) -> [LocalDate] {
        let first = visit.window.start.date.dayNumber
        let last = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        return first <= last ? (first...last).map(LocalDate.init(dayNumber:)) : []
    }
}

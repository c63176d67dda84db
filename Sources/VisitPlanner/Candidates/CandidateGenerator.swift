import VisitDomain

/// Enumerates, for one visit, every timing that rules 1–3 allow (agenda order and gaps, window,
/// working time, lead time) and, for every item timing, the resources free of static and calendar
/// conflicts. Only these candidates become variables.
struct CandidateGenerator: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility
    let workingTime: WorkingTimeRule
    var leadTime: LeadTimeRule
    /// Who may work when (rule 8), precomputed.
    let staffCalendar: StaffCalendar
    /// Upper limit on timings per visit; beyond it, timings with the smallest total gaps are kept.
    var maxTimingsPerVisit = 4000
    /// What a replan keeps of the plan it replaces (empty when planning from scratch).
    var baseline = ModelBaseline()

    /// The room types of the model: identical rooms together when planning from scratch, every
    /// room on its own in a replan.
    var roomTypes: RoomTypes { RoomTypes(scenario: scenario, aggregate: baseline.isEmpty) }

    init(scenario: Scenario, leadTime: LeadTimeRule? = nil) {
        self.scenario = scenario
        self.eligibility = Eligibility(scenario: scenario)
        self.workingTime = WorkingTimeRule(scenario: scenario)
        self.leadTime = leadTime ?? LeadTimeRule(scenario: scenario)
        self.staffCalendar = StaffCalendar(scenario: scenario)
    }

    var slot: Int { scenario.calendar.slotMinutes }

    func candidates(for v: Int) -> VisitCandidates {
        let visit = scenario.visits[v]
        var timings: [VisitTiming] = []
        var options = [[ItemTiming: [Int]]](repeating: [:], count: visit.agenda.count)
        let staticOptions = visit.agenda.indices.map { i in
            baseline.frozen.contains(ItemRef(visit: v, item: i)) ? [baseline.items[ItemRef(visit: v, item: i)]?.resource ?? -1]
                : staticResources(visit, visit.agenda[i])
        }
        guard !baseline.excluded.contains(v), !visit.agenda.isEmpty, staticOptions.allSatisfy({ !$0.isEmpty }) else {
            return VisitCandidates(visitIndex: v, timings: [], options: options)
        }
        let hosts = baseline.hostIsFixed(v) ? [baseline.hosts[v]!] : eligibility.hosts(for: visit)
        let underway = baseline.underway.contains(v)
        let firstFixed = baseline.isFixed(ItemRef(visit: v, item: 0)) ? baseline.items[ItemRef(visit: v, item: 0)]?.start : nil
        let early = scenario.policies.hostArrivesEarlyMinutes
        let needsWorkingDay = visit.agenda.contains { $0.kind != .meal }
        let firstDay = visit.window.start.date.dayNumber
        let lastDay = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        guard firstDay <= lastDay else { return VisitCandidates(visitIndex: v, timings: [], options: options) }

        let shiftDay = baseline.shiftDay(v)
        for day in firstDay...lastDay where shiftDay == nil || day == shiftDay {
            let date = LocalDate(dayNumber: day)
            guard scenario.horizon.contains(date), !needsWorkingDay || scenario.calendar.isWorkingDay(date) else { continue }
            // Rule 10: a visit that stays overnight only on days some hotel can take its stay.
            guard visit.stay == nil || !eligibility.hotels(for: visit, day: date).isEmpty else { continue }
            let dayStart = day * 1440
            let earliest = firstFixed ?? roundUp(max(visit.window.start.minutes, scenario.now.minutes, dayStart))
            let latestEnd = min(visit.window.end.minutes, dayStart + 1440)
            if let firstFixed, LocalDateTime(minutes: firstFixed).date != date { continue }
            // Per item, per candidate start, the options (memoised for this day).
            var memo = [[Int: [(ItemTiming, [Int])]]](repeating: [:], count: visit.agenda.count)
            func itemOptions(_ i: Int, _ start: Int) -> [(ItemTiming, [Int])] {
                if let cached = memo[i][start] { return cached }
                let result = self.itemOptions(v, visit, i, start: start, date: date, statics: staticOptions[i])
                memo[i][start] = result
                return result
            }
            let minRest = suffixMinimumDurations(visit)
            var dayTimings: [VisitTiming] = []
            var partial: [ItemTiming] = []
            func extend(_ i: Int, from earliestStart: Int, gapAllowed: Bool) {
                if i == visit.agenda.count {
                    dayTimings.append(VisitTiming(items: partial))
                    return
                }
                let lastStart = gapAllowed ? earliestStart + scenario.policies.maxGapMinutes : earliestStart
                var start = earliestStart
                while start <= lastStart, start + minRest[i] <= latestEnd {
                    for (timing, _) in itemOptions(i, start) where timing.end + (i + 1 < minRest.count ? minRest[i + 1] : 0) <= latestEnd {
                        partial.append(timing)
                        extend(i + 1, from: timing.end, gapAllowed: true)
                        partial.removeLast()
                    }
                    start += slot
                }
            }
            var first = earliest
            while first + minRest[0] <= latestEnd, firstFixed == nil || first == firstFixed {
                if underway || (leadTime.visitMayStart(visit, at: first)
                   && hosts.contains(where: { hostAvailable($0, from: first - early) })) {
                    partial = []
                    for (timing, _) in itemOptions(0, first) {
                        partial = [timing]
                        extend(1, from: timing.end, gapAllowed: true)
                    }
                }
                first += slot
            }
            // Keep only timings some host can cover whole.
            dayTimings = underway ? dayTimings : dayTimings.filter { t in
                hosts.contains { hostAvailable($0, interval: .init(startMinute: t.start - early, endMinute: t.end)) }
            }
            for timing in dayTimings {
                for (i, item) in timing.items.enumerated() where options[i][item] == nil {
                    options[i][item] = itemOptions(i, item.start).first { $0.0 == item }?.1 ?? []
                }
            }
            timings += dayTimings
        }
        if timings.count > maxTimingsPerVisit {
            timings = Array(timings.sorted { totalGap($0) < totalGap($1) || (totalGap($0) == totalGap($1) && $0.start < $1.start) }
                .prefix(maxTimingsPerVisit))
        }
        return VisitCandidates(visitIndex: v, timings: timings, options: options)
    }

    /// Rooms, routes or caterers that suit the item regardless of time.
    func staticResources(_ visit: Visit, _ item: AgendaItem) -> [Int] {
        switch item {
        case .meeting(let m):
            let rooms = eligibility.rooms(for: visit, m)
            if m.technicalCount > 0 {
                let techs = eligibility.technicalStaff(for: visit, m)
                let known = techs.reduce(into: Set<String>()) { $0.formUnion(scenario.staff[$1].expertise) }
                if techs.count < m.technicalCount || !m.technicalExpertise.isSubset(of: known) { return [] }
            }
            if m.salesCount > eligibility.salesStaff(for: visit).count { return [] }
            return rooms
        case .tour(let t):
            return eligibility.routes(for: visit, t).filter {
                eligibility.guides(for: visit, route: $0).count >= scenario.tourGroups(visit, on: scenario.tourRoutes[$0])
                    && scenario.tourGroups(visit, on: scenario.tourRoutes[$0]) <= scenario.tourRoutes[$0].concurrentGroups
            }
        case .meal(let m):
            return eligibility.caterers(for: visit, m)
        }
    }

    /// The timings (one per possible duration) an item may take when it starts at `start`, each
    /// with the resources free then.
    func itemOptions(_ v: Int, _ visit: Visit, _ i: Int, start: Int, date: LocalDate, statics: [Int]) -> [(ItemTiming, [Int])] {
        let ref = ItemRef(visit: v, item: i)
        guard baseline.isFixed(ref), let kept = baseline.items[ref] else {
            if baseline.keepsAssignment(ref), let kept = baseline.items[ref] {
                // A shiftable visit: any start, its own resource.
                return freeItemOptions(visit, i, start: start, date: date, statics: statics)
                    .map { ($0.0, $0.1.filter { $0 == kept.resource }) }.filter { !$0.1.isEmpty }
            }
            return freeItemOptions(visit, i, start: start, date: date, statics: statics)
        }
        guard kept.start == start else { return [] }
        if baseline.frozen.contains(ref) {
            // Under way: kept as it is, whatever the events changed since.
            guard let resource = kept.resource else { return [] }
            return [(ItemTiming(start: start, duration: duration(of: visit.agenda[i], resource: resource)), [resource])]
        }
        return freeItemOptions(visit, i, start: start, date: date, statics: statics)
            .map { ($0.0, $0.1.filter { $0 == kept.resource }) }.filter { !$0.1.isEmpty }
    }

    /// An item's duration when it uses `resource` (a tour lasts as long as its route, unless set).
    func duration(of item: AgendaItem, resource: Int) -> Int {
        switch item {
        case .meeting(let m): m.durationMinutes
        case .meal(let m): m.durationMinutes
        case .tour(let t): scenario.tourDuration(t, on: scenario.tourRoutes[resource])
        }
    }

    private func freeItemOptions(_ visit: Visit, _ i: Int, start: Int, date: LocalDate, statics: [Int]) -> [(ItemTiming, [Int])] {
        guard start >= scenario.now.minutes else { return [] }
        switch visit.agenda[i] {
        case .meeting(let m):
            let t = ItemTiming(start: start, duration: m.durationMinutes)
            guard workingTime.meetingFits(t, on: date) else { return [] }
            let rooms = statics.filter { r in !scenario.rooms[r].unavailable.contains { $0.overlaps(t.interval) } }
            return rooms.isEmpty ? [] : [(t, rooms)]
        case .tour(let tour):
            var byDuration: [Int: [Int]] = [:]
            for r in statics {
                let route = scenario.tourRoutes[r]
                let t = ItemTiming(start: start, duration: scenario.tourDuration(tour, on: route))
                guard workingTime.tourFits(t, on: date, route: route),
                      !route.unavailable.contains(where: { $0.overlaps(t.interval) }) else { continue }
                byDuration[t.duration, default: []].append(r)
            }
            return byDuration.keys.sorted().map { (ItemTiming(start: start, duration: $0), byDuration[$0]!) }
        case .meal(let meal):
            let t = ItemTiming(start: start, duration: meal.durationMinutes)
            let caterers = statics.filter { c in
                let caterer = scenario.caterers[c]
                guard let service = caterer.services[meal.service] else { return false }
                return workingTime.mealFits(t, on: date, service: service)
                    && leadTime.mealMayStart(visit: visit.id, item: i, caterer: c, at: start)
                    && !caterer.unavailable.contains { $0.overlaps(t.interval) }
            }
            return caterers.isEmpty ? [] : [(t, caterers)]
        }
    }

    private func hostAvailable(_ p: Int, from start: Int) -> Bool {
        let person = scenario.staff[p]
        let date = LocalDateTime(minutes: start).date
        return scenario.availabilityWindows(of: person, on: date).contains { $0.start.minutes <= start && start < $0.end.minutes }
    }

    private func hostAvailable(_ p: Int, interval: VisitDomain.TimeInterval) -> Bool {
        staffCalendar.isAvailable(p, for: interval)
    }

    /// For each item index i, the least total duration of items i..<count (shortest tour routes).
    private func suffixMinimumDurations(_ visit: Visit) -> [Int] {
        var result = [Int](repeating: 0, count: visit.agenda.count + 1)
        for i in stride(from: visit.agenda.count - 1, through: 0, by: -1) {
            let own: Int
            switch visit.agenda[i] {
            case .meeting(let m): own = m.durationMinutes
            case .meal(let m): own = m.durationMinutes
            case .tour(let t):
                own = t.durationMinutes ?? t.routes.compactMap { scenario.route($0)?.durationMinutes }.min() ?? 0
            }
            result[i] = result[i + 1] + own
        }
        return result
    }

    private func totalGap(_ t: VisitTiming) -> Int { t.end - t.start - t.items.reduce(0) { $0 + $1.duration } }

    private func roundUp(_ minute: Int) -> Int { (minute + slot - 1).floorDiv(slot) * slot }
}

/// One agenda item of one visit, by indexes into the scenario.
struct ItemRef: Hashable, Sendable {
    var visit: Int
    var item: Int
}

extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

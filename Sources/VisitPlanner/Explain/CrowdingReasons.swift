import VisitDomain

/// Reasons for a visit that could be planned alone but not beside the others. For each of its
/// candidate times it finds the first need that the planned visits leave unmet (a host, a room,
/// technical or sales staff, a route slot and guides, a caterer's capacity, hotel rooms, the weekly budget),
/// then reports the needs that block most often, with the visits that hold them.
struct CrowdingReasons: Sendable {
    let scenario: Scenario
    let generator: CandidateGenerator

    /// One unmet need: the rule, what is missing, and the visits holding it.
    private struct Blocker: Hashable {
        var rule: HardRule
        var need: [ReasonPart]
        var resources: [String]
        var holders: [String]
        var limit: UnscheduledReason.Limit? = nil

        init(rule: HardRule, need: String, resources: [String], holders: [String]) {
            self.rule = rule; self.need = [.words(need)]; self.resources = resources; self.holders = holders
        }

        init(rule: HardRule, need: [ReasonPart], holders: [String], limit: UnscheduledReason.Limit) {
            self.rule = rule; self.need = need; self.resources = []; self.holders = holders; self.limit = limit
        }

        func withResources(_ ids: [String]) -> Blocker {
            var copy = self
            copy.resources = ids
            return copy
        }

        /// The need as words, the key that tells blockers apart.
        var key: String { need.map { $0.words ?? $0.shown ?? "" }.joined() }
    }

    func reasons(for v: Int, candidates: VisitCandidates, scheduled: [Int: PlannedVisit]) -> [UnscheduledReason] {
        let visit = scenario.visits[v]
        let occupancy = PlanOccupancy(scenario: scenario, scheduled: Array(scheduled.values))
        var counts: [String: (blocker: Blocker, times: Int, holders: [String: Int])] = [:]
        let timings = candidates.timings
        let step = max(1, timings.count / 400)
        var examined = 0
        for k in stride(from: 0, to: timings.count, by: step) {
            examined += 1
            guard let blocker = firstUnmetNeed(v, visit, timings[k], candidates, occupancy) else { continue }
            var entry = counts[blocker.key] ?? (blocker, 0, [:])
            entry.times += 1
            for holder in blocker.holders { entry.holders[holder, default: 0] += 1 }
            counts[blocker.key] = entry
        }
        let dates = Set(timings.map { LocalDateTime(minutes: $0.start).date }).sorted().map(\.description)
        let days = dates.joined(separator: ", ")
        let ranked = counts.values.sorted { ($0.times, $0.blocker.key) > ($1.times, $1.blocker.key) }
        guard !ranked.isEmpty else {
            return [UnscheduledReason(kind: .crowdedOut, rule: nil, dates: dates, text: [.words("it fits alone on \(days), but not beside the planned visits within the daily limits and IT cover (each time it could take would push another visit out)")])]
        }
        return ranked.prefix(2).map { entry in
            let holders = entry.holders.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key).prefix(6)
            let share = entry.times == examined ? "at every time it could take" : "at \(entry.times) of the \(examined) times it could take"
            let taken = holders.isEmpty ? "is used up by the planned visits" : "are taken by \(holders.joined(separator: ", "))"
            return UnscheduledReason(kind: .crowdedOut, rule: entry.blocker.rule.title, resources: entry.blocker.resources,
                                     visits: Array(holders), dates: dates, blockedTimes: entry.times, examinedTimes: examined,
                                     limit: entry.blocker.limit,
                                     text: [.words("\(share) on \(days), ")] + entry.blocker.need + [.words(" \(taken)")])
        }
    }

    private func firstUnmetNeed(_ v: Int, _ visit: Visit, _ timing: VisitTiming, _ candidates: VisitCandidates,
                                _ occ: PlanOccupancy) -> Blocker? {
        let eligibility = generator.eligibility
        let early = scenario.policies.hostArrivesEarlyMinutes
        let turnover = scenario.policies.roomTurnoverMinutes
        let day = LocalDateTime(minutes: timing.start).date.dayNumber
        // Host.
        let hosts = eligibility.hosts(for: visit).map { scenario.staff[$0] }
            .filter { scenario.isAvailable($0, for: .init(startMinute: timing.start - early, endMinute: timing.end)) }
        let policies = scenario.policies
        let hostDuty = timing.end - timing.start + early
        let overlapping = hosts.filter { !PlanOccupancy.overlapping(occ.people[$0.id], timing.start - early, timing.end).isEmpty }
        let atVisitLimit = hosts.filter { h in policies.maxVisitsPerHostPerDay.map { (occ.hosting[h.id]?[day]?.count ?? 0) >= $0 } ?? false }
        let atDutyLimit = hosts.filter { h in
            policies.maxDutyMinutesPerStaffPerDay.map { occ.dutyMinutes(h.id, day: day) + hostDuty > $0 } ?? false
        }
        let blocked = Set((overlapping + atVisitLimit + atDutyLimit).map(\.id))
        if !hosts.isEmpty, hosts.allSatisfy({ blocked.contains($0.id) }) {
            let names = hosts.map(\.id).joined(separator: ", ")
            let language = visit.language ?? "its language"
            if overlapping.count == hosts.count {
                let holders = hosts.flatMap { h in PlanOccupancy.overlapping(occ.people[h.id], timing.start - early, timing.end).map(\.visit) }
                return Blocker(rule: .host, need: "the hosts speaking \(language) (\(names))", resources: hosts.map(\.id), holders: unique(holders))
            }
            let holders = hosts.flatMap { h in (occ.people[h.id] ?? []).filter { LocalDateTime(minutes: $0.end - 1).date.dayNumber == day }.map(\.visit) }
            var limits: [String] = []
            if !atVisitLimit.isEmpty, let limit = policies.maxVisitsPerHostPerDay { limits.append("at most \(limit) visits a day as host") }
            if !atDutyLimit.isEmpty, let limit = policies.maxDutyMinutesPerStaffPerDay { limits.append("at most \(limit) min of duty a day (this visit adds \(hostDuty))") }
            return Blocker(rule: .availability, need: [.words("the daily limits (\(limits.joined(separator: "; "))) of the hosts speaking \(language) (\(names))")],
                           holders: unique(holders), limit: .hostDailyLimits).withResources(hosts.map(\.id))
        }
        for (i, item) in visit.agenda.enumerated() {
            let t = timing.items[i]
            let options = candidates.options[i][t] ?? []
            switch item {
            case .meeting(let m):
                let rooms = options.map { scenario.rooms[$0].id }
                if !rooms.contains(where: { PlanOccupancy.overlapping(occ.rooms[$0], t.start, t.end + turnover).isEmpty }) {
                    let holders = rooms.flatMap { PlanOccupancy.overlapping(occ.rooms[$0], t.start, t.end + turnover).map(\.visit) }
                    return Blocker(rule: .meeting, need: "the rooms that fit \(scenario.peopleInRoom(visit, m)) people\(m.confidential ? ", secure" : "")\(m.equipment.isEmpty ? "" : " with " + m.equipment.sorted().joined(separator: ", ")) (\(rooms.joined(separator: ", ")))",
                                   resources: rooms, holders: unique(holders))
                }
                if let blocker = staffBlocker(eligibility.technicalStaff(for: visit, m), count: m.technicalCount, t, occ, what: "technical staff") {
                    return blocker
                }
                if let blocker = staffBlocker(m.salesCount > 0 ? eligibility.salesStaff(for: visit) : [], count: m.salesCount, t, occ, what: "sales staff") {
                    return blocker
                }
            case .tour:
                // Per route, whether its group slots, its guides, or both are what is missing.
                var holders: [String] = []
                var slotsShort: [String] = [], guidesShort: [String] = [], guideIDs: [String] = []
                var fits = false
                for r in options {
                    let route = scenario.tourRoutes[r]
                    let groups = scenario.tourGroups(visit, on: route)
                    let used = PlanOccupancy.peak(occ.routes[route.id], t.start, t.end)
                    let guides = eligibility.guides(for: visit, route: r).map { scenario.staff[$0] }
                        .filter { scenario.isAvailable($0, for: t.interval) }
                    let free = guides.filter { PlanOccupancy.overlapping(occ.people[$0.id], t.start, t.end).isEmpty }
                    if used + groups <= route.concurrentGroups && free.count >= groups { fits = true; break }
                    if used + groups > route.concurrentGroups {
                        slotsShort.append(route.id)
                        holders += PlanOccupancy.overlapping(occ.routes[route.id], t.start, t.end).map(\.visit)
                    }
                    if free.count < groups {
                        guidesShort.append(route.id)
                        guideIDs += guides.map(\.id)
                        holders += guides.flatMap { PlanOccupancy.overlapping(occ.people[$0.id], t.start, t.end).map(\.visit) }
                    }
                }
                if !fits {
                    var needs: [String] = []
                    if !guidesShort.isEmpty {
                        let who = guideIDs.isEmpty ? "none available" : unique(guideIDs).joined(separator: ", ")
                        // The route ids are left out here, so that a reason names the route only when its slots are full.
                        needs.append("the guides speaking \(visit.language ?? "its language") certified for its route\(guidesShort.count > 1 ? "s" : "") (\(who))")
                    }
                    if !slotsShort.isEmpty { needs.append("the group slots of \(slotsShort.joined(separator: ", "))") }
                    return Blocker(rule: .tour, need: needs.joined(separator: " and "), resources: slotsShort + unique(guideIDs), holders: unique(holders))
                }
            case .meal:
                let diners = scenario.diners(visit)
                let free = options.contains { c in
                    let caterer = scenario.caterers[c]
                    return caterer.capacity.map { PlanOccupancy.peak(occ.caterers[caterer.id], t.start, t.end) + diners <= $0 } ?? true
                }
                if !free {
                    let ids = options.map { scenario.caterers[$0].id }
                    return Blocker(rule: .meal, need: "the seats of \(ids.joined(separator: ", "))", resources: ids,
                                   holders: unique(ids.flatMap { PlanOccupancy.overlapping(occ.caterers[$0], t.start, t.end).map(\.visit) }))
                }
            }
        }
        if let short = HotelReasons(scenario: scenario, eligibility: eligibility).shortage(visit, day: LocalDate(dayNumber: day), occ) {
            return Blocker(rule: .hotel, need: short.need, resources: short.hotels, holders: unique(short.holders))
        }
        if let budget = scenario.policies.weeklyHospitalityBudget {
            let cost = visit.agenda.enumerated().reduce(0.0) { total, entry in
                guard case .meal(let meal) = entry.element else { return total }
                let prices = (candidates.options[entry.offset][timing.items[entry.offset]] ?? [])
                    .compactMap { scenario.caterers[$0].services[meal.service]?.pricePerHead }
                return total + (prices.min() ?? 0) * Double(scenario.diners(visit))
            }
            if cost > 0, occ.cateringSpent + cost > budget + 1e-9 {
                let left = budget - occ.cateringSpent
                return Blocker(rule: .meal, need: [
                    .words("the weekly hospitality budget"),
                    .money("weeklyBudget", budget, shown: " (\(budget.formatted2),"),
                    .money("weeklyBudgetLeft", left, shown: " \(left.formatted2) left;"),
                    .money("mealCost", cost, shown: " its meals cost at least \(cost.formatted2))", host: " (too little is left for its meals)"),
                ], holders: [], limit: .weeklyHospitalityBudget)
            }
        }
        return nil
    }

    private func staffBlocker(_ people: [Int], count: Int, _ t: ItemTiming, _ occ: PlanOccupancy, what: String) -> Blocker? {
        guard count > 0 else { return nil }
        let available = people.map { scenario.staff[$0] }.filter { scenario.isAvailable($0, for: t.interval) }
        let day = LocalDateTime(minutes: t.start).date.dayNumber
        let free = available.filter { p in
            PlanOccupancy.overlapping(occ.people[p.id], t.start, t.end).isEmpty
                && (scenario.policies.maxDutyMinutesPerStaffPerDay.map { occ.dutyMinutes(p.id, day: day) + t.duration <= $0 } ?? true)
        }
        guard free.count < count else { return nil }
        let holders = available.flatMap { PlanOccupancy.overlapping(occ.people[$0.id], t.start, t.end).map(\.visit) }
        return Blocker(rule: .meeting, need: "the \(what) (\(available.map(\.id).joined(separator: ", ")))", resources: available.map(\.id), holders: unique(holders))
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.sorted()
    }
}

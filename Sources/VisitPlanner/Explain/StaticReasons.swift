import VisitDomain

/// Reasons a visit can never be planned whatever the time: nothing suits one of its items
/// (no room large or equipped or secure enough, no guide for the language, no caterer within
/// budget for the dietary needs, no host speaking the language, ...).
struct StaticReasons: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility

    func reasons(for visit: Visit) -> [UnscheduledReason] {
        var reasons: [UnscheduledReason] = []
        if eligibility.hosts(for: visit).isEmpty {
            reasons.append(UnscheduledReason(kind: .impossible, rule: .host, "no staff member with the host role speaks \(visit.language ?? "-")"))
        }
        for (i, item) in visit.agenda.enumerated() {
            let label = "agenda item \(i) (\(item.kind.rawValue))"
            switch item {
            case .meeting(let m): reasons += meeting(visit, m, label)
            case .tour(let t): reasons += tour(visit, t, label)
            case .meal(let m): reasons += meal(visit, m, label)
            }
        }
        if let hotel = HotelReasons(scenario: scenario, eligibility: eligibility).impossible(visit) { reasons.append(hotel) }
        return reasons
    }

    private func meeting(_ visit: Visit, _ m: Meeting, _ label: String) -> [UnscheduledReason] {
        let rule = HardRule.meeting
        var reasons: [UnscheduledReason] = []
        if m.confidential && !visit.ndaSigned {
            reasons.append(UnscheduledReason(kind: .impossible, rule: rule, "\(label) is confidential but \(visit.client.name ?? "the client") has not signed an NDA"))
        }
        if eligibility.rooms(for: visit, m).isEmpty && (visit.ndaSigned || !m.confidential) {
            let people = scenario.peopleInRoom(visit, m)
            var needs = ["\(people) people"]
            if !m.equipment.isEmpty { needs.append(m.equipment.sorted().joined(separator: ", ")) }
            if m.confidential { needs.append("secure") }
            let suitable = scenario.rooms.filter { m.equipment.isSubset(of: $0.equipment) && (!m.confidential || $0.secure) }
            let largest = suitable.filter { Scenario.serves(site: $0.site, visit) }.max { $0.capacity < $1.capacity }
            var hint = largest.map { " (the largest that is otherwise suitable, \($0.id), holds \($0.capacity))" } ?? ""
            // Rule 11: a room that would do at another site is named, so the coordinator sees why it is not used.
            if let elsewhere = suitable.filter({ !Scenario.serves(site: $0.site, visit) && $0.capacity >= people }).first,
               let site = elsewhere.site, let own = visit.site {
                hint += "; \(elsewhere.id) would fit but is at site \(site), the visit at site \(own)"
            }
            reasons.append(UnscheduledReason(kind: .impossible, rule: rule, "no room\(Self.atSite(visit)) for \(label) fits \(needs.joined(separator: ", "))\(hint)"))
        }
        if m.technicalCount > 0 {
            let technical = eligibility.technicalStaff(for: visit, m)
            let known = technical.reduce(into: Set<String>()) { $0.formUnion(scenario.staff[$1].expertise) }
            let missing = m.technicalExpertise.subtracting(known).sorted()
            if !missing.isEmpty {
                reasons.append(UnscheduledReason(kind: .impossible, rule: rule, "no technical staff member\(Self.atSite(visit)) knows \(missing.joined(separator: ", ")) for \(label)"))
            }
            if technical.count < m.technicalCount {
                reasons.append(UnscheduledReason(kind: .impossible, rule: rule, "\(label) needs \(m.technicalCount) technical staff; only \(technical.count) exist\(Self.atSite(visit))"))
            }
        }
        let sales = eligibility.salesStaff(for: visit).count
        if m.salesCount > sales { reasons.append(UnscheduledReason(kind: .impossible, rule: rule, "\(label) needs \(m.salesCount) sales staff; only \(sales) exist\(Self.atSite(visit))")) }
        return reasons
    }

    /// " at site north" for a visit that names its site (rule 11: only that site's resources and
    /// people, and those of no site, serve it); "" otherwise.
    static func atSite(_ visit: Visit) -> String { visit.site.map { " at site \($0)" } ?? "" }

    private func tour(_ visit: Visit, _ t: Tour, _ label: String) -> [UnscheduledReason] {
        let rule = HardRule.tour
        var problems: [String] = []
        for id in t.routes {
            guard let r = scenario.tourRoutes.firstIndex(where: { $0.id == id }) else { continue }
            let route = scenario.tourRoutes[r]
            let groups = scenario.tourGroups(visit, on: route)
            if !Scenario.serves(site: route.site, visit), let site = route.site, let own = visit.site {
                problems.append("\(id) is at site \(site), the visit at site \(own)")
            } else if route.confidential && !visit.ndaSigned {
                problems.append("\(id) is confidential and the client has not signed an NDA")
            } else if groups > route.concurrentGroups {
                problems.append("\(visit.headcount) guests make \(groups) groups but \(id) takes \(route.concurrentGroups) at once")
            } else {
                let guides = eligibility.guides(for: visit, route: r).count
                if guides < groups {
                    problems.append("\(groups) group(s) need \(groups) guide(s) speaking \(visit.language ?? "-") certified for \(id); there \(guides == 1 ? "is" : "are") \(guides)\(Self.atSite(visit))")
                }
            }
        }
        guard problems.count == t.routes.count else { return [] }
        return [UnscheduledReason(kind: .impossible, rule: rule, "no route for \(label) can take the visit: " + problems.joined(separator: "; "), resources: t.routes)]
    }

    private func meal(_ visit: Visit, _ m: Meal, _ label: String) -> [UnscheduledReason] {
        guard eligibility.caterers(for: visit, m).isEmpty else { return [] }
        let rule = HardRule.meal
        let offering = scenario.caterers.filter { $0.services[m.service] != nil && Scenario.serves(site: $0.site, visit) }
        if offering.isEmpty { return [UnscheduledReason(kind: .impossible, rule: rule, "no caterer\(Self.atSite(visit)) offers \(m.service) for \(label)")] }
        let approved = offering.filter(\.approved)
        if approved.isEmpty {
            return [UnscheduledReason(kind: .impossible, rule: rule, "only unapproved caterers (\(offering.map(\.id).joined(separator: ", "))) offer \(m.service) for \(label)")]
        }
        let needs = visit.dietary.keys.sorted()
        let serving = approved.filter { c in needs.allSatisfy { c.dietary.contains($0) } }
        if serving.isEmpty {
            return [UnscheduledReason(kind: .impossible, rule: rule, "no approved caterer offering \(m.service) serves \(needs.joined(separator: ", ")) for \(label)")]
        }
        let budget = scenario.policies.budgetPerHead(service: m.service, tier: visit.client.tier) ?? 0
        let cheapest = serving.min { ($0.services[m.service]?.pricePerHead ?? 0) < ($1.services[m.service]?.pricePerHead ?? 0) }!
        let price = cheapest.services[m.service]?.pricePerHead ?? 0
        return [UnscheduledReason(kind: .impossible, rule: rule.title, resources: [cheapest.id], text: [
            .words("\(m.service) for \(label) is over the \(visit.client.tier ?? "standard") budget"),
            .money("budgetPerHead", budget, shown: " of \(budget.formatted2)"),
            .words(" per head: the cheapest suitable approved caterer, \(cheapest.id), charges"),
            .money("pricePerHead", price, shown: " \(price.formatted2)", host: " more"),
        ])]
    }
}

extension Double {
    /// A money, count or time value as a coordinator writes it: at most two decimals, none when
    /// they are zero (`2`, not `2.` or `2.00`). Never traps, whatever the value.
    var formatted2: String {
        guard isFinite, abs(self) < 1e15 else { return "\(self)" }
        var text = String(format2: self)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

extension String {
    /// `value` with exactly two decimals (`value` finite and below 1e15 in magnitude).
    init(format2 value: Double) {
        let cents = Int((value * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let c = abs(cents)
        self = "\(sign)\(c / 100).\(c % 100 < 10 ? "0" : "")\(c % 100)"
    }
}

/// Rule 11 (beyond FORMAT.md), site: a visit with a `site` has its host, rooms, routes, caterers,
/// guides, technical and sales staff from that site or from no site.
struct SiteRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] { c.visits.flatMap { check($0, c) } }

    private func check(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        guard let site = v.visit.site else { return [] }
        var out: [RuleViolation] = []
        func verify(_ what: String, _ id: String, _ resourceSite: String??, item: Int?) {
            // Unknown ids are other rules' violations.
            guard let resourceSite, !Scenario.serves(site: resourceSite, v.visit) else { return }
            out.append(RuleViolation(rule: .site, visit: v.id, item: item,
                                     message: "\(what) \(id) of \(v.id) belongs to site \(resourceSite ?? "-"), not to the visit's site \(site)"))
        }
        if let host = v.planned.host { verify("host", host, c.scenario.staffMember(host).map(\.site), item: nil) }
        for item in v.items {
            let i = item.index
            if let room = item.planned.room { verify("room", room, c.scenario.room(room).map(\.site), item: i) }
            if let route = item.planned.route { verify("route", route, c.scenario.route(route).map(\.site), item: i) }
            if let caterer = item.planned.caterer { verify("caterer", caterer, c.scenario.caterer(caterer).map(\.site), item: i) }
            let people = [("technical", item.planned.technical), ("sales", item.planned.sales), ("guide", item.planned.guides)]
            for (role, ids) in people {
                for id in ids ?? [] { verify(role, id, c.scenario.staffMember(id).map(\.site), item: i) }
            }
        }
        return out
    }
}

/// Rule 4, host: one staff member with role `host` who speaks the visit's language and holds no
/// other place (guide, technical, sales) in the visit. (The host's busy time is checked by rule 8.)
struct HostRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] { c.visits.flatMap { check($0, c) } }

    private func check(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        guard let id = v.planned.host else { return [] }   // a structure violation
        var out: [RuleViolation] = []
        func add(_ item: Int?, _ message: String) { out.append(RuleViolation(rule: .host, visit: v.id, item: item, message: message)) }
        if let host = c.scenario.staffMember(id) {
            if !host.has(.host) { add(nil, "\(id), host of \(v.id), does not have the host role") }
            if let language = v.visit.language, !host.languages.contains(language) {
                add(nil, "host \(id) of \(v.id) does not speak \(language)")
            }
        } else {
            add(nil, "host \(id) of \(v.id) is not on the staff")
        }
        for item in v.items {
            let places: [(String, [String]?)] = [("technical", item.planned.technical), ("sales", item.planned.sales),
                                                 ("guide", item.planned.guides)]
            for (role, people) in places where (people ?? []).contains(id) {
                add(item.index, "\(id) is host of \(v.id) and also \(role) in \(item.label); the host has no other place")
            }
        }
        return out
    }
}

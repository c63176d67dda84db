/// Rule 5, meeting: a room big enough for everyone, with the equipment, secure (and an NDA) when
/// confidential, busy for the meeting plus turnover and never double-booked; exactly the technical
/// staff (covering every topic) and sales staff asked for, each filling one place.
struct MeetingRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.items.flatMap { v, item in item.meeting.map { suitability(v, item, $0, c) + staffing(v, item, $0, c) } ?? [] }
            + doubleBookings(c)
    }

    private func suitability(_ v: CheckedVisit, _ item: CheckedItem, _ m: Meeting, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .meeting, visit: v.id, item: item.index, message: message)) }
        let what = "the meeting of \(v.id) at \(item.interval)"
        guard let id = item.planned.room else { add("\(what) has no room"); return out }
        guard let room = c.scenario.room(id) else { add("room \(id) of \(what) is not in the scenario"); return out }
        let people = c.scenario.peopleInRoom(v.visit, m)
        if room.capacity < people && !c.isFrozen(v.id, item.index) {
            add("room \(id) holds \(room.capacity) but \(what) needs \(people) places (visitors, host, technical and sales)")
        }
        let missing = m.equipment.subtracting(room.equipment)
        if !missing.isEmpty { add("room \(id) lacks \(CheckFormat.list(missing)) for \(what)") }
        if m.confidential && !room.secure { add("room \(id) is not secure but \(what) is confidential") }
        if m.confidential && !v.visit.ndaSigned { add("\(what) in room \(id) is confidential but \(v.id) has no signed NDA") }
        return out
    }

    private func staffing(_ v: CheckedVisit, _ item: CheckedItem, _ m: Meeting, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .meeting, visit: v.id, item: item.index, message: message)) }
        let what = "the meeting of \(v.id) at \(item.interval)"
        let technical = item.planned.technical ?? [], sales = item.planned.sales ?? []
        for (role, people, needed) in [(StaffRole.technical, technical, m.technicalCount), (.sales, sales, m.salesCount)] {
            if people.count != needed {
                let named = people.isEmpty ? "no" : "\(people.count) (\(people.joined(separator: ", ")))"
                add("\(what) has \(named) \(role.rawValue) staff; it needs \(needed)")
            }
            for person in people {
                guard let member = c.scenario.staffMember(person) else { add("\(role.rawValue) \(person) of \(what) is not on the staff"); continue }
                if !member.has(role) { add("\(person) does not have the \(role.rawValue) role needed in \(what)") }
            }
        }
        let all = technical + sales
        for person in Set(all).sorted() where all.filter({ $0 == person }).count > 1 { add("\(person) fills two places in \(what)") }
        let known = technical.compactMap(c.scenario.staffMember).reduce(into: Set<String>()) { $0.formUnion($1.expertise) }
        let uncovered = m.technicalExpertise.subtracting(known)
        if !uncovered.isEmpty {
            add("technical staff (\(technical.joined(separator: ", "))) of \(what) do not cover \(CheckFormat.list(uncovered))")
        }
        return out
    }

    /// Two uses of a room whose busy times (meeting plus turnover) overlap.
    private func doubleBookings(_ c: CheckContext) -> [RuleViolation] {
        let turnover = c.scenario.policies.roomTurnoverMinutes
        let uses = c.items.filter { $0.item.meeting != nil && $0.item.planned.room != nil }
            .sorted { ($0.item.planned.room!, $0.item.start) < ($1.item.planned.room!, $1.item.start) }
        var out: [RuleViolation] = []
        for i in uses.indices {
            let a = uses[i]
            let busyA = TimeInterval(start: a.item.start, end: a.item.end.adding(minutes: turnover))
            // Sorted by room, then start: the meetings after `a` in its room that start before it
            // is free again are the only ones that can clash with it.
            for j in (i + 1)..<uses.count {
                let b = uses[j]
                guard b.item.planned.room == a.item.planned.room, b.item.start < busyA.end else { break }
                let busyB = TimeInterval(start: b.item.start, end: b.item.end.adding(minutes: turnover))
                // Two frozen meetings are both kept as they were (one ran over after the other was planned).
                guard busyA.overlaps(busyB), !(c.isFrozen(a.visit.id, a.item.index) && c.isFrozen(b.visit.id, b.item.index)) else { continue }
                let overlap = TimeInterval(start: max(busyA.start, busyB.start), end: min(busyA.end, busyB.end))
                let note = a.item.interval.overlaps(b.item.interval) ? "" : " (including \(turnover) min turnover)"
                out.append(RuleViolation(rule: .meeting, visit: b.visit.id, item: b.item.index, message:
                    "room \(a.item.planned.room!) is used by \(a.visit.id) and \(b.visit.id) at \(overlap)\(note)"))
            }
        }
        return out
    }
}

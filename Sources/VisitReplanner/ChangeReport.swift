import VisitDomain

/// What differs between the plan being replaced and the new one, item by item (same visit, same
/// agenda index), and who must be told: every person whose duties moved, appeared or vanished, and
/// the client contact of every visit that moved.
struct ChangeReport: Sendable {
    let changes: [PlanChange]
    let notifications: [Notification]

    init(before: Plan, after: Plan, oldScenario: Scenario, newScenario: Scenario, applied: AppliedEvents) {
        var changes: [PlanChange] = []
        var messages: [String: [String]] = [:]   // person → messages, in order
        var order: [String] = []
        func tell(_ person: String, _ message: String) {
            if messages[person] == nil { order.append(person) }
            messages[person, default: []].append(message)
        }
        let ids = (before.visits.map(\.id) + after.visits.map(\.id)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for id in ids {
            let old = before.visit(id), new = after.visit(id)
            let visit = newScenario.visit(id) ?? oldScenario.visit(id)
            let label = "\(id)\(visit?.client.name.map { " (\($0))" } ?? "")"
            let client = visit?.client.contact ?? visit?.client.name.map { "\($0) (client)" } ?? "client of \(id)"
            let wasOn = old?.scheduled == true, isOn = new?.scheduled == true
            // Rule 10: a changed booking reaches the hotels and the client contact.
            func bookingChange(_ a: HotelBooking?, _ b: HotelBooking?) {
                changes.append(PlanChange(visit: id, item: nil, what: "booking", from: a.map(describe), to: b.map(describe)))
                if let a, a.hotel != b?.hotel { tell(a.hotel, "booking for \(label) (\(rooms(a))) is cancelled") }
                if let b { tell(b.hotel, a?.hotel == b.hotel ? "booking for \(label) changes: \(rooms(b)) (was \(a.map(rooms) ?? "-"))" : "booking for \(label): \(rooms(b))") }
                if let b { tell(client, "\(label): your rooms are booked at \(b.hotel): \(rooms(b))") }
            }
            let forcedVisit = applied.shiftedVisits.contains(id)
            if wasOn && !isOn {
                let cancelled = applied.cancelledVisits[id] != nil
                changes.append(PlanChange(visit: id, item: nil, what: cancelled ? "cancelled" : "dropped", from: span(old), to: nil,
                                          forcedByEvent: cancelled))
                // Staff and clients read the reason without budgets and prices (rendered from its facts).
                let reason = new?.reasonDetails?.first.map { $0.sentence(showingMoney: false) } ?? new?.reasons?.first
                let why = reason.map { ": \($0)" } ?? ""
                for person in people(of: old) {
                    tell(person, "\(label) on \(day(old)) is \(cancelled ? "cancelled" : "no longer planned"); your duties in it are off\(why)")
                }
                tell(client, "\(label): your visit on \(day(old)) is \(cancelled ? "cancelled as requested" : "no longer possible")\(why)")
                for meal in old?.items ?? [] { if let caterer = meal.caterer { tell(caterer, cancelledOrder(label, meal)) } }
                if let booking = old?.booking { tell(booking.hotel, "booking for \(label) (\(rooms(booking))) is cancelled") }
                continue
            }
            if !wasOn && isOn {
                changes.append(PlanChange(visit: id, item: nil, what: "scheduled", from: nil, to: span(new)))
                for person in people(of: new) { tell(person, "\(label) is now planned \(span(new)): \(duties(of: person, in: new))") }
                tell(client, "\(label): your visit is confirmed for \(span(new))")
                for meal in new?.items ?? [] { if let caterer = meal.caterer { tell(caterer, newOrder(label, meal)) } }
                if let booking = new?.booking { tell(booking.hotel, "booking for \(label): \(rooms(booking))") }
                continue
            }
            guard wasOn, isOn, let old, let new else { continue }
            if old.host != new.host {
                changes.append(PlanChange(visit: id, item: nil, what: "host", from: old.host, to: new.host))
                if let h = old.host { tell(h, "you no longer host \(label) (\(span(old))); \(new.host ?? "someone else") does") }
                if let h = new.host { tell(h, "you now host \(label), \(span(new)); meet the client \(oldScenario.policies.hostArrivesEarlyMinutes) min early") }
            }
            if old.booking != new.booking { bookingChange(old.booking, new.booking) }
            var moved = false
            let oldItems = old.itemsByAgendaIndex, newItems = new.itemsByAgendaIndex
            for index in Set(oldItems.keys).union(newItems.keys).sorted() {
                let a = oldItems[index], b = newItems[index]
                let kind = (b ?? a)?.kind.rawValue ?? "item"
                guard let a, let b else {
                    if let a {
                        let cancelled = applied.cancelledItems.contains(ItemKey(visit: id, agendaIndex: index))
                        changes.append(PlanChange(visit: id, item: index, what: "cancelled", from: time(a), to: nil, forcedByEvent: cancelled))
                        for person in a.people { tell(person, "\(label): the \(kind) at \(time(a)) is cancelled; you are free then") }
                        if let caterer = a.caterer { tell(caterer, cancelledOrder(label, a)) }
                    }
                    continue
                }
                if a.start != b.start || a.end != b.end {
                    moved = moved || a.start != b.start
                    let forced = forcedVisit || (a.start == b.start && applied.touchedVisits.contains(id))
                    changes.append(PlanChange(visit: id, item: index, what: a.start != b.start ? "start" : "end",
                                              from: time(a), to: time(b), forcedByEvent: forced))
                    for person in Set(a.people).intersection(b.people).sorted() {
                        tell(person, "\(label): the \(kind) moves from \(time(a)) to \(time(b))\(place(b))")
                    }
                }
                for (what, x, y) in [("room", a.room, b.room), ("route", a.route, b.route), ("caterer", a.caterer, b.caterer)] where x != y {
                    changes.append(PlanChange(visit: id, item: index, what: what, from: x, to: y))
                    if what == "caterer", let x { tell(x, cancelledOrder(label, a) + " (another caterer serves it)") }
                    if what == "caterer", let y { tell(y, newOrder(label, b)) }
                    // The host and the item's people who stay need to know where to go now.
                    let where_ = what == "caterer" ? "from \(y ?? "-")" : "\(what == "room" ? "in" : "on") \(y ?? "-")"
                    let was = x.map { " (was \($0))" } ?? ""
                    let staying = Set(a.people).intersection(b.people).sorted()
                    for person in ([new.host].compactMap { $0 } + staying.filter { $0 != new.host }) {
                        tell(person, "\(label): the \(kind) at \(time(b)) is now \(where_)\(was)")
                    }
                }
                // The same caterer keeps the order: any change of time or diners reaches it.
                if let caterer = b.caterer, caterer == a.caterer, a.start != b.start || a.end != b.end || a.diners != b.diners {
                    tell(caterer, "order for \(label) changes: \(b.diners ?? 0) diners at \(time(b)) (was \(a.diners ?? 0) at \(time(a)))")
                }
                for (what, x, y) in [("technical", a.technical, b.technical), ("sales", a.sales, b.sales), ("guides", a.guides, b.guides)] {
                    let before = Set(x ?? []), after = Set(y ?? [])
                    guard before != after else { continue }
                    changes.append(PlanChange(visit: id, item: index, what: what, from: (x ?? []).joined(separator: ", "),
                                              to: (y ?? []).joined(separator: ", ")))
                    for person in before.subtracting(after).sorted() { tell(person, "\(label): you are no longer needed at the \(kind) \(time(a))") }
                    for person in after.subtracting(before).sorted() { tell(person, "\(label): you join the \(kind) \(time(b))\(place(b))") }
                }
            }
            if old.start != new.start || old.end != new.end {
                if let host = new.host, host == old.host { tell(host, "\(label) you host now runs \(span(new)) (was \(span(old)))") }
                if moved { tell(client, "\(label): your visit now runs \(span(new)) (was \(span(old)))") }
            }
        }
        self.changes = changes
        self.notifications = order.map { Notification(person: $0, message: messages[$0]!.joined(separator: "; ")) }
    }
}

private func span(_ v: PlannedVisit?) -> String {
    guard let start = v?.start, let end = v?.end else { return "-" }
    return "\(start.date) \(start.timeOfDay)–\(end.timeOfDay)"
}

/// "2 double rooms, nights 2026-12-07, 2026-12-08".
private func rooms(_ b: HotelBooking) -> String {
    "\(b.rooms) \(b.roomType) room\(b.rooms == 1 ? "" : "s"), night\(b.nights.count == 1 ? "" : "s") \(b.nights.map(\.description).joined(separator: ", "))"
}

/// "H-HARBOUR: 2 double rooms, nights 2026-12-07".
private func describe(_ b: HotelBooking) -> String { "\(b.hotel): \(rooms(b))" }

private func newOrder(_ label: String, _ meal: PlannedItem) -> String {
    "order for \(label): \(meal.diners ?? 0) diners at \(time(meal))"
}

private func cancelledOrder(_ label: String, _ meal: PlannedItem) -> String {
    "order for \(label) at \(time(meal)) (\(meal.diners ?? 0) diners) is cancelled"
}

private func day(_ v: PlannedVisit?) -> String { v?.start.map { $0.date.description } ?? "-" }

private func time(_ item: PlannedItem) -> String { "\(item.start.date) \(item.start.timeOfDay)–\(item.end.timeOfDay)" }

private func place(_ item: PlannedItem) -> String {
    if let room = item.room { return " in \(room)" }
    if let route = item.route { return " on \(route)" }
    return ""
}

private func people(of visit: PlannedVisit?) -> [String] {
    var result: [String] = visit?.host.map { [$0] } ?? []
    for item in visit?.items ?? [] { for p in item.people where !result.contains(p) { result.append(p) } }
    return result
}

private func duties(of person: String, in visit: PlannedVisit?) -> String {
    if visit?.host == person { return "you host it" }
    let items = (visit?.items ?? []).filter { $0.people.contains(person) }
    return items.map { "\($0.kind.rawValue) \($0.start.timeOfDay)–\($0.end.timeOfDay)\(place($0))" }.joined(separator: ", ")
}

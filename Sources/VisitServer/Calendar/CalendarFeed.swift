import VisitDomain

/// Whose calendar a feed is: a staff member's duties, a meeting room's bookings or a caterer's orders.
enum FeedOwner: Sendable, Hashable {
    case person(String)
    case room(String)
    case caterer(String)

    var id: String {
        switch self {
        case .person(let id), .room(let id), .caterer(let id): id
        }
    }
}

/// One calendar entry of a feed.
struct FeedEvent: Sendable, Hashable {
    /// Stable across plan versions: scenario, visit, agenda item, owner.
    var uid: String
    var start: LocalDateTime
    var end: LocalDateTime
    var summary: String
    var location: String?
    var description: String
    /// How many times a replan moved or changed this entry.
    var sequence: Int = 0
    /// When it last changed (UTC ISO 8601, the plan version's creation time).
    var changedAt: String = ""
    /// The IANA zone of `start` and `end`: the scenario's `calendar.timeZone`, else the server's.
    var timeZone: String = "UTC"

    /// What a subscriber sees change: a difference here raises the SEQUENCE.
    var signature: [String] { [start.description, end.description, summary, location ?? ""] }
}

/// The entries of one owner's calendar, from a scenario's plan history: the current plan's
/// entries, each with a SEQUENCE counting the plan versions that changed it.
struct CalendarFeed {
    let owner: FeedOwner
    let scenarioId: String
    let scenario: Scenario

    /// `history` is every plan version of the scenario, oldest first; the last is current.
    func events(history: [(row: PlanRow, plan: Plan)]) -> [FeedEvent] {
        var folded = FeedHistory()
        for (row, plan) in history { folded.add(entries(in: plan), version: row.version, createdAt: row.createdAt) }
        return folded.current
    }

    /// The owner's entries in one plan.
    func entries(in plan: Plan) -> [FeedEvent] {
        // An IT person's feed also has their turns on call (`ITOnCall`, as on the run sheets).
        let onCall: ITOnCall? = if case .person(let person) = owner, scenario.staffMember(person)?.has(.it) == true {
            ITOnCall(scenario: scenario, plan: plan)
        } else {
            nil
        }
        return plan.visits.filter(\.scheduled).flatMap { visit -> [FeedEvent] in
            let items = visit.items ?? []
            switch owner {
            case .person(let person):
                var events = items.enumerated().compactMap { index, item in personEntry(person, visit, item, index) }
                if visit.host == person, let start = visit.start, let end = visit.end {
                    // The host's entry starts early, where they meet the guests when that is agreed.
                    let meetingPoint = scenario.visit(visit.id)?.meetingPoint
                    let rooms = meetingPoint.map { [$0] } ?? items.compactMap(\.room)
                    events.append(FeedEvent(uid: uid(visit, "host"), start: start.adding(minutes: -scenario.policies.hostArrivesEarlyMinutes),
                                            end: end, summary: "Host: \(title(of: visit))",
                                            location: rooms.isEmpty ? nil : rooms.joined(separator: ", "),
                                            description: details(of: visit)))
                }
                if let onCall { events += onCallEntries(person, visit, onCall) }
                return events
            case .caterer(let caterer):
                // What to cook, for whom and when; no prices (a feed goes to the kitchen).
                return CatererOrders.orders(of: visit, scenario: scenario).filter { $0.caterer == caterer }.map(\.order).map { order in
                    FeedEvent(uid: uid(visit, "item\(order.agendaIndex)"), start: order.interval.start, end: order.interval.end,
                              summary: "Order: \(order.service) for \(title(of: visit)), \(order.order)",
                              location: nil, description: "\(order.service), \(order.order)" + (order.host.map { "\nHost: \($0)" } ?? ""))
                }
            case .room(let room):
                return items.enumerated().compactMap { index, item in
                    guard item.kind == .meeting, item.room == room else { return nil }
                    let headcount = scenario.visit(visit.id)?.headcount
                    return FeedEvent(uid: uid(visit, "item\(item.agendaIndex ?? index)"), start: item.start, end: item.end,
                                     summary: "Meeting: \(title(of: visit))" + (headcount.map { ", \($0) guests" } ?? ""),
                                     location: room, description: details(of: visit))
                }
            }
        }
    }

    private func personEntry(_ person: String, _ visit: PlannedVisit, _ item: PlannedItem, _ index: Int) -> FeedEvent? {
        let duty: String
        if item.guides?.contains(person) == true { duty = "Guide" }
        else if item.technical?.contains(person) == true { duty = "Technical" }
        else if item.sales?.contains(person) == true { duty = "Sales" }
        else { return nil }
        return FeedEvent(uid: uid(visit, "item\(item.agendaIndex ?? index)"), start: item.start, end: item.end,
                         summary: "\(duty): \(item.kind.rawValue) with \(title(of: visit))",
                         location: item.room ?? item.route, description: details(of: visit))
    }

    /// The person's turns on call for the visit's meetings with equipment: where, what, and that
    /// they must be reachable within 5 minutes (no client contact: that stays with the host).
    private func onCallEntries(_ person: String, _ visit: PlannedVisit, _ onCall: ITOnCall) -> [FeedEvent] {
        (visit.items ?? []).enumerated().flatMap { index, item -> [FeedEvent] in
            let agendaIndex = item.agendaIndex ?? index
            let turns = (onCall.shifts[ItemKey(visit: visit.id, agendaIndex: agendaIndex)] ?? []).filter { $0.person == person }
            let equipment = scenario.visit(visit.id).flatMap { v -> Set<String>? in
                guard v.agenda.indices.contains(agendaIndex), case .meeting(let m) = v.agenda[agendaIndex] else { return nil }
                return m.equipment
            } ?? []
            return turns.enumerated().map { n, turn in
                FeedEvent(uid: uid(visit, "itOnCall\(agendaIndex)" + (n > 0 ? "-\(n)" : "")), start: turn.interval.start, end: turn.interval.end,
                          summary: "IT on call: meeting of \(title(of: visit))", location: item.room,
                          description: "Equipment: \(equipment.sorted().joined(separator: ", "))\nBe reachable within 5 minutes"
                            + (visit.host.map { "\nHost: \(name($0))" } ?? ""))
            }
        }
    }

    private func uid(_ visit: PlannedVisit, _ part: String) -> String {
        let kind = switch owner {
        case .person: "person"
        case .room: "room"
        case .caterer: "caterer"
        }
        return "\(scenarioId)/\(visit.id)/\(part)/\(kind)/\(owner.id)@visitplan"
    }

    private func title(of visit: PlannedVisit) -> String {
        "\(scenario.visit(visit.id)?.client.name ?? visit.id) (\(visit.id))"
    }

    /// The visit's agenda as the subscriber reads it: client, guests, each item with its place and people.
    private func details(of visit: PlannedVisit) -> String {
        let request = scenario.visit(visit.id)
        var lines: [String] = []
        if let request {
            lines.append("\(request.client.name ?? visit.id), \(request.headcount) guests" + (request.language.map { " (\($0))" } ?? ""))
            if let contact = request.client.contact { lines.append("Contact: \(contact)") }
            if let purpose = request.purpose { lines.append("Purpose: \(purpose.words)") }
            if !request.guests.isEmpty { lines.append("Guests: " + request.guests.map(\.description).joined(separator: "; ")) }
            if let point = request.meetingPoint { lines.append("Meeting point: \(point)") }
        }
        if let host = visit.host { lines.append("Host: \(name(host))") }
        for item in visit.items ?? [] {
            var place = [item.room.map { "room \($0)" }, item.route.map { "route \($0)" }, item.caterer.map { "by \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
            let people = item.people.map(name)
            if !people.isEmpty { place += (place.isEmpty ? "" : "; ") + people.joined(separator: ", ") }
            lines.append("\(item.start.timeOfDay)–\(item.end.timeOfDay) \(item.kind.rawValue)" + (place.isEmpty ? "" : ": \(place)"))
        }
        return lines.joined(separator: "\n")
    }

    private func name(_ id: String) -> String { scenario.staffMember(id)?.displayName ?? id }
}

/// The entries of one feed folded over plan versions, oldest first: what each entry looked like
/// when last seen and how often it changed. Folding only the versions written since the last fold
/// gives the same SEQUENCE numbers as folding the whole history, so a feed request reads the
/// versions it has not seen, not the history (`FeedHistoryCache`).
struct FeedHistory: Sendable {
    private var last: [String: (event: FeedEvent, version: Int)] = [:]
    /// The plan version folded last.
    private(set) var version: Int?

    /// Folds in plan `version`'s entries.
    mutating func add(_ entries: [FeedEvent], version: Int, createdAt: String) {
        for var event in entries {
            if let seen = last[event.uid], seen.version == self.version, seen.event.signature == event.signature {
                event.sequence = seen.event.sequence
                event.changedAt = seen.event.changedAt
            } else {
                event.sequence = last[event.uid].map { $0.event.sequence + 1 } ?? 0
                event.changedAt = createdAt
            }
            last[event.uid] = (event, version)
        }
        self.version = version
    }

    /// The entries of the version folded last, by start.
    var current: [FeedEvent] {
        guard let version else { return [] }
        return last.values.filter { $0.version == version }.map(\.event).sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
    }
}

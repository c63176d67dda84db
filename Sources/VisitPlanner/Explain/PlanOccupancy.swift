import VisitDomain

/// Who and what the scheduled visits of a plan hold, and when: the busy intervals of every person,
/// room, route and caterer, the hosting count per day and the catering money spent. Used to say
/// which visits crowd an unscheduled one out.
struct PlanOccupancy: Sendable {
    struct Hold: Sendable {
        var start: Int
        var end: Int
        var amount: Int
        var visit: String
    }

    var people: [String: [Hold]] = [:]
    var rooms: [String: [Hold]] = [:]
    var routes: [String: [Hold]] = [:]
    var caterers: [String: [Hold]] = [:]
    /// (host id, day number) → visits hosted that day.
    var hosting: [String: [Int: [String]]] = [:]
    var cateringSpent: Double = 0
    /// Hotel rooms booked per hotel, room type and night (rule 10).
    var bookedRooms: [BookedNight: [(visit: String, rooms: Int)]] = [:]

    init(scenario: Scenario, scheduled: [PlannedVisit]) {
        let early = scenario.policies.hostArrivesEarlyMinutes
        let turnover = scenario.policies.roomTurnoverMinutes
        for visit in scheduled {
            guard let start = visit.start, let end = visit.end else { continue }
            if let host = visit.host {
                people[host, default: []].append(Hold(start: start.minutes - early, end: end.minutes, amount: 1, visit: visit.id))
                hosting[host, default: [:]][start.date.dayNumber, default: []].append(visit.id)
            }
            for night in visit.booking?.nights ?? [] {
                let booking = visit.booking!
                bookedRooms[BookedNight(hotel: booking.hotel, roomType: booking.roomType, night: night), default: []]
                    .append((visit.id, booking.rooms))
            }
            let headcount = scenario.visit(visit.id)?.headcount ?? 0
            for item in visit.items ?? [] {
                let s = item.start.minutes, e = item.end.minutes
                for person in item.people { people[person, default: []].append(Hold(start: s, end: e, amount: 1, visit: visit.id)) }
                if let room = item.room { rooms[room, default: []].append(Hold(start: s, end: e + turnover, amount: 1, visit: visit.id)) }
                if let route = item.route, let r = scenario.route(route) {
                    routes[route, default: []].append(Hold(start: s, end: e, amount: scenario.tourGroups(
                        scenario.visit(visit.id) ?? Visit(id: "", headcount: headcount, requestedAt: start, window: .init(start: start, end: end), agenda: []), on: r),
                        visit: visit.id))
                }
                if let caterer = item.caterer {
                    caterers[caterer, default: []].append(Hold(start: s, end: e, amount: item.diners ?? headcount + 1, visit: visit.id))
                }
                cateringSpent += item.cost ?? 0
            }
        }
    }

    /// Minutes of duty `person` has on `day` (day number), early host minutes included.
    func dutyMinutes(_ person: String, day: Int) -> Int {
        (people[person] ?? []).filter { LocalDateTime(minutes: $0.end - 1).date.dayNumber == day }.reduce(0) { $0 + $1.end - $1.start }
    }

    /// Holds on `resource` overlapping `[start, end)`.
    static func overlapping(_ holds: [Hold]?, _ start: Int, _ end: Int) -> [Hold] {
        (holds ?? []).filter { $0.start < end && start < $0.end }
    }

    /// The largest total amount held at once within `[start, end)`.
    static func peak(_ holds: [Hold]?, _ start: Int, _ end: Int) -> Int {
        let inside = overlapping(holds, start, end)
        return inside.map { h in
            inside.filter { $0.start <= max(h.start, start) && max(h.start, start) < $0.end }.reduce(0) { $0 + $1.amount }
        }.max() ?? 0
    }
}

/// One room type of one hotel on one night, by ids (the plan's words).
struct BookedNight: Hashable, Sendable {
    var hotel: String
    var roomType: String
    var night: LocalDate
}

/// Rule 10, hotel (beyond FORMAT.md): a scheduled visit with a stay has a booking of its rooms
/// (headcount / guests per room, or the stay's number) of the stay's room type, for exactly the
/// nights around the day it is held on, at one approved hotel that offers the room type at a price
/// within the budget per night for the client's tier and is open every one of those nights; a
/// visit without a stay has no booking; on no night does a hotel let more rooms of one type than
/// its `roomsPerNight`, all visits together.
struct HotelRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.visits.flatMap { check($0, c) } + crowding(c)
    }

    private func check(_ v: CheckedVisit, _ c: CheckContext) -> [RuleViolation] {
        var out: [RuleViolation] = []
        func add(_ message: String) { out.append(RuleViolation(rule: .hotel, visit: v.id, message: message)) }
        guard let stay = v.visit.stay else {
            if let booking = v.planned.booking { add("\(v.id) needs no stay but has a booking at \(booking.hotel)") }
            return out
        }
        guard let start = v.start else { return out }
        let nights = c.scenario.stayNights(v.visit, day: start.date)
        let rooms = c.scenario.roomsNeeded(v.visit)
        let need = "\(CheckFormat.count(rooms, "\(stay.roomType) room")) for \(CheckFormat.count(nights.count, "night")) from \(nights.first.map(\.description) ?? "-")"
        guard let booking = v.planned.booking else { add("\(v.id) stays overnight (\(need)) but has no hotel booking"); return out }
        let what = "the booking of \(v.id) at \(booking.hotel)"
        guard let hotel = c.scenario.hotel(booking.hotel) else { add("hotel \(booking.hotel) of \(v.id)'s booking is not in the scenario"); return out }
        if !hotel.approved { add("hotel \(hotel.id) of \(v.id)'s booking is not approved") }
        if booking.roomType != stay.roomType { add("\(what) is for \(booking.roomType) rooms; the stay asks for \(stay.roomType)") }
        if booking.rooms != rooms { add("\(what) has \(CheckFormat.count(booking.rooms, "room")); the stay needs \(rooms)") }
        if booking.nights != nights {
            add("\(what) is for the nights \(dates(booking.nights)); a visit on \(start.date) stays the nights \(dates(nights))")
        }
        let closed = booking.nights.filter(hotel.unavailable.contains)
        if !closed.isEmpty { add("hotel \(hotel.id) is unavailable on the night of \(dates(closed)) (\(what))") }
        guard let type = hotel.roomType(booking.roomType) else {
            add("hotel \(hotel.id) offers no \(booking.roomType) rooms (\(what))")
            return out
        }
        if let listed = booking.pricePerNight, !Approx.equal(listed, type.pricePerNight) {
            add("\(what) lists \(CheckFormat.number(listed)) per night but hotel \(hotel.id) charges \(CheckFormat.number(type.pricePerNight)) for \(type.id)")
        } else if booking.pricePerNight == nil {
            add("\(what) lacks pricePerNight")
        }
        if let budget = c.scenario.policies.budgetPerNight(roomType: type.id, tier: v.visit.client.tier), type.pricePerNight > budget,
           !Approx.equal(type.pricePerNight, budget) {
            add("hotel \(hotel.id) charges \(CheckFormat.number(type.pricePerNight)) per night for \(type.id), over the budget of \(CheckFormat.number(budget)) (\(what))")
        }
        return out
    }

    /// Nights on which a hotel lets more rooms of one type than it has.
    private func crowding(_ c: CheckContext) -> [RuleViolation] {
        var booked: [RoomNight: [(visit: String, rooms: Int)]] = [:]
        for v in c.visits {
            guard let booking = v.planned.booking else { continue }
            for night in Set(booking.nights) {
                booked[RoomNight(hotel: booking.hotel, roomType: booking.roomType, night: night), default: []].append((v.id, booking.rooms))
            }
        }
        return booked.keys.sorted().compactMap { key in
            guard let limit = c.scenario.hotel(key.hotel)?.roomType(key.roomType)?.roomsPerNight else { return nil }
            let uses = booked[key]!
            let total = uses.reduce(0) { $0 + $1.rooms }
            guard total > limit else { return nil }
            return RuleViolation(rule: .hotel, visit: uses.last?.visit, message:
                "hotel \(key.hotel) lets \(total) \(key.roomType) rooms on the night of \(key.night) (\(uses.map { "\($0.visit): \($0.rooms)" }.joined(separator: ", "))); it has \(limit)")
        }
    }

    private func dates(_ nights: [LocalDate]) -> String { nights.isEmpty ? "none" : nights.map(\.description).joined(separator: ", ") }
}

/// One room type of one hotel on one night (checker-internal).
private struct RoomNight: Hashable, Comparable {
    var hotel: String
    var roomType: String
    var night: LocalDate

    static func < (a: RoomNight, b: RoomNight) -> Bool { (a.hotel, a.roomType, a.night) < (b.hotel, b.roomType, b.night) }
}

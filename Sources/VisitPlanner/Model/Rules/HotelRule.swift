import MILP
import OrderedCollections
import VisitDomain

/// Rule 10 (hotel) in the model: a visit with a stay that runs on a day books exactly one hotel
/// that can take the stay then (only those are candidates: approved, the room type within the
/// budget per night, open on every night, enough rooms were it empty), and on no night does a
/// hotel let more rooms of a type than it has, all visits together. The nights follow the day,
/// so a hotel's night may be shared by visits of different days. A visit a replan pins (or lets
/// shift on its day) keeps its baseline hotel while that hotel can still take it; a visit the
/// events touch (more guests, say) may move to another hotel. The booking has
/// no price in the objective (the score is FORMAT.md's, which knows no hotels).
struct HotelRule: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility

    func apply(to pm: inout PlanningModel) {
        guard scenario.visits.contains(where: { $0.stay != nil }) else { return }
        var runsOnDay: [Int: OrderedDictionary<Int, LinearExpression>] = [:]
        for choice in pm.timings where scenario.visits[choice.visit].stay != nil {
            runsOnDay[choice.visit, default: [:]][choice.timing.day, default: LinearExpression()].add(choice.variable)
        }
        var nightRows: OrderedDictionary<HotelNight, LinearExpression> = [:]
        for v in runsOnDay.keys.sorted() {
            let visit = scenario.visits[v]
            let rooms = Double(scenario.roomsNeeded(visit))
            for (day, runs) in runsOnDay[v]! {
                let date = LocalDate(dayNumber: day)
                let tag = "\(visit.id)@\(date)"
                var booked = LinearExpression()
                for h in hotels(for: v, visit, on: date, pm.baseline) {
                    let hotel = scenario.hotels[h]
                    let b = pm.milp.addBinary("hotel[\(tag),\(hotel.id)]")
                    booked.add(b)
                    pm.bookings.append(BookingChoice(visit: v, day: day, hotel: h, variable: b))
                    for night in scenario.stayNights(visit, day: date) {
                        nightRows[HotelNight(hotel: h, roomType: visit.stay!.roomType, night: night), default: LinearExpression()]
                            .add(b, coefficient: rooms)
                    }
                }
                pm.milp.addConstraint(booked - runs, .equal, 0, name: "hotel.booking[\(tag)]")
            }
        }
        for (key, booked) in nightRows {
            let hotel = scenario.hotels[key.hotel]
            guard let limit = hotel.roomType(key.roomType)?.roomsPerNight,
                  booked.terms.values.reduce(0, +) > Double(limit) else { continue }   // a row that cannot bind is left out
            pm.milp.addConstraint(booked, .lessOrEqual, Double(limit), name: "hotel.rooms[\(hotel.id),\(key.roomType),\(key.night)]")
        }
    }

    /// The candidate hotels: those that can take the stay on `date`; for a visit a replan pins or
    /// lets shift, its baseline hotel alone while that is one of them.
    private func hotels(for v: Int, _ visit: Visit, on date: LocalDate, _ baseline: ModelBaseline) -> [Int] {
        let eligible = eligibility.hotels(for: visit, day: date)
        let keeps = baseline.pinned.contains(v) || baseline.shiftable.contains(v)
        if keeps, let kept = baseline.hotels[v], eligible.contains(kept) { return [kept] }
        return eligible
    }
}

/// One room type of one hotel on one night (by the date of its evening).
struct HotelNight: Hashable, Sendable {
    var hotel: Int
    var roomType: String
    var night: LocalDate
}

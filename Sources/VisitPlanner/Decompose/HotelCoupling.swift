import VisitDomain

/// Whether hotel stays tie the days of a week together (rule 10). A stay's nights follow the
/// visit's day, so visits on different days may want the same hotel's rooms on one night (one
/// arriving the night before Tuesday, another staying after Monday). The day models of the
/// decomposition would each see the whole of such a night's rooms and together overbook it, so a
/// week where that can happen is planned as one model. A night no set of candidates can fill
/// beyond the rooms the hotel has does not tie anything.
struct HotelCoupling: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility

    /// True when some hotel's rooms of a type on some night are wanted from more than one day and
    /// could run short.
    func tiesDays(_ week: WeekCandidates) -> Bool {
        var wanted: [HotelNight: (days: Set<Int>, rooms: Int)] = [:]
        for candidates in week.candidates {
            let visit = scenario.visits[candidates.visitIndex]
            guard let stay = visit.stay else { continue }
            let rooms = scenario.roomsNeeded(visit)
            for day in Set(candidates.timings.map(\.day)) {
                let date = LocalDate(dayNumber: day)
                for h in eligibility.hotels(for: visit, day: date) {
                    for night in stay.nights(visitDay: date) {
                        let key = HotelNight(hotel: h, roomType: stay.roomType, night: night)
                        var entry = wanted[key] ?? ([], 0)
                        entry.days.insert(day)
                        entry.rooms += rooms
                        wanted[key] = entry
                    }
                }
            }
        }
        return wanted.contains { key, entry in
            entry.days.count > 1 && entry.rooms > (scenario.hotels[key.hotel].roomType(key.roomType)?.roomsPerNight ?? 0)
        }
    }
}

import VisitDomain

/// Rule 10's part of the reasons: a stay no hotel can take on any day of the visit's window
/// (impossible on its own: each hotel's refusal), and, for a visit crowded out, the nights on
/// which the hotels that could take its stay have too few rooms left beside the planned visits.
struct HotelReasons: Sendable {
    let scenario: Scenario
    let eligibility: Eligibility

    /// Why no hotel can take the stay on any day the visit could be held, or nil when one can.
    func impossible(_ visit: Visit) -> UnscheduledReason? {
        guard let stay = visit.stay else { return nil }
        let days = windowDays(visit)
        guard let first = days.first, days.allSatisfy({ eligibility.hotels(for: visit, day: $0).isEmpty }) else { return nil }
        let rooms = scenario.roomsNeeded(visit)
        let nights = stay.nights(visitDay: first).map(\.description).joined(separator: ", ")
        let when = days.count == 1 ? "for the night\(stay.nightsBefore + stay.nightsAfter == 1 ? "" : "s") of \(nights)"
            : "on any day of its window (on \(first): the night\(stay.nightsBefore + stay.nightsAfter == 1 ? "" : "s") of \(nights))"
        var text: [ReasonPart] = [.words("no hotel can take \(rooms) \(stay.roomType) room\(rooms == 1 ? "" : "s") \(when)")]
        if scenario.hotels.isEmpty {
            text.append(.words(": the scenario has no hotels"))
        } else {
            text.append(.words(": "))
            for (k, hotel) in scenario.hotels.enumerated() {
                if k > 0 { text.append(.words("; ")) }
                text += refusal(hotel, visit, first)
            }
        }
        return UnscheduledReason(kind: .impossible, rule: HardRule.hotel.title, resources: scenario.hotels.map(\.id),
                                 dates: days.map(\.description), text: text)
    }

    /// The hotel's refusal in words, amounts as money parts.
    private func refusal(_ hotel: Hotel, _ visit: Visit, _ day: LocalDate) -> [ReasonPart] {
        let name = hotel.displayName
        let type = visit.stay?.roomType ?? "-"
        switch scenario.hotelRefusal(hotel, for: visit, day: day) {
        case .notApproved: return [.words("\(name) is not approved")]
        case .noRoomType: return [.words("\(name) has no \(type) rooms")]
        case .overBudget(let price, let budget):
            return [.words("\(name) charges"), .money("pricePerNight", price, shown: " \(price.formatted2)", host: " more than"),
                    .words(" per night, over the \(visit.client.tier ?? "standard") budget"),
                    .money("budgetPerNight", budget, shown: " of \(budget.formatted2)")]
        case .closed(let night): return [.words("\(name) is unavailable on the night of \(night)")]
        case .tooFewRooms(let offered, _): return [.words("\(name) has \(offered) \(type) room\(offered == 1 ? "" : "s") a night")]
        case nil: return [.words("\(name) could take it on another day")]
        }
    }

    /// When the visit held on `day` finds every hotel that could take its stay short of rooms on
    /// some night beside the planned visits: what it needs, per hotel the first night short and
    /// the rooms left, and the visits holding those rooms.
    func shortage(_ visit: Visit, day: LocalDate, _ occ: PlanOccupancy) -> (need: String, hotels: [String], holders: [String])? {
        guard let stay = visit.stay else { return nil }
        let rooms = scenario.roomsNeeded(visit)
        var short: [(hotel: Hotel, night: LocalDate, left: Int, holders: [String])] = []
        for h in eligibility.hotels(for: visit, day: day) {
            let hotel = scenario.hotels[h]
            let limit = hotel.roomType(stay.roomType)?.roomsPerNight ?? 0
            let blocked = stay.nights(visitDay: day).lazy.compactMap { night -> (LocalDate, Int, [String])? in
                let holds = occ.bookedRooms[BookedNight(hotel: hotel.id, roomType: stay.roomType, night: night)] ?? []
                let left = limit - holds.reduce(0) { $0 + $1.rooms }
                return left < rooms ? (night, max(0, left), holds.map(\.visit)) : nil
            }.first
            guard let (night, left, holders) = blocked else { return nil }
            short.append((hotel, night, left, holders))
        }
        guard !short.isEmpty else { return nil }
        let each = short.map { "\($0.hotel.displayName): \($0.left == 0 ? "none" : "\($0.left)") left on the night of \($0.night)" }
        return ("the \(rooms) \(stay.roomType) room\(rooms == 1 ? "" : "s") a night its stay needs at an approved hotel (\(each.joined(separator: "; ")))",
                short.map(\.hotel.id), short.flatMap(\.holders))
    }

    /// The days the visit could be held on: its window's, within the horizon (working days when
    /// it has more than meals).
    private func windowDays(_ visit: Visit) -> [LocalDate] {
        let first = visit.window.start.date.dayNumber
        let last = LocalDateTime(minutes: visit.window.end.minutes - 1).date.dayNumber
        guard first <= last else { return [] }
        let needsWorkingDay = visit.agenda.contains { $0.kind != .meal }
        return (first...last).map(LocalDate.init(dayNumber:))
            .filter { scenario.horizon.contains($0) && (!needsWorkingDay || scenario.calendar.isWorkingDay($0)) }
    }
}

/// Facts the rules derive from a scenario, shared by the checker, the planner and the reasons so
/// that each rule's arithmetic (lead time, diners, groups, budgets) is written once.
extension Scenario {
    /// Rule 3: working days strictly between the date of `requestedAt` and `startDate`.
    public func workingDaysOfNotice(requestedAt: LocalDateTime, startDate: LocalDate) -> Int {
        let from = requestedAt.date.dayNumber + 1
        let to = startDate.dayNumber - 1
        guard from <= to else { return 0 }
        return (from...to).reduce(0) { $0 + (calendar.isWorkingDay(LocalDate(dayNumber: $1)) ? 1 : 0) }
    }

    /// Rule 3: the lead-time class of a visit that would start at `start`.
    public func leadTime(of visit: Visit, startingAt start: LocalDateTime) -> LeadTimeClass {
        let days = workingDaysOfNotice(requestedAt: visit.requestedAt, startDate: start.date)
        if days >= policies.standardLeadWorkingDays { return .standard }
        if start.minutes - visit.requestedAt.minutes >= policies.urgentLeadHours * 60 { return .urgent }
        return .tooLate
    }

    /// Rule 5: people in the room: visitors, the host, technical and sales staff.
    public func peopleInRoom(_ visit: Visit, _ meeting: Meeting) -> Int {
        visit.headcount + 1 + meeting.technicalCount + meeting.salesCount
    }

    /// Rule 6: tour groups on `route` (visitors only).
    public func tourGroups(_ visit: Visit, on route: TourRoute) -> Int {
        (visit.headcount + route.maxGroupSize - 1) / max(1, route.maxGroupSize)
    }

    /// Rule 6: a tour's duration on `route`.
    public func tourDuration(_ tour: Tour, on route: TourRoute) -> Int { tour.durationMinutes ?? route.durationMinutes }

    /// Rule 7: diners at a meal (visitors and the host).
    public func diners(_ visit: Visit) -> Int { visit.headcount + 1 }

    /// Rule 2: opening hours of a route (its own, else working hours).
    public func openHours(of route: TourRoute) -> DailyHours { route.openHours ?? calendar.workingHours }

    /// Rule 8: the intervals on `date` when `person` may work by their weekly availability.
    public func availabilityWindows(of person: StaffMember, on date: LocalDate) -> [TimeInterval] {
        guard let rules = person.availability else {
            return calendar.isWorkingDay(date) ? [calendar.workingHours.on(date)] : []
        }
        return rules.filter { $0.days.contains(date.weekday) }.map { $0.hours.on(date) }
    }

    /// Rule 8: whether `person` may be on duty for the whole of `interval` (inside one availability
    /// window of its day, outside every `unavailable` period).
    public func isAvailable(_ person: StaffMember, for interval: TimeInterval) -> Bool {
        guard availabilityWindows(of: person, on: interval.start.date).contains(where: { $0.contains(interval) }) else { return false }
        return !person.unavailable.contains { $0.overlaps(interval) }
    }
}

/// Rule 3's verdict for a start time.
public enum LeadTimeClass: Sendable, Hashable {
    case standard, urgent, tooLate
}

/// Rule 10 (hotel): what a visit's stay asks of the hotels.
extension Scenario {
    /// Rooms a visit's stay needs (0 without a stay).
    public func roomsNeeded(_ visit: Visit) -> Int { visit.stay?.roomsNeeded(headcount: visit.headcount) ?? 0 }

    /// The nights a visit held on `day` stays (none without a stay).
    public func stayNights(_ visit: Visit, day: LocalDate) -> [LocalDate] { visit.stay?.nights(visitDay: day) ?? [] }

    /// Why `hotel` cannot take the visit's stay if it is held on `day`, judged without the other
    /// visits (not approved, no such room type, over budget, closed on a night, too few rooms even
    /// when empty); nil when it can.
    public func hotelRefusal(_ hotel: Hotel, for visit: Visit, day: LocalDate) -> HotelRefusal? {
        guard let stay = visit.stay else { return nil }
        guard hotel.approved else { return .notApproved }
        guard let type = hotel.roomType(stay.roomType) else { return .noRoomType }
        if let budget = policies.budgetPerNight(roomType: stay.roomType, tier: visit.client.tier), type.pricePerNight > budget {
            return .overBudget(price: type.pricePerNight, budget: budget)
        }
        if let closed = stayNights(visit, day: day).first(where: hotel.unavailable.contains) { return .closed(night: closed) }
        let rooms = roomsNeeded(visit)
        if type.roomsPerNight < rooms { return .tooFewRooms(offered: type.roomsPerNight, needed: rooms) }
        return nil
    }
}

/// Why a hotel cannot take a stay, whatever the other visits book (rule 10).
public enum HotelRefusal: Sendable, Hashable {
    case notApproved
    case noRoomType
    case overBudget(price: Double, budget: Double)
    case closed(night: LocalDate)
    case tooFewRooms(offered: Int, needed: Int)
}

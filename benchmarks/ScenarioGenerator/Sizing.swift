import VisitDomain

/// How many of each resource a week gets, from its demand. In normal mode there is room for
/// nearly every visit (each person, room and slot carries a light load); in tight mode the loads
/// are about twice as heavy, capacities and the budget are cut, and not every visit fits.
struct Sizing: Sendable {
    let demand: Demand
    let tight: Bool

    /// Visits a host takes a day on average (at most 2 by policy).
    var visitsPerHost: Double { tight ? 1.8 : 1.1 }
    /// Tour groups a guide takes a day on average.
    var groupsPerGuide: Double { tight ? 3.0 : 1.8 }
    /// Cuts the caterers' seats in tight mode.
    var capacityFactor: Double { tight ? 0.55 : 1.0 }
    /// A spare person (or room) in each group, in normal mode only.
    var spare: Int { tight ? 0 : 1 }

    var ordinaryRooms: Int { max(3, up(Double(demand.visits) * (tight ? 0.06 : 0.12) * demand.dailyLoad) + 1 + spare) }

    var secureRooms: Int {
        guard demand.confidentialMeetings > 0 else { return 1 }
        return max(1, up(demand.perDay(demand.confidentialMeetings) / (tight ? 3.0 : 1.8))) + spare
    }

    /// Group slots on a route: enough for its busiest visit and, at about a third (tight: a half)
    /// of the route's daily turns per slot, for the week's groups.
    func concurrentGroups(_ route: TourRoute) -> Int {
        let open = route.openHours ?? GeneratedWeek.workingHours
        let turnsPerDay = Double(open.end.minutes - open.start.minutes) / Double(route.durationMinutes) * (tight ? 0.5 : 0.3)
        let groups = demand.perDay(demand.tourGroupsByRoute[route.id] ?? 0)
        return max(1, demand.largestGroupsByRoute[route.id] ?? 1, up(groups / turnsPerDay))
    }

    /// Hosts who speak `language` (at least one when some visit speaks it).
    func hosts(speaking language: String) -> Int {
        let visits = demand.visitsByLanguage[language] ?? 0
        return visits == 0 ? 0 : max(1, up(demand.perDay(visits) / visitsPerHost))
    }

    var hosts: Int { max(2, up(demand.perDay(demand.visits) / visitsPerHost) + spare) }

    /// Hosts who work late for evening banquets, of `language`.
    func eveningHosts(speaking language: String) -> Int {
        let visits = demand.eveningVisitsByLanguage[language] ?? 0
        return visits == 0 ? 0 : up(demand.perDay(visits) / (tight ? 1.5 : 0.9)) + spare
    }

    /// Guides who speak `language` (at least one when some tour group speaks it).
    func guides(speaking language: String) -> Int {
        let groups = demand.tourGroupsByLanguage[language] ?? 0
        return groups == 0 ? 0 : max(1, up(demand.perDay(groups) / groupsPerGuide))
    }

    var guides: Int {
        let groups = NamePools.languages.reduce(0.0) { $0 + (demand.tourGroupsByLanguage[$1] ?? 0) }
        return max(2, up(demand.perDay(groups) / groupsPerGuide) + spare)
    }

    var technicalStaff: Int { max(tight ? 3 : 5, up(demand.perDay(demand.technicalSeats) / (tight ? 2.5 : 1.4)) + spare) }
    var salesStaff: Int { max(2, up(demand.perDay(demand.salesSeats) / (tight ? 3.0 : 1.8)) + spare) }
    /// IT staff in each building.
    var itStaffPerBuilding: Int { max(1, up(Double(demand.visits) / (tight ? 300 : 120) * demand.dailyLoad)) }

    /// Diners at once at lunch: the week's lunch diners over five days and two sittings.
    var lunchPeak: Double { demand.perDay(demand.lunchDiners) / 2 }
    var banquetPeak: Double { demand.perDay(demand.banquetDiners) / 2 }

    /// The weekly hospitality budget: a fifth above the typical cost (tight: a quarter below).
    var weeklyBudget: Double {
        Double(up(demand.typicalCateringCost * (tight ? 0.75 : 1.2) / 500) * 500)
    }

    /// Rounded up to a whole number.
    func up(_ value: Double) -> Int { Int(value.rounded(.up)) }
    /// A caterer's capacity: `value` times `capacityFactor`, at least `minimum` (also cut in tight
    /// mode), rounded up to a multiple of ten.
    func seats(_ value: Double, minimum: Int) -> Int {
        up(max(Double(minimum), value) * capacityFactor / 10) * 10
    }
}


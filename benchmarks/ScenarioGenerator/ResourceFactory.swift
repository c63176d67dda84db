import VisitDomain

/// Draws the rooms, tour routes and caterers of a week, sized by `Sizing`.
struct ResourceFactory {
    var random: SeededRandom
    let sizing: Sizing

    // MARK: Rooms

    /// Ordinary rooms (the first one large enough for the largest meeting), then secure rooms for
    /// confidential meetings; ids by building and floor (`A-101`, `B-203`).
    mutating func rooms() -> [Room] {
        var perBuilding: [String: Int] = [:]
        func nextID(_ building: String) -> String {
            let n = perBuilding[building, default: 0]
            perBuilding[building] = n + 1
            return "\(building)-\(n / 8 + 1)0\(n % 8 + 1)"
        }
        let sizes = [4, 6, 8, 10, 12, 16, 20, 24, 30, 40]
        func fitting(_ people: Int) -> Int { sizes.first { $0 >= people } ?? people }

        var rooms: [Room] = []
        for i in 0..<sizing.ordinaryRooms {
            let building = i % 5 == 1 || i % 5 == 3 ? "B" : "A"
            let capacity = i == 0 ? fitting(max(20, sizing.demand.largestMeeting)) : random.pick([12, 8, 20, 10, 6, 16, 12, 40, 8, 24, 10, 6, 30, 12, 16, 4])
            var equipment: Set<String> = i == 0 ? ["projector", "videoconf", "microphone"] : random.weighted([
                (["projector", "whiteboard"], 25), (["projector", "videoconf"], 25), (["projector", "videoconf", "microphone"], 20),
                (["projector", "whiteboard", "videoconf"], 15), (["whiteboard"], 10), ([], 5),
            ])
            if capacity >= 16 { equipment.insert("microphone") }
            rooms.append(Room(id: nextID(building), building: building, capacity: capacity, equipment: equipment,
                              unavailable: maintenance()))
        }
        for i in 0..<sizing.secureRooms {
            let building = i % 2 == 0 ? "A" : "B"
            rooms.append(Room(id: nextID(building), building: building, capacity: fitting(max(12, sizing.demand.largestConfidentialMeeting)),
                              equipment: ["projector", "videoconf", "whiteboard"], secure: true, unavailable: maintenance()))
        }
        return rooms
    }

    /// One room in ten is closed for half a day.
    private mutating func maintenance() -> [TimeInterval] {
        guard random.chance(10) else { return [] }
        let day = random.int(in: 0...(sizing.demand.days - 1))
        let morning = random.chance(50)
        return [TimeInterval(start: GeneratedWeek.at(day: day, minute: morning ? clock(8, 0) : clock(13, 0)),
                             end: GeneratedWeek.at(day: day, minute: morning ? clock(12, 30) : clock(18, 0)))]
    }

    // MARK: Routes

    /// The four routes, each with group slots for its demand.
    func routes() -> [TourRoute] {
        RouteCatalogue.routes.map { route in
            var sized = route
            sized.concurrentGroups = sizing.concurrentGroups(route)
            return sized
        }
    }

    // MARK: Caterers

    /// The canteen (cheapest, tea and lunch), two restaurants (lunch and banquets, with gluten-free
    /// and halal menus), a luxury restaurant for VIP budgets with three days' notice, and a cheap
    /// caterer that is not approved. In tight mode capacities are cut and the gluten-free
    /// restaurant's lunch costs more than the standard budget.
    func caterers() -> [Caterer] {
        let lunch = sizing.lunchPeak
        let banquet = sizing.banquetPeak
        let tea = DailyHours(start: .at(9, 0), end: .at(17, 0))
        return [
            Caterer(id: "canteen", approved: true,
                    services: ["teaBreak": CateringService(pricePerHead: 24, hours: tea),
                               "workingMeal": CateringService(pricePerHead: 58, hours: DailyHours(start: .at(11, 30), end: .at(13, 30)))],
                    dietary: ["vegetarian", "halal"], leadTimeHours: 4, capacity: sizing.seats(lunch * 0.8, minimum: 30)),
            Caterer(id: "jade-garden", approved: true,
                    services: ["teaBreak": CateringService(pricePerHead: 28, hours: tea),
                               "workingMeal": CateringService(pricePerHead: sizing.tight ? 86 : 78,
                                                              hours: DailyHours(start: .at(11, 30), end: .at(14, 0))),
                               "banquet": CateringService(pricePerHead: 290, hours: DailyHours(start: .at(11, 30), end: .at(21, 30)))],
                    dietary: ["vegetarian", "gluten-free"], leadTimeHours: 24,
                    capacity: sizing.seats(lunch * 0.4 + banquet * 0.6, minimum: 20),
                    // A private event on Wednesday evening.
                    unavailable: [TimeInterval(start: GeneratedWeek.at(day: 2, minute: clock(18, 0)),
                                               end: GeneratedWeek.at(day: 2, minute: clock(22, 0)))]),
            Caterer(id: "crescent-kitchen", approved: true,
                    services: ["workingMeal": CateringService(pricePerHead: 69, hours: DailyHours(start: .at(11, 30), end: .at(14, 0))),
                               "banquet": CateringService(pricePerHead: 280, hours: DailyHours(start: .at(11, 30), end: .at(21, 0)))],
                    dietary: ["halal", "vegetarian"], leadTimeHours: 24,
                    capacity: sizing.seats(lunch * 0.3 + banquet * 0.5, minimum: 20)),
            Caterer(id: "grand-palace", approved: true,
                    services: ["workingMeal": CateringService(pricePerHead: 140, hours: DailyHours(start: .at(11, 30), end: .at(14, 0))),
                               "banquet": CateringService(pricePerHead: 450, hours: DailyHours(start: .at(17, 0), end: .at(22, 0)))],
                    dietary: ["vegetarian", "halal", "gluten-free"], leadTimeHours: 72, capacity: 40),
            Caterer(id: "quick-bite", approved: false,
                    services: ["teaBreak": CateringService(pricePerHead: 12, hours: DailyHours(start: .at(8, 0), end: .at(18, 0))),
                               "workingMeal": CateringService(pricePerHead: 35, hours: DailyHours(start: .at(11, 0), end: .at(14, 0))),
                               "banquet": CateringService(pricePerHead: 150, hours: DailyHours(start: .at(11, 0), end: .at(21, 30)))],
                    dietary: ["vegetarian", "halal", "gluten-free"], leadTimeHours: 2, capacity: 100),
        ]
    }
}

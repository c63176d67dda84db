import MILP
import VisitDomain

/// Reads a solver solution back into plan visits: for each visit, the chosen timing, host, rooms,
/// routes, guides, staff and caterers, in the domain's words.
struct SolutionReader: Sendable {
    let view: ScenarioView
    let model: PlanningModel
    var scenario: Scenario { view.scenario }

    func visits(from values: [Double]) -> [Int: PlannedVisit] {
        func on(_ v: Variable) -> Bool { values.indices.contains(v.index) && values[v.index] > 0.5 }
        var result: [Int: PlannedVisit] = [:]
        let hosts = model.duties.filter { $0.role == .host && on($0.variable) }
        let itemDuties = Dictionary(grouping: model.duties.filter { $0.item != nil && on($0.variable) }) {
            ItemRef(visit: $0.visit, item: $0.item!)
        }
        let rooms = Dictionary(grouping: model.rooms.filter { on($0.variable) }, by: \.item)
        let routes = Dictionary(grouping: model.routes.filter { on($0.variable) }, by: \.item)
        let caterers = Dictionary(grouping: model.caterers.filter { on($0.variable) }, by: \.item)
        let bookings = Dictionary(grouping: model.bookings.filter { on($0.variable) }, by: \.visit)
        for choice in model.timings where on(choice.variable) {
            let v = choice.visit
            let visit = scenario.visits[v]
            var items: [PlannedItem] = []
            for (i, timing) in choice.timing.items.enumerated() {
                let ref = ItemRef(visit: v, item: i)
                var item = PlannedItem(kind: visit.agenda[i].kind, agendaIndex: view.agendaIndex[v][i], start: LocalDateTime(minutes: timing.start),
                                       end: LocalDateTime(minutes: timing.end))
                let people = (itemDuties[ref] ?? []).sorted { scenario.staff[$0.person].id < scenario.staff[$1.person].id }
                switch visit.agenda[i] {
                case .meeting(let m):
                    item.room = rooms[ref]?.first.map { scenario.rooms[$0.resource].id }
                    item.technical = m.technicalCount > 0 ? people.filter { $0.role == .technical }.map { scenario.staff[$0.person].id } : nil
                    item.sales = m.salesCount > 0 ? people.filter { $0.role == .sales }.map { scenario.staff[$0.person].id } : nil
                case .tour:
                    item.route = routes[ref]?.first.map { scenario.tourRoutes[$0.resource].id }
                    item.guides = people.filter { if case .guide = $0.role { true } else { false } }.map { scenario.staff[$0.person].id }
                case .meal(let meal):
                    if let c = caterers[ref]?.first {
                        let caterer = scenario.caterers[c.resource]
                        let price = caterer.services[meal.service]?.pricePerHead ?? 0
                        let diners = model.baseline.keptDiners(ref) ?? scenario.diners(visit)
                        item.caterer = caterer.id
                        item.pricePerHead = price
                        item.diners = diners
                        item.cost = price * Double(diners)
                    }
                }
                items.append(item)
            }
            let start = LocalDateTime(minutes: choice.timing.start)
            var planned = PlannedVisit(id: visit.id, scheduled: true,
                                       urgent: scenario.leadTime(of: visit, startingAt: start) == .urgent,
                                       host: hosts.first { $0.visit == v }.map { scenario.staff[$0.person].id },
                                       start: start, end: LocalDateTime(minutes: choice.timing.end), items: items)
            planned.booking = bookings[v]?.first { $0.day == choice.timing.day }.flatMap { booking(visit, $0) }
            result[v] = planned
        }
        return result
    }

    /// The booking a chosen hotel makes for the visit's stay on the day it is held (rule 10).
    private func booking(_ visit: Visit, _ choice: BookingChoice) -> HotelBooking? {
        guard let stay = visit.stay else { return nil }
        let hotel = scenario.hotels[choice.hotel]
        return HotelBooking(hotel: hotel.id, roomType: stay.roomType, nights: scenario.stayNights(visit, day: LocalDate(dayNumber: choice.day)),
                            rooms: scenario.roomsNeeded(visit), pricePerNight: hotel.roomType(stay.roomType)?.pricePerNight ?? 0)
    }
}

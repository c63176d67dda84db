import VisitDomain

/// The company's four tour routes, as in the reference weeks. Visits are drawn knowing their
/// durations and hours (so that a tour can fit); only `concurrentGroups` grows with demand.
enum RouteCatalogue {
    static let showroom = "showroom"
    static let productionLine = "production-line"
    static let rndCentre = "rnd-centre"
    static let logisticsHub = "logistics-hub"

    /// Every route with one group slot; `ResourceFactory` sets the slots.
    static let routes: [TourRoute] = [
        TourRoute(id: showroom, building: "A", durationMinutes: 45, maxGroupSize: 15,
                  openHours: DailyHours(start: .at(9, 0), end: .at(17, 0))),
        TourRoute(id: productionLine, building: "B", durationMinutes: 75, maxGroupSize: 10,
                  openHours: DailyHours(start: .at(9, 30), end: .at(16, 0)),
                  // Thursday afternoon maintenance, as in the reference weeks.
                  unavailable: [TimeInterval(start: GeneratedWeek.at(day: 3, minute: clock(13, 0)),
                                             end: GeneratedWeek.at(day: 3, minute: clock(16, 0)))]),
        TourRoute(id: rndCentre, building: "B", durationMinutes: 60, maxGroupSize: 10, confidential: true,
                  openHours: DailyHours(start: .at(10, 0), end: .at(16, 30))),
        TourRoute(id: logisticsHub, building: "A", durationMinutes: 30, maxGroupSize: 12,
                  openHours: DailyHours(start: .at(9, 0), end: .at(17, 30))),
    ]

    static func route(_ id: String) -> TourRoute { routes.first { $0.id == id } ?? routes[0] }
}

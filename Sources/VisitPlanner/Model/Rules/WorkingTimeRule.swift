import VisitDomain

/// Rule 2 (working time) in the model: meetings and tours only inside working hours on working,
/// non-holiday days of the horizon, tours also inside the route's open hours, meals inside the
/// caterer's service hours on a horizon day. The rule is enforced by generating candidate times
/// only where it holds, so it needs no rows.
struct WorkingTimeRule: Sendable {
    let scenario: Scenario

    func meetingFits(_ t: ItemTiming, on date: LocalDate) -> Bool {
        scenario.horizon.contains(date) && scenario.calendar.isWorkingDay(date)
            && scenario.calendar.workingHours.on(date).contains(t.interval)
    }

    func tourFits(_ t: ItemTiming, on date: LocalDate, route: TourRoute) -> Bool {
        meetingFits(t, on: date) && scenario.openHours(of: route).on(date).contains(t.interval)
    }

    func mealFits(_ t: ItemTiming, on date: LocalDate, service: CateringService) -> Bool {
        scenario.horizon.contains(date) && (service.hours ?? .allDay).on(date).contains(t.interval)
    }
}

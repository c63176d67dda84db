import Testing
import VisitDomain
import VisitPlanner

/// Rule 2 (working time): meetings and tours on working, non-holiday days inside working hours;
/// tours inside the route's open hours; meals inside the caterer's service hours.
@Suite("Rule 2: working time")
struct WorkingTimeRuleTests {
    @Test("a visit whose only window day is a holiday is unscheduled, the reason names the holiday")
    func onlyDayIsHoliday() throws {
        let result = try TestScenarios.plan("working-time-holiday.yaml")
        let reasons = try result.reasons("V-1")
        #expect(reasons.anyContains("impossible on its own: working time", "2026-12-09 is a holiday"), "reasons: \(reasons)")
    }

    @Test("a meeting that would like the holiday goes on a working day next to it")
    func meetingAvoidsHoliday() throws {
        let result = try TestScenarios.plan("working-time-holiday.yaml")
        let visit = try result.scheduled("V-2")
        #expect(visit.start.date != day("2026-12-09"))
        #expect([day("2026-12-08"), day("2026-12-10")].contains(visit.start.date))
        for item in visit.items {
            #expect(result.scenario.calendar.workingHours.on(item.start.date).contains(item.interval))
        }
    }

    @Test("a dinner alone may be on a holiday when its host works then")
    func mealOnHoliday() throws {
        let result = try TestScenarios.plan("working-time-holiday.yaml")
        let visit = try result.scheduled("V-3")
        #expect(visit.start.date == day("2026-12-09"))
        #expect(visit.host == "eve")
    }

    @Test("a tour lies inside its route's open hours (10:00–16:00)",
          arguments: [("V-1", "2026-12-07T10:00"), ("V-2", "2026-12-08T15:15")])
    func tourInsideOpenHours(visitID: String, expectedStart: String) throws {
        let result = try TestScenarios.plan("working-time-route-hours.yaml")
        let visit = try result.scheduled(visitID)
        let tour = visit.items[0]
        #expect(tour.start == at(expectedStart))
        #expect(tour.start.timeOfDay >= TimeOfDay(minutes: 600) && tour.end.timeOfDay <= TimeOfDay(minutes: 960))
    }
}

import Testing
import VisitDomain
import VisitPlanner

/// The figures of a plan that the what-if comparison and the calendar print.
@Suite("Plan statistics")
struct StatisticsTests {
    @Test("room utilisation counts open time only: the room's closures are not time it could be used")
    func roomUtilisationLeavesOutClosures() throws {
        let result = try TestScenarios.plan("availability-room-closure.yaml")
        let scenario = result.scenario
        let statistics = PlanStatistics(scenario: scenario, plan: result.plan)
        let meetingMinutes = result.plan.visits.flatMap { $0.items ?? [] }.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
        #expect(meetingMinutes == 120)   // two one-hour meetings
        var working = 0, closed = 0
        for date in scenario.workingDatesInHorizon {
            let hours = scenario.calendar.workingHours.on(date)
            working += hours.minutes
            for closure in scenario.rooms[0].unavailable {
                closed += max(0, min(closure.end.minutes, hours.end.minutes) - max(closure.start.minutes, hours.start.minutes))
            }
        }
        #expect(closed > 0)
        #expect(abs(statistics.roomUtilisation - Double(meetingMinutes) / Double(working - closed)) < 1e-12)
    }

    @Test("guide utilisation leaves out leave: the same tours over less available time read busier")
    func guideUtilisationLeavesOutLeave() throws {
        let plain = try TestScenarios.plan("tour-groups.yaml")
        let statistics = PlanStatistics(scenario: plain.scenario, plan: plain.plan)
        // chen (staff[3]) on leave on Monday, when no tour runs: the plan stays, the available time shrinks.
        var onLeave = plain.scenario
        onLeave.staff[3].unavailable = [TimeInterval(start: LocalDateTime(iso: "2026-12-07T00:00")!, end: LocalDateTime(iso: "2026-12-08T00:00")!)]
        let withLeave = PlanStatistics(scenario: onLeave, plan: plain.plan)
        #expect(statistics.guideUtilisation > 0)
        #expect(withLeave.guideUtilisation > statistics.guideUtilisation)
    }
}

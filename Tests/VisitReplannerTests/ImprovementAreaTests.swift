import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// The neighbourhoods of the improvement search, on the small office week's optimal plan.
@Suite("Improvement neighbourhoods")
struct ImprovementAreaTests {
    @Test("a left-out visit is freed with the planned visits its reasons name; a visit under way never is")
    func conflictAreas() throws {
        let (scenario, optimal) = ImproverTests.office
        var plan = leavingOut(["V-2003"], of: optimal, in: scenario)
        let k = try #require(plan.visits.firstIndex { $0.id == "V-2003" })
        plan.visits[k] = .unscheduled("V-2003", details: [
            UnscheduledReason(kind: .crowdedOut, rule: .tour, "the guide is busy", visits: ["V-2001", "V-2005", "V-2006"]),
        ])
        let areas = ImprovementAreas(scenario: scenario, underway: ["V-2006"])
        let conflicts = areas.conflictAreas(plan)
        #expect(conflicts.map(\.free) == [["V-2003", "V-2001"]],
                "V-2005 is not planned, V-2006 is under way: \(conflicts.map(\.free))")
        #expect(areas.leftOutArea(plan)?.free == ["V-2003", "V-2005"])
        #expect(areas.dayAreas(plan).allSatisfy { !$0.free.contains("V-2006") })
    }

    @Test("a day with more free visits than the limit is searched in groups by start time, shifted from one pass to the next")
    func dayGroups() throws {
        let (scenario, optimal) = ImproverTests.office
        var areas = ImprovementAreas(scenario: scenario, underway: [])
        #expect(areas.dayAreas(optimal).count == 5, "five days, each whole")
        areas.wholeDayVisits = 1
        areas.groupSize = 1
        let tuesday = areas.dayAreas(optimal).filter { $0.name.hasPrefix("2026-12-15") }
        #expect(tuesday.map(\.free) == [["V-2002"], ["V-2004"]], "\(tuesday.map(\.name))")
        areas.groupSize = 2
        let together = areas.dayAreas(optimal, round: 0).filter { $0.name.hasPrefix("2026-12-15") }
        #expect(together.map(\.free) == [["V-2002", "V-2004"]], "\(together.map(\.name))")
        let shifted = areas.dayAreas(optimal, round: 2).filter { $0.name.hasPrefix("2026-12-15") }
        #expect(shifted.map(\.free) == [["V-2002"], ["V-2004"]], "two thirds of a group earlier: \(shifted.map(\.name))")
    }
}

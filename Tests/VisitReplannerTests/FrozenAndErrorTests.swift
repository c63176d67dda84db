import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// What has started stays; bad events change nothing and say why.
@Suite("Frozen past and bad events")
struct FrozenAndErrorTests {
    let fixture = ReplanFixture.shared

    @Test("items that started before the event stay exactly as they were")
    func frozenItemsStay() throws {
        // At 10:20 V-2 (09:00–10:30) and V-1's meeting (10:00–11:00) are under way.
        let outcome = try fixture.replan("- {type: headcountChange, at: '2026-12-08T10:20', visit: V-1, headcount: 9}")
        #expect(outcome.plan.visit("V-2")?.items == fixture.plan.visit("V-2")?.items)
        #expect(fixture.item(outcome.plan, "V-1", 0) == fixture.item(fixture.plan, "V-1", 0))
        #expect(outcome.context.frozen.contains(ItemKey(visit: "V-1", agendaIndex: 0)))
        #expect(outcome.context.frozen.contains(ItemKey(visit: "V-2", agendaIndex: 0)))
        #expect(!outcome.context.frozen.contains(ItemKey(visit: "V-1", agendaIndex: 1)))
        for visit in outcome.plan.visits where visit.scheduled {
            for item in visit.items ?? [] where !outcome.context.frozen.contains(ItemKey(visit: visit.id, agendaIndex: item.agendaIndex ?? -1)) {
                #expect(item.start >= moment("2026-12-08T10:20"), "nothing new starts before now")
            }
        }
    }

    @Test("a visit shifted before it started has nothing frozen, even when the batch's now passes its old times")
    func shiftedVisitIsNotFrozen() throws {
        // V-1 was to start at 10:00; at 09:00 it is reported an hour late, and the batch is sent at
        // 10:20 (with a change to V-2). V-1's old 10:00 meeting never happened: it is not frozen,
        // and a later extension of it is not refused as "already started".
        let outcome = try fixture.replan("""
            - {type: arrivalShift, at: '2026-12-08T09:00', visit: V-1, minutes: 60}
            - {type: extendItem, at: '2026-12-08T10:15', visit: V-1, item: 0, minutes: 15}
            - {type: headcountChange, at: '2026-12-08T10:20', visit: V-2, headcount: 3}
            """)
        #expect(!outcome.context.frozen.contains { $0.visit == "V-1" })
        #expect(outcome.context.frozen.contains(ItemKey(visit: "V-2", agendaIndex: 0)))
        #expect(outcome.applied.ignored.isEmpty, "\(outcome.applied.ignored)")
        let meeting = try #require(fixture.item(outcome.plan, "V-1", 0))
        #expect(meeting.start >= moment("2026-12-08T10:20"), "it starts after now, as a new item")
        #expect(meeting.end.minutes - meeting.start.minutes == 75, "60 minutes extended by 15")
    }

    @Test("an event aimed at an item that already started changes nothing")
    func lateEventIgnored() throws {
        let outcome = try fixture.replan("- {type: cancelItem, at: '2026-12-08T10:20', visit: V-1, item: 0}")
        #expect(fixture.item(outcome.plan, "V-1", 0) == fixture.item(fixture.plan, "V-1", 0))
        #expect(outcome.applied.ignored.count == 1)
    }

    @Test("the whole-week solve gives the same plan as the neighbourhood on a local event")
    func neighbourhoodMatchesWholeWeek() throws {
        let events = "- {type: arrivalShift, at: '2026-12-08T08:00', visit: V-3, minutes: -30}"
        let local = try fixture.replan(events)
        let wide = try fixture.replan(events, neighbourhoodFirst: false)
        #expect(local.plan.score == wide.plan.score)
    }

    @Test("bad events are refused with the field and the problem", arguments: [
        ("- {type: cancelVisit, at: '2026-12-08T08:00', visit: V-77}", "[0].visit", "unknown visit \"V-77\""),
        ("- {type: cancelItem, at: '2026-12-08T08:00', visit: V-1, item: 5}", "[0].item", "out of range"),
        ("- {type: cancelVisit, at: '2026-12-07T08:00', visit: V-1}", "[0].at", "before the plan's now"),
        ("- {type: arrivalShift, at: '2026-12-08T08:00', visit: V-1, minutes: 7}", "[0].minutes", "not a multiple of slotMinutes"),
        ("- {type: teleport, at: '2026-12-08T08:00', visit: V-1}", "[0].type", "unknown event type"),
        ("- {type: unavailable, at: '2026-12-08T08:00', resource: R-999, start: '2026-12-08T09:00', end: '2026-12-08T10:00'}",
         "[0].resource", "is not a room, tour route, staff member or caterer"),
        ("- {type: headcountChange, at: '2026-12-08T08:00', visit: V-1}", "[0].headcount", "missing required field"),
    ])
    func badEvents(yaml: String, path: String, message: String) {
        #expect {
            _ = try fixture.events(yaml)
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.issues.contains { $0.path == path && $0.message.contains(message) && $0.file == "events.yaml" }
        }
    }

    @Test("a shift that pushes the visit outside every working day is refused")
    func shiftOutsideWorkingDays() throws {
        let events = try fixture.events("- {type: arrivalShift, at: '2026-12-08T08:00', visit: V-1, minutes: 4320}")
        #expect {
            _ = try Replanner(scenario: fixture.scenario, current: fixture.plan).replan(events)
        } throws: { error in
            (error as? ReplanError)?.issues.contains { $0.path == "[0].minutes" && $0.message.contains("no working day") } == true
        }
    }

    @Test("a plan that does not belong to the scenario is refused")
    func planMismatch() throws {
        var foreign = fixture.plan
        foreign.scenario = "another-week"
        foreign.visits[0].id = "V-404"
        #expect {
            _ = try Replanner(scenario: fixture.scenario, current: foreign).replan([])
        } throws: { error in
            let issues = (error as? ReplanError)?.issues ?? []
            return issues.contains { $0.path == "scenario" } && issues.contains { $0.message.contains("V-404") }
        }
    }
}

import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// Each change event type on the replanning test day.
@Suite("Change events")
struct EventTypeTests {
    let fixture = ReplanFixture.shared

    @Test("the baseline plan schedules every visit at its preferred time")
    func baseline() {
        #expect(fixture.plan.visits.allSatisfy { $0.scheduled })
        #expect(fixture.plan.visit("V-1")?.start == moment("2026-12-08T10:00"))
        #expect(fixture.plan.visit("V-3")?.start == moment("2026-12-08T14:00"))
    }

    @Test("a replan with no event returns the same plan with zero changes")
    func noEvent() throws {
        let outcome = try fixture.replan("[]")
        #expect(outcome.plan.changes == [])
        #expect(outcome.plan.notify == [])
        #expect(outcome.plan.visits.map(\.items) == fixture.plan.visits.map(\.items))
        #expect(outcome.plan.visits.map(\.host) == fixture.plan.visits.map(\.host))
    }

    @Test("an early arrival on an uncongested day moves only that visit's items")
    func arrivalShift() throws {
        let outcome = try fixture.replan("- {type: arrivalShift, at: '2026-12-08T08:00', visit: V-3, minutes: -30}")
        let v3 = try #require(outcome.plan.visit("V-3"))
        #expect(v3.start == moment("2026-12-08T13:30"))
        for id in ["V-1", "V-2"] {
            #expect(outcome.plan.visit(id)?.items == fixture.plan.visit(id)?.items, "\(id) must not move")
        }
        let changes = try #require(outcome.plan.changes)
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.visit == "V-3" && $0.forcedByEvent == true })
        #expect(outcome.plan.notify?.contains { $0.person == "Ms Park" } == true, "the client contact is told")
        #expect(outcome.plan.notify?.contains { $0.person == "cy.host" } == true, "the host is told")
    }

    @Test("cancelling a tour frees its guide and changes no other visit")
    func cancelItem() throws {
        let guides = try #require(fixture.item(fixture.plan, "V-1", 1)?.guides)
        let outcome = try fixture.replan("- {type: cancelItem, at: '2026-12-08T08:00', visit: V-1, item: 1}")
        #expect(fixture.item(outcome.plan, "V-1", 1) == nil, "the cancelled tour is left out")
        #expect(outcome.plan.visit("V-1")?.scheduled == true)
        for id in ["V-2", "V-3"] { #expect(outcome.plan.visit(id)?.items == fixture.plan.visit(id)?.items) }
        let change = outcome.plan.changes?.first { $0.visit == "V-1" && $0.item == 1 }
        #expect(change?.what == "cancelled" && change?.forcedByEvent == true)
        for guide in guides { #expect(outcome.plan.notify?.contains { $0.person == guide } == true) }
        #expect(outcome.scenario.visit("V-1")?.cancelledItems == [1])
    }

    @Test("a cancelled visit is listed unscheduled with its reason and costs no dropped-visit penalty")
    func cancelVisit() throws {
        let outcome = try fixture.replan("- {type: cancelVisit, at: '2026-12-08T08:00', visit: V-2}")
        let v2 = try #require(outcome.plan.visit("V-2"))
        #expect(!v2.scheduled)
        #expect(v2.reasons?.first?.contains("cancelled") == true)
        #expect(outcome.scenario.visit("V-2") == nil)
        let breakdown = ScoreCalculator(scenario: outcome.scenario, replan: outcome.context).breakdown(of: outcome.plan)
        #expect(breakdown.dropped == 0)
        #expect(outcome.plan.changes?.contains { $0.visit == "V-2" && $0.what == "cancelled" } == true)
    }

    @Test("more guests than the room holds move the meeting to a larger room", arguments: ["V-2", "V-3"])
    func headcountChange(visit: String) throws {
        let before = try #require(fixture.item(fixture.plan, visit, 0)?.room)
        let outcome = try fixture.replan("- {type: headcountChange, at: '2026-12-08T08:00', visit: \(visit), headcount: 12}")
        // 12 guests and the host: only A-LARGE (20) holds them.
        #expect(fixture.item(outcome.plan, visit, 0)?.room == "A-LARGE")
        #expect(fixture.item(outcome.plan, visit, 0)?.start == fixture.item(fixture.plan, visit, 0)?.start)
        let roomChange = outcome.plan.changes?.contains { $0.visit == visit && $0.what == "room" && $0.to == "A-LARGE" } == true
        #expect(roomChange == (before != "A-LARGE"))
    }

    @Test("more guests than any free room holds: the visit is dropped with the reason")
    func headcountBeyondEveryRoom() throws {
        let outcome = try fixture.replan("- {type: headcountChange, at: '2026-12-08T08:00', visit: V-3, headcount: 25}")
        let v3 = try #require(outcome.plan.visit("V-3"))
        #expect(!v3.scheduled)
        #expect(v3.reasons?.contains { $0.contains("no room") && $0.contains("26 people") } == true, "\(v3.reasons ?? [])")
        #expect(outcome.plan.changes?.contains { $0.visit == "V-3" && $0.what == "dropped" } == true)
    }

    @Test("a running item that runs over keeps its start and room and pushes what follows")
    func extendRunningItem() throws {
        let meeting = try #require(fixture.item(fixture.plan, "V-1", 0))
        let outcome = try fixture.replan("- {type: extendItem, at: '2026-12-08T10:30', visit: V-1, item: 0, minutes: 30}")
        let after = try #require(fixture.item(outcome.plan, "V-1", 0))
        #expect(after.start == meeting.start && after.room == meeting.room)
        #expect(after.end == meeting.end.adding(minutes: 30))
        let tour = try #require(fixture.item(outcome.plan, "V-1", 1))
        #expect(tour.start >= after.end)
    }

    @Test("two reports of the running meal running over add up: it ends later by both, inside the stretched window")
    func extendRunningItemTwice() throws {
        let meal = try #require(fixture.item(fixture.plan, "V-1", 2))
        let at = meal.start.adding(minutes: 15)
        let outcome = try fixture.replan("""
            - {type: extendItem, at: '\(at)', visit: V-1, item: 2, minutes: 60}
            - {type: extendItem, at: '\(at)', visit: V-1, item: 2, minutes: 30}
            """)
        #expect(fixture.item(outcome.plan, "V-1", 2)?.end == meal.end.adding(minutes: 90))
        #expect(outcome.scenario.visit("V-1")?.window.end == meal.end.adding(minutes: 90))
    }

    @Test("two extensions of a tour still to come add up")
    func extendTourTwice() throws {
        let outcome = try fixture.replan("""
            - {type: extendItem, at: '2026-12-08T08:00', visit: V-1, item: 1, minutes: 15}
            - {type: extendItem, at: '2026-12-08T08:00', visit: V-1, item: 1, minutes: 15}
            """)
        let tour = try #require(fixture.item(outcome.plan, "V-1", 1))
        #expect(tour.end.minutes - tour.start.minutes == 45 + 30)
    }

    @Test("a new visit is added to the plan")
    func addVisit() throws {
        let outcome = try fixture.replan("""
            - type: addVisit
              at: '2026-12-08T08:00'
              visit:
                id: V-9
                client: {name: Litware}
                headcount: 4
                language: en
                requestedAt: '2026-12-08T08:00'
                window: {earliest: '2026-12-08T15:00', latest: '2026-12-08T17:00'}
                agenda: [{kind: meeting, durationMinutes: 60}]
            """)
        #expect(outcome.plan.visit("V-9")?.scheduled == true)
        #expect(outcome.plan.changes?.contains { $0.visit == "V-9" && $0.what == "scheduled" } == true)
    }

    @Test("a failed projector closes the room: the meeting moves to another room")
    func roomUnavailable() throws {
        let room = try #require(fixture.item(fixture.plan, "V-3", 0)?.room)
        let outcome = try fixture.replan(
            "- {type: unavailable, at: '2026-12-08T08:00', resource: \(room), start: '2026-12-08T12:00', end: '2026-12-08T18:00'}")
        let moved = try #require(fixture.item(outcome.plan, "V-3", 0))
        #expect(moved.room != room)
        #expect(moved.start == fixture.item(fixture.plan, "V-3", 0)?.start, "a free room at the same time beats moving")
        #expect(outcome.plan.changes?.contains { $0.visit == "V-3" && $0.what == "room" && $0.forcedByEvent != true } == true)
        // The host and the meeting's people are told where to go now.
        let newRoom = try #require(moved.room)
        let told = ([outcome.plan.visit("V-3")?.host].compactMap { $0 } + moved.people)
        #expect(!told.isEmpty)
        for person in told {
            let message = outcome.plan.notify?.first { $0.person == person }?.message ?? ""
            #expect(message.contains("now in \(newRoom) (was \(room))"), "\(person): \(message)")
        }
    }

    @Test("a sick guide is replaced and both guides are told")
    func personUnavailable() throws {
        let guides = try #require(fixture.item(fixture.plan, "V-3", 1)?.guides)
        let sick = try #require(guides.first)
        let outcome = try fixture.replan(
            "- {type: unavailable, at: '2026-12-08T08:00', resource: \(sick), start: '2026-12-08T13:00', end: '2026-12-08T18:00'}")
        let tour = try #require(fixture.item(outcome.plan, "V-3", 1))
        #expect(tour.guides?.contains(sick) == false)
        #expect(outcome.plan.notify?.contains { $0.person == sick } == true)
        #expect(outcome.plan.notify?.contains { $0.person == tour.guides?.first } == true)
    }
}

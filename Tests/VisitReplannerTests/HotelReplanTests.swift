import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// Rule 10 (hotel) in replanning, on `scenarios/hotel-week.yaml`: more guests re-check the
/// booking (more rooms, at another hotel when its own has too few), the checker refuses the
/// booking the old plan had, and the hotels are told.
@Suite struct HotelReplanTests {
    static let fixture: ReplanFixture = {
        let scenario = try! ScenarioLoader.load(path: repoPath("scenarios/hotel-week.yaml"))
        let plan = try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        return ReplanFixture(scenario: scenario, plan: plan)
    }()

    @Test("a third VIP guest needs a third double room: Harbour Hotel has two, so the booking moves to Grand Suzhou")
    func moreGuestsNeedAnotherRoom() throws {
        let f = Self.fixture
        let before = try #require(f.plan.visit("V-3003")?.booking)
        #expect(before.rooms == 2)
        let outcome = try f.replan("- {type: headcountChange, at: '2026-12-12T09:00', visit: V-3003, headcount: 3}")
        let after = try #require(outcome.plan.visit("V-3003")?.booking)
        #expect(outcome.plan.visit("V-3003")?.scheduled == true)
        #expect(after.rooms == 3 && after.hotel == "H-GRAND" && after.pricePerNight == 320)
        #expect(after.nights.map(\.description) == ["2026-12-15", "2026-12-16"])
        let change = try #require(outcome.plan.changes?.first { $0.visit == "V-3003" && $0.what == "booking" })
        #expect(change.to == "H-GRAND: 3 double rooms, nights 2026-12-15, 2026-12-16")
        #expect(outcome.plan.notify?.contains { $0.person == "H-GRAND" && $0.message.contains("booking for V-3003") } == true)
        if before.hotel != after.hotel {
            #expect(outcome.plan.notify?.contains { $0.person == before.hotel && $0.message.contains("is cancelled") } == true)
        }
    }

    @Test("the booking the old plan had is stale after the headcount change: the checker names it")
    func staleBookingIsCaught() throws {
        let f = Self.fixture
        let outcome = try f.replan("- {type: headcountChange, at: '2026-12-12T09:00', visit: V-3003, headcount: 3}")
        var stale = outcome.plan
        let v = try #require(stale.visits.firstIndex { $0.id == "V-3003" })
        stale.visits[v].booking = f.plan.visit("V-3003")?.booking
        let violations = PlanChecker(scenario: outcome.scenario, replan: outcome.context).check(stale).violations(of: .hotel)
        #expect(violations.contains { $0.visit == "V-3003" && $0.message.contains("has 2 rooms; the stay needs 3") }, "\(violations)")
    }

    @Test("more guests than any hotel can lodge: the visit is dropped and its reason names each hotel")
    func moreGuestsThanAnyHotel() throws {
        let outcome = try Self.fixture.replan("- {type: headcountChange, at: '2026-12-12T09:00', visit: V-3005, headcount: 4}")
        let dropped = try #require(outcome.plan.visit("V-3005"))
        #expect(dropped.scheduled == false)
        #expect(dropped.reasons?.contains { $0.hasPrefix("impossible on its own: hotel: no hotel can take 4 single rooms") && $0.contains("Harbour Hotel has 3 single rooms a night") } == true,
                "\(dropped.reasons ?? [])")
        #expect(outcome.plan.changes?.contains { $0.visit == "V-3005" && $0.what == "dropped" } == true)
    }

    @Test("a stay of a fixed number of rooms keeps at most one room per guest when guests cancel, and writes back")
    func fewerGuestsThanRooms() throws {
        let outcome = try Self.fixture.replan("- {type: headcountChange, at: '2026-12-12T09:00', visit: V-3002, headcount: 1}")
        #expect(outcome.scenario.visit("V-3002")?.stay?.rooms == 1)
        #expect(throws: Never.self) { try ScenarioDocument.yamlText(outcome.scenario) }
    }
}

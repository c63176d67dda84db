import Testing
import VisitDomain
import VisitPlanner
import VisitWhatIf

@Suite("Variant operations on the mini week")
struct VariantOperationTests {
    @Test func addingAGuideLetsTheCrowdedOutTourIn() throws {
        let study = try MiniWeek.study("""
          - name: second-guide
            add: {staff: [{id: g2, roles: [guide], languages: [en], routes: [showroom]}]}
        """)
        let base = try MiniWeek.plan(study.base)
        let tour = try #require(base.visit("T-2"))
        #expect(!tour.scheduled)
        #expect(tour.reasons?.first?.hasPrefix("crowded out by other visits") == true)

        let variant = try #require(study.variants.first)
        #expect(variant.scenario.staff.map(\.id) == ["h1", "h2", "h3", "g1", "g2"])
        let plan = try MiniWeek.plan(variant.scenario)
        #expect(plan.visit("T-2")?.scheduled == true)
        let guides = Set(["T-1", "T-2"].flatMap { plan.visit($0)?.items?.first?.guides ?? [] })
        #expect(guides == ["g1", "g2"])
        #expect(PlanDifferences(base: base, variant: plan).newlyPlaced == ["T-2"])
    }

    @Test func removingTheOnlySecureRoomDropsTheConfidentialMeeting() throws {
        let study = try MiniWeek.study("""
          - name: no-secure-room
            remove: {rooms: [secure-1]}
        """)
        let base = try MiniWeek.plan(study.base)
        #expect(base.visit("C-1")?.items?.first?.room == "secure-1")

        let variant = try #require(study.variants.first)
        #expect(variant.scenario.rooms.map(\.id) == ["plain"])
        let plan = try MiniWeek.plan(variant.scenario)
        let dropped = PlanDifferences(base: base, variant: plan).newlyDropped
        #expect(dropped.map(\.id) == ["C-1"])
        let reason = try #require(dropped.first?.reasons.first)
        #expect(reason.hasPrefix("impossible on its own: meeting:"))
        #expect(reason.contains("secure"))
    }

    @Test func aHigherBanquetBudgetChangesTheCaterer() throws {
        let study = try MiniWeek.study("""
          - name: banquet-400
            set: {policies.mealBudgetPerHead.banquet: 400}
        """)
        let variant = try #require(study.variants.first)
        #expect(study.base.policies.mealBudgetPerHead["banquet"] == 300)
        #expect(variant.scenario.policies.mealBudgetPerHead["banquet"] == 400)

        let before = try #require(MiniWeek.plan(study.base).visit("D-1")?.items?.first)
        let after = try #require(MiniWeek.plan(variant.scenario).visit("D-1")?.items?.first)
        #expect(before.caterer == "cheap")
        #expect(before.start.description == "2026-12-07T19:30")
        #expect(after.caterer == "fine")
        #expect(after.start.description == "2026-12-07T17:30")
    }

    @Test(arguments: [2, 3])
    func scaleDemandRepeatsEveryVisitWithSuffixedIDs(factor: Int) throws {
        let study = try MiniWeek.study("""
          - name: more-demand
            scaleDemand: \(factor)
        """)
        let visits = try #require(study.variants.first).scenario.visits
        let ids = study.base.visits.map(\.id)
        #expect(visits.count == ids.count * factor)
        #expect(visits.map(\.id) == ids + (2...factor).flatMap { n in ids.map { "\($0)-\(n)" } })
        for (index, copy) in visits.enumerated().dropFirst(ids.count) {
            var original = study.base.visits[index % ids.count]
            original.id = copy.id
            #expect(copy == original)
        }
    }

    @Test func scaleDemandOfOneLeavesTheVisits() throws {
        let study = try MiniWeek.study("""
          - name: same
            scaleDemand: 1
        """)
        #expect(try #require(study.variants.first).scenario.visits == study.base.visits)
    }

    @Test func removingAStaffMemberDropsTheirPreferredHostWish() throws {
        let study = try MiniWeek.study("""
          - name: no-h1
            remove: {staff: [h1]}
        """)
        let variant = try #require(study.variants.first)
        #expect(variant.scenario.staffMember("h1") == nil)
        #expect(variant.scenario.visit("T-1")?.preferredHost == nil)
        #expect(variant.notes == ["h1 was the preferred host of T-1; that wish is dropped"])
    }

    @Test func removingTheOnlyRouteOfATourClosesItAndTheTourCannotRun() throws {
        let study = try MiniWeek.study("""
          - name: showroom-closed
            remove: {tourRoutes: [showroom]}
        """)
        let variant = try #require(study.variants.first)
        let route = try #require(variant.scenario.route("showroom"))
        let horizon = TimeInterval(start: LocalDateTime(date: study.base.horizon.start, minuteOfDay: 0),
                                   end: LocalDateTime(date: study.base.horizon.end.adding(days: 1), minuteOfDay: 0))
        #expect(route.unavailable.contains { $0.contains(horizon) })
        #expect(variant.notes == ["tour route showroom is the only route of the tour of T-1, so it stays in the scenario "
                                  + "but closed for the whole horizon: those tours cannot run"])
        let plan = try MiniWeek.plan(variant.scenario)
        let tour = try #require(plan.visit("T-1"))
        #expect(!tour.scheduled)
        #expect(tour.reasons?.first?.hasPrefix("impossible on its own") == true)
    }

    @Test func removingARouteThatToursCanDoWithoutLeavesTheirOtherRoutes() throws {
        let study = try MiniWeek.study("""
          - name: no-lab
            remove: {tourRoutes: [lab]}
        """)
        let scenario = try #require(study.variants.first).scenario
        #expect(scenario.route("lab") == nil)
        #expect(study.base.visit("T-2")?.agenda.first == .tour(Tour(routes: ["showroom", "lab"])))
        #expect(scenario.visit("T-2")?.agenda.first == .tour(Tour(routes: ["showroom"])))
        #expect(try #require(study.variants.first).notes.isEmpty)
    }

    @Test func aRemovedEntryMayComeBackChangedInTheSameVariant() throws {
        let study = try MiniWeek.study("""
          - name: smaller-plain-room
            add: {rooms: [{id: plain, capacity: 4}]}
            remove: {rooms: [plain]}
        """)
        let scenario = try #require(study.variants.first).scenario
        #expect(scenario.rooms.map(\.id) == ["secure-1", "plain"])
        #expect(scenario.room("plain")?.capacity == 4)
    }

    @Test func setMayFillInAnOptionalFieldTheBaseLeavesOut() throws {
        let study = try MiniWeek.study("""
          - name: capped
            set: {policies.weeklyHospitalityBudget: 500, policies.maxVisitsPerHostPerDay: 1, "rooms[1].equipment": [projector]}
        """)
        let scenario = try #require(study.variants.first).scenario
        #expect(study.base.policies.weeklyHospitalityBudget == nil)
        #expect(scenario.policies.weeklyHospitalityBudget == 500)
        #expect(scenario.policies.maxVisitsPerHostPerDay == 1)
        #expect(scenario.room("plain")?.equipment == ["projector"])
    }

    @Test func operationsApplyInTheDocumentedOrderWhateverTheFileOrder() throws {
        let study = try MiniWeek.study("""
          - name: ordered
            scaleDemand: 2
            set: {"visits[3].priority": 5}
            add: {visits: [{id: N-1, headcount: 2, requestedAt: '2026-11-20T09:00', window: {earliest: '2026-12-07T09:00', latest: '2026-12-07T12:00'}, agenda: [{kind: meeting, durationMinutes: 30}]}]}
            remove: {visits: [D-1]}
        """)
        let visits = try #require(study.variants.first).scenario.visits
        // D-1 goes first, so N-1 is visits[3] when set runs; set runs before the copies are made.
        #expect(visits.map(\.id) == ["T-1", "T-2", "C-1", "N-1", "T-1-2", "T-2-2", "C-1-2", "N-1-2"])
        #expect(visits.filter { $0.id.hasPrefix("N-1") }.map(\.priority) == [5, 5])
    }
}

import Testing
import VisitDomain
import VisitPlanner

/// Rule 6 (tour): groups, group slots, certified guides speaking the language, confidential routes.
@Suite("Rule 6: tour")
struct TourRuleTests {
    @Test("20 guests on a route of groups of 15 with 2 slots: two certified English guides at once")
    func twoGroupsTwoGuides() throws {
        let result = try TestScenarios.plan("tour-groups.yaml")
        let tour = try result.scheduled("V-20").items[0]
        #expect(tour.route == "showroom")
        #expect(Set(tour.guides ?? []) == ["ann", "bob"])
        #expect(tour.guides?.count == 2)
    }

    @Test("the only certified guide speaking Chinese guides the Chinese visit")
    func guideLanguage() throws {
        let result = try TestScenarios.plan("tour-groups.yaml")
        #expect(try result.scheduled("V-zh").items[0].guides == ["chen"])
    }

    @Test("with one group slot the 2 groups cannot tour at once: unscheduled with a tour reason")
    func tooManyGroups() throws {
        let result = try TestScenarios.plan("tour-groups.yaml", [.set("tourRoutes[0].concurrentGroups", 1)])
        let reasons = try result.reasons("V-20")
        #expect(reasons.anyContains("impossible on its own: tour", "2 groups", "showroom"), "reasons: \(reasons)")
        _ = try result.scheduled("V-zh")
    }

    @Test("a tour crowded out for want of guides names the guides, not the route that has room")
    func crowdedOutByGuides() throws {
        let result = try TestScenarios.plan("tour-crowding.yaml")
        #expect(try result.scheduled("V-zh1").items[0].guides == ["chen"])
        let reasons = try result.reasons("V-zh2")
        #expect(reasons.anyContains("crowded out", "guides speaking zh", "(chen)", "V-zh1"), "reasons: \(reasons)")
        #expect(!reasons.anyContains("showroom"), "the showroom has a free group slot: \(reasons)")
    }

    @Test("a tour crowded out by the route's group slots names the route")
    func crowdedOutBySlots() throws {
        let result = try TestScenarios.plan("tour-crowding.yaml", [.set("tourRoutes[0].concurrentGroups", 1)])
        _ = try result.scheduled("V-en1")
        let reasons = try result.reasons("V-en2")
        #expect(reasons.anyContains("crowded out", "group slots of showroom", "V-en1"), "reasons: \(reasons)")
        #expect(!reasons.anyContains("guides"), "an English guide is free: \(reasons)")
    }

    @Test("a confidential route is toured with an NDA")
    func confidentialRouteWithNDA() throws {
        let result = try TestScenarios.plan("tour-confidential.yaml")
        #expect(try result.scheduled("V-nda").items[0].route == "rnd-centre")
    }

    @Test("without an NDA a visit takes its other, open route")
    func openRouteWithoutNDA() throws {
        let result = try TestScenarios.plan("tour-confidential.yaml")
        #expect(try result.scheduled("V-either").items[0].route == "showroom")
    }

    @Test("without an NDA and only a confidential route, the visit is unscheduled naming the NDA")
    func confidentialRouteWithoutNDA() throws {
        let result = try TestScenarios.plan("tour-confidential.yaml")
        let reasons = try result.reasons("V-blocked")
        #expect(reasons.anyContains("impossible on its own: tour", "rnd-centre", "NDA"), "reasons: \(reasons)")
    }
}

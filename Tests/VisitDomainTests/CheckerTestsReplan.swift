import Testing
import VisitDomain

@Suite("Checker: replanning")
struct CheckerReplanTests {
    private let baseline = CheckerFixture.plan

    private func breakdown(_ c: CheckerCase, _ replan: ReplanContext) -> ScoreBreakdown {
        ScoreCalculator(scenario: c.scenario, replan: replan).breakdown(of: c.plan)
    }

    @Test func unchangedPlanHasNoReplanTerms() {
        let c = CheckerCase()
        let report = c.check(ReplanContext(baseline: baseline))
        #expect(report.isValid)
        #expect(report.score == CheckerFixture.score)
    }

    @Test func eachMovedItemCounts() {
        var c = CheckerCase()
        c.shift("V-1002", minutes: 15)
        let b = breakdown(c, ReplanContext(baseline: baseline))
        #expect(b.moved == 3 * -50)
        #expect(b.changedResource == 0 && b.changedPerson == 0 && b.dropped == 0)
    }

    @Test func changedRoomCountsOnce() {
        var c = CheckerCase()
        c.item("V-1002", 0) { $0.room = "R-200" }
        let b = breakdown(c, ReplanContext(baseline: baseline))
        #expect(b.changedResource == -30)
        #expect(b.moved == 0)
    }

    @Test func hostSwapCountsTwo() {
        var c = CheckerCase()
        c.visit("V-1002") { $0.host = "spare.host" }
        let b = breakdown(c, ReplanContext(baseline: baseline))
        #expect(b.changedPerson == 2 * -40)
    }

    @Test func guideSwapCountsTwoAndAddedPersonOne() {
        var c = CheckerCase()
        c.item("V-1002", 1) { $0.guides = ["wang.fang"] }
        #expect(breakdown(c, ReplanContext(baseline: baseline)).changedPerson == -80)
        c.item("V-1002", 0) { $0.sales = ["chen.jie"] }
        #expect(breakdown(c, ReplanContext(baseline: baseline)).changedPerson == -120)
    }

    @Test func droppedVisitCountsUnlessCancelled() {
        var c = CheckerCase()
        c.visit("V-1002") { $0 = .unscheduled("V-1002", reasons: ["host: nobody free"]) }
        #expect(breakdown(c, ReplanContext(baseline: baseline)).dropped == -5000)
        #expect(breakdown(c, ReplanContext(baseline: baseline, cancelledVisits: ["V-1002"])).dropped == 0)
    }

    @Test func replanScoreIsCheckedAgainstThePlan() {
        var c = CheckerCase()
        c.item("V-1002", 0) { $0.room = "R-200" }
        let report = c.check(ReplanContext(baseline: baseline))
        #expect(report.score == CheckerFixture.score - 30)
        #expect(report.violations.map(\.category) == [.score])
        c.plan.score = CheckerFixture.score - 30
        #expect(c.check(ReplanContext(baseline: baseline)).isValid)
    }

    @Test func frozenItemsMayStartBeforeNowAndKeptMealOrdersStand() {
        var c = CheckerCase()
        c.scenario.now = CheckerFixture.at("2026-12-08T10:30")
        let frozen: Set<ItemKey> = [ItemKey(visit: "V-1001", agendaIndex: 0)]
        #expect(c.check(ReplanContext(baseline: baseline, frozen: frozen)).violations.map(\.description) == [])

        let unfrozen = c.check(ReplanContext(baseline: baseline))
        #expect(unfrozen.violations.contains { $0.rule == .agenda && $0.visit == "V-1001" && $0.message.contains("before now") })

        c.shift("V-1002", minutes: 15)   // the tea break moves: a new order, inside the caterer's 24 h
        c.rescore(ReplanContext(baseline: baseline, frozen: frozen))
        let moved = c.check(ReplanContext(baseline: baseline, frozen: frozen))
        #expect(moved.violations.map(\.rule) == [.leadTime])
        #expect(moved.violations.first?.message.contains("canteen") == true)
    }

    @Test func frozenItemMustBeKept() {
        var c = CheckerCase()
        c.scenario.now = CheckerFixture.at("2026-12-08T10:30")
        c.item("V-1001", 0) { $0.room = "R-200"; $0.end = CheckerFixture.at("2026-12-08T11:00") }
        let replan = ReplanContext(baseline: baseline, frozen: [ItemKey(visit: "V-1001", agendaIndex: 0)])
        let report = c.check(replan)
        #expect(report.violations.contains { $0.category == .structure && $0.message.contains("frozen") && $0.message.contains("room") })
    }

    @Test func cancelledItemMayBeLeftOut() {
        var c = CheckerCase()
        c.visit("V-1001") { $0.items!.removeLast(); $0.end = CheckerFixture.at("2026-12-08T12:00") }
        let replan = ReplanContext(baseline: baseline, cancelledItems: [ItemKey(visit: "V-1001", agendaIndex: 2)])
        c.rescore(replan)
        let report = c.check(replan)
        #expect(report.violations.map(\.description) == [])
        #expect(report.scoreBreakdown.moved == 0 && report.scoreBreakdown.changedResource == 0)
        #expect(report.cateringCost == 125)
        #expect(c.check().violations.contains { $0.rule == .agenda && $0.message.contains("meal") })
    }

    @Test func cancelledVisitMustNotBeScheduled() {
        let c = CheckerCase()
        let report = c.check(ReplanContext(baseline: baseline, cancelledVisits: ["V-1002"]))
        #expect(report.violations.contains { $0.category == .structure && $0.message.contains("V-1002") })
    }
}

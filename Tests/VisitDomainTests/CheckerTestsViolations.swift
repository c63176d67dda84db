import Testing
import VisitDomain

/// One hand-made bad plan: a mutation of the valid fixture, the category it must break, and words
/// the violation's message must contain (the resource, person or visit, and the detail).
struct CheckerBadCase: Sendable, CustomTestStringConvertible {
    let name: String
    let category: CheckCategory
    let mentions: [String]
    let mutate: @Sendable (inout CheckerCase) -> Void

    init(_ name: String, _ category: CheckCategory, _ mentions: [String], _ mutate: @escaping @Sendable (inout CheckerCase) -> Void) {
        self.name = name; self.category = category; self.mentions = mentions; self.mutate = mutate
    }

    var testDescription: String { name }
}

private func at(_ text: String) -> LocalDateTime { CheckerFixture.at(text) }

/// V-1002 moved to 10:45: its tour overlaps V-1001's on the showroom, its tea break V-1001's lunch.
private func overlapAfternoonVisit(_ c: inout CheckerCase) { c.shift("V-1002", minutes: -195) }

extension CheckerBadCase {
    static let all: [CheckerBadCase] = structure + agendaAndTime + meetingAndHost + tourAndMeal + availability

    static let structure: [CheckerBadCase] = [
        .init("wrong totals", .structure, ["totals", "scheduled 3"]) { $0.plan.totals.scheduled = 3 },
        .init("wrong catering total", .structure, ["cateringCost 500", "545"]) { $0.plan.totals.cateringCost = 500 },
        .init("wrong score", .score, ["9999", "4020.75"]) { $0.plan.score = 9999 },
        .init("missing visit", .structure, ["V-1003", "missing"]) { $0.plan.visits.removeLast(); $0.plan.totals.unscheduled = 0 },
        .init("duplicate visit", .structure, ["V-1003", "2 times"]) { $0.plan.visits.append($0.plan.visits[2]) },
        .init("unknown visit", .structure, ["V-9999", "not in the scenario"]) {
            $0.plan.visits.append(.unscheduled("V-9999", reasons: ["?"])); $0.plan.totals.unscheduled = 2
        },
        .init("unscheduled without reason", .structure, ["V-1003", "no reason"]) { $0.visit("V-1003") { $0.reasons = [] } },
        .init("scheduled without host", .structure, ["V-1001", "host"]) { $0.visit("V-1001") { $0.host = nil } },
        .init("time off the grid", .structure, ["V-1001", "15-minute grid"]) {
            $0.item("V-1001", 2) { $0.start = at("2026-12-08T12:05"); $0.end = at("2026-12-08T13:05") }
            $0.visit("V-1001") { $0.end = at("2026-12-08T13:05") }
        },
        .init("item of the wrong kind", .structure, ["V-1002", "agenda item 2 is a meal"]) { $0.item("V-1002", 1) { $0.agendaIndex = 2 } },
        .init("infeasible plan with scheduled visits", .structure, ["V-1001", "infeasible"]) { $0.plan.status = .infeasible },
    ]

    static let agendaAndTime: [CheckerBadCase] = [
        .init("gap too long", .rule(.agenda), ["V-1001", "45 min"]) {
            $0.item("V-1001", 0) { $0.start = at("2026-12-08T09:30"); $0.end = at("2026-12-08T10:30") }
            $0.visit("V-1001") { $0.start = at("2026-12-08T09:30") }
        },
        .init("items out of order", .rule(.agenda), ["V-1001", "not in agenda order"]) { c in
            c.item("V-1001", 0) { $0.agendaIndex = 0; $0.start = at("2026-12-08T11:00"); $0.end = at("2026-12-08T12:00") }
            c.item("V-1001", 1) { $0.agendaIndex = 1; $0.start = at("2026-12-08T10:00"); $0.end = at("2026-12-08T10:45") }
            c.visit("V-1001") { $0.items!.swapAt(0, 1) }
        },
        .init("missing agenda item", .rule(.agenda), ["V-1001", "meal"]) { c in
            c.visit("V-1001") { $0.items!.removeLast(); $0.end = at("2026-12-08T12:00") }
        },
        .init("wrong duration", .rule(.agenda), ["V-1001", "75 min", "takes 60"]) { c in
            c.item("V-1001", 2) { $0.end = at("2026-12-08T13:15") }
            c.visit("V-1001") { $0.end = at("2026-12-08T13:15") }
        },
        .init("outside window", .rule(.agenda), ["V-1001", "after its window"]) {
            $0.scenarioVisit("V-1001") { $0.window.end = at("2026-12-08T12:30") }
        },
        .init("starts before now", .rule(.agenda), ["V-1001", "before now"]) { $0.scenario.now = at("2026-12-08T11:00") },
        .init("two days", .rule(.agenda), ["V-1001", "more than one day"]) { c in
            c.item("V-1001", 2) { $0.start = $0.start.adding(minutes: 1440); $0.end = $0.end.adding(minutes: 1440) }
        },
        .init("on a holiday", .rule(.workingTime), ["2026-12-08", "holiday"]) { $0.scenario.calendar.holidays.insert(CheckerFixture.day("2026-12-08")) },
        .init("outside working hours", .rule(.workingTime), ["V-1001", "working hours 10:30–18:00"]) {
            $0.scenario.calendar.workingHours = CheckerFixture.hours("10:30", "18:00")
        },
        .init("outside route open hours", .rule(.workingTime), ["showroom", "13:00–17:00"]) {
            $0.route("showroom") { $0.openHours = CheckerFixture.hours("13:00", "17:00") }
        },
        .init("meal outside caterer hours", .rule(.workingTime), ["canteen", "workingMeal", "12:30–13:30"]) {
            $0.caterer("canteen") { $0.services["workingMeal"]!.hours = CheckerFixture.hours("12:30", "13:30") }
        },
        .init("outside the horizon", .rule(.workingTime), ["V-1001", "horizon"]) { $0.scenario.horizon.end = CheckerFixture.day("2026-12-07") },
        .init("visit too late for lead time", .rule(.leadTime), ["V-1002", "24 h needed"]) {
            $0.scenarioVisit("V-1002") { $0.requestedAt = at("2026-12-07T16:00") }
        },
        .init("urgent flag wrong", .rule(.leadTime), ["V-1002", "urgent: false"]) { $0.visit("V-1002") { $0.urgent = false } },
        .init("meal before caterer lead time", .rule(.leadTime), ["canteen", "120 h"]) { $0.caterer("canteen") { $0.leadTimeHours = 120 } },
    ]

    static let meetingAndHost: [CheckerBadCase] = [
        .init("room double-booked", .rule(.meeting), ["R-301", "V-1001", "V-1002", "10:30–11:15"]) { c in
            c.shift("V-1002", minutes: -210)
            c.item("V-1002", 0) { $0.room = "R-301" }
        },
        .init("turnover ignored", .rule(.meeting), ["R-301", "11:00–11:15", "turnover"]) { c in
            c.shift("V-1002", minutes: -180)
            c.item("V-1002", 0) { $0.room = "R-301" }
        },
        .init("room too small", .rule(.meeting), ["R-301", "holds 8", "needs 9"]) { $0.room("R-301") { $0.capacity = 8 } },
        .init("missing projector", .rule(.meeting), ["R-301", "lacks projector"]) { $0.room("R-301") { $0.equipment = ["microphone"] } },
        .init("confidential meeting in a non-secure room", .rule(.meeting), ["R-301", "not secure"]) { $0.room("R-301") { $0.secure = false } },
        .init("confidential meeting without NDA", .rule(.meeting), ["V-1001", "NDA"]) { $0.scenarioVisit("V-1001") { $0.ndaSigned = false } },
        .init("wrong technical count", .rule(.meeting), ["zhang.san", "mei.tech", "needs 1"]) {
            $0.item("V-1001", 0) { $0.technical = ["zhang.san", "mei.tech"] }
        },
        .init("expertise not covered", .rule(.meeting), ["mei.tech", "robotics"]) { $0.item("V-1001", 0) { $0.technical = ["mei.tech"] } },
        .init("wrong sales count", .rule(.meeting), ["no sales staff", "needs 1"]) { $0.item("V-1001", 0) { $0.sales = [] } },
        .init("sales person without the role", .rule(.meeting), ["mei.tech", "sales role"]) { $0.item("V-1001", 0) { $0.sales = ["mei.tech"] } },
        .init("host lacks language", .rule(.host), ["li.wei", "does not speak en"]) { $0.staff("li.wei") { $0.languages = ["zh"] } },
        .init("host also guide", .rule(.host), ["li.wei", "guide"]) { $0.item("V-1001", 1) { $0.guides = ["li.wei"] } },
        .init("host without the role", .rule(.host), ["li.wei", "host role"]) { $0.staff("li.wei") { $0.roles = [] } },
        .init("host not on the staff", .rule(.host), ["ghost"]) { $0.visit("V-1001") { $0.host = "ghost" } },
    ]

    static let tourAndMeal: [CheckerBadCase] = [
        .init("too few guides for 20 guests", .rule(.tour), ["showroom", "2 groups", "1 planned"]) {
            $0.scenarioVisit("V-1001") { $0.headcount = 20 }
        },
        .init("uncertified guide", .rule(.tour), ["wang.fang", "certified", "showroom"]) { $0.staff("wang.fang") { $0.routes = [] } },
        .init("guide lacks language", .rule(.tour), ["wang.fang", "en"]) { $0.staff("wang.fang") { $0.languages = ["zh"] } },
        .init("route not allowed", .rule(.tour), ["route lab", "V-1002"]) { $0.item("V-1002", 1) { $0.route = "lab" } },
        .init("confidential route without NDA", .rule(.tour), ["showroom", "confidential", "V-1002"]) {
            $0.route("showroom") { $0.confidential = true }
        },
        .init("route over concurrentGroups", .rule(.tour), ["showroom", "2 groups", "11:30–12:00", "V-1001, V-1002"]) { overlapAfternoonVisit(&$0) },
        .init("unapproved caterer", .rule(.meal), ["shady", "not approved"]) {
            $0.item("V-1001", 2) { $0.caterer = "shady"; $0.pricePerHead = 50; $0.cost = 350 }
        },
        .init("caterer over budget", .rule(.meal), ["fancy", "90", "budget of 80"]) {
            $0.item("V-1001", 2) { $0.caterer = "fancy"; $0.pricePerHead = 90; $0.cost = 630 }
        },
        .init("dietary not covered", .rule(.meal), ["plain", "halal, vegetarian"]) {
            $0.item("V-1001", 2) { $0.caterer = "plain"; $0.pricePerHead = 40; $0.cost = 280 }
        },
        .init("price differs from the caterer's", .rule(.meal), ["canteen", "55"]) { $0.item("V-1001", 2) { $0.pricePerHead = 55 } },
        .init("wrong diners", .rule(.meal), ["canteen", "6 diners"]) { $0.item("V-1001", 2) { $0.diners = 6; $0.cost = 360 } },
        .init("wrong meal cost", .rule(.meal), ["canteen", "cost 400", "420"]) { $0.item("V-1001", 2) { $0.cost = 400 } },
        .init("caterer over capacity", .rule(.meal), ["canteen", "12 diners", "capacity is 10"]) { c in
            c.caterer("canteen") { $0.capacity = 10 }
            c.route("showroom") { $0.concurrentGroups = 2 }
            overlapAfternoonVisit(&c)
        },
        .init("weekly budget exceeded", .rule(.meal), ["545", "budget of 500"]) { $0.scenario.policies.weeklyHospitalityBudget = 500 },
    ]

    static let availability: [CheckerBadCase] = [
        .init("person double-booked", .rule(.availability), ["wang.fang", "two duties", "11:30–12:00"]) { c in
            c.route("showroom") { $0.concurrentGroups = 2 }
            overlapAfternoonVisit(&c)
            c.item("V-1002", 1) { $0.guides = ["wang.fang"] }
        },
        .init("person outside availability", .rule(.availability), ["wang.fang", "outside their availability"]) {
            $0.staff("wang.fang") { $0.availability = [AvailabilityRule(days: [.tue], hours: CheckerFixture.hours("13:00", "18:00"))] }
        },
        .init("person unavailable", .rule(.availability), ["zhang.san", "unavailable"]) {
            $0.staff("zhang.san") { $0.unavailable = [CheckerFixture.span("2026-12-08T08:00", "2026-12-08T10:30")] }
        },
        .init("host busy before the visit by the early minutes", .rule(.availability), ["li.wei", "09:50"]) {
            $0.staff("li.wei") { $0.availability = [AvailabilityRule(days: [.tue], hours: CheckerFixture.hours("10:00", "18:00"))] }
        },
        .init("max visits per host per day", .rule(.availability), ["li.wei", "2 visits", "at most 1"]) { c in
            c.scenario.policies.maxVisitsPerHostPerDay = 1
            c.visit("V-1002") { $0.host = "li.wei" }
        },
        .init("max duty minutes", .rule(.availability), ["li.wei", "190 min", "at most 120"]) { $0.scenario.policies.maxDutyMinutesPerStaffPerDay = 120 },
        .init("room unavailable", .rule(.availability), ["room R-301", "unavailable"]) {
            $0.room("R-301") { $0.unavailable = [CheckerFixture.span("2026-12-08T09:00", "2026-12-08T10:15")] }
        },
        .init("caterer unavailable", .rule(.availability), ["caterer canteen", "unavailable"]) {
            $0.caterer("canteen") { $0.unavailable = [CheckerFixture.span("2026-12-08T15:00", "2026-12-08T16:00")] }
        },
        .init("IT cover missing", .rule(.itCover), ["building A", "R-301", "10:00–11:00"]) { $0.staff("it.a") { $0.building = "B" } },
        .init("IT person busy", .rule(.itCover), ["R-301", "V-1001"]) { c in
            c.staff("it.a") { $0.roles = [.it, .sales] }
            c.item("V-1001", 0) { $0.sales = ["it.a"] }
        },
    ]
}

@Suite("Checker: violations")
struct CheckerViolationTests {
    @Test(arguments: CheckerBadCase.all)
    func badPlanIsCaught(_ bad: CheckerBadCase) {
        var c = CheckerCase()
        bad.mutate(&c)
        let report = c.check()
        let hits = report.violations.filter { $0.category == bad.category }
        #expect(!hits.isEmpty, "no \(bad.category) violation; got \(report.violations.map(\.description))")
        #expect(hits.contains { v in bad.mentions.allSatisfy(v.message.contains) },
                "no \(bad.category) message mentions \(bad.mentions); got \(hits.map(\.message))")
        #expect(!report.isValid)
    }

    @Test func roomTurnoverMayOverlapUnavailability() {
        var c = CheckerCase()
        c.room("R-301") { $0.unavailable = [CheckerFixture.span("2026-12-08T11:00", "2026-12-08T12:00")] }
        #expect(c.check().isValid)
    }

    @Test func backToBackAfterTurnoverIsFine() {
        var c = CheckerCase()
        c.shift("V-1002", minutes: -165)   // meeting 11:15–12:00 in R-301, right after V-1001's turnover
        c.item("V-1002", 0) { $0.room = "R-301" }
        c.route("showroom") { $0.concurrentGroups = 2 }
        c.rescore()
        #expect(c.check().violations.map(\.description) == [])
    }
}

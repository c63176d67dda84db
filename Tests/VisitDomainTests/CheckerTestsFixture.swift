import VisitDomain

/// A small valid week for the checker tests: two scheduled visits on Tuesday 2026-12-08 and one
/// unscheduled visit, with resources chosen so that single mutations break single rules.
enum CheckerFixture {
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func hours(_ from: String, _ to: String) -> DailyHours { DailyHours(start: TimeOfDay(iso: from)!, end: TimeOfDay(iso: to)!) }
    static func span(_ from: String, _ to: String) -> TimeInterval { TimeInterval(start: at(from), end: at(to)) }

    /// The recomputed score of `plan`: 4000 visits − 2 preferred start + 20 preferred host
    /// + 30 industry (li.wei, wang.fang, anna.host) − 27.25 catering (545).
    static let score = 4020.75

    static let scenario = Scenario(
        name: "checker-fixture", now: at("2026-12-04T12:00"),
        horizon: Horizon(start: day("2026-12-07"), end: day("2026-12-11")),
        calendar: WorkCalendar(holidays: [day("2026-12-09")]),
        policies: Policies(standardLeadWorkingDays: 3, urgentLeadHours: 24, hostArrivesEarlyMinutes: 10, roomTurnoverMinutes: 15,
                           maxGapMinutes: 30, mealBudgetPerHead: ["teaBreak": 30, "workingMeal": 80], weeklyHospitalityBudget: 2000,
                           maxVisitsPerHostPerDay: 2, maxDutyMinutesPerStaffPerDay: 480),
        rooms: [
            Room(id: "R-301", building: "A", capacity: 12, equipment: ["projector", "microphone"], secure: true),
            Room(id: "R-102", building: "A", capacity: 6),
            Room(id: "R-200", building: "A", capacity: 20, equipment: ["projector"]),
        ],
        tourRoutes: [
            TourRoute(id: "showroom", building: "A", durationMinutes: 45, maxGroupSize: 15, openHours: hours("09:00", "17:00")),
            TourRoute(id: "lab", building: "A", durationMinutes: 30, maxGroupSize: 10, concurrentGroups: 2, confidential: true),
        ],
        staff: [
            StaffMember(id: "li.wei", name: "Li Wei", building: "A", roles: [.host], languages: ["zh", "en"], industries: ["manufacturing"]),
            StaffMember(id: "anna.host", roles: [.host], languages: ["en"], industries: ["retail"]),
            StaffMember(id: "spare.host", roles: [.host], languages: ["en"]),
            StaffMember(id: "zhang.san", roles: [.technical], languages: ["en"], expertise: ["robotics", "plc"]),
            StaffMember(id: "mei.tech", roles: [.technical], expertise: ["vision"]),
            StaffMember(id: "chen.jie", roles: [.sales]),
            StaffMember(id: "wang.fang", roles: [.guide], languages: ["en"], industries: ["manufacturing"], routes: ["showroom"]),
            StaffMember(id: "bo.guide", roles: [.guide], languages: ["en", "zh"], routes: ["showroom", "lab"]),
            StaffMember(id: "part.time", roles: [.guide], languages: ["en"], routes: ["showroom"],
                        availability: [AvailabilityRule(days: [.mon, .tue, .wed, .thu, .fri], hours: hours("13:00", "17:00"))]),
            StaffMember(id: "it.a", building: "A", roles: [.it]),
        ],
        caterers: [
            Caterer(id: "canteen", approved: true,
                    services: ["teaBreak": CateringService(pricePerHead: 25, hours: hours("09:00", "17:00")),
                               "workingMeal": CateringService(pricePerHead: 60, hours: hours("11:30", "13:30"))],
                    dietary: ["vegetarian", "halal"], leadTimeHours: 24, capacity: 20),
            Caterer(id: "fancy", approved: true, services: ["workingMeal": CateringService(pricePerHead: 90)], dietary: ["vegetarian", "halal"]),
            Caterer(id: "shady", services: ["workingMeal": CateringService(pricePerHead: 50)], dietary: ["vegetarian", "halal"]),
            Caterer(id: "plain", approved: true, services: ["workingMeal": CateringService(pricePerHead: 40)]),
        ],
        visits: [
            Visit(id: "V-1001", client: Client(name: "Contoso", industry: "manufacturing", tier: "standard"), headcount: 6,
                  language: "en", requestedAt: at("2026-11-30T09:00"), window: span("2026-12-08T09:00", "2026-12-08T16:00"),
                  preferredStart: at("2026-12-08T09:30"), priority: 3, ndaSigned: true, dietary: ["vegetarian": 2, "halal": 1],
                  preferredHost: "li.wei",
                  agenda: [.meeting(Meeting(durationMinutes: 60, equipment: ["projector"], confidential: true, technicalCount: 1,
                                            technicalExpertise: ["robotics"], salesCount: 1)),
                           .tour(Tour(routes: ["showroom"])),
                           .meal(Meal(service: "workingMeal", durationMinutes: 60))]),
            Visit(id: "V-1002", client: Client(name: "Fabrikam", industry: "retail"), headcount: 4, language: "en",
                  requestedAt: at("2026-12-04T10:00"), window: span("2026-12-08T09:00", "2026-12-08T17:00"),
                  agenda: [.meeting(Meeting(durationMinutes: 45)),
                           .tour(Tour(routes: ["showroom"], durationMinutes: 30)),
                           .meal(Meal(service: "teaBreak", durationMinutes: 30))]),
            Visit(id: "V-1003", headcount: 30, requestedAt: at("2026-12-04T11:00"), window: span("2026-12-07T09:00", "2026-12-07T12:00"),
                  priority: 2, agenda: [.meeting(Meeting(durationMinutes: 60))]),
        ])

    static let plan = Plan(
        scenario: "checker-fixture", status: .optimal, score: score, bound: score, solveSeconds: 0.1,
        visits: [
            PlannedVisit(id: "V-1001", scheduled: true, urgent: false, host: "li.wei",
                         start: at("2026-12-08T10:00"), end: at("2026-12-08T13:00"), items: [
                PlannedItem(kind: .meeting, start: at("2026-12-08T10:00"), end: at("2026-12-08T11:00"), room: "R-301",
                            technical: ["zhang.san"], sales: ["chen.jie"]),
                PlannedItem(kind: .tour, start: at("2026-12-08T11:15"), end: at("2026-12-08T12:00"), route: "showroom", guides: ["wang.fang"]),
                PlannedItem(kind: .meal, start: at("2026-12-08T12:00"), end: at("2026-12-08T13:00"), caterer: "canteen",
                            pricePerHead: 60, diners: 7, cost: 420),
            ]),
            PlannedVisit(id: "V-1002", scheduled: true, urgent: true, host: "anna.host",
                         start: at("2026-12-08T14:00"), end: at("2026-12-08T15:45"), items: [
                PlannedItem(kind: .meeting, start: at("2026-12-08T14:00"), end: at("2026-12-08T14:45"), room: "R-102", technical: [], sales: []),
                PlannedItem(kind: .tour, start: at("2026-12-08T14:45"), end: at("2026-12-08T15:15"), route: "showroom", guides: ["bo.guide"]),
                PlannedItem(kind: .meal, start: at("2026-12-08T15:15"), end: at("2026-12-08T15:45"), caterer: "canteen",
                            pricePerHead: 25, diners: 5, cost: 125),
            ]),
            .unscheduled("V-1003", reasons: ["lead time: requested 2026-12-04T11:00, 22 h before the window; 24 h needed"]),
        ],
        totals: PlanTotals(scheduled: 2, unscheduled: 1, cateringCost: 545))
}

/// A scenario and a plan to mutate, with small editing helpers.
struct CheckerCase: Sendable {
    var scenario = CheckerFixture.scenario
    var plan = CheckerFixture.plan

    func check(_ replan: ReplanContext? = nil) -> CheckReport { PlanChecker(scenario: scenario, replan: replan).check(plan) }

    mutating func visit(_ id: String, _ change: (inout PlannedVisit) -> Void) {
        let i = plan.visits.firstIndex { $0.id == id }!
        change(&plan.visits[i])
    }

    mutating func item(_ id: String, _ position: Int, _ change: (inout PlannedItem) -> Void) {
        visit(id) { change(&$0.items![position]) }
    }

    /// Moves a whole planned visit by `minutes`.
    mutating func shift(_ id: String, minutes: Int) {
        visit(id) { v in
            v.start = v.start?.adding(minutes: minutes); v.end = v.end?.adding(minutes: minutes)
            for i in v.items!.indices {
                v.items![i].start = v.items![i].start.adding(minutes: minutes)
                v.items![i].end = v.items![i].end.adding(minutes: minutes)
            }
        }
    }

    mutating func scenarioVisit(_ id: String, _ change: (inout Visit) -> Void) {
        change(&scenario.visits[scenario.visits.firstIndex { $0.id == id }!])
    }

    mutating func staff(_ id: String, _ change: (inout StaffMember) -> Void) {
        change(&scenario.staff[scenario.staff.firstIndex { $0.id == id }!])
    }

    mutating func room(_ id: String, _ change: (inout Room) -> Void) {
        change(&scenario.rooms[scenario.rooms.firstIndex { $0.id == id }!])
    }

    mutating func route(_ id: String, _ change: (inout TourRoute) -> Void) {
        change(&scenario.tourRoutes[scenario.tourRoutes.firstIndex { $0.id == id }!])
    }

    mutating func caterer(_ id: String, _ change: (inout Caterer) -> Void) {
        change(&scenario.caterers[scenario.caterers.firstIndex { $0.id == id }!])
    }

    /// Sets the plan's score to the recomputed one (for plans that are otherwise valid).
    mutating func rescore(_ replan: ReplanContext? = nil) {
        plan.score = ScoreCalculator(scenario: scenario, replan: replan).score(of: plan)
        plan.totals.cateringCost = ScoreCalculator(scenario: scenario, replan: replan).cateringCost(of: plan)
    }
}

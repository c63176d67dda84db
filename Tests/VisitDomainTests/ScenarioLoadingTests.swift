import Foundation
import Testing
@testable import VisitDomain

/// Loading whole scenarios: YAML and JSON agree, values and defaults are as FORMAT.md says.
struct ScenarioLoadingTests {
    private func at(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
    private func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    private func hours(_ from: String, _ to: String) -> DailyHours {
        DailyHours(start: TimeOfDay(iso: from)!, end: TimeOfDay(iso: to)!)
    }

    @Test func yamlAndJSONFixturesGiveTheSameScenario() throws {
        let fromYAML = try ScenarioLoader.load(path: LoaderFixtures.path("week-50.yaml"))
        let fromJSON = try ScenarioLoader.load(path: LoaderFixtures.path("week-50.json"))
        #expect(fromYAML == fromJSON)
    }

    @Test func fullScenarioValues() throws {
        let s = try ScenarioLoader.load(path: LoaderFixtures.path("week-50.yaml"))
        #expect(s.name == "acme-hq-week-50")
        #expect(s.now == at("2026-12-03T17:00"))
        #expect(s.horizon == Horizon(start: day("2026-12-07"), end: day("2026-12-11")))
        #expect(s.calendar == WorkCalendar(workingDays: [.mon, .tue, .wed, .thu, .fri], workingHours: hours("08:30", "18:00"),
                                           holidays: [day("2026-12-09")], slotMinutes: 15))
        #expect(s.policies == Policies(standardLeadWorkingDays: 3, urgentLeadHours: 24, hostArrivesEarlyMinutes: 10,
                                       roomTurnoverMinutes: 15, maxGapMinutes: 30,
                                       mealBudgetPerHead: ["teaBreak": 30, "workingMeal": 80, "banquet": 300],
                                       tierBudgetPerHead: ["vip": ["banquet": 500]], weeklyHospitalityBudget: 20000,
                                       maxVisitsPerHostPerDay: 2, maxDutyMinutesPerStaffPerDay: 480))
        var weights = ObjectiveWeights()
        weights.preferredHost = 25
        #expect(s.objective == weights)
        #expect(s.rooms.first == Room(id: "R-301", building: "A", capacity: 12, equipment: ["projector", "microphone", "videoconf"],
                                      secure: true, unavailable: [TimeInterval(start: at("2026-12-08T08:30"), end: at("2026-12-08T12:00"))]))
        #expect(s.tourRoutes.map(\.id) == ["showroom", "production-line"])
        #expect(s.route("showroom")?.openHours == hours("09:00", "17:00"))
        #expect(s.route("production-line") == TourRoute(id: "production-line", building: "B", durationMinutes: 60, maxGroupSize: 8,
                                                        concurrentGroups: 2, confidential: true))
        let li = try #require(s.staffMember("li.wei"))
        #expect(li.roles == [.host, .guide] && li.languages == ["zh", "en"] && li.routes == ["showroom"])
        #expect(li.availability == [AvailabilityRule(days: [.mon, .tue, .wed, .thu, .fri], hours: hours("08:30", "20:00"))])
        #expect(li.unavailable == [TimeInterval(start: at("2026-12-10T08:00"), end: at("2026-12-10T18:00"))])
        #expect(s.caterer("canteen") == Caterer(id: "canteen", approved: true, services: [
            "teaBreak": CateringService(pricePerHead: 25, hours: hours("09:00", "17:00")),
            "workingMeal": CateringService(pricePerHead: 60, hours: hours("11:30", "13:30")),
        ], dietary: ["vegetarian", "halal"], leadTimeHours: 24, capacity: 60))
        #expect(s.caterer("golden-hall") == Caterer(id: "golden-hall", services: ["banquet": CateringService(pricePerHead: 420.5)],
                                                    dietary: ["vegetarian"]))
        let v = try #require(s.visit("V-1001"))
        #expect(v.client == Client(name: "Contoso", industry: "manufacturing", tier: "standard", contact: "Ms Lee, +86 138 0000 0000"))
        #expect(v.headcount == 6 && v.language == "en" && v.priority == 3 && v.ndaSigned && v.preferredHost == "li.wei")
        #expect(v.requestedAt == at("2026-11-30T09:00"))
        #expect(v.window == TimeInterval(start: at("2026-12-08T09:00"), end: at("2026-12-08T16:00")))
        #expect(v.preferredStart == at("2026-12-08T10:00"))
        #expect(Array(v.dietary.keys) == ["vegetarian", "halal"] && v.dietary["vegetarian"] == 2)
        #expect(v.agenda == [
            .meeting(Meeting(durationMinutes: 60, equipment: ["projector"], confidential: true, technicalCount: 1,
                             technicalExpertise: ["robotics"], salesCount: 1)),
            .tour(Tour(routes: ["showroom"])),
            .meal(Meal(service: "workingMeal", durationMinutes: 60)),
        ])
        let v2 = try #require(s.visit("V-1002"))
        #expect(v2.requestedAt == at("2026-12-07T15:00"))   // ":00" seconds accepted
        #expect(v2.agenda.first == .tour(Tour(routes: ["production-line", "showroom"], durationMinutes: 30)))
    }

    @Test func defaultsApplyWhenFieldsAreMissing() throws {
        let s = try ScenarioLoader.load(path: LoaderFixtures.path("minimal.yaml"), defaultNow: LoaderFixtures.fixedNow)
        #expect(s.name == "minimal")
        #expect(s.now == LoaderFixtures.fixedNow)
        #expect(s.horizon == Horizon(start: day("2026-12-08"), end: day("2026-12-08")))   // spanned by the visit windows
        #expect(s.calendar == WorkCalendar())
        #expect(s.calendar.workingDays == [.mon, .tue, .wed, .thu, .fri])
        #expect(s.calendar.workingHours == hours("08:30", "18:00") && s.calendar.slotMinutes == 15)
        #expect(s.policies == Policies())
        #expect(s.policies.maxGapMinutes == 30 && s.policies.weeklyHospitalityBudget == nil)
        #expect(s.objective == ObjectiveWeights())
        #expect(s.objective.visit == 1000 && s.objective.cateringCost == -0.05 && s.objective.droppedVisit == -5000)
        #expect(s.rooms == [Room(id: "R-1", capacity: Room.unlimitedCapacity)] && s.rooms[0].hasUnlimitedCapacity)
        #expect(s.tourRoutes == [TourRoute(id: "lab", durationMinutes: 30, maxGroupSize: 10, concurrentGroups: 1)])
        #expect(s.staff == [StaffMember(id: "ann", availability: nil)])
        #expect(s.caterers == [Caterer(id: "deli", approved: false, services: ["teaBreak": CateringService(pricePerHead: 20, hours: nil)],
                                       leadTimeHours: 0, capacity: nil)])
        let v = try #require(s.visits.first)
        #expect(v.priority == 1 && !v.ndaSigned && v.dietary.isEmpty && v.preferredHost == nil && v.language == nil)
        #expect(v.client == Client() && v.preferredStart == nil)
        #expect(v.agenda == [.meeting(Meeting(durationMinutes: 60)), .tour(Tour(routes: ["lab"])),
                             .meal(Meal(service: "teaBreak", durationMinutes: 15))])
    }

    @Test func nowDefaultsToTheClockRoundedToTheMinute() throws {
        let before = LocalDateTime.currentLocal()
        let s = try ScenarioLoader.load(path: LoaderFixtures.path("minimal.yaml"))
        let after = LocalDateTime.currentLocal()
        #expect(before <= s.now && s.now <= after)
    }

    @Test func availabilityRuleDefaultsToCalendar() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue([["from": "10:00"]], at: "staff[1].availability")
        let s = try ScenarioLoader.decode(doc, file: "base.yaml")
        #expect(s.staff[1].availability == [AvailabilityRule(days: [.mon, .tue, .wed, .thu, .fri], hours: hours("10:00", "18:00"))])
    }

    @Test(arguments: [
        ("yaml", #"{start: "08:30", end: "18:00"}"#),
        ("yaml", "{start: 510, end: 1080}"),
        ("yaml", "{start: 8:30, end: 18:00}"),
        ("json", #"{"start": "08:30", "end": "18:00"}"#),
        ("json", #"{"start": 510, "end": "18:00"}"#),
        ("json", #"{"start": "8:30", "end": 1080}"#),
    ])
    func timesOfDayAcceptTextMinutesAndBase60(_ format: String, _ hoursText: String) throws {
        let text = format == "yaml"
            ? "now: 2026-12-03T17:00\ncalendar: {workingHours: \(hoursText)}\n"
            : #"{"now": "2026-12-03T17:00", "calendar": {"workingHours": \#(hoursText)}}"#
        let s = try ScenarioLoader.parse(text, format: DocumentFormat(rawValue: format)!, file: "t.\(format)")
        #expect(s.calendar.workingHours == hours("08:30", "18:00"))
    }

    @Test func editedTreeDecodes() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue(400, at: "policies.mealBudgetPerHead.banquet")
        let s = try ScenarioLoader.decode(doc, file: "what-if.yaml")
        #expect(s.policies.mealBudgetPerHead["banquet"] == 400)
    }

    @Test func decodeVisitChecksAgainstTheScenario() throws {
        let s = try ScenarioLoader.decode(try LoaderFixtures.baseDocument(), file: "base.yaml")
        let added: DocumentValue = [
            "id": "V-9", "headcount": 2, "requestedAt": "2026-12-08T08:00",
            "window": ["earliest": "2026-12-08T13:00", "latest": "2026-12-08T17:00"],
            "agenda": [["kind": "tour", "routes": ["lab"]]],
        ]
        let visit = try ScenarioLoader.decodeVisit(added, file: "events.yaml", path: DocumentPath([.index(0), .key("visit")]), in: s)
        #expect(visit.agenda == [.tour(Tour(routes: ["lab"]))])
        var bad = added
        try bad.setValue("labb", at: "agenda[0].routes[0]")
        #expect {
            try ScenarioLoader.decodeVisit(bad, file: "events.yaml", path: DocumentPath([.index(0), .key("visit")]), in: s)
        } throws: { error in
            (error as? ScenarioError)?.issues.map(\.description)
                == [#"events.yaml: [0].visit.agenda[0].routes[0]: unknown tour route "labb" (did you mean "lab"?)"#]
        }
    }
}

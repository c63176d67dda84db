import Testing
@testable import VisitDomain

/// One edit to the valid base scenario, and the single issue it must produce.
struct InvalidScenarioCase: Sendable, CustomTestStringConvertible {
    var edits: [Edit]
    var path: String
    var message: String

    enum Edit: Sendable {
        case set(String, DocumentValue)
        case remove(String)
    }

    init(set path: String, _ value: DocumentValue, at expectedPath: String? = nil, _ message: String) {
        edits = [.set(path, value)]; self.path = expectedPath ?? path; self.message = message
    }
    init(remove path: String, at expectedPath: String? = nil, _ message: String) {
        edits = [.remove(path)]; self.path = expectedPath ?? path; self.message = message
    }

    var testDescription: String { "\(path): \(message)" }

    func apply(to document: inout DocumentValue) throws {
        for edit in edits {
            switch edit {
            case .set(let path, let value): try document.setValue(value, at: path)
            case .remove(let path): document.removeValue(at: try DocumentPath(parsing: path))
            }
        }
    }
}

extension InvalidScenarioCase {
    static let missing: [InvalidScenarioCase] = [
        .init(remove: "visits[0].headcount", #"missing required field "headcount""#),
        .init(remove: "visits[0].requestedAt", #"missing required field "requestedAt""#),
        .init(remove: "visits[0].window", #"missing required field "window""#),
        .init(remove: "visits[0].agenda", #"missing required field "agenda""#),
        .init(remove: "visits[1].id", #"missing required field "id""#),
        .init(remove: "rooms[0].id", #"missing required field "id""#),
        .init(remove: "tourRoutes[1].id", #"missing required field "id""#),
        .init(remove: "staff[1].id", #"missing required field "id""#),
        .init(remove: "caterers[1].id", #"missing required field "id""#),
        .init(remove: "visits[0].agenda[0].durationMinutes", #"missing required field "durationMinutes""#),
        .init(remove: "visits[0].agenda[2].durationMinutes", #"missing required field "durationMinutes""#),
        .init(remove: "tourRoutes[0].durationMinutes", #"missing required field "durationMinutes""#),
        .init(remove: "tourRoutes[0].maxGroupSize", #"missing required field "maxGroupSize""#),
        .init(remove: "caterers[0].services.workingMeal.pricePerHead", #"missing required field "pricePerHead""#),
        .init(remove: "visits[0].agenda[2].service", #"missing required field "service""#),
        .init(remove: "visits[0].agenda[1].routes", #"missing required field "routes""#),
        .init(remove: "visits[0].agenda[0].kind", #"missing required field "kind""#),
        .init(remove: "visits[0].window.latest", #"missing required field "latest""#),
        .init(remove: "horizon.end", #"missing required field "end""#),
        .init(remove: "rooms[0].unavailable[0].start", #"missing required field "start""#),
        .init(set: "visits[0].headcount", nil, #"required field "headcount" has no value"#),
    ]

    static let wrongType: [InvalidScenarioCase] = [
        .init(set: "visits[0].headcount", "six", #"expected a whole number, found "six""#),
        .init(set: "visits[0].headcount", "6", #"expected a whole number, found "6" (write it without quotes)"#),
        .init(set: "visits[0].headcount", 6.5, "expected a whole number, found 6.5"),
        .init(set: "rooms[0].secure", "yes", #"expected true or false, found "yes""#),
        .init(set: "rooms[0].building", 2, #"expected text, found the number 2 (put it in quotes: "2")"#),
        .init(set: "visits[0].language", false,
              "expected text, found false (YAML reads unquoted yes, no, on, off, true and false as true or false; put it in quotes)"),
        .init(set: "rooms[0].equipment", "projector", #"expected a list, found "projector" (write a list: [projector])"#),
        .init(set: "caterers[0].services.workingMeal.pricePerHead", "cheap", #"expected a number, found "cheap""#),
        .init(set: "visits[0].client", "Contoso", #"expected a client (a mapping of fields), found "Contoso""#),
        .init(set: "visits[0].agenda[0]", "meeting",
              #"expected an agenda item (a mapping with kind: meeting, tour or meal), found "meeting""#),
        .init(set: "visits[0].dietary", ["vegetarian"], "expected a mapping of names to values, found a list"),
        .init(set: "visits[0].window.earliest", 20261208, "expected a date and time such as 2026-12-08T09:30, found 20261208"),
    ]

    static let unknownFields: [InvalidScenarioCase] = [
        .init(set: "visits[0].agenda[0].durationMinute", 60, #"unknown field "durationMinute" (did you mean "durationMinutes"?)"#),
        .init(set: "visit", [], #"unknown field "visit" (did you mean "visits"?)"#),
        .init(set: "staff[0].langauges", ["en"], #"unknown field "langauges" (did you mean "languages"?)"#),
        .init(set: "policies.mealBudget", ["banquet": 10], #"unknown field "mealBudget" (did you mean "mealBudgetPerHead"?)"#),
        .init(set: "tourRoutes[0].Building", "A", #"unknown field "Building" (did you mean "building"?)"#),
        .init(set: "rooms[0].colour", "blue",
              #"unknown field "colour"; a room may have: id, building, capacity, equipment, secure, unavailable, site"#),
        .init(set: "visits[0].window.start", "2026-12-08T09:00",
              #"unknown field "start"; a window {earliest, latest} may have: earliest, latest"#),
        .init(set: "visits[0].agenda[1].equipment", ["projector"],
              #"unknown field "equipment"; a tour may have: kind, routes, durationMinutes, cancelled"#),
    ]

    static let duplicates: [InvalidScenarioCase] = [
        .init(set: "rooms[1].id", "R-301", #"duplicate room id "R-301" (also used by rooms[0])"#),
        .init(set: "tourRoutes[1].id", "showroom", #"duplicate tour route id "showroom" (also used by tourRoutes[0])"#),
        .init(set: "staff[1].id", "li.wei", #"duplicate staff member id "li.wei" (also used by staff[0])"#),
        .init(set: "caterers[1].id", "canteen", #"duplicate caterer id "canteen" (also used by caterers[0])"#),
        .init(set: "visits[1].id", "V-1", #"duplicate visit id "V-1" (also used by visits[0])"#),
    ]

    static let references: [InvalidScenarioCase] = [
        .init(set: "visits[0].agenda[1].routes[0]", "showrom", #"unknown tour route "showrom" (did you mean "showroom"?)"#),
        .init(set: "visits[0].agenda[1].routes[1]", "garden", #"unknown tour route "garden""#),
        .init(set: "staff[0].routes[0]", "labs", #"unknown tour route "labs" (did you mean "lab"?)"#),
        .init(set: "visits[0].preferredHost", "li.we", #""li.we" is not a staff member (did you mean "li.wei"?)"#),
        .init(set: "staff[0].roles[1]", "guid",
              #"unknown role "guid" (did you mean "guide"?); roles are host, guide, technical, sales, it"#),
        .init(set: "calendar.workingDays[0]", "monday",
              #"unknown weekday "monday" (did you mean "mon"?); weekdays are mon, tue, wed, thu, fri, sat, sun"#),
        .init(set: "staff[0].availability[0].days[1]", "Tue",
              #"unknown weekday "Tue" (did you mean "tue"?); weekdays are mon, tue, wed, thu, fri, sat, sun"#),
        .init(set: "visits[0].agenda[0].kind", "lunch", #"unknown agenda item kind "lunch"; use meeting, tour or meal"#),
        .init(set: "visits[0].agenda[0].kind", "meting", #"unknown agenda item kind "meting" (did you mean "meeting"?); use meeting, tour or meal"#),
    ]

    /// Names nothing in the scenario defines (issue 12, finding 13): typing errors, not wishes.
    static let unknownNames: [InvalidScenarioCase] = [
        .init(set: "visits[0].agenda[2].service", "workingmeal",
              #"unknown meal service "workingmeal" (did you mean "workingMeal"?); the scenario knows banquet, teaBreak, workingMeal"#),
        .init(set: "visits[0].agenda[2].service", "brunch",
              #"unknown meal service "brunch"; the scenario knows banquet, teaBreak, workingMeal"#),
        .init(set: "visits[0].client.tier", "vipp", #"unknown client tier "vipp" (did you mean "vip"?); the scenario knows standard, vip"#),
        .init(set: "visits[0].agenda[0].equipment", ["projecter"], at: "visits[0].agenda[0].equipment[0]",
              #"unknown equipment "projecter" (did you mean "projector"?); the scenario knows microphone, projector, videoconf"#),
        .init(set: "calendar.timeZone", "Asia/Shangai",
              #"unknown time zone "Asia/Shangai" (did you mean "Asia/Shanghai"?); use an IANA name such as Asia/Shanghai or Europe/Berlin"#),
    ]

    static let durations: [InvalidScenarioCase] = [
        .init(set: "visits[0].agenda[0].durationMinutes", 0, "must be a positive number of minutes, found 0"),
        .init(set: "visits[0].agenda[2].durationMinutes", -15, "must be a positive number of minutes, found -15"),
        .init(set: "visits[0].agenda[0].durationMinutes", 50, "50 minutes is not a multiple of slotMinutes (15); use 45 or 60"),
        .init(set: "visits[0].agenda[2].durationMinutes", 20, "20 minutes is not a multiple of slotMinutes (15); use 15 or 30"),
        .init(set: "tourRoutes[0].durationMinutes", 40, "40 minutes is not a multiple of slotMinutes (15); use 30 or 45"),
        .init(set: "tourRoutes[1].durationMinutes", 0, "must be a positive number of minutes, found 0"),
        .init(set: "visits[0].agenda[1].durationMinutes", 10, "10 minutes is not a multiple of slotMinutes (15); use 15"),
        .init(set: "calendar.slotMinutes", 7, "must be a positive divisor of 1440 (such as 5, 10, 15, 30 or 60), found 7"),
        .init(set: "calendar.slotMinutes", 0, "must be a positive divisor of 1440 (such as 5, 10, 15, 30 or 60), found 0"),
        .init(set: "calendar.slotMinutes", 10, at: "tourRoutes[0].durationMinutes",
              "45 minutes is not a multiple of slotMinutes (10); use 40 or 50"),
    ]

    static let intervals: [InvalidScenarioCase] = [
        .init(set: "visits[0].window.latest", "2026-12-08T09:00", at: "visits[0].window",
              "latest 2026-12-08T09:00 is not after earliest 2026-12-08T09:00"),
        .init(set: "rooms[0].unavailable[0].end", "2026-12-08T08:00", at: "rooms[0].unavailable[0]",
              "end 2026-12-08T08:00 is not after start 2026-12-08T08:30"),
        .init(set: "calendar.workingHours.end", "08:00", at: "calendar.workingHours", "end 08:00 is not after start 08:30"),
        .init(set: "tourRoutes[0].openHours.start", "17:00", at: "tourRoutes[0].openHours", "end 17:00 is not after start 17:00"),
        .init(set: "caterers[0].services.workingMeal.hours.start", "14:00", at: "caterers[0].services.workingMeal.hours",
              "end 13:30 is not after start 14:00"),
        .init(set: "staff[0].availability[0].to", "07:00", at: "staff[0].availability[0]", "to 07:00 is not after from 08:30"),
        .init(set: "horizon.end", "2026-12-06", at: "horizon", "end 2026-12-06 is before start 2026-12-07"),
    ]

    static let ranges: [InvalidScenarioCase] = [
        .init(set: "visits[0].headcount", 0, "must be at least 1, found 0"),
        .init(set: "visits[0].priority", 0, "must be at least 1, found 0"),
        .init(set: "visits[0].priority", 6, "must be at most 5, found 6"),
        .init(set: "visits[0].agenda[0].technical", ["count": -1], at: "visits[0].agenda[0].technical.count", "must not be negative, found -1"),
        .init(set: "visits[0].agenda[0].sales", -1, "must not be negative, found -1"),
        .init(set: "rooms[0].capacity", -1, "must not be negative, found -1"),
        .init(set: "caterers[0].capacity", -5, "must not be negative, found -5"),
        .init(set: "caterers[0].leadTimeHours", -1, "must not be negative, found -1"),
        .init(set: "caterers[0].services.workingMeal.pricePerHead", -1, "must not be negative, found -1"),
        .init(set: "policies.mealBudgetPerHead.banquet", -10, "must not be negative, found -10"),
        .init(set: "policies.tierBudgetPerHead.vip.banquet", -0.5, "must not be negative, found -0.5"),
        .init(set: "policies.weeklyHospitalityBudget", -1, "must not be negative, found -1"),
        .init(set: "policies.leadTime.standardWorkingDays", -1, "must not be negative, found -1"),
        .init(set: "policies.leadTime.urgentHours", -24, "must not be negative, found -24"),
        .init(set: "policies.hostArrivesEarlyMinutes", -5, "must not be negative, found -5"),
        .init(set: "policies.roomTurnoverMinutes", -5, "must not be negative, found -5"),
        .init(set: "policies.maxGapMinutes", -1, "must not be negative, found -1"),
        .init(set: "policies.maxVisitsPerHostPerDay", -1, "must not be negative, found -1"),
        .init(set: "policies.maxDutyMinutesPerStaffPerDay", -60, "must not be negative, found -60"),
        .init(set: "tourRoutes[0].maxGroupSize", 0, "must be at least 1, found 0"),
        .init(set: "tourRoutes[1].concurrentGroups", 0, "must be at least 1, found 0"),
        .init(set: "visits[0].dietary.vegetarian", 0, "must be at least 1 guest, found 0 (leave out restrictions no guest has)"),
        .init(set: "visits[0].dietary.vegetarian", 7, "7 guests is more than the headcount (6)"),
        .init(set: "visits[0].agenda[0].technical.count", 0, at: "visits[0].agenda[0].technical",
              "expertise [robotics] is asked for but count is 0; set count to the number of technical staff (at least 1)"),
        .init(remove: "visits[0].agenda[0].technical.count", at: "visits[0].agenda[0].technical",
              "expertise [robotics] is asked for but count is 0; set count to the number of technical staff (at least 1)"),
        .init(set: "visits[0].agenda[2].service", "", "must not be empty"),
        .init(set: "visits[0].agenda[1].routes", [], "a tour needs at least one route to choose from"),
        .init(set: "visits[0].agenda", [], "the agenda is empty; a visit needs at least one meeting, tour or meal"),
    ]

    /// Numbers far beyond any company's week: refused before they can overflow arithmetic (issue 12, finding 1).
    static let limits: [InvalidScenarioCase] = [
        .init(set: "visits[0].headcount", .int(Int.max), "must be at most 1000, found 9223372036854775807"),
        .init(set: "visits[0].headcount", .int(1_000_000_000_000_000), "must be at most 1000, found 1000000000000000"),
        .init(set: "rooms[0].capacity", .int(Int.max), "must be at most 100000, found 9223372036854775807"),
        .init(set: "caterers[0].capacity", 1e14, "must be at most 100000, found 100000000000000.0"),
        .init(set: "tourRoutes[0].maxGroupSize", 5_000, "must be at most 1000, found 5000"),
        .init(set: "tourRoutes[1].concurrentGroups", .int(Int.max), "must be at most 1000, found 9223372036854775807"),
        .init(set: "visits[0].agenda[0].durationMinutes", .int(Int.max - 7),
              "must be at most 1440 minutes (one day), found 9223372036854775800"),
        .init(set: "tourRoutes[0].durationMinutes", 1_500, "must be at most 1440 minutes (one day), found 1500"),
        .init(set: "visits[0].agenda[0].sales", 1_000, "must be at most 100, found 1000"),
        .init(set: "visits[0].agenda[0].technical.count", .int(Int.max), "must be at most 100, found 9223372036854775807"),
        .init(set: "caterers[0].leadTimeHours", .int(Int.max), "must be at most 8760, found 9223372036854775807"),
        .init(set: "caterers[0].services.workingMeal.pricePerHead", 1e300, "must be at most 1000000000, found 1e+300"),
        .init(set: "policies.weeklyHospitalityBudget", 1e18, "must be at most 1000000000, found 1e+18"),
        .init(set: "policies.leadTime.standardWorkingDays", 100_000, "must be at most 260, found 100000"),
        .init(set: "policies.hostArrivesEarlyMinutes", .int(Int.max), "must be at most 1440, found 9223372036854775807"),
        .init(set: "policies.maxDutyMinutesPerStaffPerDay", 100_000, "must be at most 1440, found 100000"),
        .init(set: "objective.visit", 1e300, "must be at most 1000000, found 1e+300"),
        .init(set: "objective.droppedVisit", -1e12, "must be at least -1000000, found -1000000000000.0"),
        .init(set: "visits[0].dietary.vegetarian", .int(Int.max), "must be at most 1000, found 9223372036854775807"),
        .init(set: "visits[0].requestedAt", "1013-12-08T11:00", "the year 1013 is out of range (1970 to 2200)"),
        .init(set: "calendar.holidays[0]", "9999-12-31", "the year 9999 is out of range (1970 to 2200)"),
        .init(set: "horizon.end", "2028-12-31", at: "horizon", "the horizon spans 756 days; visitplan plans at most 366 days at once"),
    ]

    static let datesAndTimes: [InvalidScenarioCase] = [
        .init(set: "horizon.start", "2026-13-01",
              #"invalid date "2026-13-01" (expected YYYY-MM-DD, a real calendar date such as 2026-12-08)"#),
        .init(set: "calendar.holidays[0]", "2026-02-30",
              #"invalid date "2026-02-30" (expected YYYY-MM-DD, a real calendar date such as 2026-12-08)"#),
        .init(set: "calendar.workingHours.start", "25:00",
              #"invalid time of day "25:00" (expected "HH:MM" from "00:00" to "24:00", such as "08:30")"#),
        .init(set: "caterers[0].services.workingMeal.hours.end", "13:75",
              #"invalid time of day "13:75" (expected "HH:MM" from "00:00" to "24:00", such as "08:30")"#),
        .init(set: "calendar.workingHours.start", 1500,
              #"time of day 1500 is out of range (a number here means minutes after midnight, 0 to 1440; write times as "08:30")"#),
        .init(set: "visits[0].requestedAt", "2026-12-08T25:00",
              #"invalid date and time "2026-12-08T25:00" (expected YYYY-MM-DDTHH:MM, such as 2026-12-08T09:30)"#),
        .init(set: "now", "2026-12-03T17:00Z",
              #"invalid date and time "2026-12-03T17:00Z" (expected YYYY-MM-DDTHH:MM, such as 2026-12-08T09:30; times are site-local, so leave out the time zone)"#),
        .init(set: "visits[0].preferredStart", "2026-12-08",
              #"invalid date and time "2026-12-08" (expected YYYY-MM-DDTHH:MM, such as 2026-12-08T09:30; add the time of day)"#),
        .init(set: "rooms[0].unavailable[0].start", "2026-12-08 08:30",
              #"invalid date and time "2026-12-08 08:30" (expected YYYY-MM-DDTHH:MM, such as 2026-12-08T09:30; put a T between the date and the time)"#),
    ]

    static let all = missing + wrongType + unknownFields + duplicates + references + unknownNames + durations + intervals + ranges + limits + datesAndTimes
}

/// Every validation rule, one edit at a time, and several problems at once.
struct ScenarioValidationTests {
    @Test func baseScenarioIsValid() throws {
        #expect(LoaderFixtures.issues(try LoaderFixtures.baseDocument()).isEmpty)
    }

    @Test(arguments: InvalidScenarioCase.all)
    func eachProblemIsReportedAtItsField(_ c: InvalidScenarioCase) throws {
        var doc = try LoaderFixtures.baseDocument()
        try c.apply(to: &doc)
        let issues = LoaderFixtures.issues(doc)
        #expect(issues == [ValidationIssue(file: "base.yaml", path: c.path, message: c.message)])
        #expect(issues.first?.description == "base.yaml: \(c.path): \(c.message)")
    }

    @Test func aDocumentThatIsNotAMappingIsReported() {
        #expect(LoaderFixtures.issues([1, 2]).map(\.description) == ["base.yaml: expected a scenario (a mapping of fields), found a list"])
        #expect(LoaderFixtures.issues(nil).map(\.message)
                == ["the document is empty; expected a scenario (name, horizon, rooms, staff, visits, ...)"])
    }

    @Test func severalProblemsAreAllReported() throws {
        let file = LoaderFixtures.path("several-problems.yaml")
        #expect {
            try ScenarioLoader.load(path: file)
        } throws: { error in
            guard case .invalid(let issues) = error as? ScenarioError else { return false }
            let lines = issues.map { "\($0.path): \($0.message)" }
            return issues.allSatisfy { $0.file == file } && lines == [
                #"rooms[1].id: duplicate room id "R-301" (also used by rooms[0])"#,
                #"staff[0].roles[1]: unknown role "guid" (did you mean "guide"?); roles are host, guide, technical, sales, it"#,
                #"visits[0].headcount: expected a whole number, found "six""#,
                #"visits[0].agenda[0].routes[0]: unknown tour route "showrom" (did you mean "showroom"?)"#,
                #"visits[0].agenda[1].durationMinute: unknown field "durationMinute" (did you mean "durationMinutes"?)"#,
                #"visits[0].agenda[1].durationMinutes: missing required field "durationMinutes""#,
            ]
        }
    }

    @Test func errorDescriptionListsEveryIssueOnItsOwnLine() {
        let error = ScenarioError.invalid([
            ValidationIssue(file: "w.yaml", path: "visits[0].headcount", message: "must be at least 1, found 0"),
            ValidationIssue(file: "w.yaml", path: "rooms[1].id", message: "duplicate room id \"A\" (also used by rooms[0])"),
        ])
        #expect(error.description == """
            2 problems to fix:
            w.yaml: visits[0].headcount: must be at least 1, found 0
            w.yaml: rooms[1].id: duplicate room id "A" (also used by rooms[0])
            """)
    }

    @Test func independentProblemsInOneEntryAreAllReported() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue(0, at: "visits[0].headcount")
        try doc.setValue(9, at: "visits[0].priority")
        try doc.setValue("x", at: "visits[0].agenda[1].routes[0]")
        try doc.setValue(-1, at: "rooms[0].capacity")
        #expect(LoaderFixtures.issues(doc).map(\.path) == [
            "rooms[0].capacity", "visits[0].headcount", "visits[0].priority", "visits[0].agenda[1].routes[0]",
        ])
    }
}

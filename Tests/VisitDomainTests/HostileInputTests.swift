import Foundation
import Testing
@testable import VisitDomain

/// Inputs written to crash or exhaust the program (issue 12): each gets a field-path error.
@Suite struct HostileInputTests {
    static func scenario() throws -> Scenario {
        try ScenarioLoader.decode(LoaderFixtures.baseDocument(), file: "base.yaml", defaultNow: LoaderFixtures.fixedNow)
    }

    /// The issues of an events file against the base scenario.
    static func eventIssues(_ yaml: String) throws -> [String] {
        do {
            _ = try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario())
            return []
        } catch let error as ScenarioError {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    @Test(arguments: [
        ("- {type: headcountChange, at: 2026-12-08T08:00, visit: V-1, headcount: 9223372036854775807}",
         "[0].headcount: must be at most 1000, found 9223372036854775807"),
        ("- {type: arrivalShift, at: 2026-12-08T08:00, visit: V-1, minutes: 9223372036854775800}",
         "[0].minutes: must be at most 10080, found 9223372036854775800"),
        ("- {type: arrivalShift, at: 2026-12-08T08:00, visit: V-1, minutes: -9223372036854775800}",
         "[0].minutes: must be at least -10080, found -9223372036854775800"),
        ("- {type: extendItem, at: 2026-12-08T08:00, visit: V-1, item: 0, minutes: 9223372036854775800}",
         "[0].minutes: must be at most 1440, found 9223372036854775800"),
        ("- {type: cancelItem, at: 2026-12-08T08:00, visit: V-1, item: 9223372036854775807}",
         "[0].item: must be at most 19, found 9223372036854775807"),
        ("- {type: unavailable, at: 2026-12-08T08:00, resource: R-301, start: 0001-01-01T00:00, end: 2026-12-09T00:00}",
         "[0].start: the year 1 is out of range (1970 to 2200)"),
    ])
    func eventNumbersHaveRanges(_ yaml: String, _ expected: String) throws {
        #expect(try Self.eventIssues(yaml) == [expected])
    }

    @Test func anAddedVisitIsCheckedLikeAScenarioVisit() throws {
        let issues = try Self.eventIssues("""
            - type: addVisit
              at: 2026-12-08T08:00
              visit: {id: V-9, headcount: 1e15, requestedAt: 2026-12-01T09:00,
                      window: {earliest: 2026-12-09T09:00, latest: 2026-12-09T17:00}, agenda: [{kind: meal, service: workingMeal, durationMinutes: 60}]}
            """)
        #expect(issues == ["[0].visit.headcount: must be at most 1000, found 1000000000000000"])
    }

    @Test func anAddedVisitNamesOnlyKnownServices() throws {
        let issues = try Self.eventIssues("""
            - type: addVisit
              at: 2026-12-08T08:00
              visit: {id: V-9, headcount: 2, requestedAt: 2026-12-01T09:00,
                      window: {earliest: 2026-12-09T09:00, latest: 2026-12-09T17:00}, agenda: [{kind: meal, service: brunch, durationMinutes: 60}]}
            """)
        #expect(issues == [#"[0].visit.agenda[0].service: unknown meal service "brunch"; the scenario knows banquet, teaBreak, workingMeal"#])
    }

    @Test func aReportHasAtMostAThousandEvents() throws {
        let yaml = String(repeating: "- {type: cancelVisit, at: 2026-12-08T08:00, visit: V-2}\n", count: InputLimits.events + 1)
        #expect(try Self.eventIssues(yaml) == [": 1001 events; one report takes at most 1000"])
    }

    @Test func aliasesCannotExpandBeyondTheBudget() {
        // Eight levels of nine aliases: 43 million strings from 414 bytes ("billion laughs").
        var lines = [#"a0: &a0 ["x","x","x","x","x","x","x","x","x"]"#]
        for level in 1...8 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]") }
        #expect {
            try DocumentValue.parse(lines.joined(separator: "\n"), format: .yaml, file: "bomb.yaml")
        } throws: { error in
            "\(error)".contains("bomb.yaml") && "\(error)".contains("expands to more than 1000000 values")
        }
    }

    @Test func modestAliasesStillWork() throws {
        let doc = try DocumentValue.parse("base: &b {x: 1}\nuse: [*b, *b]\n", format: .yaml, file: "a.yaml")
        #expect(doc["use"]?.arrayValue?.count == 2)
    }

    @Test(arguments: [DocumentFormat.yaml, .json])
    func nestingHasALimit(_ format: DocumentFormat) {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect {
            try DocumentValue.parse(text, format: format, file: "deep")
        } throws: { error in
            "\(error)".contains("64 levels")
        }
    }

    @Test func documentsHaveASizeLimit() {
        let text = "name: " + String(repeating: "x", count: InputLimits.documentBytes)
        #expect {
            try DocumentValue.parse(text, format: .yaml, file: "huge.yaml")
        } throws: { error in
            "\(error)".contains("huge.yaml") && "\(error)".contains("at most 8 MiB")
        }
    }

    @Test func scenarioListsHaveSizeLimits() throws {
        var doc = try LoaderFixtures.baseDocument()
        let visit = try #require(doc["visits"]?.arrayValue?.last)
        try doc.setValue(.array(Array(repeating: visit, count: InputLimits.visits + 1)), at: "visits")
        #expect(LoaderFixtures.issues(doc).map { "\($0.path): \($0.message)" }
                == ["visits: 5001 entries; visitplan takes at most 5000 visits in one scenario"])
    }

    @Test func anAgendaHasAtMostTwentyItems() throws {
        var doc = try LoaderFixtures.baseDocument()
        try doc.setValue(.array(Array(repeating: ["kind": "meal", "service": "banquet", "durationMinutes": 90], count: 21)),
                         at: "visits[1].agenda")
        #expect(LoaderFixtures.issues(doc).map { "\($0.path): \($0.message)" }
                == ["visits[1].agenda: 21 items; a visit's agenda has at most 20"])
    }

    @Test func timeArithmeticSaturatesInsteadOfTrapping() {
        let moment = LocalDateTime(minutes: 1_000)
        #expect(moment.adding(minutes: Int.max).minutes == Int.max)
        #expect(moment.adding(minutes: Int.min).minutes == Int.min + 1_000)
        #expect(LocalDateTime(minutes: -5).adding(minutes: Int.min).minutes == Int.min)
        #expect(moment.adding(minutes: 30).minutes == 1_030)
    }
}

/// Plans read from files or requests (issue 12, finding 18; a fuzzer's plan with an item from
/// 1013 to 2026 stalled the checker).
@Suite struct PlanValidationTests {
    static func plan(_ items: [PlannedItem], id: String = "V-1") -> Plan {
        Plan(scenario: "s", status: .feasible, score: 0, bound: 0, solveSeconds: 0,
             visits: [PlannedVisit(id: id, scheduled: true, urgent: false, host: "h", items: items)],
             totals: PlanTotals(scheduled: 1, unscheduled: 0, cateringCost: 0))
    }

    static func item(_ index: Int?, _ start: String, _ end: String) -> PlannedItem {
        PlannedItem(kind: .meeting, agendaIndex: index, start: LocalDateTime(iso: start)!, end: LocalDateTime(iso: end)!, room: "R")
    }

    @Test func aSoundPlanHasNoIssues() {
        let plan = Self.plan([Self.item(0, "2026-12-08T09:00", "2026-12-08T10:00"), Self.item(1, "2026-12-08T10:00", "2026-12-08T11:00")])
        #expect(PlanValidation.issues(plan, file: "p.json").isEmpty)
    }

    @Test func aRepeatedAgendaIndexIsReported() {
        let plan = Self.plan([Self.item(0, "2026-12-08T09:00", "2026-12-08T10:00"), Self.item(0, "2026-12-08T10:00", "2026-12-08T11:00")])
        #expect(PlanValidation.issues(plan, file: "p.json").map(\.description)
                == ["p.json: visits[0].items[1].agendaIndex: agenda item 0 of V-1 appears twice (also items[0])"])
    }

    @Test func aRepeatedVisitIsReported() {
        var plan = Self.plan([Self.item(0, "2026-12-08T09:00", "2026-12-08T10:00")])
        plan.visits.append(plan.visits[0])
        #expect(PlanValidation.issues(plan, file: "p.json").map(\.path) == ["visits[1].id"])
    }

    @Test func anItemOfAThousandYearsIsRefused() {
        let plan = Self.plan([Self.item(0, "1013-12-08T11:00", "2026-12-08T12:00")])
        #expect(PlanValidation.issues(plan, file: "p.json").map { "\($0.path): \($0.message)" } == [
            "visits[0].items[0].start: the year 1013 is out of range (1970 to 2200)",
            "visits[0].items[0]: runs from 1013-12-08T11:00 to 2026-12-08T12:00; an item ends after it starts, within a day",
        ])
    }

    @Test func theItemsByAgendaIndexKeepTheFirstOfARepeat() {
        let visit = Self.plan([Self.item(1, "2026-12-08T09:00", "2026-12-08T10:00"), Self.item(1, "2026-12-08T10:00", "2026-12-08T11:00"),
                               Self.item(nil, "2026-12-08T11:00", "2026-12-08T12:00")]).visits[0]
        #expect(visit.itemsByAgendaIndex.mapValues(\.start.description) == [1: "2026-12-08T09:00", 2: "2026-12-08T11:00"])
    }
}

import Testing
import VisitDomain

/// Run sheets (issue 15): the reception day of one visit from the plan, and the IT person on call.
@Suite("Run sheets and IT on call")
struct RunSheetTests {
    let fixture = CheckerCase()

    @Test("a visit's day: the host meets the guests early in the first building's lobby; each step with its owners")
    func steps() throws {
        let sheet = try #require(RunSheet(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1001"))
        #expect(sheet.meetingAt == CheckerFixture.at("2026-12-08T09:50"))
        #expect(sheet.meetingPlace == "lobby of building A")
        #expect(sheet.host == "Li Wei")
        #expect(sheet.steps.map(\.title) == ["Welcome", "Meeting", "Tour: showroom", "Working meal", "Farewell"])
        #expect(sheet.steps[0].owners == ["Li Wei (host)"])
        #expect(sheet.steps[1].owners == ["chen.jie (presentation)", "zhang.san (Q&A)"])
        #expect(sheet.steps[2].owners == ["wang.fang (guide)"])
        #expect(sheet.steps[3].notes.contains("order: 7 diners: 2 vegetarian, 1 halal, 4 standard"))
        #expect(sheet.steps[4].interval.start == CheckerFixture.at("2026-12-08T13:00"))
    }

    @Test("an equipped meeting names the IT person on call and the fallback; an NDA meeting marks the boundary")
    func equipmentAndConfidentiality() throws {
        let sheet = try #require(RunSheet(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1001"))
        let meeting = sheet.steps[1]
        #expect(meeting.notes.contains("IT on call: it.a, reachable within 5 minutes"))
        #expect(meeting.notes.contains("if the equipment fails: Q&A + tea break while IT repairs it"))
        #expect(meeting.confidential && !sheet.steps[2].confidential)
        #expect(sheet.confidentiality?.contains("Meeting 10:00–11:00, under the NDA signed") == true, "\(sheet.confidentiality ?? "nil")")
        // V-1002's meeting has no equipment and nothing confidential.
        let other = try #require(RunSheet(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1002"))
        #expect(other.steps[1].notes.isEmpty && other.confidentiality == nil)
        #expect(other.steps[1].owners == ["anna.host (host: presentation, Q&A)"])
    }

    @Test("no sheet for a visit the plan does not schedule, or one it does not know")
    func unscheduled() {
        #expect(RunSheet(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1003") == nil)
        #expect(RunSheet(scenario: fixture.scenario, plan: fixture.plan, visit: "V-404") == nil)
    }

    @Test("IT on call: one person for the whole meeting while someone is free throughout; a hand-off when nobody is; a gap when none is free", arguments: [
        // it.a away, it.b away ("" = it.b does not exist), shifts, gaps
        ("10:30-12:00", "", ["it.a 10:00–10:30"], ["10:30–11:00"]),
        ("10:30-12:00", "14:00-15:00", ["it.b 10:00–11:00"], []),
        ("10:30-12:00", "10:00-10:30", ["it.a 10:00–10:30", "it.b 10:30–11:00"], []),
        ("14:00-15:00", "14:00-15:00", ["it.a 10:00–11:00"], []),
        ("10:15-10:45", "", ["it.a 10:00–10:15", "it.a 10:45–11:00"], ["10:15–10:45"]),
    ])
    func onCall(aAway: String, bAway: String, shifts: [String], gaps: [String]) {
        func away(_ text: String) -> TimeInterval {
            let parts = text.split(separator: "-").map(String.init)
            return CheckerFixture.span("2026-12-08T\(parts[0])", "2026-12-08T\(parts[1])")
        }
        var c = fixture
        c.staff("it.a") { $0.unavailable = [away(aAway)] }
        if !bAway.isEmpty { c.scenario.staff.append(StaffMember(id: "it.b", building: "A", roles: [.it], unavailable: [away(bAway)])) }
        let onCall = ITOnCall(scenario: c.scenario, plan: c.plan)
        let key = ItemKey(visit: "V-1001", agendaIndex: 0)
        let got = (onCall.shifts[key] ?? []).map { "\($0.person) \($0.interval.start.timeOfDay)–\($0.interval.end.timeOfDay)" }
        #expect(got == shifts)
        #expect((onCall.uncovered[key] ?? []).map { "\($0.start.timeOfDay)–\($0.end.timeOfDay)" } == gaps)
        #expect(onCall.shifts[ItemKey(visit: "V-1002", agendaIndex: 0)] == nil, "no equipment, nobody on call")
        if let gap = gaps.first {
            let sheet = RunSheet(scenario: c.scenario, plan: c.plan, visit: "V-1001", onCall: onCall)
            #expect(sheet?.steps[1].notes.contains("no IT person free \(gap): ask the coordinator") == true)
        }
    }

    @Test("an IT person on duty in another item is not on call then")
    func busyITPerson() {
        var c = fixture
        c.staff("it.a") { $0.roles.insert(.technical); $0.expertise = ["robotics"] }
        c.scenario.staff.append(StaffMember(id: "it.b", building: "A", roles: [.it]))
        c.item("V-1001", 0) { $0.technical = ["it.a"] }
        let onCall = ITOnCall(scenario: c.scenario, plan: c.plan)
        #expect(onCall.shifts[ItemKey(visit: "V-1001", agendaIndex: 0)]?.map(\.person) == ["it.b"])
        #expect(onCall.shifts(of: "it.b").count == 1 && onCall.shifts(of: "it.a").isEmpty)
    }

    @Test("run sheets carry no prices or budgets, and the page escapes what the scenario says")
    func noMoneyAndEscaped() throws {
        var c = fixture
        c.scenarioVisit("V-1001") { $0.client.name = "<script>alert(1)</script> & Co" }
        let sheet = try #require(RunSheet(scenario: c.scenario, plan: c.plan, visit: "V-1001"))
        let text = RunSheetText(sheet).render()
        #expect(!text.contains("420") && !text.contains("60 ") && !text.contains("per head"), "\(text)")
        let html = RunSheetHTML([sheet], title: "t").render()
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("@media print") && html.contains("page-break-after"))
    }

    @Test("each caterer's orders: every meal it serves, by time, with diners and dietary counts; prices only when asked")
    func catererOrders() throws {
        let sheets = CatererOrders.from(scenario: fixture.scenario, plan: fixture.plan)
        #expect(sheets.map(\.caterer) == ["canteen"])
        let orders = try #require(sheets.first).orders
        #expect(orders.map(\.visit) == ["V-1001", "V-1002"])
        #expect(orders[0].order.description == "7 diners: 2 vegetarian, 1 halal, 4 standard")
        #expect(orders[1].order.description == "5 diners")
        #expect(orders.map(\.service) == ["Working meal", "Tea break"])
        let kitchen = sheets[0].text(withPrices: false)
        #expect(kitchen.contains("12:00–13:00  Working meal for Contoso (V-1001): 7 diners: 2 vegetarian, 1 halal, 4 standard; host Li Wei"), "\(kitchen)")
        #expect(!kitchen.contains("per head"))
        #expect(sheets[0].text(withPrices: true).contains("; 60 per head"))
        #expect(CatererOrders.from(scenario: fixture.scenario, plan: fixture.plan, only: "fancy").isEmpty)
    }

    @Test("a visit's preparation: owners and due times counted in working days back, the menu before the caterer's lead time, the NDA known signed")
    func checklist() throws {
        let list = try #require(PreparationChecklist(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1001"))
        func task(_ key: String) -> PreparationChecklist.Task? { list.tasks.first { $0.key == key } }
        // Tuesday 2026-12-08: Monday is 1 working day before, Friday 2, Thursday 3.
        #expect(task("confirm")?.due.date == CheckerFixture.day("2026-12-03"))
        #expect(task("confirm")?.owner == "Li Wei")
        #expect(task("materials")?.due.date == CheckerFixture.day("2026-12-04"))
        #expect(task("equipment-0")?.owner == "it.a" && task("equipment-0")?.due.date == CheckerFixture.day("2026-12-07"))
        #expect(task("room-0")?.title == "Room R-301 ready at 10:00 for 9 people")
        #expect(task("tour-1")?.owner == "wang.fang")
        // The canteen needs 24 h: the menu is due Monday 12:00, before the end of that working day.
        #expect(task("menu-2")?.due == CheckerFixture.at("2026-12-07T12:00"))
        #expect(task("menu-2")?.title.hasSuffix("7 diners: 2 vegetarian, 1 halal, 4 standard") == true)
        #expect(task("nda")?.done == true, "V-1001 has signed its NDA")
        #expect(list.tasks.map(\.due) == list.tasks.map(\.due).sorted())
        #expect(list.overdue(at: CheckerFixture.at("2026-12-04T12:00")).map(\.key) == ["confirm"])
        #expect(list.text(now: CheckerFixture.at("2026-12-04T12:00")).contains("[!] 2026-12-03"))
        // V-1002 was requested on Friday at 10:00 for Tuesday: what was due before that is due at the request.
        let urgent = try #require(PreparationChecklist(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1002"))
        #expect(urgent.tasks.first { $0.key == "confirm" }?.due == CheckerFixture.at("2026-12-04T10:00"))
        #expect(urgent.tasks.first { $0.key == "nda" } == nil, "nothing confidential")
        #expect(PreparationChecklist(scenario: fixture.scenario, plan: fixture.plan, visit: "V-1003") == nil)
    }
}

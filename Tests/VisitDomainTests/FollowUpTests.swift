import Testing
@testable import VisitDomain

/// After the visit: records read with field paths, a visit's file, its follow-up plan, and the
/// monthly KPIs computed from facts built by hand.
@Suite("After the visit: records, follow-ups and KPIs")
struct FollowUpTests {
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

    static func record(_ yaml: String) throws -> VisitRecordBody {
        try VisitRecordDecoder.decode(try DocumentValue.parse(yaml, format: .yaml, file: "record.yaml"), file: "record.yaml")
    }

    static func issues(_ yaml: String) -> [String] {
        do {
            _ = try record(yaml)
            return []
        } catch let error as ScenarioError {
            guard case .invalid(let issues) = error else { return ["\(error)"] }
            return issues.map { "\($0.path): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test("each kind of record is read and written back as it was", arguments: [
        "{kind: checklist, task: menu-2, done: true}",
        "{kind: note, topic: question, text: Can the line run two shifts?}",
        "{kind: feedback, satisfaction: 92, intent: likely, suggestions: More time in the lab, openQuestions: Lead times, recommendedFollowUp: Send the spec}",
        "{kind: task, task: proposal, state: done, note: sent by mail}",
        "{kind: outcome, result: signed, date: '2026-12-20'}",
        "{kind: incident, type: complaint, severity: major, points: 4, description: The driver was late}",
    ])
    func roundTrip(yaml: String) throws {
        let body = try Self.record(yaml)
        let written = DocumentJSON.text(VisitRecordDecoder.document(of: body), indent: nil)
        #expect(try VisitRecordDecoder.decode(try DocumentValue.parse(written, format: .json, file: "x"), file: "x") == body)
        #expect(written.hasPrefix("{\"kind\":\"\(body.kind.rawValue)\""))
    }

    @Test("bad records name the field and what is wrong", arguments: [
        ("{kind: feedbak, satisfaction: 90}", "kind: unknown kind \"feedbak\" (did you mean \"feedback\"?)"),
        ("{kind: feedback, satisfaction: 101, intent: likely}", "satisfaction: must be at most 100, found 101"),
        ("{kind: feedback, satisfaction: 80}", "intent: missing required field \"intent\""),
        ("{kind: feedback, satisfaction: 80, intent: maybe}", "intent: unknown intent \"maybe\"; one of: none, exploring, likely, committed"),
        ("{kind: note, topic: question}", "text: missing required field \"text\""),
        ("{kind: incident, type: complaint, severity: major, points: 7, description: x}", "points: must be at most 5, found 7"),
        ("{kind: task, task: 'menu 2!', state: done}", "task: a task key is letters, digits and dashes, at most 60 (\"menu-2\")"),
        ("{kind: outcome, result: signed, date: '2026-13-01'}", "date:"),
        ("{kind: note, text: hi, mood: good}", "mood: unknown field \"mood\""),
        ("[1, 2]", ": expected a record"),
    ])
    func badRecords(yaml: String, expected: String) {
        let found = Self.issues(yaml)
        #expect(found.contains { $0.hasPrefix(expected) || $0.contains(expected) }, "\(found)")
    }

    @Test("a note longer than the limit is refused, with its length")
    func longNote() {
        let text = String(repeating: "a", count: InputLimits.noteCharacters + 1)
        #expect(Self.issues("{kind: note, text: \(text)}") == ["text: at most \(InputLimits.noteCharacters) characters (this is \(text.count))"])
    }

    static func make(_ visit: String, _ at: String, _ body: VisitRecordBody, id: Int64, by: String = "li.wei") -> VisitRecord {
        VisitRecord(id: id, scenarioId: "week", visitId: visit, at: Self.at(at), recordedBy: by, body: body)
    }

    static func make(_ at: String, _ body: VisitRecordBody, id: Int64) -> VisitRecord { make("V-1", at, body, id: id) }

    @Test("a visit's file: a later mark undoes an earlier one, the latest feedback counts but the first one's time, the latest outcome")
    func visitFile() {
        let file = VisitFile(visitId: "V-1", records: [
            Self.make("2026-12-10T09:00", .checklist(ChecklistMark(task: "confirm")), id: 1),
            Self.make("2026-12-10T10:00", .checklist(ChecklistMark(task: "menu-2")), id: 2),
            Self.make("2026-12-10T11:00", .checklist(ChecklistMark(task: "menu-2", done: false)), id: 3),
            Self.make("2026-12-15T09:00", .feedback(VisitFeedback(satisfaction: 80, intent: .exploring)), id: 4),
            Self.make("2026-12-16T09:00", .feedback(VisitFeedback(satisfaction: 85, intent: .likely)), id: 5),
            Self.make("2026-12-20T09:00", .outcome(VisitOutcome(result: .intent, date: LocalDate(iso: "2026-12-20")!)), id: 6),
            Self.make("2026-12-28T09:00", .outcome(VisitOutcome(result: .signed, date: LocalDate(iso: "2026-12-28")!)), id: 7),
            Self.make("V-2", "2026-12-10T09:00", .checklist(ChecklistMark(task: "materials")), id: 8),
        ])
        #expect(file.checklistDone == ["confirm": Self.at("2026-12-10T09:00")])
        #expect(file.feedback?.satisfaction == 85 && file.firstFeedbackAt == Self.at("2026-12-15T09:00"))
        #expect(file.outcome?.result == .signed)
        #expect(file.records.count == 7, "another visit's records are not in it")
    }

    @Test("the follow-up plan: nothing before the visit ends; then feedback and call in 24 h, proposal in 3 days, second meeting in 7, weekly updates")
    func followUpPlan() {
        let end = Self.at("2026-12-14T16:00")
        let empty = VisitFile(visitId: "V-1", records: [])
        #expect(FollowUpPlan(visitId: "V-1", end: end, host: "li.wei", owner: "sales.kim", file: empty, now: Self.at("2026-12-14T15:59")).tasks.isEmpty)
        let justAfter = FollowUpPlan(visitId: "V-1", end: end, host: "li.wei", owner: "sales.kim", file: empty, now: Self.at("2026-12-14T17:00"))
        #expect(justAfter.tasks.map(\.key) == ["call", "feedback", "proposal", "meeting"])
        #expect(justAfter.tasks.map(\.owner) == ["li.wei", "li.wei", "sales.kim", "sales.kim"])
        #expect(justAfter.tasks.map(\.due.description) == ["2026-12-15T16:00", "2026-12-15T16:00", "2026-12-17T16:00", "2026-12-21T16:00"])
        #expect(justAfter.tasks.allSatisfy { $0.state == .open })

        let file = VisitFile(visitId: "V-1", records: [
            Self.make("2026-12-15T10:00", .feedback(VisitFeedback(satisfaction: 93, intent: .likely)), id: 1),
            Self.make("2026-12-18T09:00", .task(TaskUpdate(task: "proposal", state: .done)), id: 2),
            Self.make("2026-12-15T09:00", .task(TaskUpdate(task: "call", state: .done)), id: 3),
        ])
        let later = FollowUpPlan(visitId: "V-1", end: end, host: "li.wei", owner: nil, file: file, now: Self.at("2027-01-05T09:00"))
        let state = Dictionary(uniqueKeysWithValues: later.tasks.map { ($0.key, $0.state) })
        #expect(state["feedback"] == .done && state["call"] == .done && state["proposal"] == .done)
        #expect(later.tasks.first { $0.key == "proposal" }?.doneOnTime == false, "done a day late")
        #expect(later.tasks.first { $0.key == "call" }?.doneOnTime == true)
        #expect(state["meeting"] == .overdue)
        #expect(later.tasks.filter { $0.key.hasPrefix("update-") }.map(\.due.description) == ["2026-12-28T16:00", "2027-01-04T16:00", "2027-01-11T16:00"],
                "weekly from the week after the second meeting, up to a week ahead")
        #expect(state["update-1"] == .overdue && state["update-2"] == .overdue && state["update-3"] == .open)
        #expect(later.tasks.filter { $0.key != "feedback" && $0.key != "call" }.allSatisfy { $0.owner == "li.wei" }, "no owner: the host")

        let signed = VisitFile(visitId: "V-1", records: file.records + [
            Self.make("2026-12-19T12:00", .outcome(VisitOutcome(result: .signed, date: LocalDate(iso: "2026-12-19")!)), id: 4),
        ])
        let closed = FollowUpPlan(visitId: "V-1", end: end, host: "li.wei", owner: "sales.kim", file: signed, now: Self.at("2027-01-05T09:00"))
        #expect(closed.tasks.map(\.key) == ["call", "feedback", "proposal", "meeting"], "no weekly updates after the deal")
        #expect(closed.tasks.first { $0.key == "meeting" }?.state == .cancelled)
        #expect(closed.tasks.first { $0.key == "meeting" }?.note == "the deal was signed")
    }

    /// A month built by hand: four visits, their feedback, outcomes, tasks and incidents.
    static func december() -> KPIFacts {
        let now = Self.at("2026-12-31T18:00")
        func visit(_ id: String, start: String, end: String, lead: LeadTimeClass, replans: Int, changes: Int, records: [VisitRecord],
                   catering: Double, budget: Double) -> KPIFacts.Visit {
            let file = VisitFile(visitId: id, records: records)
            return KPIFacts.Visit(scenarioId: "week-50", visitId: id, client: "Client \(id)", start: Self.at(start), end: Self.at(end), lead: lead,
                                  replans: replans, changes: changes, file: file,
                                  followUp: FollowUpPlan(visitId: id, end: Self.at(end), host: "li.wei", owner: nil, file: file, now: now),
                                  cateringCost: catering, cateringBudget: budget)
        }
        let visits = [
            // Feedback on time (95), signed within 30 days, every task done on time before the deal.
            visit("A", start: "2026-12-01T09:00", end: "2026-12-01T12:00", lead: .standard, replans: 2, changes: 3, records: [
                Self.make("A", "2026-12-01T15:00", .feedback(VisitFeedback(satisfaction: 95, intent: .committed)), id: 1),
                Self.make("A", "2026-12-01T16:00", .task(TaskUpdate(task: "call", state: .done)), id: 2),
                Self.make("A", "2026-12-03T09:00", .task(TaskUpdate(task: "proposal", state: .done)), id: 3),
                Self.make("A", "2026-12-07T09:00", .outcome(VisitOutcome(result: .signed, date: LocalDate(iso: "2026-12-07")!)), id: 4),
            ], catering: 300, budget: 400),
            // Feedback late (80), intent within 30 days, a complaint.
            visit("B", start: "2026-12-08T09:00", end: "2026-12-08T12:00", lead: .urgent, replans: 1, changes: 1, records: [
                Self.make("B", "2026-12-10T09:00", .feedback(VisitFeedback(satisfaction: 80, intent: .likely)), id: 5),
                Self.make("B", "2026-12-09T09:00", .incident(Incident(kind: .complaint, severity: .major, description: "Lunch was late")), id: 6),
                Self.make("B", "2026-12-20T09:00", .outcome(VisitOutcome(result: .intent, date: LocalDate(iso: "2026-12-20")!)), id: 7),
            ], catering: 250, budget: 200),
            // No feedback, closed without a deal, an information error (2 points).
            visit("C", start: "2026-12-15T09:00", end: "2026-12-15T12:00", lead: .standard, replans: 0, changes: 0, records: [
                Self.make("C", "2026-12-16T09:00", .incident(Incident(kind: .informationError, severity: .minor, description: "Wrong room given")), id: 8),
                Self.make("C", "2026-12-16T10:00", .outcome(VisitOutcome(result: .closed, date: LocalDate(iso: "2026-12-16")!)), id: 9),
            ], catering: 0, budget: 100),
            // Feedback on time (90), nothing else yet.
            visit("D", start: "2026-12-29T09:00", end: "2026-12-29T12:00", lead: .standard, replans: 1, changes: 2, records: [
                Self.make("D", "2026-12-29T18:00", .feedback(VisitFeedback(satisfaction: 90, intent: .exploring)), id: 10),
            ], catering: 150, budget: 150),
        ]
        return KPIFacts(month: ReportMonth("2026-12")!, visits: visits,
                        rooms: KPIFacts.Use(busyMinutes: 600, availableMinutes: 2400),
                        guides: KPIFacts.Use(busyMinutes: 300, availableMinutes: 1200), hosts: KPIFacts.Use(busyMinutes: 900, availableMinutes: 1800))
    }

    @Test("every monthly figure, from a month built by hand")
    func monthlyFigures() throws {
        let k = MonthlyKPIs(Self.december())
        #expect(k.visitsReceived == 4)
        #expect(k.standardLeadShare == 0.75 && k.urgentShare == 0.25)
        #expect(k.replansPerVisit == 1.0 && k.changesPerVisit == 1.5)
        #expect(k.feedbackCount == 3)
        let average: Double = (95 + 80 + 90) / 3
        #expect(k.averageSatisfaction == average)
        #expect(k.excellentShare == 2.0 / 3, "95 and 90 are excellent, 80 is not")
        #expect(k.feedbackOnTimeShare == 0.5, "A and D within 24 h; B two days late; C none")
        #expect(k.conversions30 == 2 && k.conversionShare == 0.5, "A signed, B intent; C closed, D nothing yet")
        // Tasks due by Dec 31 (done or overdue, not cancelled):
        // A: feedback, call, proposal done on time; meeting (due 12-08) cancelled by the deal of 12-07.
        // B: feedback done late; call (12-09), proposal (12-11), meeting (12-15), updates 1-2 (12-22, 12-29) overdue.
        // C: feedback overdue (a feedback form is owed whatever the outcome); call, proposal and meeting cancelled by the close on 12-16.
        // D: feedback on time; call due 12-30 12:00 overdue.
        let (due, onTime, overdue) = (3 + 6 + 1 + 2, 3 + 0 + 0 + 1, 5 + 1 + 1)
        #expect(k.followUpsDue == due, "\(k)")
        #expect(k.followUpsOnTime == onTime)
        #expect(k.followUpsOverdue == overdue)
        #expect(k.followUpsOnTimeShare == 4.0 / 12)
        #expect(k.incidents == 2 && k.complaints == 1)
        #expect(k.incidentPoints == 5, "3 for the major complaint, 2 for the minor error")
        #expect(k.cateringSpend == 700 && k.cateringBudget == 850)
        #expect(k.roomUtilisation == 0.25 && k.guideUtilisation == 0.25 && k.hostUtilisation == 0.5)
    }

    @Test("a month with nothing in it has no shares, and the report compares it all the same")
    func emptyMonth() {
        let empty = KPIFacts(month: ReportMonth("2026-11")!, visits: [])
        let report = MonthlyReport(current: Self.december(), previous: empty)
        #expect(report.previous.visitsReceived == 0 && report.previous.averageSatisfaction == nil && report.previous.conversionShare == nil)
        let text = MonthlyReportText.render(report)
        #expect(text.contains("Visits received"))
        #expect(text.contains("Converted within 30 days") && text.contains("50 %"))
        let rows = KPIRow.rows(report)
        #expect(rows.first { $0.name == "Visits received" }?.change == "+4")
        #expect(rows.first { $0.name == "Excellent (90 or more)" }?.previous == "-")
        #expect(!KPIRow.rows(report, costs: false).contains { $0.name.contains("spend") }, "no costs for hosts")
        let html = MonthlyReportHTML.render(report)
        #expect(html.contains("<svg") && html.contains("Room utilisation") && !html.contains("<script"))
    }

    @Test("the quarterly review lists the soonest conversions and every complaint")
    func quarterly() {
        let (name, months) = QuarterlyReview.quarter(of: ReportMonth("2026-11")!)
        #expect(name == "2026-Q4" && months.map(\.description) == ["2026-10", "2026-11", "2026-12"])
        let review = QuarterlyReview(quarter: name, facts: [KPIFacts(month: months[0], visits: []), KPIFacts(month: months[1], visits: []), Self.december()])
        #expect(review.bestConversions.map(\.visitId) == ["A", "B"])
        #expect(review.bestConversions.first?.summary == "signed 6 days after the visit")
        #expect(review.complaints.map(\.visitId) == ["B"] && review.complaints[0].summary.contains("Lunch was late"))
        #expect(review.text().contains("Quarterly review 2026-Q4"))
    }
}

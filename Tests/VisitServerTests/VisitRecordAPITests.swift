import Foundation
import HTTPTypes
import Testing
import VisitDomain
@testable import VisitServer

/// After the visit, through the API: a visit's file, its records and files, the follow-up list
/// and the KPI reports, with what each role may see and do.
@Suite("API: records, files, follow-ups and KPIs after the visit")
struct VisitRecordAPITests {
    static let scenario = "suzhou-office-week-51"
    /// Tuesday 2026-12-15 16:00 in Suzhou (UTC+8): Monday's visits have ended.
    static let tuesdayAfternoon: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_797_321_600) }

    static func path(_ visit: String, _ rest: String) -> String { "/api/scenarios/\(scenario)/visits/\(visit)/\(rest)" }

    /// The small office planned, its clock on Tuesday afternoon, and V-2001's host.
    static func server() async throws -> (TestServer, host: String, other: String) {
        let server = try await TestServer.smallOffice(clock: tuesdayAfternoon)
        let plan = try await server.services.store.plan(scenarioId: scenario, version: nil).decodedPlan()
        let host = try #require(plan.visit("V-2001")?.host)
        let token = try #require(TestTokens.host(host))
        let other = try #require([TestTokens.lisa, TestTokens.zhou].first { $0 != token })
        return (server, token, other)
    }

    @Test("the host records a note, the feedback, a finished follow-up and a checklist mark; the file shows each, with who and when")
    func hostRecords() async throws {
        let (server, host, _) = try await Self.server()
        try await server.test { api in
            let before = try await api.get(Self.path("V-2001", "file"), token: host).json
            #expect(before["now"]?.stringValue == "2026-12-15T16:00")
            let keys = before["followUps"]?.arrayValue?.compactMap { $0["key"]?.stringValue }
            #expect(keys == ["call", "feedback", "proposal", "meeting"], "the visit ended on Monday: its follow-up has begun")
            #expect(before["followUps"]?.arrayValue?.first { $0["key"]?.stringValue == "feedback" }?["state"]?.stringValue == "overdue",
                    "more than 24 hours after Monday's visit")
            #expect(before["followUps"]?.arrayValue?.first { $0["key"]?.stringValue == "proposal" }?["state"]?.stringValue == "open")
            #expect(before["checklist"]?.arrayValue?.contains { $0["overdue"]?.boolValue == true } == true, "nothing was marked before the visit")

            for record in ["{kind: note, topic: question, text: Can the line run two shifts?}",
                           "{kind: feedback, satisfaction: 94, intent: likely, suggestions: Longer lab time}",
                           "{kind: task, task: call, state: done}",
                           "{kind: checklist, task: confirm}"] {
                let reply = try await api.post(Self.path("V-2001", "records"), token: host, body: record, contentType: "application/yaml")
                #expect(reply.status == .created, "\(record): \(reply.text)")
            }
            let fileReply = try await api.get(Self.path("V-2001", "file"), token: host)
            let file = try fileReply.json
            #expect(file[path: "notes[0].text"]?.stringValue == "Can the line run two shifts?")
            #expect(file[path: "notes[0].at"]?.stringValue == "2026-12-15T16:00")
            #expect(file[path: "feedback.satisfaction"]?.intValue == 94 && file[path: "feedback.excellent"]?.boolValue == true)
            #expect(file[path: "feedback.onTime"]?.boolValue == false, "Monday's visit ended before Monday 16:00: more than 24 h ago")
            let state = { (key: String) in file["followUps"]?.arrayValue?.first { $0["key"]?.stringValue == key }?["state"]?.stringValue }
            #expect(state("feedback") == "done" && state("call") == "done" && state("proposal") == "open")
            #expect(file["checklist"]?.arrayValue?.first { $0["key"]?.stringValue == "confirm" }?["done"]?.boolValue == true)
            #expect(!fileReply.text.contains("pricePerHead") && !fileReply.text.contains("cost"))
        }
    }

    @Test("another host may neither read nor record a visit; a planner reads but does not record; unknown and unscheduled visits are 404")
    func roles() async throws {
        let (server, _, other) = try await Self.server()
        try await server.test { api in
            let note = "{\"kind\": \"note\", \"text\": \"x\"}"
            let statuses: [(HTTPResponse.Status, HTTPResponse.Status, String)] = [
                (try await api.get(Self.path("V-2001", "file"), token: other).status, .forbidden, "another host reads"),
                (try await api.post(Self.path("V-2001", "records"), token: other, body: note).status, .forbidden, "another host records"),
                (try await api.get(Self.path("V-2001", "file"), token: TestTokens.planner).status, .ok, "a planner reads"),
                (try await api.post(Self.path("V-2001", "records"), token: TestTokens.planner, body: note).status, .forbidden, "a planner records"),
                (try await api.get(Self.path("V-9999", "file")).status, .notFound, "unknown visit"),
                (try await api.get(Self.path("V-2005", "file")).status, .notFound, "V-2005 is too late to schedule"),
                (try await api.get(Self.path("V-2001", "file"), token: nil).status, .unauthorized, "no token"),
            ]
            for (found, expected, what) in statuses { #expect(found == expected, "\(what)") }
        }
    }

    @Test("bad records are refused with the field and why", arguments: [
        ("{\"kind\": \"feedback\", \"satisfaction\": 120, \"intent\": \"likely\"}", "satisfaction", "must be at most 100"),
        ("{\"kind\": \"checklist\", \"task\": \"menu-9\"}", "task", "has no preparation task \"menu-9\""),
        ("{\"kind\": \"task\", \"task\": \"update-9\", \"state\": \"done\"}", "task", "has no follow-up task \"update-9\""),
        ("{\"kind\": \"incident\", \"type\": \"complaint\", \"severity\": \"huge\", \"description\": \"x\"}", "severity", "unknown severity"),
        ("{\"kind\": \"gossip\"}", "kind", "unknown kind"),
    ])
    func badRecords(body: String, field: String, message: String) async throws {
        let (server, host, _) = try await Self.server()
        try await server.test { api in
            let reply = try await api.post(Self.path("V-2001", "records"), token: host, body: body)
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            let issue = try reply.json[path: "issues[0]"]
            #expect(issue?["path"]?.stringValue == field && issue?["message"]?.stringValue?.contains(message) == true, "\(reply.text)")
        }
    }

    @Test("a visit keeps at most 1,000 records: the next is refused with 422, another visit still records")
    func recordCap() async throws {
        let (server, host, _) = try await Self.server()
        let store = server.services.store
        let note = DocumentJSON.text(["kind": "note", "topic": "other", "text": "filler"], indent: nil)
        for _ in 0..<VisitFiles.maxRecordsPerVisit {
            _ = try await store.addRecord(VisitRecordRow(id: nil, scenarioId: Self.scenario, visitId: "V-2001", kind: "note", body: note,
                                                         at: "2026-12-15T12:00", recordedBy: "test", recordedAt: ""))
        }
        try await server.test { api in
            let refused = try await api.post(Self.path("V-2001", "records"), token: host, body: note)
            #expect(refused.status == .unprocessableContent && refused.text.contains("already keeps 1000 records"), "\(refused.text)")
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let other = try #require(plan["plan"]?["visits"]?.arrayValue?.first {
                $0["scheduled"]?.boolValue == true && $0["id"]?.stringValue != "V-2001"
            }?["id"]?.stringValue)
            #expect(try await api.post(Self.path(other, "records"), body: note).status == .created)
        }
    }

    @Test("feedback and an outcome wait until the visit has started")
    func feedbackTooEarly() async throws {
        let (server, _, _) = try await Self.server()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let later = try #require(plan["plan"]?["visits"]?.arrayValue?.first { ($0["start"]?.stringValue ?? "") > "2026-12-16" }?["id"]?.stringValue)
            let reply = try await api.post(Self.path(later, "records"), body: "{\"kind\": \"feedback\", \"satisfaction\": 90, \"intent\": \"none\"}")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.text.contains("comes once it has started"), "\(reply.text)")
        }
    }

    @Test("files: a photo kept with the visit and fetched by its host only; types checked against the bytes; names checked")
    func files() async throws {
        let (server, host, other) = try await Self.server()
        try await server.test { api in
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)
            let (created, _) = try await api.upload(Self.path("V-2001", "files?name=whiteboard.png"), token: host, bytes: png, contentType: "image/png")
            #expect(created.status == .created, "\(created.text)")
            let url = try #require(try created.json["url"]?.stringValue)
            let (status, headers, bytes) = try await api.bytes(url, token: host)
            #expect(status == .ok && bytes == png && headers[.contentType] == "image/png")
            #expect(headers[.contentDisposition] == "attachment; filename=\"whiteboard.png\"")
            #expect(try await api.bytes(url, token: other).0 == .forbidden)
            #expect(try await api.get(Self.path("V-2001", "file"), token: host).json[path: "files[0].name"]?.stringValue == "whiteboard.png")

            for (name, type, body, reason) in [
                ("a.gif", "image/gif", Array("GIF89a".utf8), "files may be image/jpeg"),
                ("b.pdf", "application/pdf", Array("<html>".utf8), "not a application/pdf file"),
                ("c.txt", "text/plain", [0xFF, 0xFE, 0x00], "UTF-8 text"),
                ("../d.png", "image/png", png, "without slashes"),
                ("e.png", "image/png", [], "empty"),
            ] {
                let (reply, _) = try await api.upload(Self.path("V-2001", "files?name=\(name)"), token: host, bytes: body, contentType: type)
                #expect(reply.status == .unprocessableContent && reply.text.contains(reason), "\(name): \(reply.text)")
            }
            let big = [UInt8](repeating: 0x41, count: AttachmentPolicy.maxBytes + 1)
            let (tooBig, _) = try await api.upload(Self.path("V-2001", "files?name=big.txt"), token: host, bytes: big, contentType: "text/plain")
            #expect(tooBig.status == .contentTooLarge, "\(tooBig.status)")
        }
    }

    @Test("the follow-up list: a coordinator sees every ended visit's tasks, a host only their own")
    func followUpList() async throws {
        let (server, host, other) = try await Self.server()
        try await server.test { api in
            let all = try await api.get("/api/scenarios/\(Self.scenario)/followups").json
            let visits = Set(all["tasks"]?.arrayValue?.compactMap { $0["visit"]?.stringValue } ?? [])
            #expect(visits.contains("V-2001") && visits.isDisjoint(with: ["V-2003", "V-2006", "V-2007"]), "only visits that have ended: \(visits)")
            let mine = try await api.get("/api/scenarios/\(Self.scenario)/followups", token: host).json
            #expect(mine["tasks"]?.arrayValue?.contains { $0["visit"]?.stringValue == "V-2001" } == true)
            let theirs = try await api.get("/api/scenarios/\(Self.scenario)/followups", token: other).json
            #expect(theirs["tasks"]?.arrayValue?.contains { $0["visit"]?.stringValue == "V-2001" } == false)
        }
    }

    @Test("the monthly KPIs from the store: visits received, lead times, satisfaction once feedback is in; no hosts; bad months refused")
    func monthlyReport() async throws {
        let (server, host, _) = try await Self.server()
        try await server.test { api in
            let plan = try await server.services.store.plan(scenarioId: Self.scenario, version: nil).decodedPlan()
            let scheduled = plan.visits.filter(\.scheduled)
            _ = try await api.post(Self.path("V-2001", "records"), token: host, body: "{\"kind\": \"feedback\", \"satisfaction\": 94, \"intent\": \"likely\"}")
            _ = try await api.post(Self.path("V-2001", "records"), token: host,
                                   body: "{\"kind\": \"incident\", \"type\": \"complaint\", \"severity\": \"minor\", \"description\": \"Parking was full\"}")
            let reply = try await api.get("/api/reports/monthly?month=2026-12")
            #expect(reply.status == .ok, "\(reply.text)")
            let report = try reply.json
            #expect(report[path: "report.current.visitsReceived"]?.intValue == scheduled.count)
            #expect(report[path: "report.previous.visitsReceived"]?.intValue == 0)
            let urgent: Double = Double(scheduled.filter { $0.urgent == true }.count) / Double(scheduled.count)
            #expect(report[path: "report.current.urgentShare"]?.numberValue == urgent)
            #expect(report[path: "report.current.averageSatisfaction"]?.numberValue == 94)
            #expect(report[path: "report.current.incidentPoints"]?.intValue == 2)
            let items: [PlannedItem] = plan.visits.flatMap { $0.items ?? [] }
            let spend: Double = items.compactMap(\.cost).reduce(0, +)
            #expect(report[path: "report.current.cateringSpend"]?.numberValue == spend)
            #expect(report["rows"]?.arrayValue?.first?["name"]?.stringValue == "Visits received")
            let html = try await api.get("/api/reports/monthly?month=2026-12&format=html")
            #expect(html.status == .ok && html.text.contains("<svg") && html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try await api.get("/api/reports/monthly?month=2026-12", token: host).status == .forbidden, "spend and budgets: not for hosts")
            #expect(try await api.get("/api/reports/monthly?month=2026-13").status == .badRequest)
            #expect(try await api.get("/api/reports/monthly").status == .badRequest)
            let review = try await api.get("/api/reports/quarterly?quarter=2026-Q4", token: TestTokens.planner)
            #expect(review.status == .ok, "\(review.text)")
            #expect(try review.json["complaints"]?.arrayValue?.first?["visitId"]?.stringValue == "V-2001")
            let badQuarter = try await api.get("/api/reports/quarterly?quarter=2026-Q5")
            #expect(badQuarter.status == .badRequest)
        }
    }

    @Test("a host's feed lists their to-dos: overdue follow-ups first with priority 1, done ones completed; another host's feed has none of them")
    func feedTodos() async throws {
        let (server, host, other) = try await Self.server()
        let plan = try await server.services.store.plan(scenarioId: Self.scenario, version: nil).decodedPlan()
        let person = try #require(plan.visit("V-2001")?.host)
        try await server.test { api in
            let before = try await api.get("/calendars/person/\(person).ics", token: host).text
            #expect(before.contains("BEGIN:VTODO"))
            let feedback = try #require(before.components(separatedBy: "BEGIN:VTODO").first { $0.contains("V-2001/follow-up/feedback@visitplan") })
            #expect(feedback.contains("SUMMARY:Overdue: V-2001") && feedback.contains("PRIORITY:1") && feedback.contains("STATUS:NEEDS-ACTION"))
            #expect(feedback.contains("DUE;TZID=Asia/Shanghai:20261215"))
            #expect(before.contains("V-2001/prepare/confirm@visitplan"), "the host's preparation tasks too")
            _ = try await api.post(Self.path("V-2001", "records"), token: host, body: "{\"kind\": \"feedback\", \"satisfaction\": 90, \"intent\": \"likely\"}")
            let after = try await api.get("/calendars/person/\(person).ics", token: host).text
            let done = try #require(after.components(separatedBy: "BEGIN:VTODO").first { $0.contains("V-2001/follow-up/feedback@visitplan") })
            #expect(done.contains("STATUS:COMPLETED") && !done.contains("PRIORITY:1"))
            let otherPerson = try #require(plan.visits.compactMap(\.host).first { $0 != person })
            let theirs = try await api.get("/calendars/person/\(otherPerson).ics", token: other).text
            #expect(!theirs.contains("V-2001/follow-up/") && !theirs.contains("V-2001/prepare/confirm"), "not their visit to prepare or follow up")
        }
    }

    @Test("the archive keeps what was recorded after the plan and the files, by client and date; a host sees them for their own visits only")
    func archive() async throws {
        let (server, host, other) = try await Self.server()
        try await server.test { api in
            _ = try await api.post(Self.path("V-2001", "records"), token: host, body: "{\"kind\": \"note\", \"topic\": \"intent\", \"text\": \"Wants a pilot line\"}")
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]
            _ = try await api.upload(Self.path("V-2001", "files?name=minutes.png"), token: host, bytes: png, contentType: "image/png")
            let found = try await api.get("/api/archive?client=contoso&date=2026-12-14").json
            let visit = try #require(found["visits"]?.arrayValue?.first { $0["visit"]?.stringValue == "V-2001" })
            #expect(visit[path: "records[0].record.text"]?.stringValue == "Wants a pilot line")
            #expect(visit[path: "records[0].record.kind"]?.stringValue == "note" && visit[path: "records[0].at"]?.stringValue == "2026-12-15T16:00")
            #expect(visit[path: "files[0].name"]?.stringValue == "minutes.png")
            let mine = try await api.get("/api/archive?client=contoso&date=2026-12-14", token: host).json
            #expect(mine[path: "visits[0].records"]?.arrayValue?.count == 1)
            let theirs = try await api.get("/api/archive?client=contoso&date=2026-12-14", token: other).json
            #expect(theirs[path: "visits[0].records"]?.arrayValue?.isEmpty == true && theirs[path: "visits[0].files"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("caterers' order sheets: what to cook per meal, prices for coordinators only, a host's own visits only")
    func orders() async throws {
        let (server, host, _) = try await Self.server()
        try await server.test { api in
            let all = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/orders").json.arrayValue ?? []
            let orders = all.flatMap { $0["orders"]?.arrayValue ?? [] }
            #expect(!orders.isEmpty && orders.allSatisfy { $0["pricePerHead"]?.numberValue != nil && $0["cook"]?.stringValue?.contains("diners") == true })
            let mine = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/orders", token: host)
            #expect(!mine.text.contains("pricePerHead"), "no prices for a host")
            let plan = try await server.services.store.plan(scenarioId: Self.scenario, version: nil).decodedPlan()
            let person = plan.visit("V-2001")?.host
            let hosted = Set(plan.visits.filter { $0.host == person }.map(\.id))
            let visits = Set((try mine.json.arrayValue ?? []).flatMap { $0["orders"]?.arrayValue ?? [] }.compactMap { $0["visit"]?.stringValue })
            #expect(visits.isSubset(of: hosted))
            let unknown = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/orders?caterer=nobody")
            #expect(unknown.status == .notFound)
        }
    }

    @Test("business and logistics tokens: no visit files, records, files, follow-ups or KPIs; logistics reads every order without prices, business only its own requests' orders")
    func otherRoles() async throws {
        let (server, _, _) = try await Self.server()
        try await server.test { api in
            for token in [TestTokens.business, TestTokens.logistics] {
                let refused: [TestReply] = [
                    try await api.get(Self.path("V-2001", "file"), token: token),
                    try await api.post(Self.path("V-2001", "records"), token: token, body: "{\"kind\": \"note\", \"text\": \"x\"}"),
                    try await api.get("/api/scenarios/\(Self.scenario)/followups", token: token),
                    try await api.get("/api/reports/monthly?month=2026-12", token: token),
                    try await api.get("/api/archive?client=contoso&date=2026-12-14", token: token),
                ]
                #expect(refused.allSatisfy { $0.status == .forbidden }, "\(refused.map(\.status))")
            }
            let logistics = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/orders", token: TestTokens.logistics)
            #expect(logistics.status == .ok && !logistics.text.contains("pricePerHead") && logistics.text.contains("cook"))
            let business = try await api.get("/api/scenarios/\(Self.scenario)/plans/current/orders", token: TestTokens.business)
            let businessOrders = try business.json.arrayValue
            #expect(business.status == .ok && businessOrders?.isEmpty == true, "xu.lan owns no visit of the small office")
        }
    }
}

import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// A parsed iCalendar document: content lines unfolded, each property with its unescaped value.
struct ParsedICS {
    struct Property: Equatable {
        var name: String
        var value: String
        /// `TZID` of `DTSTART;TZID=Asia/Shanghai:…`.
        var parameters: [String: String] = [:]
    }

    var physicalLines: [String]
    var properties: [Property]

    /// Parses `text`, checking the RFC 5545 framing on the way: CRLF only, at most 75 octets per line.
    init(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(text.hasSuffix("\r\n"), "the last line ends in CRLF")
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(i > 0 && bytes[i - 1] == UInt8(ascii: "\r"), "every line ends in CRLF")
        }
        physicalLines = text.components(separatedBy: "\r\n").dropLast().map { String($0) }
        var logical: [String] = []
        for line in physicalLines {
            #expect(line.utf8.count <= 75, "a folded line holds at most 75 octets: \(line)")
            if line.hasPrefix(" ") { logical[logical.count - 1] += line.dropFirst() } else { logical.append(line) }
        }
        properties = try logical.map { line in
            let colon = try #require(line.firstIndex(of: ":"), "a content line NAME:VALUE: \(line)")
            var parts = line[..<colon].split(separator: ";").map(String.init)
            let name = parts.removeFirst()
            let parameters = Dictionary(parts.map { part in
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                return (pair[0], pair.count > 1 ? pair[1] : "")
            }, uniquingKeysWith: { first, _ in first })
            return Property(name: name, value: Self.unescape(String(line[line.index(after: colon)...])), parameters: parameters)
        }
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for c in value {
            if escaping {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The VEVENTs, each as its properties by name.
    var events: [[String: String]] {
        var result: [[String: String]] = []
        var current: [String: String]?
        for p in properties {
            if p.name == "BEGIN", p.value == "VEVENT" { current = [:] }
            else if p.name == "END", p.value == "VEVENT", let event = current { result.append(event); current = nil }
            else if current != nil {
                current?[p.name] = p.value
                if let zone = p.parameters["TZID"] { current?[p.name + ";TZID"] = zone }
            }
        }
        return result
    }

    func value(_ name: String) -> String? { properties.first { $0.name == name }?.value }
}

@Suite("iCalendar feeds")
struct CalendarFeedTests {
    static let scenario = "suzhou-office-week-51"

    @Test("a host's feed parses back field by field; a replan that moves the visit raises SEQUENCE and moves DTSTART")
    func personFeed() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let visit = try #require(plan.first(in: "plan.visits", where: "id", is: "V-2001"))
            let host = try #require(visit["host"]?.stringValue)
            let reply = try await api.get("/calendars/person/\(host).ics?token=\(TestTokens.lisa)", token: nil)
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "text/calendar; charset=utf-8")
            let before = try ParsedICS(reply.text)
            #expect(before.properties.first == .init(name: "BEGIN", value: "VCALENDAR"))
            #expect(before.properties.last == .init(name: "END", value: "VCALENDAR"))
            #expect(before.value("VERSION") == "2.0")
            #expect(before.value("PRODID") == "-//visitplan//visit calendar//EN")
            #expect(before.value("X-WR-CALNAME")?.hasSuffix(": client visits") == true)
            let uid = "\(Self.scenario)/V-2001/host/person/\(host)@visitplan"
            let hosting = try #require(before.events.first { $0["UID"] == uid })
            // The host is busy from 10 minutes (hostArrivesEarlyMinutes) before the visit's start.
            let startText = try #require(visit["start"]?.stringValue)
            let start = try #require(LocalDateTime(iso: startText))
            #expect(hosting["DTSTART"] == ICSWriter.localDateTime(start.adding(minutes: -10)))
            #expect(hosting["DTEND"] == ICSWriter.localDateTime(try #require(LocalDateTime(iso: visit["end"]?.stringValue ?? ""))))
            #expect(hosting["SUMMARY"] == "Host: Contoso (V-2001)")
            #expect(hosting["LOCATION"] == "Main gate, building S", "the host meets the guests at the agreed meeting point")
            #expect(hosting["DESCRIPTION"]?.contains("Guests: Ms Emma Liu (purchasing manager)") == true)
            #expect(hosting["SEQUENCE"] == "0")
            #expect(hosting["DTSTAMP"]?.count == 16 && hosting["DTSTAMP"]?.hasSuffix("Z") == true)
            #expect(hosting["DESCRIPTION"]?.contains("Contoso, 3 guests (en)\nContact: Ms Emma Liu, +86 21 5555 0101") == true)
            #expect(hosting["STATUS"] == "CONFIRMED")
            // The scenario's calendar.timeZone, declared once as a VTIMEZONE.
            #expect(hosting["DTSTART;TZID"] == "Asia/Shanghai" && hosting["DTEND;TZID"] == "Asia/Shanghai")
            #expect(before.value("X-WR-TIMEZONE") == "Asia/Shanghai")
            #expect(before.properties.filter { $0.name == "BEGIN" && $0.value == "VTIMEZONE" }.count == 1)
            #expect(before.value("TZID") == "Asia/Shanghai")
            #expect(before.value("TZOFFSETTO") == "+0800")
            let hostedCount = try #require(plan[path: "plan.visits"]?.arrayValue).filter { $0["host"]?.stringValue == host }.count
            #expect(before.events.filter { $0["SUMMARY"]?.hasPrefix("Host: ") == true }.count == hostedCount)

            let event = eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])
            #expect(try await api.post("/api/scenarios/\(Self.scenario)/plans/1/events", body: event).status == .created)
            let after = try ParsedICS(try await api.get("/calendars/person/\(host).ics").text)
            let moved = try #require(after.events.first { $0["UID"] == uid })
            #expect(moved["SEQUENCE"] == "1", "the replan moved the visit")
            #expect(moved["DTSTART"] != hosting["DTSTART"])
            let untouched = after.events.filter { $0["UID"] != uid && $0["UID"]?.contains("/V-2001/") == false }
            #expect(untouched.allSatisfy { $0["SEQUENCE"] == "0" }, "visits the replan did not move keep SEQUENCE 0")
        }
    }

    @Test("an IT person's feed has their turns on call for the meetings with equipment in their building, without client contacts")
    func itOnCallFeed() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let scenario = try ScenarioLoader.parse(try Scenarios.smallOffice, format: .yaml, file: "small-office.yaml")
            // The equipped meetings of the plan, by the scenario's agenda: he.jun is the only IT person.
            var equipped: [String] = []
            for visit in plan[path: "plan.visits"]?.arrayValue ?? [] {
                guard let id = visit["id"]?.stringValue, let request = scenario.visit(id) else { continue }
                for item in visit["items"]?.arrayValue ?? [] {
                    guard let index = item["agendaIndex"]?.intValue, case .meeting(let m) = request.agenda[index], !m.equipment.isEmpty else { continue }
                    equipped.append("\(Self.scenario)/\(id)/itOnCall\(index)/person/he.jun@visitplan")
                }
            }
            try #require(!equipped.isEmpty, "the small office week has meetings with equipment")
            let feed = try ParsedICS(try await api.get("/calendars/person/he.jun.ics", token: TestTokens.planner).text)
            let turns = feed.events.filter { $0["SUMMARY"]?.hasPrefix("IT on call: meeting of ") == true }
            #expect(Set(turns.compactMap { $0["UID"] }).isSuperset(of: equipped), "every equipped meeting: \(turns.compactMap { $0["UID"] })")
            #expect(turns.allSatisfy { $0["DESCRIPTION"]?.contains("Be reachable within 5 minutes") == true })
            #expect(turns.allSatisfy { $0["DESCRIPTION"]?.contains("Contact:") == false }, "no client contact in an IT feed")
            // Nobody else is on call: a host's feed has no such entry.
            let host = try #require(plan.first(in: "plan.visits", where: "id", is: "V-2001")?["host"]?.stringValue)
            let hostFeed = try ParsedICS(try await api.get("/calendars/person/\(host).ics", token: TestTokens.planner).text)
            #expect(!hostFeed.events.contains { $0["SUMMARY"]?.hasPrefix("IT on call") == true })
        }
    }

    @Test("a caterer's feed lists its orders with what to cook and no prices; an unknown caterer is a 404")
    func catererFeed() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let meals = (plan[path: "plan.visits"]?.arrayValue ?? []).flatMap { $0["items"]?.arrayValue ?? [] }
            let byCaterer = Dictionary(grouping: meals.compactMap { $0["caterer"]?.stringValue }, by: { $0 })
            let (caterer, served) = try #require(byCaterer.max { $0.value.count < $1.value.count })
            let feed = try ParsedICS(try await api.get("/calendars/caterer/\(caterer).ics", token: TestTokens.planner).text)
            #expect(feed.events.count == served.count)
            #expect(feed.events.allSatisfy { $0["SUMMARY"]?.hasPrefix("Order: ") == true && $0["SUMMARY"]?.contains(" diners") == true })
            #expect(feed.events.allSatisfy { $0["DESCRIPTION"]?.contains("per head") == false }, "no prices in a kitchen's feed")
            #expect(feed.value("X-WR-CALNAME") == "Caterer \(caterer): orders")
            #expect(try await api.get("/calendars/caterer/nobody.ics", token: TestTokens.planner).status == .notFound)
        }
    }

    @Test("a host reads their own feed only: another person's, a room's or a caterer's carries other hosts' client details")
    func hostReadsOwnFeedOnly() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            #expect(try await api.get("/calendars/person/lisa.wong.ics", token: TestTokens.lisa).status == .ok)
            for path in ["/calendars/person/zhou.ming.ics", "/calendars/room/S-3.ics", "/calendars/caterer/office-pantry.ics"] {
                let reply = try await api.get(path + "?token=\(TestTokens.lisa)", token: nil)
                #expect(reply.status == .forbidden, "\(path)")
                #expect(reply.text.contains("its own calendar feed only"))
            }
            #expect(try await api.get("/calendars/person/zhou.ming.ics", token: TestTokens.planner).status == .ok)
        }
    }

    @Test("a room's feed lists its meetings; unknown people and rooms are 404s; a token is needed")
    func roomFeed() async throws {
        let server = try await TestServer.smallOffice()
        try await server.test { api in
            let plan = try await api.get("/api/scenarios/\(Self.scenario)/plans/current").json
            let meetings = (plan[path: "plan.visits"]?.arrayValue ?? []).flatMap { $0["items"]?.arrayValue ?? [] }
                .filter { $0["room"]?.stringValue == "S-3" }
            let feed = try ParsedICS(try await api.get("/calendars/room/S-3.ics", token: TestTokens.planner).text)
            #expect(feed.events.count == meetings.count)
            #expect(feed.events.allSatisfy { $0["LOCATION"] == "S-3" && $0["SUMMARY"]?.hasPrefix("Meeting: ") == true })
            #expect(feed.events.map { $0["DTSTART"] ?? "" } == feed.events.map { $0["DTSTART"] ?? "" }.sorted())
            #expect(feed.events.allSatisfy { $0["DTSTART;TZID"] == "Asia/Shanghai" })
            #expect(try await api.get("/calendars/room/R-999.ics").status == .notFound)
            #expect(try await api.get("/calendars/person/nobody.ics").status == .notFound)
            #expect(try await api.get("/calendars/person/lisa.wong").status == .notFound)
            #expect(try await api.get("/calendars/room/S-3.ics", token: nil).status == .unauthorized)
            #expect(try await api.get("/calendars/room/S-3.ics?scenario=other").status == .notFound)
        }
    }

    @Test("TEXT values escape backslash, semicolon, comma and newlines", arguments: [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"), ("line 1\nline 2", "line 1\\nline 2"), ("plain", "plain"),
    ])
    func escaping(raw: String, escaped: String) {
        #expect(ICSWriter.escape(raw) == escaped)
        #expect(ParsedICS.unescape(escaped) == raw)
    }

    @Test("long lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original")
    func folding() throws {
        for text in [String(repeating: "李伟", count: 60), String(repeating: "x", count: 200), "é" + String(repeating: "ü€", count: 50)] {
            let line = "DESCRIPTION:" + text
            let folded = ICSWriter.fold(line)
            let pieces = folded.components(separatedBy: "\r\n")
            #expect(pieces.count > 1)
            for (i, piece) in pieces.enumerated() {
                #expect(piece.utf8.count <= 75)
                #expect(i == 0 || piece.hasPrefix(" "))
                #expect(String(validating: Array(piece.utf8), as: UTF8.self) != nil, "each line is whole UTF-8")
            }
            #expect(pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        }
        #expect(ICSWriter.fold("SHORT:line") == "SHORT:line")
    }

    @Test("a VTIMEZONE over a change of offset gives the observance before it and the change, at the old clock's time")
    func timeZoneAcrossDaylightSaving() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-03-20 to 2026-04-03: summer time starts Sunday 2026-03-29 at 02:00 CET (01:00 UTC).
        let first = Date(timeIntervalSince1970: TimeInterval(try #require(LocalDate(year: 2026, month: 3, day: 20)).dayNumber) * 86_400)
        let last = first.addingTimeInterval(14 * 86_400)
        let lines = ICSTimeZone(zone: zone).component(from: first, through: last)
        let names = lines.map(\.name)
        #expect(lines.first! == ("BEGIN", "VTIMEZONE") && lines.last! == ("END", "VTIMEZONE"))
        #expect(lines.contains { $0 == ("TZID", "Europe/Berlin") })
        #expect(lines.filter { $0.name == "BEGIN" }.map(\.value) == ["VTIMEZONE", "STANDARD", "DAYLIGHT"])
        let starts = lines.filter { $0.name == "DTSTART" }.map(\.value)
        #expect(starts == ["19700101T000000", "20260329T020000"])
        #expect(lines.filter { $0.name == "TZOFFSETFROM" }.map(\.value) == ["+0100", "+0100"])
        #expect(lines.filter { $0.name == "TZOFFSETTO" }.map(\.value) == ["+0100", "+0200"])
        #expect(names.filter { $0 == "TZNAME" }.count == 2)
        // A zone without summer time has one observance.
        let shanghai = ICSTimeZone(zone: try #require(TimeZone(identifier: "Asia/Shanghai"))).component(from: first, through: last)
        #expect(shanghai.filter { $0.name == "BEGIN" }.map(\.value) == ["VTIMEZONE", "STANDARD"])
        #expect(ICSTimeZone.offset(-16_200) == "-0430" && ICSTimeZone.offset(19_800) == "+0530" && ICSTimeZone.offset(3_930) == "+010530")
    }

    @Test("each zone the entries use is declared once, and named on each DTSTART and DTEND")
    func zonesDeclaredOnce() throws {
        let date = try #require(LocalDate(year: 2026, month: 12, day: 14))
        func event(_ uid: String, _ zone: String) -> FeedEvent {
            FeedEvent(uid: uid, start: LocalDateTime(date: date, minuteOfDay: 540), end: LocalDateTime(date: date, minuteOfDay: 600),
                      summary: uid, location: nil, description: "", timeZone: zone)
        }
        let mixed = try ParsedICS(ICSCalendar.render(title: "t", events: [event("a", "Europe/Berlin"), event("b", "Asia/Shanghai"),
                                                                            event("c", "Europe/Berlin")]))
        #expect(mixed.properties.filter { $0.name == "TZID" }.map(\.value) == ["Asia/Shanghai", "Europe/Berlin"])
        #expect(mixed.value("X-WR-TIMEZONE") == nil, "no single calendar zone when two are used")
        #expect(mixed.events.map { $0["DTSTART;TZID"] } == ["Europe/Berlin", "Asia/Shanghai", "Europe/Berlin"])
    }

    @Test("a scenario without calendar.timeZone has its feeds in the server's zone")
    func serverZoneByDefault() async throws {
        let text = try Scenarios.smallOffice.replacingOccurrences(of: "  timeZone: Asia/Shanghai", with: "  # no time zone")
        #expect(!text.contains("timeZone:"))
        let server = try await TestServer.make(seed: .text(text, .yaml))
        try await server.waitForSeedPlan()
        try await server.test { api in
            let feed = try ParsedICS(try await api.get("/calendars/room/S-3.ics", token: TestTokens.planner).text)
            #expect(!feed.events.isEmpty)
            #expect(feed.events.allSatisfy { $0["DTSTART;TZID"] == TimeZone.current.identifier })
            #expect(feed.value("TZID") == TimeZone.current.identifier)
        }
    }
}

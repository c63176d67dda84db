import Foundation
import Testing
import VisitDomain
@testable import VisitServer

/// A parsed iCalendar document: content lines unfolded, each property with its unescaped value.
struct ParsedICS {
    struct Property: Equatable {
        var name: String
        var value: String
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
            return Property(name: String(line[..<colon]), value: Self.unescape(String(line[line.index(after: colon)...])))
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
            else if current != nil { current?[p.name] = p.value }
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
            #expect(hosting["SEQUENCE"] == "0")
            #expect(hosting["DTSTAMP"]?.count == 16 && hosting["DTSTAMP"]?.hasSuffix("Z") == true)
            #expect(hosting["DESCRIPTION"]?.contains("Contoso, 3 guests (en)\nContact: Ms Emma Liu, +86 21 5555 0101") == true)
            #expect(hosting["STATUS"] == "CONFIRMED")
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
}

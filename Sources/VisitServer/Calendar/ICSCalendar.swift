import Foundation
import VisitDomain

/// A subscribable iCalendar (RFC 5545) document of feed entries. Start and end are the site's
/// local times with the site's time zone (`DTSTART;TZID=Asia/Shanghai:20261208T093000`), each zone
/// used written once as a VTIMEZONE; DTSTAMP and LAST-MODIFIED are the UTC time of the plan version
/// that last changed the entry, and SEQUENCE counts those changes.
enum ICSCalendar {
    /// `todos`: a person's to-dos (VTODO), due at site-local times, stamped `stamp` (UTC ISO 8601).
    static func render(title: String, events: [FeedEvent], todos: [FeedTodo] = [], stamp: String = "") -> String {
        var ics = ICSWriter()
        ics.add("BEGIN", "VCALENDAR", raw: true)
        ics.add("VERSION", "2.0", raw: true)
        ics.add("PRODID", "-//visitplan//visit calendar//EN", raw: true)
        ics.add("CALSCALE", "GREGORIAN", raw: true)
        ics.add("METHOD", "PUBLISH", raw: true)
        ics.add("X-WR-CALNAME", title)
        let zones = Set(events.map(\.timeZone) + todos.map(\.timeZone)).sorted()
        if zones.count == 1, let only = zones.first { ics.add("X-WR-TIMEZONE", only) }
        for id in zones {
            guard let zone = TimeZone(identifier: id) else { continue }
            let times = events.filter { $0.timeZone == id }.flatMap { [$0.start, $0.end] } + todos.filter { $0.timeZone == id }.map(\.due)
            guard let first = times.min(), let last = times.max() else { continue }
            for line in ICSTimeZone(zone: zone).component(from: instant(first), through: instant(last)) {
                ics.add(line.name, line.value, raw: line.name != "TZNAME")
            }
        }
        for event in events {
            ics.add("BEGIN", "VEVENT", raw: true)
            ics.add("UID", event.uid)
            if let stamp = ICSWriter.utcDateTime(iso8601: event.changedAt) {
                ics.add("DTSTAMP", stamp, raw: true)
                ics.add("LAST-MODIFIED", stamp, raw: true)
            }
            ics.add("SEQUENCE", String(event.sequence), raw: true)
            ics.add("DTSTART;TZID=\(event.timeZone)", ICSWriter.localDateTime(event.start), raw: true)
            ics.add("DTEND;TZID=\(event.timeZone)", ICSWriter.localDateTime(event.end), raw: true)
            ics.add("SUMMARY", event.summary)
            if let location = event.location { ics.add("LOCATION", location) }
            ics.add("DESCRIPTION", event.description)
            ics.add("STATUS", "CONFIRMED", raw: true)
            ics.add("TRANSP", "OPAQUE", raw: true)
            ics.add("END", "VEVENT", raw: true)
        }
        for todo in todos {
            ics.add("BEGIN", "VTODO", raw: true)
            ics.add("UID", todo.uid)
            if let stamp = ICSWriter.utcDateTime(iso8601: stamp) { ics.add("DTSTAMP", stamp, raw: true) }
            ics.add("DUE;TZID=\(todo.timeZone)", ICSWriter.localDateTime(todo.due), raw: true)
            ics.add("SUMMARY", todo.summary)
            ics.add("DESCRIPTION", todo.description)
            ics.add("STATUS", todo.status, raw: true)
            if todo.overdue { ics.add("PRIORITY", "1", raw: true) }
            ics.add("END", "VTODO", raw: true)
        }
        ics.add("END", "VCALENDAR", raw: true)
        return ics.text
    }

    /// A local time read as if it were UTC: close enough (within a day) to bound the zone's transitions.
    private static func instant(_ time: LocalDateTime) -> Date { Date(timeIntervalSince1970: TimeInterval(time.minutes) * 60) }
}

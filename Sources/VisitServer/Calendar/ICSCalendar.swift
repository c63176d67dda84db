/// A subscribable iCalendar (RFC 5545) document of feed entries. Times are floating local times
/// (the site's clock, as in the plan); DTSTAMP and LAST-MODIFIED are the UTC time of the plan
/// version that last changed the entry, and SEQUENCE counts those changes.
enum ICSCalendar {
    static func render(title: String, events: [FeedEvent]) -> String {
        var ics = ICSWriter()
        ics.add("BEGIN", "VCALENDAR", raw: true)
        ics.add("VERSION", "2.0", raw: true)
        ics.add("PRODID", "-//visitplan//visit calendar//EN", raw: true)
        ics.add("CALSCALE", "GREGORIAN", raw: true)
        ics.add("METHOD", "PUBLISH", raw: true)
        ics.add("X-WR-CALNAME", title)
        for event in events {
            ics.add("BEGIN", "VEVENT", raw: true)
            ics.add("UID", event.uid)
            if let stamp = ICSWriter.utcDateTime(iso8601: event.changedAt) {
                ics.add("DTSTAMP", stamp, raw: true)
                ics.add("LAST-MODIFIED", stamp, raw: true)
            }
            ics.add("SEQUENCE", String(event.sequence), raw: true)
            ics.add("DTSTART", ICSWriter.localDateTime(event.start), raw: true)
            ics.add("DTEND", ICSWriter.localDateTime(event.end), raw: true)
            ics.add("SUMMARY", event.summary)
            if let location = event.location { ics.add("LOCATION", location) }
            ics.add("DESCRIPTION", event.description)
            ics.add("STATUS", "CONFIRMED", raw: true)
            ics.add("TRANSP", "OPAQUE", raw: true)
            ics.add("END", "VEVENT", raw: true)
        }
        ics.add("END", "VCALENDAR", raw: true)
        return ics.text
    }
}

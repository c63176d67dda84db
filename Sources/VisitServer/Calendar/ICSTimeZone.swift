import Foundation

/// The VTIMEZONE component (RFC 5545 §3.6.5) of an IANA time zone over the days a feed covers,
/// written from the zone's own transitions (Foundation's tz database): the observance in force on
/// the first day, then every change of offset up to the last day, each a STANDARD or DAYLIGHT
/// sub-component with its offsets and abbreviation.
struct ICSTimeZone {
    let zone: TimeZone

    /// `from` and `through` bound the feed's entries; transitions between them are written.
    func component(from first: Date, through last: Date) -> [(name: String, value: String)] {
        var lines: [(String, String)] = [("BEGIN", "VTIMEZONE"), ("TZID", zone.identifier)]
        let start = first.addingTimeInterval(-86_400)
        let end = last.addingTimeInterval(86_400)
        // The observance in force before the first entry, from 1970 (no change of offset at its start).
        let opening = zone.secondsFromGMT(for: start)
        lines += observance(daylight: zone.isDaylightSavingTime(for: start), onset: "19700101T000000",
                            from: opening, to: opening, name: zone.abbreviation(for: start))
        var cursor = start
        var written = 0
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change <= end, written < 64 {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            // DTSTART of an observance is the local time of the change on the clock that was in force before it.
            lines += observance(daylight: zone.isDaylightSavingTime(for: change),
                                onset: Self.clock(change, offset: before), from: before, to: after,
                                name: zone.abbreviation(for: change))
            cursor = change
            written += 1
        }
        lines.append(("END", "VTIMEZONE"))
        return lines
    }

    private func observance(daylight: Bool, onset: String, from: Int, to: Int, name: String?) -> [(String, String)] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        var lines: [(String, String)] = [("BEGIN", kind), ("DTSTART", onset),
                                         ("TZOFFSETFROM", Self.offset(from)), ("TZOFFSETTO", Self.offset(to))]
        if let name, !name.isEmpty { lines.append(("TZNAME", name)) }
        lines.append(("END", kind))
        return lines
    }

    /// `+0800`, `-0430`, `+053000` when seconds are needed (RFC 5545 UTC-OFFSET).
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let hhmm = String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        return sign + hhmm + (magnitude % 60 == 0 ? "" : String(format: "%02d", magnitude % 60))
    }

    /// The wall-clock time of `instant` at `offset` seconds from UTC, as a local DATE-TIME.
    static func clock(_ instant: Date, offset: Int) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: instant.addingTimeInterval(TimeInterval(offset)))
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}

/// A calendar date without time zone (the site's local date), stored as a day number
/// (days since 1970-01-01) so that arithmetic and comparisons are plain integer operations.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Builds a date from its civil parts; returns nil when the parts do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.dayNumber = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7   // 0 = Monday
        return Weekday.allCases[index]
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var description: String {
        let c = civil
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Days of the week, as the scenario spells them (`mon` ... `sun`).
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable {
    case mon, tue, wed, thu, fri, sat, sun
}

/// A moment in site-local time, in whole minutes since 1970-01-01T00:00.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(date: LocalDate, minuteOfDay: Int) { self.minutes = date.dayNumber * 1440 + minuteOfDay }

    /// Parses `YYYY-MM-DDTHH:MM` (seconds `:00` are accepted and must be zero).
    public init?(iso text: String) {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let date = LocalDate(iso: String(halves[0])),
              let time = TimeOfDay(iso: String(halves[1]), allowSeconds: true) else { return nil }
        self.init(date: date, minuteOfDay: time.minutes)
    }

    public var date: LocalDate { LocalDate(dayNumber: minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440) }
    public var minuteOfDay: Int { minutes - date.dayNumber * 1440 }
    public var timeOfDay: TimeOfDay { TimeOfDay(minutes: minuteOfDay) }

    /// The moment `delta` minutes later (earlier when negative). Saturates instead of trapping:
    /// inputs are range-checked, so only a bug could get near the limits.
    public func adding(minutes delta: Int) -> LocalDateTime {
        let (sum, overflow) = minutes.addingReportingOverflow(delta)
        return LocalDateTime(minutes: overflow ? (delta > 0 ? Int.max : Int.min) : sum)
    }

    public var description: String { "\(date)T\(TimeOfDay(minutes: minuteOfDay))" }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minutes < b.minutes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = LocalDateTime(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a date and time like 2026-12-08T09:30")
        }
        self = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A time of day in minutes after midnight (`"08:30"` is 510). 24:00 (1440) is allowed as an end.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `HH:MM` (or `H:MM`); with `allowSeconds`, also `HH:MM:00`.
    public init?(iso text: String, allowSeconds: Bool = false) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || (allowSeconds && parts.count == 3),
              (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, m >= 0, m < 60 else { return nil }
        if parts.count == 3 { guard parts[2] == "00" else { return nil } }
        guard h < 24 || (h == 24 && m == 0) else { return nil }
        self.minutes = h * 60 + m
    }

    public var description: String { "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))" }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}

/// A half-open interval `[start, end)` of site-local time.
public struct TimeInterval: Hashable, Sendable, CustomStringConvertible {
    public var start: LocalDateTime
    public var end: LocalDateTime

    public init(start: LocalDateTime, end: LocalDateTime) { self.start = start; self.end = end }
    public init(startMinute: Int, endMinute: Int) {
        self.start = LocalDateTime(minutes: startMinute); self.end = LocalDateTime(minutes: endMinute)
    }

    public var minutes: Int { end.minutes - start.minutes }
    public func overlaps(_ other: TimeInterval) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: TimeInterval) -> Bool { start <= other.start && other.end <= end }
    public var description: String {
        start.date == end.date || (end.minuteOfDay == 0 && end.date.dayNumber == start.date.dayNumber + 1)
            ? "\(start)–\(end.minuteOfDay == 0 && end.date != start.date ? "24:00" : end.timeOfDay.description)"
            : "\(start)–\(end)"
    }
}

/// A daily range of time of day, `[start, end)`, such as working hours or a caterer's service hours.
public struct DailyHours: Hashable, Sendable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay
    public init(start: TimeOfDay, end: TimeOfDay) { self.start = start; self.end = end }
    public static let allDay = DailyHours(start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 1440))

    /// The interval these hours cover on `date`.
    public func on(_ date: LocalDate) -> TimeInterval {
        TimeInterval(start: LocalDateTime(date: date, minuteOfDay: start.minutes),
                     end: LocalDateTime(date: date, minuteOfDay: end.minutes))
    }
    public var description: String { "\(start)–\(end)" }
}

func pad(_ value: Int, _ width: Int) -> String {
    let s = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
}

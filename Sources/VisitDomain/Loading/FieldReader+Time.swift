import Foundation

/// Dates, times of day, date-times, intervals and durations (FORMAT.md "Time").
extension FieldReader {
    /// `"08:30"`, or an integer of minutes after midnight (a YAML 1.1 reader turns `8:30` into 510).
    mutating func timeOfDay(_ value: DocumentValue, at path: DocumentPath) -> TimeOfDay? {
        switch value {
        case .string(let s):
            if let time = TimeOfDay(iso: s) { return time }
            report(path, "invalid time of day \(value.shortDescription) (expected \"HH:MM\" from \"00:00\" to \"24:00\", such as \"08:30\")")
        case .int(let minutes):
            if (0...1440).contains(minutes) { return TimeOfDay(minutes: minutes) }
            report(path, "time of day \(minutes) is out of range (a number here means minutes after midnight, 0 to 1440; write times as \"08:30\")")
        default:
            report(path, "expected a time of day such as \"08:30\", found \(value.shortDescription)")
        }
        return nil
    }

    /// `2026-12-08`.
    mutating func date(_ value: DocumentValue, at path: DocumentPath) -> LocalDate? {
        if case .string(let s) = value {
            if let date = LocalDate(iso: s) { return inRange(date, at: path) ? date : nil }
            report(path, "invalid date \(value.shortDescription) (expected YYYY-MM-DD, a real calendar date such as 2026-12-08)")
        } else {
            report(path, "expected a date such as 2026-12-08, found \(value.shortDescription)")
        }
        return nil
    }

    /// `2026-12-08T09:30` (seconds `:00` accepted), site-local, no offset.
    mutating func dateTime(_ value: DocumentValue, at path: DocumentPath) -> LocalDateTime? {
        guard case .string(let s) = value else {
            report(path, "expected a date and time such as 2026-12-08T09:30, found \(value.shortDescription)")
            return nil
        }
        if let moment = LocalDateTime(iso: s) { return inRange(moment.date, at: path) ? moment : nil }
        var hint = ""
        if s.hasSuffix("Z") || s.dropFirst(10).contains("+") || s.dropFirst(10).contains("-") {
            hint = "; times are site-local, so leave out the time zone"
        } else if s.contains(" ") && !s.contains("T") {
            hint = "; put a T between the date and the time"
        } else if LocalDate(iso: s) != nil {
            hint = "; add the time of day"
        }
        report(path, "invalid date and time \(value.shortDescription) (expected YYYY-MM-DDTHH:MM, such as 2026-12-08T09:30\(hint))")
        return nil
    }

    /// Whether `date`'s year is within InputLimits.years (reported when not).
    private mutating func inRange(_ date: LocalDate, at path: DocumentPath) -> Bool {
        guard InputLimits.years.contains(date.civil.year) else {
            report(path, "the year \(date.civil.year) is out of range (\(InputLimits.years.lowerBound) to \(InputLimits.years.upperBound))")
            return false
        }
        return true
    }

    mutating func time(_ set: FieldSet, _ key: String, required: Bool = false) -> TimeOfDay? {
        value(set, key, required: required).flatMap { timeOfDay($0, at: set.path(key)) }
    }

    mutating func date(_ set: FieldSet, _ key: String, required: Bool = false) -> LocalDate? {
        value(set, key, required: required).flatMap { date($0, at: set.path(key)) }
    }

    mutating func dateTime(_ set: FieldSet, _ key: String, required: Bool = false) -> LocalDateTime? {
        value(set, key, required: required).flatMap { dateTime($0, at: set.path(key)) }
    }

    /// Daily hours `{start: "09:00", end: "17:00"}`: both given, end after start.
    mutating func hours(_ set: FieldSet, _ key: String, required: Bool = false) -> DailyHours? {
        guard let value = value(set, key, required: required) else { return nil }
        return hours(value, at: set.path(key))
    }

    mutating func hours(_ value: DocumentValue, at path: DocumentPath) -> DailyHours? {
        guard let f = fields(value, at: path, known: ["start", "end"], what: "daily hours {start, end}") else { return nil }
        guard let start = time(f, "start", required: true), let end = time(f, "end", required: true) else { return nil }
        guard end > start else {
            report(path, "end \(end) is not after start \(start)")
            return nil
        }
        return DailyHours(start: start, end: end)
    }

    /// A half-open interval `{start, end}` of date-times, end after start.
    mutating func interval(_ value: DocumentValue, at path: DocumentPath) -> TimeInterval? {
        guard let f = fields(value, at: path, known: ["start", "end"], what: "an interval {start, end}") else { return nil }
        let start = dateTime(f, "start", required: true)
        let end = dateTime(f, "end", required: true)
        guard let start, let end else { return nil }
        guard end > start else {
            report(path, "end \(end) is not after start \(start)")
            return nil
        }
        return TimeInterval(start: start, end: end)
    }

    /// A list of intervals (`unavailable`); absent: empty.
    mutating func intervals(_ set: FieldSet, _ key: String) -> [TimeInterval] {
        (list(set, key) ?? []).compactMap { interval($0.value, at: $0.path) }
    }

    /// A duration in whole minutes: positive and, when `slot` is known, a multiple of it.
    mutating func duration(_ set: FieldSet, _ key: String, required: Bool, slot: Int?) -> Int? {
        guard let value = value(set, key, required: required),
              let minutes = wholeNumber(value, at: set.path(key)) else { return nil }
        guard minutes > 0 else {
            report(set.path(key), "must be a positive number of minutes, found \(minutes)")
            return nil
        }
        guard minutes <= InputLimits.durationMinutes.upperBound else {
            report(set.path(key), "must be at most \(InputLimits.durationMinutes.upperBound) minutes (one day), found \(minutes)")
            return nil
        }
        if let slot, minutes % slot != 0 {
            report(set.path(key), "\(minutes) minutes is not a multiple of slotMinutes (\(slot)); use \(minutes / slot * slot) or \(minutes / slot * slot + slot)"
                .replacingOccurrences(of: "use 0 or ", with: "use "))
            return nil
        }
        return minutes
    }
}

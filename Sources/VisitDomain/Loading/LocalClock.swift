import Foundation

extension LocalDateTime {
    /// The machine's current local time (its time zone), rounded down to the minute: the scenario's
    /// `now` when the file gives none.
    public static func currentLocal() -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        let date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: 0)
        return LocalDateTime(date: date, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}

extension LocalDateTime {
    /// `date` on the clock of the IANA zone `timeZone` (nil or unknown: the machine's), to the minute.
    public static func at(_ date: Date, timeZone: String?) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(dayNumber: 0)
        return LocalDateTime(date: day, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}

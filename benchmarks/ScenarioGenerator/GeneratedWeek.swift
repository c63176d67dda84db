import VisitDomain

/// The week every generated scenario plans (the dates of the reference weeks): Monday 2026-12-07
/// to Friday 2026-12-11, or its first `days` working days, planned on the Friday before at 17:00,
/// on a 15-minute grid.
enum GeneratedWeek {
    /// 2026-12-07, a Monday (days since 1970-01-01).
    static let monday = LocalDate(dayNumber: 20794)
    /// Working days of a whole week (the default and the most a generated week has).
    static let workingDays = 5
    static let now = LocalDateTime(date: monday.adding(days: -3), minuteOfDay: 17 * 60)
    static let slot = 15

    /// Monday to the `days`-th working day (Friday for 5).
    static func horizon(days: Int) -> Horizon { Horizon(start: monday, end: monday.adding(days: days - 1)) }
    static let workingHours = DailyHours(start: .at(8, 30), end: .at(18, 0))

    /// The moment `minute` minutes after midnight on working day `day` (0 is Monday).
    static func at(day: Int, minute: Int) -> LocalDateTime {
        LocalDateTime(date: monday.adding(days: day), minuteOfDay: minute)
    }

    /// The whole of working day `day`, midnight to midnight.
    static func wholeDay(_ day: Int) -> TimeInterval {
        TimeInterval(start: at(day: day, minute: 0), end: at(day: day + 1, minute: 0))
    }
}

extension TimeOfDay {
    static func at(_ hours: Int, _ minutes: Int) -> TimeOfDay { TimeOfDay(minutes: hours * 60 + minutes) }
}

/// Minutes after midnight, written as a time of day.
func clock(_ hours: Int, _ minutes: Int) -> Int { hours * 60 + minutes }

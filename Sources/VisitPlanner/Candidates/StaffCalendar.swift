import VisitDomain

/// Rule 8's availability test for every staff member, precomputed: per person and day the
/// availability windows, and per person the `unavailable` periods, as minute ranges. Answers
/// `Scenario.isAvailable` without copying the person or allocating (the model asks it for every
/// candidate duty).
struct StaffCalendar: Sendable {
    private var windows: [[Int: [Range<Int>]]]
    private var unavailable: [[Range<Int>]]

    init(scenario: Scenario) {
        windows = []
        unavailable = []
        let days = scenario.horizonDates
        for person in scenario.staff {
            var byDay: [Int: [Range<Int>]] = [:]
            // Duties may start on the day before the horizon (early host arrival) or after it.
            for day in (days.first.map { $0.dayNumber - 1 } ?? 0)...(days.last.map { $0.dayNumber + 1 } ?? 0) {
                let date = LocalDate(dayNumber: day)
                byDay[day] = scenario.availabilityWindows(of: person, on: date).map { $0.start.minutes..<$0.end.minutes }
            }
            windows.append(byDay)
            unavailable.append(person.unavailable.map { $0.start.minutes..<$0.end.minutes })
        }
        self.scenario = scenario
    }

    private let scenario: Scenario

    /// Whether person `p` may be on duty for the whole of `[start, end)`: `Scenario.isAvailable`.
    func isAvailable(_ p: Int, from start: Int, to end: Int) -> Bool {
        let day = start.floorDiv(1440)
        guard let dayWindows = windows[p][day] else {
            return scenario.isAvailable(scenario.staff[p], for: .init(startMinute: start, endMinute: end))
        }
        guard dayWindows.contains(where: { $0.lowerBound <= start && end <= $0.upperBound }) else { return false }
        return !unavailable[p].contains { $0.lowerBound < end && start < $0.upperBound }
    }

    func isAvailable(_ p: Int, for interval: VisitDomain.TimeInterval) -> Bool {
        isAvailable(p, from: interval.start.minutes, to: interval.end.minutes)
    }
}

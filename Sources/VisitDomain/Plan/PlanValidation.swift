/// Checks a plan read from a file or a request before anything uses it: the shape every plan the
/// program makes has (one entry per visit, items at most once per agenda index, each item a
/// forward interval within a day, counts within InputLimits). Whether it obeys the rules is the
/// checker's question; this one keeps a hostile plan from trapping or stalling the checker and
/// the replanner (a repeated index, an item a thousand years long).
public enum PlanValidation {
    /// The problems of `plan`'s shape, each at its field path; empty when it is sound.
    public static func issues(_ plan: Plan, file: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func report(_ path: String, _ message: String) { issues.append(ValidationIssue(file: file, path: path, message: message)) }
        let maxVisits = InputLimits.visits + InputLimits.events
        guard plan.visits.count <= maxVisits else {
            report("visits", "\(plan.visits.count) visits; a plan has at most \(maxVisits)")
            return issues
        }
        var firstUse: [String: Int] = [:]
        for (v, visit) in plan.visits.enumerated() {
            if let earlier = firstUse[visit.id] {
                report("visits[\(v)].id", "visit \(visit.id) appears twice (also visits[\(earlier)])")
            } else {
                firstUse[visit.id] = v
            }
            let items = visit.items ?? []
            guard items.count <= InputLimits.agendaItems else {
                report("visits[\(v)].items", "\(items.count) items; an agenda has at most \(InputLimits.agendaItems)")
                continue
            }
            var indexUse: [Int: Int] = [:]
            for (i, item) in items.enumerated() {
                let path = "visits[\(v)].items[\(i)]"
                let index = item.agendaIndex ?? i
                if !(0..<InputLimits.agendaItems).contains(index) {
                    report(path + ".agendaIndex", "\(index) is not an agenda index (0 to \(InputLimits.agendaItems - 1))")
                } else if let earlier = indexUse[index] {
                    report(path + ".agendaIndex", "agenda item \(index) of \(visit.id) appears twice (also items[\(earlier)])")
                } else {
                    indexUse[index] = i
                }
                for (field, moment) in [("start", item.start), ("end", item.end)]
                where !InputLimits.years.contains(moment.date.civil.year) {
                    report(path + "." + field, "the year \(moment.date.civil.year) is out of range (\(InputLimits.years.lowerBound) to \(InputLimits.years.upperBound))")
                }
                let minutes = item.end.minutes - item.start.minutes
                if minutes <= 0 || minutes > InputLimits.durationMinutes.upperBound {
                    report(path, "runs from \(item.start) to \(item.end); an item ends after it starts, within a day")
                }
                if let diners = item.diners, !(0...(InputLimits.headcount.upperBound + 1)).contains(diners) {
                    report(path + ".diners", "\(diners) diners is out of range (0 to \(InputLimits.headcount.upperBound + 1))")
                }
            }
            if let booking = visit.booking { issues += bookingIssues(booking, at: "visits[\(v)].booking", file: file) }
        }
        return issues
    }

    /// A booking's counts within InputLimits: its rooms, at most the nights a stay may have, each in range.
    private static func bookingIssues(_ booking: HotelBooking, at path: String, file: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let maxNights = 2 * InputLimits.stayNights.upperBound
        if !InputLimits.stayRooms.contains(booking.rooms) {
            issues.append(ValidationIssue(file: file, path: path + ".rooms", message: "\(booking.rooms) rooms is out of range (\(InputLimits.stayRooms.lowerBound) to \(InputLimits.stayRooms.upperBound))"))
        }
        if booking.nights.count > maxNights {
            issues.append(ValidationIssue(file: file, path: path + ".nights", message: "\(booking.nights.count) nights; a stay has at most \(maxNights)"))
        }
        for (n, night) in booking.nights.enumerated() where !InputLimits.years.contains(night.civil.year) {
            issues.append(ValidationIssue(file: file, path: path + ".nights[\(n)]", message: "the year \(night.civil.year) is out of range (\(InputLimits.years.lowerBound) to \(InputLimits.years.upperBound))"))
        }
        if let price = booking.pricePerNight, !InputLimits.money.contains(price) {
            issues.append(ValidationIssue(file: file, path: path + ".pricePerNight", message: "\(price) is out of range (0 to 1000000000)"))
        }
        return issues
    }

    /// Throws the problems of `plan`'s shape as one error naming `file`.
    public static func validate(_ plan: Plan, file: String) throws(ScenarioError) {
        let found = issues(plan, file: file)
        guard found.isEmpty else { throw .invalid(found) }
    }
}

extension PlannedVisit {
    /// The items by their index in the scenario's agenda (`agendaIndex`, else their position);
    /// the first wins if an index repeats, which `PlanValidation` reports.
    public var itemsByAgendaIndex: [Int: PlannedItem] {
        var result: [Int: PlannedItem] = [:]
        for (position, item) in (items ?? []).enumerated() where result[item.agendaIndex ?? position] == nil {
            result[item.agendaIndex ?? position] = item
        }
        return result
    }
}

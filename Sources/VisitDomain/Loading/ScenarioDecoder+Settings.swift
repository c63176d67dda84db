import Foundation
/// `calendar`, `policies` and `objective`: the scenario-wide settings.
extension ScenarioDecoder {
    mutating func decodeCalendar(_ root: FieldSet) -> WorkCalendar {
        var calendar = WorkCalendar()
        guard let f = reader.fields(root, "calendar", known: ["workingDays", "workingHours", "holidays", "slotMinutes", "timeZone"],
                                    what: "a calendar") else { return calendar }
        if f.has("slotMinutes") {
            slot = nil
            if let minutes = reader.int(f, "slotMinutes", in: Int.min...1_440) {
                if minutes > 0 && 1440 % minutes == 0 {
                    calendar.slotMinutes = minutes
                    slot = minutes
                } else {
                    reader.report(f.path("slotMinutes"), "must be a positive divisor of 1440 (such as 5, 10, 15, 30 or 60), found \(minutes)")
                }
            }
        }
        if let zone = reader.string(f, "timeZone") {
            if TimeZone(identifier: zone) != nil {
                calendar.timeZone = zone
            } else {
                let hint = Suggestion.hint(for: zone, in: TimeZone.knownTimeZoneIdentifiers)
                reader.report(f.path("timeZone"), "unknown time zone \"\(zone)\"\(hint); use an IANA name such as Asia/Shanghai or Europe/Berlin")
            }
        }
        if let days = weekdays(f, "workingDays") { calendar.workingDays = days }
        if let hours = reader.hours(f, "workingHours") { calendar.workingHours = hours }
        if let holidays = reader.list(f, "holidays") {
            calendar.holidays = Set(holidays.compactMap { reader.date($0.value, at: $0.path) })
        }
        return calendar
    }

    /// A list of weekday names (`mon` ... `sun`).
    mutating func weekdays(_ set: FieldSet, _ key: String) -> Set<Weekday>? {
        guard let items = reader.list(set, key) else { return nil }
        var days = Set<Weekday>()
        for (value, path) in items {
            guard let name = reader.text(value, at: path, nonEmpty: true) else { continue }
            if let day = Weekday(rawValue: name) { days.insert(day); continue }
            let guess = Weekday(rawValue: String(name.lowercased().prefix(3)))?.rawValue
                ?? Suggestion.closest(to: name, in: Weekday.allCases.map(\.rawValue))
            let hint = guess.map { " (did you mean \"\($0)\"?)" } ?? ""
            reader.report(path, "unknown weekday \"\(name)\"\(hint); weekdays are mon, tue, wed, thu, fri, sat, sun")
        }
        return days
    }

    mutating func decodePolicies(_ root: FieldSet) -> Policies {
        var policies = Policies()
        guard let f = reader.fields(root, "policies", known: [
            "leadTime", "hostArrivesEarlyMinutes", "roomTurnoverMinutes", "maxGapMinutes", "mealBudgetPerHead",
            "tierBudgetPerHead", "weeklyHospitalityBudget", "maxVisitsPerHostPerDay", "maxDutyMinutesPerStaffPerDay",
            "hotelBudgetPerNight", "tierHotelBudgetPerNight",
        ], what: "policies") else { return policies }
        if let lead = reader.fields(f, "leadTime", known: ["standardWorkingDays", "urgentHours"], what: "a lead time") {
            if let days = reader.int(lead, "standardWorkingDays", in: InputLimits.leadWorkingDays) { policies.standardLeadWorkingDays = days }
            if let hours = reader.int(lead, "urgentHours", in: InputLimits.leadHours) { policies.urgentLeadHours = hours }
        }
        if let v = reader.int(f, "hostArrivesEarlyMinutes", in: InputLimits.policyMinutes) { policies.hostArrivesEarlyMinutes = v }
        if let v = reader.int(f, "roomTurnoverMinutes", in: InputLimits.policyMinutes) { policies.roomTurnoverMinutes = v }
        if let v = reader.int(f, "maxGapMinutes", in: InputLimits.policyMinutes) { policies.maxGapMinutes = v }
        if let budgets = f["mealBudgetPerHead"].flatMap({ budgetsPerService($0, at: f.path("mealBudgetPerHead")) }) {
            policies.mealBudgetPerHead = budgets
        }
        if let tiers = reader.entries(f, "tierBudgetPerHead") {
            for (tier, value, path) in tiers {
                guard !tier.isEmpty else { reader.report(path, "a client tier name must not be empty"); continue }
                if let budgets = budgetsPerService(value, at: path) { policies.tierBudgetPerHead[tier] = budgets }
            }
        }
        if let budgets = f["hotelBudgetPerNight"].flatMap({ budgetsPerService($0, at: f.path("hotelBudgetPerNight"), key: "room type") }) {
            policies.hotelBudgetPerNight = budgets
        }
        if let tiers = reader.entries(f, "tierHotelBudgetPerNight") {
            for (tier, value, path) in tiers {
                guard !tier.isEmpty else { reader.report(path, "a client tier name must not be empty"); continue }
                if let budgets = budgetsPerService(value, at: path, key: "room type") { policies.tierHotelBudgetPerNight[tier] = budgets }
            }
        }
        policies.weeklyHospitalityBudget = reader.double(f, "weeklyHospitalityBudget", in: InputLimits.money)
        policies.maxVisitsPerHostPerDay = reader.int(f, "maxVisitsPerHostPerDay", in: InputLimits.visitsPerDay)
        policies.maxDutyMinutesPerStaffPerDay = reader.int(f, "maxDutyMinutesPerStaffPerDay", in: InputLimits.policyMinutes)
        return policies
    }

    /// `{teaBreak: 30, banquet: 300}`: service name → non-negative budget per head (or, with `key`
    /// "room type", `{single: 120, double: 180}`: room type → budget per room and night).
    mutating func budgetsPerService(_ value: DocumentValue, at path: DocumentPath, key: String = "service") -> [String: Double]? {
        guard let entries = reader.entries(value, at: path) else { return nil }
        var budgets: [String: Double] = [:]
        for (service, value, path) in entries {
            guard !service.isEmpty else { reader.report(path, "a \(key) name must not be empty"); continue }
            if let budget = reader.checkedNumber(value, at: path, in: InputLimits.money) { budgets[service] = budget }
        }
        return budgets
    }

    mutating func decodeObjective(_ root: FieldSet) -> ObjectiveWeights {
        var weights = ObjectiveWeights()
        let terms: [(String, WritableKeyPath<ObjectiveWeights, Double>)] = [
            ("visit", \.visit), ("preferredStartPerSlot", \.preferredStartPerSlot), ("preferredHost", \.preferredHost),
            ("industryMatch", \.industryMatch), ("cateringCost", \.cateringCost), ("movedItem", \.movedItem),
            ("changedResource", \.changedResource), ("changedPerson", \.changedPerson), ("droppedVisit", \.droppedVisit),
        ]
        guard let f = reader.fields(root, "objective", known: terms.map(\.0), what: "objective weights") else { return weights }
        for (name, keyPath) in terms {
            if let weight = reader.double(f, name, in: InputLimits.weight) { weights[keyPath: keyPath] = weight }
        }
        return weights
    }
}

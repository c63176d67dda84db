import Foundation

/// Rooms, tour routes, staff and caterers.
extension ScenarioDecoder {
    mutating func decodeRoom(_ value: DocumentValue, at path: DocumentPath) -> Room? {
        guard let f = reader.fields(value, at: path, known: ["id", "building", "capacity", "equipment", "secure", "unavailable", "site"],
                                    what: "a room") else { return nil }
        let id = id(f)
        let building = reader.string(f, "building")
        let capacity = reader.int(f, "capacity", in: InputLimits.capacity)
        let equipment = reader.strings(f, "equipment") ?? []
        let secure = reader.bool(f, "secure") ?? false
        let unavailable = reader.intervals(f, "unavailable")
        guard let id else { return nil }
        var room = Room(id: id, building: building, capacity: capacity ?? Room.unlimitedCapacity, equipment: Set(equipment),
                        secure: secure, unavailable: unavailable)
        room.site = reader.string(f, "site")
        return room
    }

    mutating func decodeRoute(_ value: DocumentValue, at path: DocumentPath) -> TourRoute? {
        guard let f = reader.fields(value, at: path, known: [
            "id", "building", "durationMinutes", "maxGroupSize", "concurrentGroups", "confidential", "openHours", "unavailable", "site",
        ], what: "a tour route") else { return nil }
        let id = id(f)
        let building = reader.string(f, "building")
        let duration = reader.duration(f, "durationMinutes", required: true, slot: slot)
        let maxGroupSize = reader.int(f, "maxGroupSize", required: true, in: InputLimits.groupSize)
        let concurrentGroups = reader.int(f, "concurrentGroups", in: InputLimits.concurrentGroups)
        let confidential = reader.bool(f, "confidential") ?? false
        let openHours = reader.hours(f, "openHours")
        let unavailable = reader.intervals(f, "unavailable")
        guard let id, let duration, let maxGroupSize else { return nil }
        var route = TourRoute(id: id, building: building, durationMinutes: duration, maxGroupSize: maxGroupSize,
                              concurrentGroups: concurrentGroups ?? 1, confidential: confidential, openHours: openHours,
                              unavailable: unavailable)
        route.site = reader.string(f, "site")
        return route
    }

    mutating func decodeStaffMember(_ value: DocumentValue, at path: DocumentPath, calendar: WorkCalendar) -> StaffMember? {
        guard let f = reader.fields(value, at: path, known: [
            "id", "name", "building", "roles", "languages", "industries", "expertise", "routes", "availability", "unavailable", "site",
        ], what: "a staff member") else { return nil }
        let id = id(f)
        let name = reader.string(f, "name")
        let building = reader.string(f, "building")
        var roles = Set<StaffRole>()
        for (value, itemPath) in reader.list(f, "roles") ?? [] {
            guard let text = reader.text(value, at: itemPath, nonEmpty: true) else { continue }
            if let role = StaffRole(rawValue: text) { roles.insert(role); continue }
            let names = StaffRole.allCases.map(\.rawValue)
            reader.report(itemPath, "unknown role \"\(text)\"\(Suggestion.hint(for: text, in: names)); roles are \(names.joined(separator: ", "))")
        }
        let languages = reader.strings(f, "languages") ?? []
        let industries = reader.strings(f, "industries") ?? []
        let expertise = reader.strings(f, "expertise") ?? []
        var routes: [String] = []
        for (value, itemPath) in reader.list(f, "routes") ?? [] {
            guard let route = reader.text(value, at: itemPath, nonEmpty: true) else { continue }
            checkReference(route, at: itemPath, in: routeIDs, what: "tour route", listName: "tourRoutes")
            routes.append(route)
        }
        let availability = reader.list(f, "availability").map { items in
            items.compactMap { availabilityRule($0.value, at: $0.path, calendar: calendar) }
        }
        let unavailable = reader.intervals(f, "unavailable")
        guard let id else { return nil }
        var member = StaffMember(id: id, name: name, building: building, roles: roles, languages: Set(languages),
                                 industries: Set(industries), expertise: Set(expertise), routes: Set(routes),
                                 availability: availability, unavailable: unavailable)
        member.site = reader.string(f, "site")
        return member
    }

    /// `{days: [mon, tue], from: "08:30", to: "20:00"}`; missing parts default to the calendar's
    /// working days and hours.
    mutating func availabilityRule(_ value: DocumentValue, at path: DocumentPath, calendar: WorkCalendar) -> AvailabilityRule? {
        guard let f = reader.fields(value, at: path, known: ["days", "from", "to"], what: "an availability rule {days, from, to}") else {
            return nil
        }
        let days = weekdays(f, "days")
        let from = reader.time(f, "from")
        let to = reader.time(f, "to")
        if f.has("from") && from == nil || f.has("to") && to == nil { return nil }
        let hours = DailyHours(start: from ?? calendar.workingHours.start, end: to ?? calendar.workingHours.end)
        guard hours.end > hours.start else {
            reader.report(path, "to \(hours.end) is not after from \(hours.start)")
            return nil
        }
        return AvailabilityRule(days: days ?? calendar.workingDays, hours: hours)
    }

    mutating func decodeCaterer(_ value: DocumentValue, at path: DocumentPath) -> Caterer? {
        guard let f = reader.fields(value, at: path, known: [
            "id", "approved", "services", "dietary", "leadTimeHours", "capacity", "unavailable", "site",
        ], what: "a caterer") else { return nil }
        let id = id(f)
        let approved = reader.bool(f, "approved") ?? false
        var services: [String: CateringService] = [:]
        for (name, value, servicePath) in reader.entries(f, "services") ?? [] {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.report(servicePath, "a service name must not be empty")
                continue
            }
            if let service = cateringService(value, at: servicePath) { services[name] = service }
        }
        let dietary = reader.strings(f, "dietary") ?? []
        let leadTime = reader.int(f, "leadTimeHours", in: InputLimits.leadHours)
        let capacity = reader.int(f, "capacity", in: InputLimits.capacity)
        let unavailable = reader.intervals(f, "unavailable")
        guard let id else { return nil }
        var caterer = Caterer(id: id, approved: approved, services: services, dietary: Set(dietary), leadTimeHours: leadTime ?? 0,
                              capacity: capacity, unavailable: unavailable)
        caterer.site = reader.string(f, "site")
        return caterer
    }

    /// `{pricePerHead: 60, hours: {start: "11:30", end: "13:30"}}`.
    mutating func cateringService(_ value: DocumentValue, at path: DocumentPath) -> CateringService? {
        guard let f = reader.fields(value, at: path, known: ["pricePerHead", "hours"], what: "a catering service") else { return nil }
        let price = reader.double(f, "pricePerHead", required: true, in: InputLimits.money)
        let hours = reader.hours(f, "hours")
        guard let price else { return nil }
        return CateringService(pricePerHead: price, hours: hours)
    }
}

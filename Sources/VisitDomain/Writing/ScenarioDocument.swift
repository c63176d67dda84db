import OrderedCollections

/// Writes a `Scenario` back as a FORMAT.md document with every default spelled out, so that
/// `ScenarioLoader.decode(ScenarioDocument.encode(s), ...)` gives `s` again. The server stores the
/// scenario a replan produced in this form (as JSON text) and shows scenarios in it; `visitplan
/// replan --scenario-out` and the benchmarks' generator write it as YAML or JSON. Sets are written
/// sorted, so one scenario always gives one document. Agenda items a change event cancelled carry
/// `cancelled: true` (beyond FORMAT.md; the loader reads it back).
public enum ScenarioDocument {
    private typealias Fields = DocumentValue.Fields

    /// The scenario as a document tree, every default spelled out.
    public static func encode(_ s: Scenario) -> DocumentValue {
        var root = Fields()
        root["name"] = .string(s.name)
        root["now"] = time(s.now)
        root["horizon"] = ["start": .string(s.horizon.start.description), "end": .string(s.horizon.end.description)]
        root["calendar"] = calendar(s.calendar)
        root["policies"] = policies(s.policies)
        root["objective"] = objective(s.objective)
        root["rooms"] = .array(s.rooms.map(room))
        root["tourRoutes"] = .array(s.tourRoutes.map(route))
        root["staff"] = .array(s.staff.map(staffMember))
        root["caterers"] = .array(s.caterers.map(caterer))
        root["visits"] = .array(s.visits.map(visit))
        // Beyond FORMAT.md: written only when there are hotels, so a scenario without them reads as before.
        if !s.hotels.isEmpty { root["hotels"] = .array(s.hotels.map(hotel)) }
        return .object(root)
    }

    /// The scenario as canonical JSON text (ready to store or write to a `.json` file). Checks
    /// that the text loads back to the same scenario, so a written scenario can never silently
    /// differ from the one planned.
    public static func jsonText(_ s: Scenario) throws(ScenarioDocumentError) -> String {
        try text(s, format: .json)
    }

    /// The scenario as FORMAT.md YAML text (for a `.yaml` file a coordinator may read and edit),
    /// checked like `jsonText` to load back to the same scenario.
    public static func yamlText(_ s: Scenario) throws(ScenarioDocumentError) -> String {
        try text(s, format: .yaml)
    }

    /// The scenario as text in `format`, checked to load back to the same scenario.
    public static func text(_ s: Scenario, format: DocumentFormat) throws(ScenarioDocumentError) -> String {
        let document = encode(s)
        let written = switch format {
        case .json: DocumentJSON.text(document) + "\n"
        case .yaml: DocumentYAML.text(document)
        }
        let reloaded: Scenario
        do {
            reloaded = try ScenarioLoader.parse(written, format: format, file: s.name, defaultNow: s.now)
        } catch {
            throw ScenarioDocumentError(scenario: s.name, format: format, problem: "it does not load: \(error)")
        }
        guard reloaded == s else {
            throw ScenarioDocumentError(scenario: s.name, format: format, problem: "it loads to a different scenario")
        }
        return written
    }

    // MARK: Settings

    private static func calendar(_ c: WorkCalendar) -> DocumentValue {
        var fields: DocumentValue = [
            "workingDays": weekdays(c.workingDays),
            "workingHours": hours(c.workingHours),
            "holidays": .array(c.holidays.sorted().map { .string($0.description) }),
            "slotMinutes": .int(c.slotMinutes),
        ]
        if let zone = c.timeZone { try? fields.setValue(.string(zone), at: DocumentPath([.key("timeZone")])) }
        return fields
    }

    private static func policies(_ p: Policies) -> DocumentValue {
        var f = Fields()
        f["leadTime"] = ["standardWorkingDays": .int(p.standardLeadWorkingDays), "urgentHours": .int(p.urgentLeadHours)]
        f["hostArrivesEarlyMinutes"] = .int(p.hostArrivesEarlyMinutes)
        f["roomTurnoverMinutes"] = .int(p.roomTurnoverMinutes)
        f["maxGapMinutes"] = .int(p.maxGapMinutes)
        f["mealBudgetPerHead"] = budgets(p.mealBudgetPerHead)
        f["tierBudgetPerHead"] = .object(Fields(uniqueKeysWithValues: p.tierBudgetPerHead.sorted { $0.key < $1.key }
            .map { ($0.key, budgets($0.value)) }))
        if let v = p.weeklyHospitalityBudget { f["weeklyHospitalityBudget"] = number(v) }
        if let v = p.maxVisitsPerHostPerDay { f["maxVisitsPerHostPerDay"] = .int(v) }
        if let v = p.maxDutyMinutesPerStaffPerDay { f["maxDutyMinutesPerStaffPerDay"] = .int(v) }
        if !p.hotelBudgetPerNight.isEmpty { f["hotelBudgetPerNight"] = budgets(p.hotelBudgetPerNight) }
        if !p.tierHotelBudgetPerNight.isEmpty {
            f["tierHotelBudgetPerNight"] = .object(Fields(uniqueKeysWithValues: p.tierHotelBudgetPerNight.sorted { $0.key < $1.key }
                .map { ($0.key, budgets($0.value)) }))
        }
        return .object(f)
    }

    private static func objective(_ o: ObjectiveWeights) -> DocumentValue {
        [
            "visit": number(o.visit), "preferredStartPerSlot": number(o.preferredStartPerSlot),
            "preferredHost": number(o.preferredHost), "industryMatch": number(o.industryMatch),
            "cateringCost": number(o.cateringCost), "movedItem": number(o.movedItem),
            "changedResource": number(o.changedResource), "changedPerson": number(o.changedPerson),
            "droppedVisit": number(o.droppedVisit),
        ]
    }

    // MARK: Resources

    private static func room(_ r: Room) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(r.id)
        if let b = r.building { f["building"] = .string(b) }
        if !r.hasUnlimitedCapacity { f["capacity"] = .int(r.capacity) }
        f["equipment"] = strings(r.equipment)
        f["secure"] = .bool(r.secure)
        f["unavailable"] = intervals(r.unavailable)
        if let site = r.site { f["site"] = .string(site) }
        return .object(f)
    }

    private static func route(_ r: TourRoute) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(r.id)
        if let b = r.building { f["building"] = .string(b) }
        f["durationMinutes"] = .int(r.durationMinutes)
        f["maxGroupSize"] = .int(r.maxGroupSize)
        f["concurrentGroups"] = .int(r.concurrentGroups)
        f["confidential"] = .bool(r.confidential)
        if let h = r.openHours { f["openHours"] = hours(h) }
        f["unavailable"] = intervals(r.unavailable)
        if let site = r.site { f["site"] = .string(site) }
        return .object(f)
    }

    private static func staffMember(_ m: StaffMember) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(m.id)
        if let n = m.name { f["name"] = .string(n) }
        if let b = m.building { f["building"] = .string(b) }
        f["roles"] = .array(StaffRole.allCases.filter(m.roles.contains).map { .string($0.rawValue) })
        f["languages"] = strings(m.languages)
        f["industries"] = strings(m.industries)
        f["expertise"] = strings(m.expertise)
        f["routes"] = strings(m.routes)
        if let rules = m.availability {
            f["availability"] = .array(rules.map { rule in
                ["days": weekdays(rule.days), "from": .string(rule.hours.start.description), "to": .string(rule.hours.end.description)]
            })
        }
        f["unavailable"] = intervals(m.unavailable)
        if let site = m.site { f["site"] = .string(site) }
        return .object(f)
    }

    private static func caterer(_ c: Caterer) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(c.id)
        f["approved"] = .bool(c.approved)
        var services = Fields()
        for (name, service) in c.services.sorted(by: { $0.key < $1.key }) {
            var s: Fields = ["pricePerHead": number(service.pricePerHead)]
            if let h = service.hours { s["hours"] = hours(h) }
            services[name] = .object(s)
        }
        f["services"] = .object(services)
        f["dietary"] = strings(c.dietary)
        f["leadTimeHours"] = .int(c.leadTimeHours)
        if let cap = c.capacity { f["capacity"] = .int(cap) }
        f["unavailable"] = intervals(c.unavailable)
        if let site = c.site { f["site"] = .string(site) }
        return .object(f)
    }

    private static func hotel(_ h: Hotel) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(h.id)
        if let n = h.name { f["name"] = .string(n) }
        f["approved"] = .bool(h.approved)
        f["roomTypes"] = .array(h.roomTypes.map { type in
            ["id": .string(type.id), "pricePerNight": number(type.pricePerNight), "roomsPerNight": .int(type.roomsPerNight)]
        })
        f["unavailable"] = .array(h.unavailable.sorted().map { .string($0.description) })
        return .object(f)
    }

    // MARK: Visits

    private static func visit(_ v: Visit) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(v.id)
        var client = Fields()
        if let x = v.client.name { client["name"] = .string(x) }
        if let x = v.client.industry { client["industry"] = .string(x) }
        if let x = v.client.tier { client["tier"] = .string(x) }
        if let x = v.client.contact { client["contact"] = .string(x) }
        if !client.isEmpty { f["client"] = .object(client) }
        f["headcount"] = .int(v.headcount)
        if let l = v.language { f["language"] = .string(l) }
        f["requestedAt"] = time(v.requestedAt)
        f["window"] = ["earliest": time(v.window.start), "latest": time(v.window.end)]
        if let p = v.preferredStart { f["preferredStart"] = time(p) }
        f["priority"] = .int(v.priority)
        f["ndaSigned"] = .bool(v.ndaSigned)
        f["dietary"] = .object(Fields(uniqueKeysWithValues: v.dietary.map { ($0.key, .int($0.value)) }))
        if let h = v.preferredHost { f["preferredHost"] = .string(h) }
        if let p = v.purpose { f["purpose"] = .string(p.rawValue) }
        if !v.guests.isEmpty {
            f["guests"] = .array(v.guests.map { g in
                var guest: Fields = ["name": .string(g.name)]
                if let t = g.title { guest["title"] = .string(t) }
                return .object(guest)
            })
        }
        if let m = v.meetingPoint { f["meetingPoint"] = .string(m) }
        if let o = v.owner { f["owner"] = .string(o) }
        if let site = v.site { f["site"] = .string(site) }
        if let stay = v.stay { f["stay"] = self.stay(stay) }
        f["agenda"] = .array(v.agenda.enumerated().map { index, item in
            agendaItem(item, cancelled: v.cancelledItems.contains(index))
        })
        return .object(f)
    }

    private static func stay(_ s: Stay) -> DocumentValue {
        var f: Fields = ["roomType": .string(s.roomType), "nightsBefore": .int(s.nightsBefore), "nightsAfter": .int(s.nightsAfter)]
        if let rooms = s.rooms { f["rooms"] = .int(rooms) } else { f["guestsPerRoom"] = .int(s.guestsPerRoom) }
        return .object(f)
    }

    private static func agendaItem(_ item: AgendaItem, cancelled: Bool) -> DocumentValue {
        var f: Fields = ["kind": .string(item.kind.rawValue)]
        switch item {
        case .meeting(let m):
            f["durationMinutes"] = .int(m.durationMinutes)
            f["equipment"] = strings(m.equipment)
            f["confidential"] = .bool(m.confidential)
            if m.technicalCount > 0 {
                f["technical"] = ["count": .int(m.technicalCount), "expertise": strings(m.technicalExpertise)]
            }
            f["sales"] = .int(m.salesCount)
        case .tour(let t):
            f["routes"] = .array(t.routes.map(DocumentValue.string))
            if let d = t.durationMinutes { f["durationMinutes"] = .int(d) }
        case .meal(let m):
            f["service"] = .string(m.service)
            f["durationMinutes"] = .int(m.durationMinutes)
        }
        if cancelled { f["cancelled"] = true }
        return .object(f)
    }

    // MARK: Values

    private static func time(_ t: LocalDateTime) -> DocumentValue { .string(t.description) }

    private static func hours(_ h: DailyHours) -> DocumentValue {
        ["start": .string(h.start.description), "end": .string(h.end.description)]
    }

    private static func intervals(_ list: [TimeInterval]) -> DocumentValue {
        .array(list.map { ["start": time($0.start), "end": time($0.end)] })
    }

    private static func weekdays(_ days: Set<Weekday>) -> DocumentValue {
        .array(Weekday.allCases.filter(days.contains).map { .string($0.rawValue) })
    }

    private static func strings(_ set: Set<String>) -> DocumentValue { .array(set.sorted().map(DocumentValue.string)) }

    private static func budgets(_ map: [String: Double]) -> DocumentValue {
        .object(Fields(uniqueKeysWithValues: map.sorted { $0.key < $1.key }.map { ($0.key, number($0.value)) }))
    }

    private static func number(_ value: Double) -> DocumentValue {
        DocumentValue.wholeNumber(value).map(DocumentValue.int) ?? .double(value)
    }
}

/// A scenario that does not survive being written and read back: a bug in `ScenarioDocument`, or
/// in the writer of `format`. Nothing should be written or stored when it is thrown.
public struct ScenarioDocumentError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The scenario's name.
    public var scenario: String
    /// The text format it was written in.
    public var format: DocumentFormat
    /// What went wrong when reading the text back.
    public var problem: String

    public var description: String {
        "internal error: scenario \(scenario) written as \(format.rawValue.uppercased()) does not load back to itself "
            + "(\(problem)); it was not written"
    }
}

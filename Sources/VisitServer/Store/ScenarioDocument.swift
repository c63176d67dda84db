import OrderedCollections
import VisitDomain

/// Writes a `Scenario` back as a FORMAT.md document with every default spelled out, so that
/// `ScenarioLoader.decode(ScenarioDocument.encode(s), ...)` gives `s` again. The store keeps the
/// scenario a replan produced in this form (as JSON text); the API shows scenarios in it.
/// Sets are written sorted, so one scenario always gives one document.
enum ScenarioDocument {
    typealias Fields = OrderedDictionary<String, DocumentValue>

    static func encode(_ s: Scenario) -> DocumentValue {
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
        return .object(root)
    }

    /// The scenario as canonical JSON text, ready to store. Checks that the text loads back to the
    /// same scenario, so a stored version can never silently differ from what was planned.
    static func jsonText(_ s: Scenario) throws(ScenarioDocumentError) -> String {
        let text = DocumentJSON.text(encode(s)) + "\n"
        let reloaded = try? ScenarioLoader.parse(text, format: .json, file: s.name, defaultNow: s.now)
        guard reloaded == s else { throw ScenarioDocumentError(scenario: s.name) }
        return text
    }

    // MARK: Settings

    static func calendar(_ c: WorkCalendar) -> DocumentValue {
        [
            "workingDays": weekdays(c.workingDays),
            "workingHours": hours(c.workingHours),
            "holidays": .array(c.holidays.sorted().map { .string($0.description) }),
            "slotMinutes": .int(c.slotMinutes),
        ]
    }

    static func policies(_ p: Policies) -> DocumentValue {
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
        return .object(f)
    }

    static func objective(_ o: ObjectiveWeights) -> DocumentValue {
        [
            "visit": number(o.visit), "preferredStartPerSlot": number(o.preferredStartPerSlot),
            "preferredHost": number(o.preferredHost), "industryMatch": number(o.industryMatch),
            "cateringCost": number(o.cateringCost), "movedItem": number(o.movedItem),
            "changedResource": number(o.changedResource), "changedPerson": number(o.changedPerson),
            "droppedVisit": number(o.droppedVisit),
        ]
    }

    // MARK: Resources

    static func room(_ r: Room) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(r.id)
        if let b = r.building { f["building"] = .string(b) }
        if !r.hasUnlimitedCapacity { f["capacity"] = .int(r.capacity) }
        f["equipment"] = strings(r.equipment)
        f["secure"] = .bool(r.secure)
        f["unavailable"] = intervals(r.unavailable)
        return .object(f)
    }

    static func route(_ r: TourRoute) -> DocumentValue {
        var f = Fields()
        f["id"] = .string(r.id)
        if let b = r.building { f["building"] = .string(b) }
        f["durationMinutes"] = .int(r.durationMinutes)
        f["maxGroupSize"] = .int(r.maxGroupSize)
        f["concurrentGroups"] = .int(r.concurrentGroups)
        f["confidential"] = .bool(r.confidential)
        if let h = r.openHours { f["openHours"] = hours(h) }
        f["unavailable"] = intervals(r.unavailable)
        return .object(f)
    }

    static func staffMember(_ m: StaffMember) -> DocumentValue {
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
        return .object(f)
    }

    static func caterer(_ c: Caterer) -> DocumentValue {
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
        return .object(f)
    }

    // MARK: Visits

    static func visit(_ v: Visit) -> DocumentValue {
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
        f["agenda"] = .array(v.agenda.map(agendaItem))
        return .object(f)
    }

    static func agendaItem(_ item: AgendaItem) -> DocumentValue {
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
        return .object(f)
    }

    // MARK: Values

    static func time(_ t: LocalDateTime) -> DocumentValue { .string(t.description) }

    static func hours(_ h: DailyHours) -> DocumentValue {
        ["start": .string(h.start.description), "end": .string(h.end.description)]
    }

    static func intervals(_ list: [TimeInterval]) -> DocumentValue {
        .array(list.map { ["start": time($0.start), "end": time($0.end)] })
    }

    static func weekdays(_ days: Set<Weekday>) -> DocumentValue {
        .array(Weekday.allCases.filter(days.contains).map { .string($0.rawValue) })
    }

    static func strings(_ set: Set<String>) -> DocumentValue { .array(set.sorted().map(DocumentValue.string)) }

    static func budgets(_ map: [String: Double]) -> DocumentValue {
        .object(Fields(uniqueKeysWithValues: map.sorted { $0.key < $1.key }.map { ($0.key, number($0.value)) }))
    }

    static func number(_ value: Double) -> DocumentValue {
        value == value.rounded() && abs(value) < 9.0e15 ? .int(Int(value)) : .double(value)
    }
}

/// A scenario that does not survive being written and read back: a bug in `ScenarioDocument`.
struct ScenarioDocumentError: Error, CustomStringConvertible {
    var scenario: String
    var description: String {
        "internal error: scenario \(scenario) does not load back to itself from its canonical JSON; it was not stored"
    }
}

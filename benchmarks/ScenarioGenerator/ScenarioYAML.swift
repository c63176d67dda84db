import VisitDomain

/// Writes any `Scenario` as a FORMAT.md YAML file that `ScenarioLoader` reads back to an equal
/// scenario: every field that differs from its default is written, sets are sorted (weekdays in
/// week order, services as tea break, working meal, banquet), dates and times are quoted text.
public enum ScenarioYAML {
    public static func text(of scenario: Scenario) -> String { YAMLWriter.text(node(of: scenario)) }

    static func node(of s: Scenario) -> YAMLNode {
        var root = YAMLNode.MapBuilder()
        root.add("name", .string(s.name))
        root.add("now", moment(s.now))
        root.add("horizon", .map([("start", date(s.horizon.start)), ("end", date(s.horizon.end))]))
        root.add("calendar", .map([
            ("workingDays", days(s.calendar.workingDays)),
            ("workingHours", hours(s.calendar.workingHours)),
            ("holidays", .list(s.calendar.holidays.sorted().map(date))),
            ("slotMinutes", .int(s.calendar.slotMinutes)),
        ]))
        root.add("policies", policies(s.policies))
        root.add("objective", objective(s.objective))
        root.add("rooms", .list(s.rooms.map(room)))
        root.add("tourRoutes", .list(s.tourRoutes.map(route)))
        root.add("staff", .list(s.staff.map(person)))
        root.add("caterers", .list(s.caterers.map(caterer)))
        root.add("visits", .list(s.visits.map(visit)))
        return root.node
    }

    // MARK: Settings

    private static func policies(_ p: Policies) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("leadTime", .map([("standardWorkingDays", .int(p.standardLeadWorkingDays)), ("urgentHours", .int(p.urgentLeadHours))]))
        map.add("hostArrivesEarlyMinutes", .int(p.hostArrivesEarlyMinutes))
        map.add("roomTurnoverMinutes", .int(p.roomTurnoverMinutes))
        map.add("maxGapMinutes", .int(p.maxGapMinutes))
        map.add("mealBudgetPerHead", budgets(p.mealBudgetPerHead))
        map.add("tierBudgetPerHead", .map(p.tierBudgetPerHead.keys.sorted().map { ($0, budgets(p.tierBudgetPerHead[$0] ?? [:])) }))
        map.add("weeklyHospitalityBudget", p.weeklyHospitalityBudget.map(YAMLNode.double))
        map.add("maxVisitsPerHostPerDay", p.maxVisitsPerHostPerDay.map(YAMLNode.int))
        map.add("maxDutyMinutesPerStaffPerDay", p.maxDutyMinutesPerStaffPerDay.map(YAMLNode.int))
        return map.node
    }

    private static func budgets(_ perService: [String: Double]) -> YAMLNode {
        .map(services(perService.keys).map { ($0, .double(perService[$0] ?? 0)) })
    }

    private static func objective(_ o: ObjectiveWeights) -> YAMLNode {
        .map([
            ("visit", .double(o.visit)), ("preferredStartPerSlot", .double(o.preferredStartPerSlot)),
            ("preferredHost", .double(o.preferredHost)), ("industryMatch", .double(o.industryMatch)),
            ("cateringCost", .double(o.cateringCost)), ("movedItem", .double(o.movedItem)),
            ("changedResource", .double(o.changedResource)), ("changedPerson", .double(o.changedPerson)),
            ("droppedVisit", .double(o.droppedVisit)),
        ])
    }

    // MARK: Resources

    private static func room(_ r: Room) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("id", .string(r.id))
        map.add("building", r.building.map(YAMLNode.string))
        map.add("capacity", r.hasUnlimitedCapacity ? nil : .int(r.capacity))
        map.add("equipment", r.equipment.isEmpty ? nil : texts(r.equipment))
        map.add("secure", r.secure ? .bool(true) : nil)
        map.add("unavailable", intervals(r.unavailable))
        return map.node
    }

    private static func route(_ r: TourRoute) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("id", .string(r.id))
        map.add("building", r.building.map(YAMLNode.string))
        map.add("durationMinutes", .int(r.durationMinutes))
        map.add("maxGroupSize", .int(r.maxGroupSize))
        map.add("concurrentGroups", .int(r.concurrentGroups))
        map.add("confidential", .bool(r.confidential))
        map.add("openHours", r.openHours.map(hours))
        map.add("unavailable", intervals(r.unavailable))
        return map.node
    }

    private static func person(_ p: StaffMember) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("id", .string(p.id))
        map.add("name", p.name.map(YAMLNode.string))
        map.add("building", p.building.map(YAMLNode.string))
        map.add("roles", .list(StaffRole.allCases.filter(p.roles.contains).map { .string($0.rawValue) }))
        map.add("languages", texts(p.languages))
        map.add("industries", p.industries.isEmpty ? nil : texts(p.industries))
        map.add("expertise", p.expertise.isEmpty ? nil : texts(p.expertise))
        map.add("routes", p.routes.isEmpty ? nil : texts(p.routes))
        map.add("availability", p.availability.map { rules in
            .list(rules.map { .map([("days", days($0.days)), ("from", time($0.hours.start)), ("to", time($0.hours.end))]) })
        })
        map.add("unavailable", intervals(p.unavailable))
        return map.node
    }

    private static func caterer(_ c: Caterer) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("id", .string(c.id))
        map.add("approved", .bool(c.approved))
        map.add("services", .map(services(c.services.keys).map { name in
            var service = YAMLNode.MapBuilder()
            service.add("pricePerHead", .double(c.services[name]?.pricePerHead ?? 0))
            service.add("hours", c.services[name]?.hours.map(hours))
            return (name, service.node)
        }))
        map.add("dietary", texts(c.dietary))
        map.add("leadTimeHours", .int(c.leadTimeHours))
        map.add("capacity", c.capacity.map(YAMLNode.int))
        map.add("unavailable", intervals(c.unavailable))
        return map.node
    }

    // MARK: Visits

    private static func visit(_ v: Visit) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("id", .string(v.id))
        var client = YAMLNode.MapBuilder()
        client.add("name", v.client.name.map(YAMLNode.string))
        client.add("industry", v.client.industry.map(YAMLNode.string))
        client.add("tier", v.client.tier.map(YAMLNode.string))
        client.add("contact", v.client.contact.map(YAMLNode.string))
        map.add("client", client.entries.isEmpty ? nil : client.node)
        map.add("headcount", .int(v.headcount))
        map.add("language", v.language.map(YAMLNode.string))
        map.add("requestedAt", moment(v.requestedAt))
        map.add("window", .map([("earliest", moment(v.window.start)), ("latest", moment(v.window.end))]))
        map.add("preferredStart", v.preferredStart.map(moment))
        map.add("priority", .int(v.priority))
        map.add("ndaSigned", .bool(v.ndaSigned))
        map.add("dietary", v.dietary.isEmpty ? nil : .map(v.dietary.map { ($0.key, .int($0.value)) }))
        map.add("preferredHost", v.preferredHost.map(YAMLNode.string))
        map.add("agenda", .list(v.agenda.map(item)))
        return map.node
    }

    private static func item(_ item: AgendaItem) -> YAMLNode {
        var map = YAMLNode.MapBuilder()
        map.add("kind", .string(item.kind.rawValue))
        switch item {
        case .meeting(let m):
            map.add("durationMinutes", .int(m.durationMinutes))
            map.add("equipment", m.equipment.isEmpty ? nil : texts(m.equipment))
            map.add("confidential", m.confidential ? .bool(true) : nil)
            if m.technicalCount > 0 || !m.technicalExpertise.isEmpty {
                map.add("technical", .map([("count", .int(m.technicalCount)), ("expertise", texts(m.technicalExpertise))]))
            }
            map.add("sales", m.salesCount > 0 ? .int(m.salesCount) : nil)
        case .tour(let t):
            map.add("routes", .list(t.routes.map(YAMLNode.string)))
            map.add("durationMinutes", t.durationMinutes.map(YAMLNode.int))
        case .meal(let m):
            map.add("service", .string(m.service))
            map.add("durationMinutes", .int(m.durationMinutes))
        }
        return map.node
    }

    // MARK: Values

    private static func date(_ d: LocalDate) -> YAMLNode { .string(d.description) }
    private static func moment(_ t: LocalDateTime) -> YAMLNode { .string(t.description) }
    private static func time(_ t: TimeOfDay) -> YAMLNode { .string(t.description) }
    private static func hours(_ h: DailyHours) -> YAMLNode { .map([("start", time(h.start)), ("end", time(h.end))]) }
    private static func texts(_ set: Set<String>) -> YAMLNode { .list(set.sorted().map(YAMLNode.string)) }
    private static func days(_ set: Set<Weekday>) -> YAMLNode { .list(Weekday.allCases.filter(set.contains).map { .string($0.rawValue) }) }

    /// `nil` (left out) when empty.
    private static func intervals(_ list: [TimeInterval]) -> YAMLNode? {
        list.isEmpty ? nil : .list(list.map { .map([("start", moment($0.start)), ("end", moment($0.end))]) })
    }

    /// Service names: tea break, working meal and banquet first, then the others alphabetically.
    private static func services(_ names: some Collection<String>) -> [String] {
        let usual = ["teaBreak", "workingMeal", "banquet"]
        return usual.filter(names.contains) + names.filter { !usual.contains($0) }.sorted()
    }
}

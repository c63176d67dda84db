import VisitDomain

/// Generates a realistic week of client visits for benchmarking, the same for a given size, seed
/// and mode on every machine.
///
/// The week runs Monday 2026-12-07 to Friday 2026-12-11 over two buildings. Visits are
/// negotiations (meeting and meal), site visits (meeting, tour, often lunch), technical exchanges
/// (a confidential meeting with technical staff under NDA) and signings (meeting and banquet), in
/// Chinese, English, Japanese and German, from eight industries, with priorities 1–5, dietary needs,
/// VIP clients, preferred starts and hosts, and about 15 % with a window of two or three days.
/// Rooms, route slots, staff and caterers grow with the demand: in normal mode nearly every visit
/// fits, in `tight` mode not all do. Policies are those of the reference weeks.
///
/// With `days` below 5, the week is its first `days` working days (Monday alone, Monday to
/// Wednesday, ...): the horizon, the visits' windows, leave and room closures lie in those days,
/// and the resources are sized for the same visits over fewer days. Five days (the default) gives
/// exactly the week it always gave.
///
/// With `sites` above 1, the company has that many sites far apart (`SiteWeek`): the visits are
/// shared out among them, and each site is a week of its own, with its own resources and people,
/// labelled with the site (rule 11, beyond FORMAT.md). One site (the default) gives the weeks above.
public struct ScenarioGenerator: Sendable, Hashable {
    public let visits: Int
    public let seed: UInt64
    public let tight: Bool
    /// Working days of the horizon, 1 to 5, from Monday.
    public let days: Int
    /// Sites of the company, 1 to 5.
    public let sites: Int

    public init(visits: Int, seed: UInt64, tight: Bool = false, days: Int = 5, sites: Int = 1) {
        self.visits = max(0, visits)
        self.seed = seed
        self.tight = tight
        self.days = min(max(1, days), GeneratedWeek.workingDays)
        self.sites = min(max(1, sites), SiteWeek.names.count)
    }

    /// `generated-100v-s1` (with `-tight` in tight mode, `-3d` for a three-day week and `-3sites`
    /// for three sites).
    public var name: String {
        "generated-\(visits)v-s\(seed)\(tight ? "-tight" : "")\(days == GeneratedWeek.workingDays ? "" : "-\(days)d")"
            + (sites == 1 ? "" : "-\(sites)sites")
    }

    public func scenario() -> Scenario {
        if sites > 1 { return SiteWeek(visits: visits, seed: seed, tight: tight, days: days, sites: sites).scenario(name: name) }
        // Independent streams: the same seed gives the same visits in normal and tight mode (but
        // for the preferred hosts, drawn among each week's own hosts).
        var visitFactory = VisitFactory(random: SeededRandom(seed: seed, stream: 1), days: days)
        var requests = visitFactory.visits(count: visits)
        let sizing = Sizing(demand: Demand(visits: requests, routes: RouteCatalogue.routes, days: days), tight: tight)
        var resources = ResourceFactory(random: SeededRandom(seed: seed, stream: 2), sizing: sizing)
        var staffFactory = StaffFactory(random: SeededRandom(seed: seed, stream: 3), sizing: sizing)
        let rooms = resources.rooms()
        let staff = staffFactory.staff()
        var wishes = SeededRandom(seed: seed, stream: 4)
        for v in requests.indices where wishes.chance(22) {
            let hosts = staff.filter { $0.has(.host) && $0.languages.contains(requests[v].language ?? "zh") }
            if !hosts.isEmpty { requests[v].preferredHost = wishes.pick(hosts).id }
        }
        return Scenario(
            name: name, now: GeneratedWeek.now, horizon: GeneratedWeek.horizon(days: days),
            calendar: WorkCalendar(workingDays: [.mon, .tue, .wed, .thu, .fri], workingHours: GeneratedWeek.workingHours,
                                   holidays: [], slotMinutes: GeneratedWeek.slot),
            policies: Policies(standardLeadWorkingDays: 3, urgentLeadHours: 24, hostArrivesEarlyMinutes: 10, roomTurnoverMinutes: 15,
                               maxGapMinutes: 30, mealBudgetPerHead: ["teaBreak": 30, "workingMeal": 80, "banquet": 300],
                               tierBudgetPerHead: ["vip": ["workingMeal": 150, "banquet": 500]],
                               weeklyHospitalityBudget: sizing.weeklyBudget, maxVisitsPerHostPerDay: 2,
                               maxDutyMinutesPerStaffPerDay: 480),
            objective: ObjectiveWeights(), rooms: rooms, tourRoutes: resources.routes(), staff: staff,
            caterers: resources.caterers(), visits: requests)
    }

    /// A week drawn from `seed`: its size in `visits`, its days in `days`, tight or not (even odds),
    /// and its visits and resources from the same seed. The property tests name a week by this seed.
    public static func drawn(seed: UInt64, visits: ClosedRange<Int> = 5...60, days: ClosedRange<Int> = 1...5) -> ScenarioGenerator {
        var random = SeededRandom(seed: seed, stream: 9)
        let size = random.int(in: visits)
        let length = random.int(in: max(1, days.lowerBound)...min(GeneratedWeek.workingDays, days.upperBound))
        return ScenarioGenerator(visits: size, seed: seed, tight: random.chance(50), days: length)
    }

    /// The scenario as a FORMAT.md YAML file, checked to load back to an equal scenario
    /// (`ScenarioDocument.yamlText`).
    public func yaml() throws(ScenarioDocumentError) -> String { try ScenarioDocument.yamlText(scenario()) }
}

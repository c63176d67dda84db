import VisitDomain

/// Draws the staff of a week, sized by `Sizing`: hosts and guides for every language the visits
/// speak (some working late for banquets), technical staff whose expertise covers every topic,
/// sales staff (some of whom also host) and IT cover in both buildings. People who are the only
/// ones for a language keep full hours; others may work part-time or take a day off.
struct StaffFactory {
    var random: SeededRandom
    let sizing: Sizing
    private var usedIDs: Set<String> = []

    init(random: SeededRandom, sizing: Sizing) {
        self.random = random
        self.sizing = sizing
    }

    /// Working hours a person may have.
    private enum Hours {
        /// 08:00–18:30, Monday to Friday.
        case long
        /// No availability listed: the calendar's working hours.
        case calendar
        /// 08:30–17:00 on Monday to Wednesday, or on Wednesday to Friday.
        case earlyWeek, lateWeek
        /// 08:00–21:30, Monday to Friday (hosts of evening banquets).
        case late

        var rules: [AvailabilityRule]? {
            let weekdays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri]
            switch self {
            case .long: return [AvailabilityRule(days: weekdays, hours: DailyHours(start: .at(8, 0), end: .at(18, 30)))]
            case .calendar: return nil
            case .earlyWeek: return [AvailabilityRule(days: [.mon, .tue, .wed], hours: DailyHours(start: .at(8, 30), end: .at(17, 0)))]
            case .lateWeek: return [AvailabilityRule(days: [.wed, .thu, .fri], hours: DailyHours(start: .at(8, 30), end: .at(17, 0)))]
            case .late: return [AvailabilityRule(days: weekdays, hours: DailyHours(start: .at(8, 0), end: .at(21, 30)))]
            }
        }
    }

    /// Everyone, in a shuffled order as in a real staff list.
    mutating func staff() -> [StaffMember] {
        let everyone = hosts() + guides() + technicalStaff() + salesStaff() + itStaff()
        return random.sample(everyone, count: everyone.count)
    }

    // MARK: Roles

    private mutating func hosts() -> [StaffMember] {
        var hosts: [StaffMember] = []
        let german = sizing.hosts(speaking: "de")
        let japanese = sizing.hosts(speaking: "ja")
        for i in 0..<german {
            let late = i < sizing.eveningHosts(speaking: "de")
            hosts.append(person(.german, roles: [.host], building: "A", languages: ["de", "en"] + (random.chance(50) ? ["zh"] : []),
                                hours: late ? .late : .long, essential: true))
        }
        for i in 0..<japanese {
            let late = i < sizing.eveningHosts(speaking: "ja")
            hosts.append(person(.japanese, roles: [.host], building: "A", languages: ["ja", "zh"] + (random.chance(50) ? ["en"] : []),
                                hours: late ? .late : .long, essential: true))
        }
        let english = sizing.hosts(speaking: "en")
        let chinese = max(sizing.hosts - german - japanese, sizing.hosts(speaking: "zh"), 1)
        let evening = sizing.eveningHosts(speaking: "zh") + sizing.eveningHosts(speaking: "en")
        for i in 0..<chinese {
            let speaksEnglish = i < english || random.chance(30)
            let hours: Hours = i < evening ? .late : (i < english ? .long : usualHours())
            hosts.append(person(.chinese, roles: [.host], building: random.chance(80) ? "A" : "B",
                                languages: ["zh"] + (speaksEnglish ? ["en"] : []), hours: hours, essential: i < english))
        }
        return hosts
    }

    private mutating func guides() -> [StaffMember] {
        let all = RouteCatalogue.routes.map(\.id)
        var guides: [StaffMember] = []
        let german = sizing.guides(speaking: "de")
        let japanese = sizing.guides(speaking: "ja")
        for i in 0..<german {
            guides.append(person(.german, roles: [.guide], building: i % 2 == 0 ? "A" : "B",
                                 languages: ["de", "en"] + (random.chance(50) ? ["zh"] : []), hours: .long, routes: all, essential: true))
        }
        for i in 0..<japanese {
            guides.append(person(.japanese, roles: [.guide], building: i % 2 == 0 ? "A" : "B",
                                 languages: ["ja", "zh"] + (random.chance(50) ? ["en"] : []), hours: .long, routes: all, essential: true))
        }
        let english = max(2, sizing.guides(speaking: "en"))
        let chinese = max(sizing.guides - german - japanese, sizing.guides(speaking: "zh"), 2)
        for i in 0..<chinese {
            let building = i % 2 == 0 ? "A" : "B"
            let local = building == "A" ? [RouteCatalogue.showroom, RouteCatalogue.logisticsHub]
                                        : [RouteCatalogue.productionLine, RouteCatalogue.rndCentre]
            let routes = i < 2 || random.chance(30) ? all : local
            guides.append(person(.chinese, roles: [.guide], building: building,
                                 languages: ["zh"] + (i < english || random.chance(25) ? ["en"] : []),
                                 hours: i < english ? .long : usualHours(), routes: routes, essential: i < english))
        }
        return guides
    }

    /// Technical staff with three topics each, dealt round the topic list so that every topic is
    /// known (five or more people: known by at least one, mostly two), some with a fourth topic;
    /// a few also guide in building B.
    private mutating func technicalStaff() -> [StaffMember] {
        let topics = NamePools.topics
        let offset = random.int(in: 0...(topics.count - 1))
        return (0..<sizing.technicalStaff).map { i in
            var expertise = (0..<3).map { topics[(offset + 3 * i + $0) % topics.count] }
            if random.chance(30) { expertise.append(random.pick(topics)) }
            let guides = random.chance(15)
            let origin: NamePools.Origin = random.chance(10) ? .english : .chinese
            return person(origin, roles: guides ? [.technical, .guide] : [.technical], building: random.chance(65) ? "B" : "A",
                          languages: origin == .english ? ["en"] : ["zh"] + (random.chance(60) ? ["en"] : []),
                          hours: usualHours(), routes: guides ? [RouteCatalogue.productionLine, RouteCatalogue.rndCentre] : [],
                          expertise: expertise)
        }
    }

    /// Sales staff; a quarter of them also host.
    private mutating func salesStaff() -> [StaffMember] {
        (0..<sizing.salesStaff).map { _ in
            person(.chinese, roles: random.chance(25) ? [.sales, .host] : [.sales], building: "A",
                   languages: ["zh"] + (random.chance(60) ? ["en"] : []), hours: usualHours())
        }
    }

    /// IT cover in each building: the first person there works long days.
    private mutating func itStaff() -> [StaffMember] {
        ["A", "B"].flatMap { building in
            (0..<sizing.itStaffPerBuilding).map { i in
                person(.chinese, roles: [.it], building: building, languages: ["zh"], hours: i == 0 ? .long : usualHours(), essential: i == 0)
            }
        }
    }

    // MARK: People

    private mutating func usualHours() -> Hours {
        random.weighted([(Hours.long, 55), (.calendar, 25), (.earlyWeek, 10), (.lateWeek, 10)])
    }

    /// A person with a fresh id. Unless `essential` (the only ones for a language, say), one in twelve
    /// takes a day off.
    private mutating func person(_ origin: NamePools.Origin, roles: [StaffRole], building: String, languages: [String], hours: Hours,
                                 routes: [String] = [], expertise: [String] = [], essential: Bool = false) -> StaffMember {
        let names = origin.names
        let given = random.pick(names.given)
        let family = random.pick(names.family)
        let name = names.familyFirst ? "\(family) \(given)" : "\(given) \(family)"
        var id = NamePools.staffID(name)
        if usedIDs.contains(id) {
            var n = 2
            while usedIDs.contains("\(id)\(n)") { n += 1 }
            id += "\(n)"
        }
        usedIDs.insert(id)
        let industries = random.sample(NamePools.industries, count: random.int(in: 1...3))
        let leave = !essential && random.chance(8) ? [GeneratedWeek.wholeDay(random.int(in: 0...(sizing.demand.days - 1)))] : []
        return StaffMember(id: id, name: name, building: building, roles: Set(roles), languages: Set(languages),
                           industries: Set(industries), expertise: Set(expertise), routes: Set(routes),
                           availability: hours.rules, unavailable: leave)
    }
}

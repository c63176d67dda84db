import VisitDomain

/// What a client comes for; it decides the agenda, the size of the group and the time of day.
enum VisitKind: Sendable, CaseIterable {
    /// A meeting with sales, then a working meal or a tea break.
    case negotiation
    /// A short meeting, a tour of the showroom, production line or logistics hub, often lunch.
    case siteVisit
    /// A confidential meeting with technical staff under NDA, then a tea break or the R&D centre.
    case technicalExchange
    /// A signing meeting and a banquet, mostly in the evening.
    case signing
}

/// Draws visit requests: kind, client, headcount, agenda, window, notice and wishes. Each agenda
/// is drawn around an ideal start at which it fits the company's hours (lunch inside the caterers'
/// lunch hours, tours inside their route's opening hours, banquets after work), and the window
/// leaves room around it, as coordinators ask clients for.
struct VisitFactory {
    var random: SeededRandom
    /// Working days the windows lie in, from Monday (1 to 5).
    var days = GeneratedWeek.workingDays

    mutating func visits(count: Int) -> [Visit] { (0..<count).map { visit(number: $0) } }

    /// An agenda and where in the day it fits best.
    private struct AgendaDraft {
        var items: [AgendaItem]
        /// Minutes after midnight of the ideal start.
        var idealStart: Int
        /// Ends with an evening banquet (the window may reach 21:30).
        var evening: Bool

        var minutes: Int {
            items.reduce(0) { total, item in
                switch item {
                case .meeting(let m): total + m.durationMinutes
                case .tour(let t): total + (t.durationMinutes ?? RouteCatalogue.route(t.routes[0]).durationMinutes)
                case .meal(let m): total + m.durationMinutes
                }
            }
        }
    }

    mutating func visit(number: Int) -> Visit {
        let kind = random.weighted([(VisitKind.negotiation, 33), (.siteVisit, 32), (.technicalExchange, 20), (.signing, 15)])
        let language = random.weighted([("zh", 42), ("en", 42), ("ja", 9), ("de", 7)])
        let headcount = headcount(for: kind)
        let draft = agenda(for: kind)
        let client = client(kind: kind, language: language)
        let needsNDA = kind == .technicalExchange || draft.items.contains {
            if case .tour(let t) = $0 { t.routes.contains(RouteCatalogue.rndCentre) } else { false }
        }
        let ndaSigned = needsNDA || random.chance(25)
        let (window, preferred) = window(for: draft)
        var visit = Visit(
            id: "V-\(1001 + number)", client: client, headcount: headcount, language: language,
            requestedAt: requestedAt(), window: window,
            preferredStart: random.chance(85) ? preferred : nil,
            priority: random.weighted([(1, 15), (2, 25), (3, 25), (4, 22), (5, 13)]),
            ndaSigned: ndaSigned, agenda: draft.items)
        if random.chance(40) {
            let first = random.weighted([("vegetarian", 70), ("halal", 15), ("gluten-free", 15)])
            visit.dietary[first] = random.int(in: 1...min(2, headcount))
            if first == "vegetarian", headcount > 2, random.chance(10) { visit.dietary["halal"] = 1 }
        }
        return visit
    }

    private mutating func headcount(for kind: VisitKind) -> Int {
        switch kind {
        case .negotiation: random.int(in: 3...8)
        case .siteVisit: random.int(in: random.weighted([(4...10, 60), (11...16, 30), (17...21, 10)]))
        case .technicalExchange: random.int(in: 2...7)
        case .signing: random.int(in: 4...12)
        }
    }

    private mutating func client(kind: VisitKind, language: String) -> Client {
        let name = random.pick(NamePools.companies) + " " + random.pick(NamePools.companySuffixes(for: language))
        let vip = random.chance(kind == .signing ? 35 : 8)
        var contact: String?
        if random.chance(40) {
            let (families, prefix) = NamePools.contact(for: language)
            let digits = (0..<8).map { _ in String(random.int(in: 0...9)) }.joined()
            contact = "\(random.pick(["Ms", "Mr"])) \(random.pick(families)), \(prefix) \(digits.prefix(4)) \(digits.suffix(4))"
        }
        return Client(name: name, industry: random.pick(NamePools.industries), tier: vip ? "vip" : "standard", contact: contact)
    }

    // MARK: Agendas

    private mutating func agenda(for kind: VisitKind) -> AgendaDraft {
        switch kind {
        case .negotiation: negotiation()
        case .siteVisit: siteVisit()
        case .technicalExchange: technicalExchange()
        case .signing: signing()
        }
    }

    private mutating func negotiation() -> AgendaDraft {
        let minutes = random.weighted([(60, 4), (90, 3), (120, 3)])
        let meeting = Meeting(durationMinutes: minutes,
                              equipment: random.weighted([(["projector"], 60), (["projector", "videoconf"], 25), ([], 15)]),
                              salesCount: random.chance(75) ? 1 : 0)
        switch random.weighted([("workingMeal", 65), ("teaBreak", 25), ("none", 10)]) {
        case "workingMeal":
            return AgendaDraft(items: [.meeting(meeting), .meal(Meal(service: "workingMeal", durationMinutes: 60))],
                               idealStart: lunchStart() - minutes, evening: false)
        case "teaBreak":
            return AgendaDraft(items: [.meeting(meeting), .meal(Meal(service: "teaBreak", durationMinutes: 30))],
                               idealStart: start(in: clock(9, 0)...(clock(17, 0) - minutes - 30)), evening: false)
        default:
            return AgendaDraft(items: [.meeting(meeting)], idealStart: start(in: clock(8, 30)...(clock(17, 0) - minutes)), evening: false)
        }
    }

    private mutating func siteVisit() -> AgendaDraft {
        let minutes = random.weighted([(30, 3), (45, 3), (60, 4)])
        let meeting = Meeting(durationMinutes: minutes, equipment: random.weighted([(["projector"], 70), ([], 30)]),
                              salesCount: random.chance(40) ? 1 : 0)
        let routes = random.weighted([
            ([RouteCatalogue.showroom], 45), ([RouteCatalogue.productionLine], 25),
            ([RouteCatalogue.productionLine, RouteCatalogue.showroom], 15), ([RouteCatalogue.logisticsHub], 10),
            ([RouteCatalogue.showroom, RouteCatalogue.logisticsHub], 5),
        ])
        let route = RouteCatalogue.route(routes[0])
        let tour = Tour(routes: routes)
        if random.chance(50) {
            let ideal = lunchStart() - route.durationMinutes - minutes
            return AgendaDraft(items: [.meeting(meeting), .tour(tour), .meal(Meal(service: "workingMeal", durationMinutes: 60))],
                               idealStart: ideal, evening: false)
        }
        let open = route.openHours ?? GeneratedWeek.workingHours
        let tourStart = start(in: max(open.start.minutes, clock(8, 30) + minutes)...(open.end.minutes - route.durationMinutes))
        return AgendaDraft(items: [.meeting(meeting), .tour(tour)], idealStart: tourStart - minutes, evening: false)
    }

    private mutating func technicalExchange() -> AgendaDraft {
        let minutes = random.weighted([(90, 3), (120, 4), (180, 2), (240, 1)])
        let count = random.weighted([(1, 5), (2, 3), (3, 2)])
        let topics = random.sample(NamePools.topics, count: count == 1 ? 1 : random.int(in: 1...2))
        let meeting = Meeting(durationMinutes: minutes,
                              equipment: random.weighted([(["projector", "videoconf"], 50), (["projector"], 50)]),
                              confidential: true, technicalCount: count, technicalExpertise: Set(topics))
        switch random.weighted([("teaBreak", 45), ("rnd", 15), ("none", 40)]) {
        case "teaBreak":
            return AgendaDraft(items: [.meeting(meeting), .meal(Meal(service: "teaBreak", durationMinutes: 30))],
                               idealStart: start(in: clock(9, 0)...(clock(17, 0) - minutes - 30)), evening: false)
        case "rnd":
            let route = RouteCatalogue.route(RouteCatalogue.rndCentre)
            let open = route.openHours ?? GeneratedWeek.workingHours
            let tourStart = start(in: max(open.start.minutes, clock(8, 30) + minutes)...(open.end.minutes - route.durationMinutes))
            return AgendaDraft(items: [.meeting(meeting), .tour(Tour(routes: [route.id]))], idealStart: tourStart - minutes, evening: false)
        default:
            return AgendaDraft(items: [.meeting(meeting)], idealStart: start(in: clock(8, 30)...(clock(18, 0) - minutes)), evening: false)
        }
    }

    private mutating func signing() -> AgendaDraft {
        let minutes = random.weighted([(45, 1), (60, 1)])
        let meeting = Meeting(durationMinutes: minutes,
                              equipment: random.weighted([(["microphone"], 40), (["projector"], 40), (["projector", "microphone"], 20)]),
                              salesCount: 1)
        let banquet = Meal(service: "banquet", durationMinutes: random.weighted([(120, 6), (90, 4)]))
        let evening = random.chance(70)
        let banquetStart = evening ? random.pick([clock(17, 30), clock(17, 45), clock(18, 0)]) : start(in: clock(11, 30)...clock(13, 0))
        return AgendaDraft(items: [.meeting(meeting), .meal(banquet)], idealStart: banquetStart - minutes, evening: evening)
    }

    /// The start of a working lunch: 11:30 to 12:30, so that a one-hour meal fits every caterer's lunch hours.
    private mutating func lunchStart() -> Int { start(in: clock(11, 30)...clock(12, 30)) }

    private mutating func start(in range: ClosedRange<Int>) -> Int { random.step(in: range, by: GeneratedWeek.slot) }

    // MARK: Time

    /// The window around the ideal start (on one day, or for about 15 % of the visits on two or
    /// three days), and the preferred start.
    private mutating func window(for draft: AgendaDraft) -> (TimeInterval, LocalDateTime) {
        // Fewer days: the same weights, of the days there are.
        let day = random.weighted(Array([(0, 22), (1, 22), (2, 22), (3, 20), (4, 14)].prefix(days)))
        let before = random.step(in: 0...120, by: GeneratedWeek.slot)
        let after = random.step(in: 60...240, by: GeneratedWeek.slot)
        let earliest = max(clock(8, 0), draft.idealStart - before)
        let latest = min(draft.evening ? clock(21, 30) : clock(18, 0), draft.idealStart + draft.minutes + after)
        var firstDay = day
        var lastDay = day
        if random.chance(15) {
            let span = min(random.weighted([(2, 60), (3, 40)]), days)
            firstDay = random.int(in: max(0, day - span + 1)...min(day, days - span))
            lastDay = firstDay + span - 1
        }
        let window = TimeInterval(start: GeneratedWeek.at(day: firstDay, minute: earliest),
                                  end: GeneratedWeek.at(day: lastDay, minute: latest))
        return (window, GeneratedWeek.at(day: day, minute: draft.idealStart))
    }

    /// From a few hours to a week before the planning moment, in office hours (08:00–19:00):
    /// requests of the last three working days for early in the week are urgent.
    private mutating func requestedAt() -> LocalDateTime {
        let hours = random.int(in: random.weighted([(0...12, 20), (20...60, 35), (60...110, 25), (110...175, 20)]))
        let moment = GeneratedWeek.now.adding(minutes: -(hours * 60 + random.int(in: 0...59)))
        guard !(clock(8, 0)..<clock(19, 0)).contains(moment.minuteOfDay) else { return moment }
        let lastMinute = moment.date == GeneratedWeek.now.date ? GeneratedWeek.now.minuteOfDay - 1 : clock(19, 0) - 1
        return LocalDateTime(date: moment.date, minuteOfDay: random.int(in: clock(8, 0)...lastMinute))
    }
}

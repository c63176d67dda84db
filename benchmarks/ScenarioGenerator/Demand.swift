import VisitDomain

/// What a week of visits asks of the company: the totals the resources are sized from.
/// Lookups by key only (never iterated), so that nothing depends on hashing order.
struct Demand: Sendable {
    /// Working days the visits are spread over (1 to 5).
    let days: Int
    var visits = 0
    var visitsByLanguage: [String: Int] = [:]
    /// Visits that end with an evening banquet (their host works late), by language.
    var eveningVisitsByLanguage: [String: Int] = [:]
    /// Tour groups, a visit's groups shared equally among the routes it may take.
    var tourGroupsByLanguage: [String: Double] = [:]
    var tourGroupsByRoute: [String: Double] = [:]
    /// The most groups one visit needs at once on each route.
    var largestGroupsByRoute: [String: Int] = [:]
    var confidentialMeetings = 0
    var technicalSeats = 0
    var salesSeats = 0
    /// People in the largest open and confidential meeting (visitors and staff).
    var largestMeeting = 0
    var largestConfidentialMeeting = 0
    var lunchDiners = 0
    var banquetDiners = 0
    /// Catering cost if every meal went to a typical caterer.
    var typicalCateringCost = 0.0

    init(visits: [Visit], routes: [TourRoute], days: Int = GeneratedWeek.workingDays) {
        self.days = days
        self.visits = visits.count
        for visit in visits {
            let language = visit.language ?? "zh"
            visitsByLanguage[language, default: 0] += 1
            if visit.window.end.minuteOfDay > clock(18, 0), visit.agenda.contains(where: { $0.kind == .meal }) {
                eveningVisitsByLanguage[language, default: 0] += 1
            }
            for item in visit.agenda { add(item, of: visit, language: language, routes: routes) }
        }
    }

    private mutating func add(_ item: AgendaItem, of visit: Visit, language: String, routes: [TourRoute]) {
        switch item {
        case .meeting(let meeting):
            let people = visit.headcount + 1 + meeting.technicalCount + meeting.salesCount
            if meeting.confidential {
                confidentialMeetings += 1
                largestConfidentialMeeting = max(largestConfidentialMeeting, people)
            } else {
                largestMeeting = max(largestMeeting, people)
            }
            technicalSeats += meeting.technicalCount
            salesSeats += meeting.salesCount
        case .tour(let tour):
            for id in tour.routes {
                guard let route = routes.first(where: { $0.id == id }) else { continue }
                let groups = (visit.headcount + route.maxGroupSize - 1) / route.maxGroupSize
                let share = Double(groups) / Double(tour.routes.count)
                tourGroupsByRoute[id, default: 0] += share
                tourGroupsByLanguage[language, default: 0] += share
                largestGroupsByRoute[id] = max(largestGroupsByRoute[id] ?? 0, groups)
            }
        case .meal(let meal):
            let diners = visit.headcount + 1
            let price: Double
            switch meal.service {
            case "teaBreak": price = 24
            case "banquet": price = visit.client.tier == "vip" ? 320 : 285; banquetDiners += diners
            default: price = 60; lunchDiners += diners
            }
            typicalCateringCost += price * Double(diners)
        }
    }

    /// `count` spread over the working days of the week.
    func perDay(_ count: Int) -> Double { Double(count) / Double(days) }
    func perDay(_ count: Double) -> Double { count / Double(days) }

    /// How many times busier each day is than in a five-day week of the same visits: exactly 1
    /// for five days, so that sizes read from weekly totals stay those of the five-day week.
    var dailyLoad: Double { Double(GeneratedWeek.workingDays) / Double(days) }
}

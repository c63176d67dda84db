/// The nine hard rules of FORMAT.md and two beyond it: the hotel booking of a visit that stays
/// overnight (issue 14, "Accommodation"; it binds only visits with a `stay`), and the site of a
/// visit at a company with several sites (issue 17; it binds only visits with a `site`). Each has one home in the checker (`PlanChecker`) and one in
/// the planner's model, under the same name, and a title a coordinator sees in reasons.
public enum HardRule: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case agenda = 1
    case workingTime = 2
    case leadTime = 3
    case host = 4
    case meeting = 5
    case tour = 6
    case meal = 7
    case availability = 8
    case itCover = 9
    case hotel = 10
    case site = 11

    /// The rule's short name, as reasons and violations start with it ("lead time: ...").
    public var title: String {
        switch self {
        case .agenda: "agenda"
        case .workingTime: "working time"
        case .leadTime: "lead time"
        case .host: "host"
        case .meeting: "meeting"
        case .tour: "tour"
        case .meal: "meal"
        case .availability: "availability"
        case .itCover: "IT cover"
        case .hotel: "hotel"
        case .site: "site"
        }
    }

    /// What the rule demands, in one sentence.
    public var summary: String {
        switch self {
        case .agenda: "all agenda items in order, gaps of at most maxGapMinutes, inside the window, on one day, not before now"
        case .workingTime: "meetings and tours inside working hours on working days (tours also in the route's open hours); meals inside the caterer's service hours"
        case .leadTime: "enough notice: standard working days, or urgent hours for an urgent visit; caterer lead time for meals"
        case .host: "one host who speaks the visit's language, busy from the early arrival to the end, and no other role in the visit"
        case .meeting: "a room large and equipped enough (secure and NDA when confidential), the right technical and sales staff"
        case .tour: "an allowed route with a free group slot and one certified guide speaking the language per group"
        case .meal: "an approved caterer offering the service, serving the dietary needs, within the per-head and weekly budgets and its capacity"
        case .availability: "people, rooms, routes and caterers used only when available and for one duty at a time, within daily limits"
        case .itCover: "a free IT person in the room's building while a meeting with equipment runs"
        case .site: "a visit with a site uses only rooms, routes, caterers and people of that site (or of none)"
        case .hotel: "a visit that stays overnight has its rooms booked at one approved hotel offering the room type within the per-night budget, on nights it is open, within its rooms per night"
        }
    }

    public var description: String { "rule \(rawValue) (\(title))" }
}

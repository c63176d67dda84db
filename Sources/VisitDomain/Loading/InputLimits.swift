/// The ranges every number read from input must lie in, and the sizes a document may have. They
/// are far beyond what a company's week needs and far below what could overflow arithmetic or
/// exhaust memory, so a value outside them is a typing error or an attack; either way it gets a
/// field-path error, never a trap. The README's "Limits" section lists them.
public enum InputLimits {
    // MARK: Numbers in scenarios, events and what-if files

    /// Guests of one visit.
    public static let headcount = 1...1_000
    /// People a room seats; diners a caterer serves at once.
    public static let capacity = 0...100_000
    /// Visitors per tour group.
    public static let groupSize = 1...1_000
    /// Groups a route takes at once.
    public static let concurrentGroups = 1...1_000
    /// Any duration of an item or a route, in minutes (one day at most: a visit lies within a day).
    public static let durationMinutes = 1...1_440
    /// Minutes of a policy (early arrival, turnover, gap between items, duty per day).
    public static let policyMinutes = 0...1_440
    /// Visits one person may host in a day.
    public static let visitsPerDay = 0...1_000
    /// Working days of notice for a standard visit.
    public static let leadWorkingDays = 0...260
    /// Hours of notice (urgent visits, caterers).
    public static let leadHours = 0...8_760
    /// Technical or sales staff at one meeting.
    public static let staffPerMeeting = 0...100
    /// Rooms a hotel lets per night of one room type.
    public static let roomsPerNight = 0...100_000
    /// Rooms of one stay; guests sharing one room.
    public static let stayRooms = 1...1_000
    /// Nights of a stay before or after the visit's day, each.
    public static let stayNights = 0...30
    /// A visit's priority.
    public static let priority = 1...5
    /// Characters of a free-text detail of a visit (a guest's name or title, the meeting point).
    public static let detailCharacters = 200
    /// Characters of a note, feedback text or incident description recorded against a visit.
    public static let noteCharacters = 4_000
    /// Points one incident costs the team (the procedure's deductions).
    public static let incidentPoints = 0...5
    /// Prices and budgets, in currency units.
    public static let money = 0.0...1_000_000_000.0
    /// Objective weights.
    public static let weight = -1_000_000.0...1_000_000.0
    /// Minutes of an arrival shift (a week either way).
    public static let shiftMinutes = -10_080...10_080
    /// Minutes an item may be extended by.
    public static let extendMinutes = 1...1_440
    /// `scaleDemand` of a what-if variant.
    public static let demandFactor = 1...10
    /// Years of any date or date-time.
    public static let years = 1970...2200
    /// Days of a scenario's horizon.
    public static let horizonDays = 1...366

    // MARK: Sizes

    /// Bytes of one document (a scenario, events or what-if file, a request body).
    public static let documentBytes = 8 * 1024 * 1024
    /// Nodes (mappings, lists and scalars) of one parsed document, aliases expanded.
    public static let documentNodes = 1_000_000
    /// Nesting depth of one document.
    public static let documentDepth = 64
    /// Visits in one scenario (a variant's scenario included).
    public static let visits = 5_000
    /// Rooms, routes, staff members or caterers in one scenario, each.
    public static let resourcesPerList = 5_000
    /// Agenda items of one visit.
    public static let agendaItems = 20
    /// Events in one report.
    public static let events = 1_000
    /// Variants in one what-if file.
    public static let variants = 20
}

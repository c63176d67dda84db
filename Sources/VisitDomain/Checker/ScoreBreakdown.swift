/// A plan's score term by term (FORMAT.md "Objective"), each already multiplied by its weight.
public struct ScoreBreakdown: Sendable, Hashable, Codable {
    /// Scheduled visits × priority × `visit`.
    public var visits: Double
    /// Slots between start and preferred start × `preferredStartPerSlot`.
    public var preferredStart: Double
    /// Visits hosted by their preferred host × `preferredHost`.
    public var preferredHost: Double
    /// Hosts and guides knowing the client's industry × `industryMatch`.
    public var industryMatch: Double
    /// Total catering cost × `cateringCost`.
    public var catering: Double
    /// Replanning: items whose start moved × `movedItem`.
    public var moved: Double
    /// Replanning: items whose room, route or caterer changed × `changedResource`.
    public var changedResource: Double
    /// Replanning: people added to or taken off items or as host × `changedPerson`.
    public var changedPerson: Double
    /// Replanning: visits scheduled before, not cancelled, not scheduled now × `droppedVisit`.
    public var dropped: Double

    public init(visits: Double = 0, preferredStart: Double = 0, preferredHost: Double = 0, industryMatch: Double = 0,
                catering: Double = 0, moved: Double = 0, changedResource: Double = 0, changedPerson: Double = 0,
                dropped: Double = 0) {
        self.visits = visits; self.preferredStart = preferredStart; self.preferredHost = preferredHost
        self.industryMatch = industryMatch; self.catering = catering; self.moved = moved
        self.changedResource = changedResource; self.changedPerson = changedPerson; self.dropped = dropped
    }

    /// The terms in FORMAT.md's order, named as in `objective:`.
    public var terms: [(name: String, value: Double)] {
        [("visit", visits), ("preferredStartPerSlot", preferredStart), ("preferredHost", preferredHost),
         ("industryMatch", industryMatch), ("cateringCost", catering), ("movedItem", moved),
         ("changedResource", changedResource), ("changedPerson", changedPerson), ("droppedVisit", dropped)]
    }

    /// The score: the sum of the terms.
    public var total: Double { terms.reduce(0) { $0 + $1.value } }
}

import VisitDomain

/// What the planner can offer a visit not yet in the plan (issue 14): its lead time, up to three
/// best distinct placements with every other visit kept exactly as planned, and, when there is
/// none, what blocks it and the cheapest way in. Every option and the way in pass the
/// independent `PlanChecker` before they are offered.
public struct VisitOptions: Sendable, Encodable {
    public var scenario: String
    public var visit: String
    /// The client's name, for the reader.
    public var client: String?
    /// Whether the plan lists the visit (unscheduled); false for a request the plan has not seen.
    public var inPlan: Bool
    public var leadTime: LeadTimeAssessment
    /// The current plan's score (FORMAT.md's objective without replanning terms).
    public var currentScore: Double
    /// Whether some placement exists without moving anyone.
    public var fits: Bool
    /// The best distinct placements, best first (at most three by default).
    public var options: [PlacementOption]
    /// When nothing fits: what blocks the visit (rule, resources, visits in the way), as facts
    /// and as sentences.
    public var blockers: [UnscheduledReason]
    public var reasons: [String]
    /// When nothing fits: whether the visit could not be planned even alone (then there is no way in).
    public var impossibleAlone: Bool
    /// When nothing fits and the visit is possible alone: the cheapest way in found.
    public var wayIn: WayIn?
    /// Why there is no way in, when there is none ("impossible on its own", "none found in 5 s").
    public var wayInNote: String?
    /// The solves made, in order, and the whole answer's seconds.
    public var solves: [OptionsSolve]
    public var solveSeconds: Double
}

/// One solve of an options search.
public struct OptionsSolve: Sendable, Hashable, Encodable {
    /// "option 1", "option 2 (option 1 excluded)", "way in: the visits in its way, moving on their day", ...
    public var name: String
    public var seconds: Double
    /// Whether the visit was placed.
    public var placed: Bool
}

/// Settings of an options search.
public struct VisitOptionsSettings: Sendable {
    /// Placements to offer at most.
    public var count: Int
    /// Seconds for the whole search (options and way in); what is found by then is returned.
    public var timeLimit: Double
    /// Once a way in is found, wider neighbourhoods (which might find a cheaper one) are tried
    /// only within this many seconds from the start.
    public var answerSeconds: Double

    public init(count: Int = 3, timeLimit: Double = 10, answerSeconds: Double = 1) {
        self.count = max(1, count); self.timeLimit = timeLimit; self.answerSeconds = answerSeconds
    }
}

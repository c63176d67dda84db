/// One agenda item of one visit, named by the visit id and the item's index in the scenario's
/// agenda (FORMAT.md "Change events": item indexes always refer to the scenario's agenda).
public struct ItemKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var visit: String
    public var agendaIndex: Int
    public init(visit: String, agendaIndex: Int) { self.visit = visit; self.agendaIndex = agendaIndex }
    public var description: String { "\(visit) item \(agendaIndex)" }
}

/// What the checker must know about a plan made by replanning: the plan it replaces and what the
/// events froze or cancelled. With it, the checker adds the replanning terms to the score.
public struct ReplanContext: Sendable, Hashable {
    /// The plan being replaced; the replanning score terms are measured against it.
    public var baseline: Plan
    /// Items that started before the replan's `now`: exempt from "nothing starts before now",
    /// their meals from the caterer's lead time, and their visit-size checks (room capacity,
    /// guide count, diners) since they are kept as they were; from closures of their room, route,
    /// caterer or people reported since they started (a projector failing mid-meeting, a guide
    /// out since the morning), from their people's hours and the working hours when an
    /// `extendItem` makes them run over, and from IT cover. The host of a visit under way (one
    /// with a frozen item) stays with it, whatever was reported about them.
    public var frozen: Set<ItemKey>
    /// Visits cancelled by an event: listed unscheduled, never counted as dropped.
    public var cancelledVisits: Set<String>
    /// Agenda items cancelled by an event: left out of the new plan, not counted as missing.
    public var cancelledItems: Set<ItemKey>

    public init(baseline: Plan, frozen: Set<ItemKey> = [], cancelledVisits: Set<String> = [],
                cancelledItems: Set<ItemKey> = []) {
        self.baseline = baseline; self.frozen = frozen
        self.cancelledVisits = cancelledVisits; self.cancelledItems = cancelledItems
    }
}

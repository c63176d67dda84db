import VisitDomain

/// The cheapest way to bring a visit into a week where it fits nowhere as things stand: the
/// visit placed, and the other visits that would have to move (new times, rooms or people) or be
/// dropped, with what the week's score loses. Found like a replan: the moves are charged
/// FORMAT.md's replanning terms, so the fewest and smallest moves win.
public struct WayIn: Sendable, Encodable {
    /// The visit as it would be placed (its `score` is `scoreAfter`).
    public var placement: PlacementOption
    /// The current plan's score (FORMAT.md's objective without replanning terms).
    public var scoreBefore: Double
    /// The new week's score, computed the same way.
    public var scoreAfter: Double
    /// The replanning terms of the moves (moved items, changed rooms and people, dropped visits): ≤ 0.
    public var disruption: Double
    /// `scoreAfter + disruption − scoreBefore`: the change as a replan scores it (what was maximised).
    public var scoreDelta: Double
    /// What the rest of the week loses to make room, the disruption included: `scoreBefore` minus
    /// (`scoreAfter` less the visit's own share) minus `disruption`.
    public var restOfWeekDrop: Double
    /// Each other visit that changes, in plan order.
    public var moves: [VisitMove]
    /// The neighbourhood that found it ("the visits in its way, moving on their day", ..., "whole week").
    public var neighbourhood: String
    /// Whether GLPK proved it the cheapest within that neighbourhood (not for the whole week
    /// when the neighbourhood is smaller).
    public var provenInNeighbourhood: Bool
    /// The whole new plan, with `changes` and `notify` against the current plan (nil where the
    /// caller may not see it).
    public var plan: Plan?
}

/// One visit that changes to make room: moved (items, rooms, people or host change) or dropped.
public struct VisitMove: Sendable, Hashable, Encodable {
    public var visit: String
    public var dropped: Bool
    /// The visit's span before and after ("2026-12-08T10:00–13:00"); `to` is nil when dropped.
    public var from: String?
    public var to: String?
    /// The changes item by item, as a replan lists them.
    public var changes: [PlanChange]
}

import MILP
import VisitDomain

/// A candidate timing of a visit and its 0/1 variable.
struct TimingChoice: Sendable {
    var visit: Int
    var timing: VisitTiming
    var variable: Variable
}

/// A candidate resource (room, route or caterer) for one item at one item timing.
struct ResourceChoice: Sendable {
    var item: ItemRef
    var timing: ItemTiming
    var resource: Int
    var variable: Variable
}

/// A candidate hotel booking of a visit's stay (rule 10) when the visit is held on `day` (a day
/// number): the nights follow from the day, the rooms from the visit.
struct BookingChoice: Sendable {
    var visit: Int
    var day: Int
    var hotel: Int
    var variable: Variable
}

/// What a person does in a duty.
enum DutyRole: Sendable, Hashable {
    case host
    case technical
    case sales
    /// Guide on the tour's route (route index).
    case guide(route: Int)
}

/// A candidate duty of one person: hosting a visit over `[start, end)`, or joining one item.
struct DutyChoice: Sendable {
    var person: Int
    var visit: Int
    /// The agenda index for item duties; nil for hosting.
    var item: Int?
    var role: DutyRole
    var start: Int
    var end: Int
    var variable: Variable
    var minutes: Int { end - start }
}

/// A use of a capacity-limited resource over `[start, end)`, for the per-slot rows of rule 8.
struct Usage: Sendable {
    var start: Int
    var end: Int
    var amount: Double
    var variable: Variable
    /// Replanning: the part a replan keeps as it was (a frozen item's use; hosting a visit under
    /// way up to its last frozen item), as `[start, keptUntil)`; uses with the same `keptKey` are
    /// alternatives and count once.
    var keptUntil: Int? = nil
    var keptKey = 0
}

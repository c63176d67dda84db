import MILP
import VisitDomain

/// A candidate timing of a visit and its 0/1 variable.
struct TimingChoice: Sendable {
    var visit: Int
    var timing: VisitTiming
    var variable: Variable
}

/// A candidate resource (room, route or caterer) for one item at one item timing.
///
/// A 400-visit week has hundreds of thousands of these, held by the model and again by the
/// heuristic's index, so the numbers are kept as 32-bit integers (32 bytes a choice instead
/// of 48); they read and write as `Int`s.
struct ResourceChoice: Sendable {
    private var visitIndex: Int32
    private var itemIndex: Int32
    private var timingStart: Int32
    private var timingDuration: Int32
    private var resourceIndex: Int32
    var variable: Variable

    init(item: ItemRef, timing: ItemTiming, resource: Int, variable: Variable) {
        visitIndex = Int32(item.visit)
        itemIndex = Int32(item.item)
        timingStart = Int32(timing.start)
        timingDuration = Int32(timing.duration)
        resourceIndex = Int32(resource)
        self.variable = variable
    }

    var item: ItemRef {
        get { ItemRef(visit: Int(visitIndex), item: Int(itemIndex)) }
        set { visitIndex = Int32(newValue.visit); itemIndex = Int32(newValue.item) }
    }
    var timing: ItemTiming {
        get { ItemTiming(start: Int(timingStart), duration: Int(timingDuration)) }
        set { timingStart = Int32(newValue.start); timingDuration = Int32(newValue.duration) }
    }
    var resource: Int {
        get { Int(resourceIndex) }
        set { resourceIndex = Int32(newValue) }
    }
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
///
/// The most numerous choice of a model (about 800,000 in a 400-visit week, held by the model and
/// again by the heuristic's index), so its numbers are kept as 32-bit integers: 32 bytes a duty
/// instead of 72. They read and write as before (`item` nil for hosting, `role` a `DutyRole`).
/// The scenario's input limits keep every one within 32 bits: indexes are bounded by the
/// document's size, and a minute of the years 1970 to 2200 is at most 122 million.
struct DutyChoice: Sendable {
    private var personIndex: Int32
    private var visitIndex: Int32
    /// The agenda index, or -1 for hosting.
    private var itemIndex: Int32
    /// -1 host, -2 technical, -3 sales, a route index (0 or more) for a guide.
    private var roleCode: Int32
    private var startMinute: Int32
    private var endMinute: Int32
    var variable: Variable

    init(person: Int, visit: Int, item: Int?, role: DutyRole, start: Int, end: Int, variable: Variable) {
        personIndex = Int32(person)
        visitIndex = Int32(visit)
        itemIndex = item.map { Int32($0) } ?? -1
        roleCode = Self.code(of: role)
        startMinute = Int32(start)
        endMinute = Int32(end)
        self.variable = variable
    }

    var person: Int {
        get { Int(personIndex) }
        set { personIndex = Int32(newValue) }
    }
    var visit: Int {
        get { Int(visitIndex) }
        set { visitIndex = Int32(newValue) }
    }
    /// The agenda index for item duties; nil for hosting.
    var item: Int? {
        get { itemIndex < 0 ? nil : Int(itemIndex) }
        set { itemIndex = newValue.map { Int32($0) } ?? -1 }
    }
    var role: DutyRole {
        get {
            switch roleCode {
            case -1: .host
            case -2: .technical
            case -3: .sales
            default: .guide(route: Int(roleCode))
            }
        }
        set { roleCode = Self.code(of: newValue) }
    }
    var start: Int {
        get { Int(startMinute) }
        set { startMinute = Int32(newValue) }
    }
    var end: Int {
        get { Int(endMinute) }
        set { endMinute = Int32(newValue) }
    }
    var minutes: Int { end - start }

    private static func code(of role: DutyRole) -> Int32 {
        switch role {
        case .host: -1
        case .technical: -2
        case .sales: -3
        case .guide(let route): Int32(route)
        }
    }
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

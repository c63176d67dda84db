/// Something a host reports on the day (FORMAT.md "Change events"): the client arrives early or
/// late, drops an item, cancels, brings more people, an item runs over, a new visit comes in, or a
/// room, route, person or caterer becomes unavailable.
public struct ChangeEvent: Sendable, Hashable {
    /// When it was reported; the latest `at` of a batch becomes the replan's `now`.
    public var at: LocalDateTime
    public var change: Change

    public init(at: LocalDateTime, change: Change) { self.at = at; self.change = change }

    /// What changed.
    public enum Change: Sendable, Hashable {
        /// The visit's window and preferred start move by `minutes` (negative: earlier).
        case arrivalShift(visit: String, minutes: Int)
        /// The agenda item (index in the scenario's agenda) is dropped.
        case cancelItem(visit: String, item: Int)
        case cancelVisit(visit: String)
        case headcountChange(visit: String, headcount: Int)
        /// The agenda item lasts `minutes` longer.
        case extendItem(visit: String, item: Int, minutes: Int)
        case addVisit(Visit)
        /// A room, route, person or caterer (by id) is unavailable over the interval.
        case unavailable(resource: String, interval: TimeInterval)
    }

    /// The visit the event is about, if any.
    public var visitID: String? {
        switch change {
        case .arrivalShift(let v, _), .cancelItem(let v, _), .cancelVisit(let v), .headcountChange(let v, _), .extendItem(let v, _, _):
            v
        case .addVisit(let visit): visit.id
        case .unavailable: nil
        }
    }

    /// The event's `type` as written in an events file.
    public var typeName: String {
        switch change {
        case .arrivalShift: "arrivalShift"
        case .cancelItem: "cancelItem"
        case .cancelVisit: "cancelVisit"
        case .headcountChange: "headcountChange"
        case .extendItem: "extendItem"
        case .addVisit: "addVisit"
        case .unavailable: "unavailable"
        }
    }
}

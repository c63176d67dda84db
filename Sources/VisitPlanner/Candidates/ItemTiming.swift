import VisitDomain

/// When one agenda item of a candidate timing runs: `[start, start + duration)` in absolute minutes.
struct ItemTiming: Hashable, Sendable {
    var start: Int
    var duration: Int
    var end: Int { start + duration }
    var interval: VisitDomain.TimeInterval { .init(startMinute: start, endMinute: end) }
}

/// One way to lay out a whole visit in time: a start for every agenda item, in order, with the
/// allowed gaps. The model picks at most one timing per visit.
struct VisitTiming: Hashable, Sendable {
    var items: [ItemTiming]
    var start: Int { items[0].start }
    var end: Int { items[items.count - 1].end }
}

/// Everything the model may choose for one visit: its timings and, per agenda item and per item
/// timing, the resources that are free of static and calendar conflicts then.
struct VisitCandidates: Sendable {
    let visitIndex: Int
    var timings: [VisitTiming]
    /// Per agenda item, the compatible resource indices (rooms, routes or caterers) by item timing.
    var options: [[ItemTiming: [Int]]]
}

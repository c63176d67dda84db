/// Finds when overlapping uses of one shared resource exceed its limit: tour groups on a route,
/// diners at a caterer (checker-internal). Uses a replan keeps (frozen items) may pass the limit
/// between themselves; the limit then leaves no room for anything else.
struct LoadProfile: Sendable {
    struct Use: Sendable {
        let interval: TimeInterval
        let amount: Int
        let visit: String
        /// A frozen item's use, kept as it was by a replan.
        var kept = false
    }

    /// A maximal stretch over the limit with the same uses throughout.
    struct Overload: Sendable {
        var interval: TimeInterval
        let load: Int
        let visits: [String]
    }

    let uses: [Use]

    func overloads(limit: Int) -> [Overload] {
        let cuts = Set(uses.flatMap { [$0.interval.start.minutes, $0.interval.end.minutes] }).sorted()
        var result: [Overload] = []
        for (from, to) in zip(cuts, cuts.dropFirst()) {
            let segment = TimeInterval(startMinute: from, endMinute: to)
            let active = uses.filter { $0.interval.overlaps(segment) }
            let load = active.reduce(0) { $0 + $1.amount }
            // What a replan keeps may already pass the limit (reports came after it started): then nothing more.
            let kept = active.filter(\.kept).reduce(0) { $0 + $1.amount }
            guard load > max(limit, kept) else { continue }
            let visits = active.map(\.visit)
            if var last = result.last, last.interval.end == segment.start, last.visits == visits, last.load == load {
                last.interval.end = segment.end
                result[result.count - 1] = last
            } else {
                result.append(Overload(interval: segment, load: load, visits: visits))
            }
        }
        return result
    }
}

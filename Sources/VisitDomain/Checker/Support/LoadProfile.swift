/// Finds when overlapping uses of one shared resource exceed its limit: tour groups on a route,
/// diners at a caterer (checker-internal).
struct LoadProfile: Sendable {
    struct Use: Sendable {
        let interval: TimeInterval
        let amount: Int
        let visit: String
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
            guard load > limit else { continue }
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

import MILP
import VisitDomain

/// Neighbourhoods around the visits a plan leaves out. An unscheduled visit is re-optimised
/// together with the scheduled visits of the same day it competes with: those whose chosen room,
/// route slot, caterer seats, host or staff share a row of the day model with one of its candidate
/// choices, the visits sharing the most rows first. GLPK may then move or re-staff them to let the
/// visit in, which groups of visits close in time find only by chance when the rivals are spread
/// over the day.
struct ConflictGroups: Sendable {
    let days: DayModels
    /// Rows where more scheduled visits than this meet (a whole-day limit, the catering budget)
    /// say little about who blocks whom, and are not counted.
    var crowdedRow = 12

    /// For each part, one neighbourhood per visit that `week` leaves out and that has timings in
    /// the part (highest priority first): the visit and up to `size - 1` rivals.
    func neighbourhoods(_ week: [[Double]], size: Int) -> [[Neighbourhood]] {
        neighbourhoods(week) { _, _ in size }
    }

    /// As above, with `size(part, visit)` the group size for each left-out visit in each part.
    func neighbourhoods(_ week: [[Double]], size: (Int, Int) -> Int) -> [[Neighbourhood]] {
        let scheduled = days.parts.indices.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, week[$1])) }
        return days.parts.indices.map { k in
            rivals(in: k, week[k], scheduled: scheduled).compactMap { u, rivals in
                let size = size(k, u)
                guard size > 1 else { return nil }
                return Neighbourhood(part: k, visits: Set(rivals.prefix(size - 1)).union([u]), pullable: [], leftOutVisit: u)
            }
        }
    }

    /// The visits of part `k` left out (not in `scheduled`), highest priority first, each with
    /// its rivals in `values`, those sharing the most rows first (visits without rivals are not
    /// listed).
    func rivals(in k: Int, _ values: [Double], scheduled: Set<Int>) -> [(visit: Int, rivals: [Int])] {
        let index = days.indexes[k]
        let waiting = index.timings.keys.filter { !scheduled.contains($0) }
        guard !waiting.isEmpty else { return [] }
        var owner = [Int](repeating: -1, count: days.parts[k].milp.variableCount)
        for (v, variables) in index.variables { for x in variables { owner[x.index] = v } }
        let isWaiting = Set(waiting)
        // shared[u][b]: rows in which a candidate choice of waiting visit u meets a chosen one of b.
        var shared: [Int: [Int: Int]] = [:]
        days.parts[k].milp.forEachConstraint { _, terms in
            var candidates: Set<Int> = []
            var rivals: Set<Int> = []
            for (x, coefficient) in terms where coefficient != 0 {
                let v = owner[x.index]
                guard v >= 0 else { continue }
                if isWaiting.contains(v) { candidates.insert(v) } else if values[x.index] > 0.5 { rivals.insert(v) }
            }
            guard !candidates.isEmpty, !rivals.isEmpty, rivals.count <= crowdedRow else { return }
            for u in candidates { for b in rivals { shared[u, default: [:]][b, default: 0] += 1 } }
        }
        let visits = days.scenario.visits
        return waiting.sorted { (visits[$0].priority, -$0) > (visits[$1].priority, -$1) }.compactMap { u in
            guard let rivals = shared[u] else { return nil }
            return (u, rivals.keys.sorted { (rivals[$0]!, -$0) > (rivals[$1]!, -$1) })
        }
    }
}

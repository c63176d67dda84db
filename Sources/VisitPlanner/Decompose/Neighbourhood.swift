import MILP
import VisitDomain

/// One neighbourhood of the large-neighbourhood search: a day, or a group of its visits close in
/// time, re-optimised by GLPK with everything else fixed. Multi-day visits that are unscheduled or
/// scheduled on a day not being solved at the same time may be pulled into it; each pulled visit's
/// timings are charged what it adds on its present day, so the neighbourhood's objective moves
/// exactly as the week's does, and a pulled visit then leaves its old day.
struct Neighbourhood: Sendable {
    /// The part (day) re-optimised.
    var part: Int
    /// The visits free to change (all visits of the day when nil).
    var visits: Set<Int>?
    /// Multi-day visits on other days (or nowhere) that may move here.
    var pullable: Set<Int>
    /// The visit left out that this neighbourhood is built around, with its rivals (`ConflictGroups`).
    var leftOutVisit: Int? = nil
    /// Visits another neighbourhood solved meanwhile may move: they keep their values here.
    var held: Set<Int> = []

    /// The outcome of one re-optimisation.
    struct Outcome: Sendable {
        /// The part's new values, or nil when nothing better was found.
        var values: [Double]?
        /// Pulled visits now on this day, with the part they must leave.
        var moved: [Int: Int]
        /// Whether GLPK proved the neighbourhood optimal (within the gap).
        var optimal: Bool
    }

    /// Re-optimises the neighbourhood of `week` (apply the outcome with `applying`). `elsewhere` is what the other days may spend at
    /// most meanwhile; `timeLimit` in seconds.
    func improve(_ week: [[Double]], days: DayModels, spend elsewhere: Double, timeLimit: Double,
                 relativeGap: Double, search: SearchSettings) -> Outcome {
        let k = part
        let model = days.parts[k]
        let index = days.indexes[k]
        var current = week[k]
        // What the other days spend is never free: the submodel fixes it at this value (setting
        // its bounds as well would copy the day's million-column array for nothing).
        if let variable = model.spentElsewhere { current[variable.index] = elsewhere }
        // Charge pulled visits what they add where they are now.
        var objective = model.objective
        var from: [Int: Int] = [:]
        for v in pullable.sorted() {
            guard let e = (days.partsOf[v] ?? []).first(where: { $0 != k && days.scheduled($0, week[$0]).contains(v) }) else { continue }
            from[v] = e
            let charge = days.contribution(of: v, in: e, week[e])
            for choice in index.timings[v] ?? [] { objective.add(choice.variable, coefficient: -charge) }
        }
        var milp = model.milp
        milp.setObjective(objective, .maximize)
        // Free: the chosen visits of the day, except multi-day visits that belong to another day
        // (or to a neighbourhood solved at the same time), and visits held by another
        // neighbourhood. Everything else keeps its values.
        let scheduledHere = days.scheduled(k, week[k])
        let free = (visits ?? Set(index.timings.keys)).subtracting(held)
            .filter { scheduledHere.contains($0) || pullable.contains($0) || !days.multiDay.contains($0) }
        let freeVariables = free.sorted().flatMap { index.variables[$0] ?? [] } + model.coverLinks.map(\.cover)
        let sub = Submodel(of: milp, free: freeVariables, fixedAt: current)
        let start = sub.model.objectiveValue(sub.restrict(current))
        let outcome = DaySolve(model: sub.model, incumbent: sub.restrict(current), timeLimit: timeLimit, relativeGap: relativeGap,
                               search: search).run()
        guard outcome.objective > start + 1e-6 * max(1, abs(start)) else { return Outcome(values: nil, moved: [:], optimal: outcome.optimal) }
        let values = sub.expand(outcome.values, into: current)
        let now = days.scheduled(k, values)
        return Outcome(values: values, moved: from.filter { now.contains($0.key) }, optimal: outcome.optimal)
    }

    /// About how many variables GLPK gets: those of the free visits (the whole part when all are).
    func freeVariables(_ days: DayModels) -> Int {
        guard let visits else { return days.parts[part].milp.variableCount }
        return (visits.union(pullable)).reduce(0) { $0 + (days.indexes[part].variables[$1]?.count ?? 0) }
    }

    /// `week` with the outcome applied: the part's new values, and each moved visit taken out of
    /// the day it left.
    static func applying(_ outcome: Outcome, of part: Int, to week: [[Double]], days: DayModels) -> [[Double]] {
        guard let values = outcome.values else { return week }
        var result = week
        result[part] = values
        for (v, e) in outcome.moved.sorted(by: { $0.key < $1.key }) { result[e] = days.dropping([v], from: e, in: result[e]) }
        return result
    }
}

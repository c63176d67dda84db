import MILP
import VisitDomain

/// A two-day neighbourhood of the large-neighbourhood search: a multi-day visit with the visits
/// in its way on another of its days, and with the visits of its present day that could use what
/// it frees, re-optimised together in one GLPK problem (`CombinedModel`), everything else fixed.
///
/// A visit changing day often pays off only when both days are re-optimised at once: the day it
/// joins gains less than the visit brings where it is, until the day it leaves fills the gap. A
/// one-day neighbourhood (even one that pulls the visit in) never makes that move.
struct DayPair: Sendable, Hashable {
    /// The two parts (days).
    var parts: [Int]
    /// Per part, the visits free to change there.
    var visits: [Set<Int>]
    /// The multi-day visit the pair is built around.
    var visit: Int

    /// The outcome of one re-optimisation.
    struct Outcome: Sendable {
        /// The two parts' new values, or nil when nothing better was found.
        var values: [[Double]]?
        /// Whether GLPK proved the neighbourhood optimal (within the gap).
        var optimal: Bool
        /// How much more GLPK's bound says the pair might gain, when it stopped unproven.
        var promise: Double? = nil
    }

    /// Re-optimises the pair in `week`. `elsewhere` is what the days outside the pair may spend
    /// at most meanwhile; `timeLimit` in seconds.
    func improve(_ week: [[Double]], days: DayModels, spend elsewhere: Double, timeLimit: Double,
                 relativeGap: Double, search: SearchSettings) -> Outcome {
        let here = parts.map { days.scheduled($0, week[$0]) }
        let anywhere = days.parts.indices.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, week[$1])) }
        // Free on a day: its visits scheduled there, scheduled nowhere, or scheduled on the other
        // day of the pair and free there too. A visit on a third day stays where it is.
        let free = parts.indices.map { i in
            visits[i].filter { here[i].contains($0) || !anywhere.contains($0) || (here[1 - i].contains($0) && visits[1 - i].contains($0)) }
        }
        var current: [[Double]] = []
        var subs: [Submodel] = []
        for (i, k) in parts.enumerated() {
            let model = days.parts[k]
            var values = week[k]
            var milp = model.milp
            milp.setObjective(model.objective, .maximize)
            // Never free: the submodel fixes it at this value.
            if let variable = model.spentElsewhere { values[variable.index] = elsewhere }
            let freeVariables = free[i].sorted().flatMap { days.indexes[k].variables[$0] ?? [] } + model.coverLinks.map(\.cover)
            subs.append(Submodel(of: milp, free: freeVariables, fixedAt: values))
            current.append(values)
        }
        var combined = CombinedModel(subs.map(\.model), name: "day_pair")
        func joint(_ x: Variable, ofPart i: Int) -> Variable? {
            subs[i].variable(standingFor: x).map { combined.variable($0, ofPart: i) }
        }
        // A visit free on both days runs on one of them at most.
        for v in free[0].intersection(free[1]).sorted() {
            var row = LinearExpression()
            for (i, k) in parts.enumerated() {
                for choice in days.indexes[k].timings[v] ?? [] { if let x = joint(choice.variable, ofPart: i) { row.add(x) } }
            }
            combined.model.addConstraint(row, .lessOrEqual, 1, name: "one_day_\(v)")
        }
        // Together, the two days spend no more than the other days leave of the budget.
        if let budget = days.budget {
            var row = LinearExpression()
            var fixed = 0.0
            for (i, k) in parts.enumerated() {
                for (x, c) in days.parts[k].cateringCost.terms {
                    if let y = joint(x, ofPart: i) { row.add(y, coefficient: c) } else { fixed += c * current[i][x.index] }
                }
            }
            if !row.terms.isEmpty { combined.model.addConstraint(row, .lessOrEqual, budget - elsewhere - fixed, name: "pair_budget") }
        }
        let start = combined.joined(subs.indices.map { subs[$0].restrict(current[$0]) })
        let startValue = combined.model.objectiveValue(start)
        let outcome = DaySolve(model: combined.model, incumbent: start, timeLimit: timeLimit, relativeGap: relativeGap,
                               search: search).run()
        guard outcome.objective > startValue + 1e-6 * max(1, abs(startValue)) else {
            return Outcome(values: nil, optimal: outcome.optimal, promise: outcome.optimal ? nil : outcome.bound.map { $0 - startValue })
        }
        let values = subs.indices.map { subs[$0].expand(combined.values(ofPart: $0, in: outcome.values), into: current[$0]) }
        return Outcome(values: values, optimal: outcome.optimal)
    }
}

/// The two-day neighbourhoods of a week: for each scheduled multi-day visit and each other day
/// it could run on, the visit with up to `size - 1` scheduled visits in its way there and up to
/// `size - 1` visits of its present day that compete for what it holds (those that would use what
/// it frees), the visits sharing the most rows of the day models first. Visits that would lose
/// least by moving come first: the best the visit could add alone on the other day, less what it
/// adds where it is.
struct DayPairs: Sendable {
    let days: DayModels
    /// Rows where more scheduled visits than this meet (twice as many candidates), such as a
    /// whole-day limit or the catering budget, say little about who is in whose way, and are not
    /// counted.
    var crowdedRow = 12
    /// Multi-day rivals of a left-out visit given a pair each (`insertions`), closest first.
    static let movableRivals = 3

    /// The pairs that make room for a visit left out (`insertions`) first, then for each
    /// multi-day visit those that move it.
    func neighbourhoods(_ week: [[Double]], size: Int) -> [DayPair] {
        guard size > 1, days.parts.count > 1 else { return [] }
        let owners = self.owners()
        let insertions = insertions(week, size: size, owners: owners)
        let best = days.parts.indices.map { days.standaloneBound($0, objective: days.parts[$0].objective).visits }
        var pairs: [(pair: DayPair, loss: Double)] = []
        for v in days.multiDay.sorted() {
            guard let e = (days.partsOf[v] ?? []).first(where: { days.scheduled($0, week[$0]).contains(v) }) else { continue }
            let present = days.contribution(of: v, in: e, week[e])
            for k in days.partsOf[v] ?? [] where k != e {
                pairs.append((move(v, from: e, to: k, week, size: size, owners: owners), present - (best[k][v] ?? 0)))
            }
        }
        let moves = pairs.sorted { ($0.loss, $0.pair.visit, $0.pair.parts[0]) < ($1.loss, $1.pair.visit, $1.pair.parts[0]) }.map(\.pair)
        return (insertions + moves).uniqued()
    }

    /// The pair that moves visit `v` from part `e` to part `k`: `v` with up to `size - 1` visits
    /// in its way on `k` and up to `size - 1` visits of `e` that would use what it frees.
    func move(_ v: Int, from e: Int, to k: Int, _ week: [[Double]], size: Int, owners: [[Int]]? = nil) -> DayPair {
        let owners = owners ?? self.owners()
        let leaving = closest(to: v, in: e, week[e], owner: owners[e], onlyChosen: true, size: size)
        let joining = closest(to: v, in: k, week[k], owner: owners[k], onlyChosen: false, size: size)
        return DayPair(parts: [k, e], visits: [joining.union([v]), leaving.union([v])], visit: v)
    }

    /// Pairs that make room for a visit left out: for each visit `week` leaves out (highest
    /// priority first) and each of its first `movableRivals` multi-day rivals (`ConflictGroups`),
    /// the rival free to move to each of its other days, with the left-out visit and its closest
    /// rivals free on the day it leaves and the visits in its way free on the day it joins. A
    /// visit crowded out by one that could take place on another day gets in only when both
    /// days change at once: neither a group of its day nor a pair built around the rival alone
    /// (whose closest visits need not include it) makes that move.
    func insertions(_ week: [[Double]], size: Int, owners: [[Int]]? = nil) -> [DayPair] {
        let owners = owners ?? self.owners()
        let scheduled = days.parts.indices.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, week[$1])) }
        let conflicts = ConflictGroups(days: days)
        var result: [DayPair] = []
        for e in days.parts.indices {
            for (u, rivals) in conflicts.rivals(in: e, week[e], scheduled: scheduled) {
                let near = Set(rivals.prefix(max(1, size - 2)))
                for b in rivals.filter({ days.multiDay.contains($0) }).prefix(Self.movableRivals) {
                    for k in days.partsOf[b] ?? [] where k != e {
                        let joining = closest(to: b, in: k, week[k], owner: owners[k], onlyChosen: false, size: size)
                        result.append(DayPair(parts: [k, e], visits: [joining.union([b]), near.union([u, b])], visit: b))
                    }
                }
            }
        }
        return result
    }

    /// Per part, the visit each variable belongs to (-1: none).
    private func owners() -> [[Int]] {
        days.parts.indices.map { k in
            var owner = [Int](repeating: -1, count: days.parts[k].milp.variableCount)
            for (v, variables) in days.indexes[k].variables { for x in variables { owner[x.index] = v } }
            return owner
        }
    }

    /// Up to `size - 1` visits of part `k` that share the most rows with visit `v`. With
    /// `onlyChosen`, `v`'s chosen variables meet any other visit's candidates (who could use
    /// what `v` frees); otherwise `v`'s candidates meet other visits' chosen variables (who holds
    /// what `v` needs).
    private func closest(to v: Int, in k: Int, _ values: [Double], owner: [Int], onlyChosen: Bool, size: Int) -> Set<Int> {
        var shared: [Int: Int] = [:]
        days.parts[k].milp.forEachConstraint { _, terms in
            var meets = false
            var others: Set<Int> = []
            for (x, coefficient) in terms where coefficient != 0 {
                let u = owner[x.index]
                guard u >= 0 else { continue }
                if u == v {
                    if !onlyChosen || values[x.index] > 0.5 { meets = true }
                } else if onlyChosen || values[x.index] > 0.5 {
                    others.insert(u)
                }
            }
            guard meets, !others.isEmpty, others.count <= (onlyChosen ? 2 * crowdedRow : crowdedRow) else { return }
            for u in others { shared[u, default: 0] += 1 }
        }
        return Set(shared.keys.sorted { (shared[$0]!, -$0) > (shared[$1]!, -$1) }.prefix(size - 1))
    }
}

private extension Array where Element: Hashable {
    /// The elements in order, each at its first place only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

import Foundation
import MILP
import VisitDomain

/// The state of a decomposed solve: the best valid week found, its objective, the best proven
/// bound, and the Lagrangian prices; with the two phases that improve them.
struct WeekSearch: Sendable {
    let days: DayModels
    let options: PlannerOptions
    let deadline: ContinuousClock.Instant?
    let reporter: ProgressReporter
    private(set) var incumbent: [[Double]]
    private(set) var objective: Double
    private(set) var bound = Double.infinity
    private var prices = LagrangianBound.Prices(visits: [:], budget: 0)
    /// The whole week's LP duals, when the week was small enough to relax (`WholeWeekBound`).
    private var relaxedPrices: LagrangianBound.Prices?
    private var step = 1.0
    private var lastRoundBound = Double.infinity
    private var rounds = 0
    /// Neighbourhood search: visits per group, seconds per neighbourhood, days proven optimal as
    /// they stand, passes so far.
    private var groupSize: Int
    private var neighbourhoodTime: Double?
    private var provenDays = Set<Int>()
    /// Per part, groups around a left-out visit that GLPK proved cannot improve; skipped until
    /// the part changes.
    private var settledGroups: [Int: Set<Set<Int>>] = [:]
    /// Per part, the time limit (and the group size then) within which GLPK could neither prove
    /// nor improve it whole as a neighbourhood: not solved whole again until the neighbourhoods'
    /// limit or size grows (on week-120 each such retry cost 8 s for nothing).
    private var wholeDayTried: [Int: (limit: Double, groupSize: Int)] = [:]
    /// Two-day neighbourhoods that GLPK proved cannot improve; skipped until either day changes.
    private var settledPairs = Set<DayPair>()
    private var pass = 0
    /// Each multi-day visit's best value alone, on any of its days (for its first price).
    private var bestAlone: [Int: Double] = [:]
    /// Times the Lagrangian rounds were started again (`restartPricing`).
    private var restarts = 0

    /// Free variables a batch of neighbourhoods may have together and still be solved in
    /// parallel (issue 17's memory target: two GLPK searches of 30,000 variables each took
    /// 240 MiB together at 400 visits).
    static let parallelFreeVariables = 60_000

    /// The relative gain below which a neighbourhood pass counts as stalled (see `neighbourhoodPasses`).
    static let stalledGain = 1e-4

    /// What one free variable of a neighbourhood costs GLPK while it searches, measured at 400
    /// visits (two neighbourhoods of 30,000 to 36,000 variables added 240 MiB together).
    static let bytesPerFreeVariable = 4_096

    /// Threads for a batch of neighbourhoods with `free` free variables together: one when they
    /// are large, or when solving them side by side would take the process over the memory
    /// ceiling (`PlannerOptions.memoryLimitMiB`); else every thread.
    private func threads(forFreeVariables free: Int) -> Int {
        free > Self.parallelFreeVariables || overMemoryLimit(freeVariables: free) ? 1 : options.threads
    }

    /// Whether GLPK searches of `free` free variables at once would take the process over the
    /// memory ceiling (never without one).
    private func overMemoryLimit(freeVariables free: Int) -> Bool {
        Self.overMemoryLimit(freeVariables: free, residentBytes: ProcessMemory.residentBytes(), limitMiB: options.memoryLimitMiB)
    }

    /// The rule itself: over the limit when the resident bytes plus the searches' estimate pass
    /// it; never without a limit or where the resident size is unknown.
    static func overMemoryLimit(freeVariables free: Int, residentBytes: Int?, limitMiB: Int?) -> Bool {
        guard let limitMiB, let residentBytes else { return false }
        return residentBytes + free * bytesPerFreeVariable > limitMiB * 1_048_576
    }

    init(days: DayModels, options: PlannerOptions, deadline: ContinuousClock.Instant?, reporter: ProgressReporter,
         visitsPerNeighbourhood: Int) {
        self.days = days
        self.groupSize = visitsPerNeighbourhood
        self.options = options
        self.deadline = deadline
        self.reporter = reporter
        incumbent = days.withSpend(days.parts.map { [Double](repeating: 0, count: $0.milp.variableCount) })
        objective = days.objective(incumbent)
    }

    /// The relative gap as GLPK computes it.
    var gap: Double { (bound - objective) / (abs(objective) + Double.ulpOfOne) }
    var isProven: Bool { gap <= options.relativeGap }

    /// Seconds left before the deadline (nil: no limit).
    private var remaining: Double? { deadline.map { ($0 - ContinuousClock.now).seconds } }
    var timeIsUp: Bool { remaining.map { $0 <= 0.01 } ?? false }

    // MARK: Start

    /// Takes the heuristic's plan and the bound without the solver (every visit at its best).
    mutating func start(_ constructed: ConstructedSolution?) {
        if let constructed { offer(constructed) }
        let lagrangian = LagrangianBound(days: days)
        let alone = days.parts.indices.map { days.standaloneBound($0, objective: days.parts[$0].objective).visits }
        var best: [Int: Double] = [:]
        for visits in alone { for (v, value) in visits where days.multiDay.contains(v) { best[v] = max(best[v] ?? 0, value) } }
        tighten(lagrangian.standalone(LagrangianBound.Prices(visits: best, budget: 0)))
        bestAlone = best
        pricesFromIncumbent()
    }

    /// Prices from the incumbent: what each multi-day visit adds where it is, else half its best.
    private mutating func pricesFromIncumbent() {
        for v in days.multiDay {
            let k = (days.partsOf[v] ?? []).first { days.scheduled($0, incumbent[$0]).contains(v) }
            prices.visits[v] = k.map { days.contribution(of: v, in: $0, incumbent[$0]) } ?? (bestAlone[v] ?? 0) / 2
        }
    }

    /// Prices the next Lagrangian round with `relaxed` (the whole week's LP duals), with a small
    /// first step: they are the LP's best prices, so the rounds' day MILPs bound the week at or
    /// below the LP optimum from the first round. Later restarts start from them too.
    mutating func startPricing(from relaxed: LagrangianBound.Prices) {
        prices = relaxed
        relaxedPrices = relaxed
        step = 0.25
        lastRoundBound = .infinity
    }

    /// Starts the Lagrangian rounds again from the incumbent's prices with a smaller first step,
    /// when both phases have stopped with time left: a round's repaired day solutions are the
    /// only moves that change the day of two multi-day visits at once. Returns false after
    /// `limit` restarts, when the time is up or the plan is proven.
    mutating func restartPricing(limit: Int = 3) -> Bool {
        guard restarts < limit, !isProven, !timeIsUp, !days.multiDay.isEmpty || days.budget != nil else { return false }
        restarts += 1
        if let relaxedPrices {
            prices = relaxedPrices
        } else {
            pricesFromIncumbent()
            prices.budget /= 2
        }
        step = 1.0 / Double(1 << restarts)
        lastRoundBound = .infinity
        return true
    }

    /// Keeps `week` if it is valid and better than the incumbent.
    mutating func offer(_ week: [[Double]]) {
        let week = days.withSpend(week)
        let value = days.objective(week)
        guard value > objective + 1e-9 * max(1, abs(objective)), days.isFeasible(week, threads: options.threads) else { return }
        keep(week, value: value)
    }

    /// Keeps the heuristic's plan if it is better than the incumbent. Its partial solutions kept
    /// the activity of every row while it was built, so they prove it valid without a second pass
    /// over the model (which takes a quarter of a second at 400 visits); the spend of the other
    /// days must be the week's own, else the plan is checked as any other.
    mutating func offer(_ constructed: ConstructedSolution) {
        let week = constructed.parts.map(\.values)
        guard days.withSpend(week) == week, constructed.parts.allSatisfy(\.isFeasible) else { return offer(week) }
        let value = days.objective(week)
        guard value > objective + 1e-9 * max(1, abs(objective)) else { return }
        keep(week, value: value)
    }

    private mutating func keep(_ week: [[Double]], value: Double) {
        incumbent = week
        objective = value
        reporter.report(score: value)
    }

    /// Takes `newBound` when it is below the bound so far (never below the incumbent's value).
    mutating func tighten(_ newBound: Double) {
        guard newBound < bound else { return }
        bound = max(newBound, objective)
        reporter.report(bound: bound)
    }

    // MARK: Lagrangian rounds

    /// One Lagrangian round: every day solved with prices, in parallel (at most a third of the
    /// time left, and short early rounds: a round's bound is good long before its days are
    /// proven). It tightens the bound, offers the repaired day solutions as a plan and takes a
    /// projected subgradient step (Polyak's, halved when the bound stops improving). Returns false
    /// when another round cannot help.
    mutating func lagrangianRound() -> Bool {
        guard !isProven, !timeIsUp else { return false }
        let lagrangian = LagrangianBound(days: days)
        let waves = Double((days.parts.count + options.threads - 1) / options.threads)
        let perDay = min((remaining ?? 60 * waves) / 3 / waves, 1.5 * Double(rounds + 1))
        rounds += 1
        let prices = self.prices
        let incumbent = self.incumbent
        let gap = options.relativeGap / 10
        let search = options.search
        let results = parallelMap(days.parts.count, threads: options.threads) { k in
            DaySolve(model: lagrangian.model(k, prices), incumbent: lagrangian.relaxedValues(k, incumbent[k]),
                     timeLimit: perDay, relativeGap: gap, search: search).run()
        }
        let dayBounds = results.indices.map { k in
            min(results[k].bound ?? .infinity, days.standaloneBound(k, objective: lagrangian.objective(k, prices)).total)
        }
        let roundBound = lagrangian.weekBound(dayBounds: dayBounds, prices)
        tighten(roundBound)
        let solutions = results.map(\.values)
        if let repaired = WeekRepair(days: days).repaired(solutions) { offer(repaired) }
        MemoryRelease.now()
        trace("lagrangian round \(rounds): bound \(roundBound) objective \(objective) at \(reporter.elapsed)")
        guard !isProven else { return false }
        let g = lagrangian.subgradient(solutions)
        let visitNorm = g.visits.values.reduce(0) { $0 + $1 * $1 }
        let budgetMoves = days.budget != nil && g.budget != 0 && (self.prices.budget > 0 || g.budget < 0)
        // The day solutions agree with each other and the budget: better prices cannot help.
        guard visitNorm > 0 || budgetMoves else { return false }
        if roundBound >= lastRoundBound - 1e-9 * abs(lastRoundBound) { step /= 2 }
        lastRoundBound = min(lastRoundBound, roundBound)
        let excess = max(0, roundBound - objective)
        if visitNorm > 0 {
            for (v, gv) in g.visits { self.prices.visits[v] = max(0, (self.prices.visits[v] ?? 0) - step * excess / visitNorm * gv) }
        }
        if budgetMoves { self.prices.budget = max(0, self.prices.budget - step * excess / g.budget) }
        return step > 1.0 / 64
    }

    // MARK: Large-neighbourhood search

    /// Whether part `k` was solved whole within `limit` seconds or more, at the present group
    /// size, without a proof or an improvement (see `wholeDayTried`): trying again would most
    /// likely only repeat that. Growing the groups gives every day another chance, so a search
    /// that escalates still proves the days it can.
    private func triedWhole(_ k: Int, limit: Double) -> Bool {
        guard let tried = wholeDayTried[k] else { return false }
        return tried.limit >= limit && tried.groupSize == groupSize
    }

    /// Re-optimises one neighbourhood at a time (two on different days at once with two threads),
    /// pass after pass, until the time limit, a proven gap, or a pass that improves nothing.
    /// Returns false when the search has converged: no neighbourhood improves although GLPK
    /// proves every one optimal and every day has been solved whole.
    mutating func neighbourhoodPasses(exactDayVariables: Int) -> Bool {
        let timeLimit = neighbourhoodTime ?? min(2, max(0.5, (remaining ?? 20) / 20))
        neighbourhoodTime = timeLimit
        while !isProven, !timeIsUp {
            // Every third pass, the days not yet proven optimal as they stand are solved whole.
            let wholeDays = pass % 3 != 2 ? [] : days.parts.indices.filter {
                !provenDays.contains($0) && days.parts[$0].milp.variableCount <= exactDayVariables && !triedWhole($0, limit: timeLimit)
            }
            let neighbourhoods = self.neighbourhoods(pass: pass, size: groupSize, wholeDays: Set(wholeDays))
            pass += 1
            let before = objective
            var improved = false
            var unproven = 0
            for batch in batches(neighbourhoods) {
                guard !isProven, !timeIsUp else { return false }
                let limit = min(neighbourhoodTime ?? timeLimit, remaining ?? timeLimit)
                let week = incumbent
                let days = self.days
                let gap = options.relativeGap / 10
                let search = options.search
                // GLPK's memory grows with the problem (its search tree above all): large
                // neighbourhoods are solved one at a time, so that two never add up at once.
                let free = batch.reduce(0) { $0 + $1.freeVariables(days) }
                let threads = threads(forFreeVariables: free)
                let outcomes = parallelMap(batch.count, threads: threads) { i in
                    let elsewhere = days.spendElsewhere(week, outside: [batch[i].part], sharedBy: batch.count)
                    return batch[i].improve(week, days: days, spend: elsewhere, timeLimit: limit, relativeGap: gap, search: search)
                }
                var merged = week
                for (i, outcome) in outcomes.enumerated() {
                    let k = batch[i].part
                    if !outcome.optimal { unproven += 1 }
                    if batch[i].visits == nil, outcome.optimal { provenDays.insert(k) }
                    if batch[i].visits == nil, !outcome.optimal, outcome.values == nil { wholeDayTried[k] = (limit, groupSize) }
                    if batch[i].aroundLeftOutVisit, outcome.optimal, outcome.values == nil, let visits = batch[i].visits {
                        settledGroups[k, default: []].insert(visits)
                    }
                    guard outcome.values != nil else { continue }
                    merged = Neighbourhood.applying(outcome, of: k, to: merged, days: days)
                    provenDays.subtract(Set(outcome.moved.values))
                    for changed in [k] + outcome.moved.values { settledGroups[changed] = nil }
                    if batch[i].visits != nil { provenDays.remove(k) }
                    improved = true
                }
                if merged != week { offer(merged) }
                // Each neighbourhood's submodel and GLPK problem are gone: give their pages back.
                MemoryRelease.now()
            }
            trace("neighbourhood pass \(pass) (size \(groupSize), \(neighbourhoods.count) neighbourhoods): objective \(objective) at \(reporter.elapsed)")
            // A pass that gains less than a ten-thousandth has stalled at this size as much as
            // one that gains nothing: larger moves (day pairs, larger groups) come next.
            if !improved || objective - before < Self.stalledGain * abs(before) {
                // Nothing moves within a day: try moving multi-day visits with both days re-optimised.
                // A pair spans two days: it gets twice a neighbourhood's time.
                let pairs = dayPairPass(size: max(4, groupSize / 2), timeLimit: 2 * (neighbourhoodTime ?? timeLimit))
                if pairs.improved { continue }
                let allOptimal = unproven == 0 && pairs.allOptimal
                if allOptimal, provenDays.count == days.parts.count { return false }
                // Nothing left to gain at this size (or little left to prove): look wider.
                if allOptimal || 4 * unproven <= neighbourhoods.count {
                    groupSize += groupSize / 2
                } else {
                    neighbourhoodTime = (neighbourhoodTime ?? timeLimit) * 2
                }
                return true
            }
        }
        return false
    }

    /// Re-optimises the two-day neighbourhoods (`DayPairs`) not yet settled, up to `threads` at
    /// a time on different days, each with its share of the unspent budget. Returns whether any
    /// improved the plan, and whether GLPK proved every one optimal (at the first try).
    private mutating func dayPairPass(size: Int, timeLimit: Double) -> (improved: Bool, allOptimal: Bool) {
        var queue = DayPairs(days: days).neighbourhoods(incumbent, size: size).filter { !settledPairs.contains($0) }
        // Pairs stopped at their time limit whose bound promises a real gain get one more try
        // with twice the time, in this pass (on week-120 such a pair, left for the next pass,
        // held back a visit for 14 s).
        var retried = Set<DayPair>()
        var improved = false
        var allOptimal = true
        while !queue.isEmpty {
            guard !isProven, !timeIsUp else { return (improved, false) }
            // The next pairs on days apart from each other, up to one per thread.
            var picked: [DayPair] = []
            var busy = Set<Int>()
            var rest: [DayPair] = []
            for pair in queue {
                if picked.count < options.threads, busy.isDisjoint(with: pair.parts) {
                    picked.append(pair)
                    busy.formUnion(pair.parts)
                } else {
                    rest.append(pair)
                }
            }
            queue = rest
            let batch = picked
            let limit = min(batch.contains { retried.contains($0) } ? 2 * timeLimit : timeLimit, remaining ?? timeLimit)
            let week = incumbent
            let days = self.days
            let gap = options.relativeGap / 10
            let search = options.search
            let free = batch.reduce(0) { total, pair in total + pair.parts.reduce(0) { $0 + days.parts[$1].milp.variableCount } }
            let threads = batch.count > 1 && overMemoryLimit(freeVariables: free) ? 1 : options.threads
            let outcomes = parallelMap(batch.count, threads: threads) { i in
                let elsewhere = days.spendElsewhere(week, outside: batch[i].parts, sharedBy: batch.count)
                return batch[i].improve(week, days: days, spend: elsewhere, timeLimit: limit, relativeGap: gap, search: search)
            }
            var merged = week
            var changed = Set<Int>()
            for (i, outcome) in outcomes.enumerated() {
                allOptimal = allOptimal && outcome.optimal
                guard let values = outcome.values else {
                    if outcome.optimal { settledPairs.insert(batch[i]) }
                    if let promise = outcome.promise, promise >= Self.stalledGain * abs(objective), !retried.contains(batch[i]) {
                        retried.insert(batch[i])
                        queue.append(batch[i])
                    }
                    continue
                }
                for (j, k) in batch[i].parts.enumerated() { merged[k] = values[j] }
                changed.formUnion(batch[i].parts)
            }
            MemoryRelease.now()
            guard !changed.isEmpty else { continue }
            let before = objective
            offer(merged)
            guard objective > before else { continue }
            improved = true
            provenDays.subtract(changed)
            for k in changed { settledGroups[k] = nil }
            settledPairs = settledPairs.filter { $0.parts.allSatisfy { !changed.contains($0) } }
        }
        trace("day pairs (size \(size)): objective \(objective) at \(reporter.elapsed)")
        return (improved, allOptimal)
    }

    /// This pass's neighbourhoods: the days in `wholeDays` whole; the others first around each
    /// visit left out (`ConflictGroups`, unless settled), then in groups of `size` visits by time
    /// of day (shifting by a third of a group from one pass to the next; every third pass by
    /// building first, then time). Ordered so that neighbourhoods next to each other are on
    /// different days.
    private func neighbourhoods(pass: Int, size: Int, wholeDays: Set<Int>) -> [Neighbourhood] {
        let aroundLeftOut = ConflictGroups(days: days).neighbourhoods(incumbent, size: max(4, size / 2))
        var perDay: [[Neighbourhood]] = []
        for k in days.parts.indices {
            if wholeDays.contains(k) {
                perDay.append([Neighbourhood(part: k, visits: nil, pullable: [])])
                continue
            }
            // A visit's time: its start if scheduled here, else the start of its best timing here.
            let objective = days.parts[k].objective
            let anchor: [Int: Int] = days.indexes[k].timings.mapValues { choices in
                if let on = choices.first(where: { incumbent[k][$0.variable.index] > 0.5 }) { return on.timing.start }
                return choices.max { (objective.coefficient(of: $0.variable), -$0.timing.start) < (objective.coefficient(of: $1.variable), -$1.timing.start) }?
                    .timing.start ?? 0
            }
            // Every third pass (the second of three), the visits go building by building: those
            // sharing rooms, routes, IT cover and the staff on site are re-optimised together.
            let building = pass % 3 == 1 ? days.buildings(k, incumbent[k]) : [:]
            let ordered = anchor.keys.sorted {
                (building[$0] ?? "", anchor[$0]!, $0) < (building[$1] ?? "", anchor[$1]!, $1)
            }
            var groups = aroundLeftOut[k].filter { !(settledGroups[k]?.contains($0.visits ?? []) ?? false) }
            var from = -((pass % 3) * size / 3)
            while from < ordered.count {
                let slice = ordered[max(0, from)..<min(ordered.count, from + size)]
                if !slice.isEmpty { groups.append(Neighbourhood(part: k, visits: Set(slice), pullable: [])) }
                from += size
            }
            perDay.append(groups)
        }
        var result: [Neighbourhood] = []
        for round in 0..<(perDay.map(\.count).max() ?? 0) {
            for groups in perDay where round < groups.count { result.append(groups[round]) }
        }
        return result
    }

    /// Neighbourhoods in batches of up to `threads`, each batch on different days, with the
    /// multi-day visits each may pull in (unscheduled, or on a day outside the batch; each to one
    /// neighbourhood only).
    private func batches(_ neighbourhoods: [Neighbourhood]) -> [[Neighbourhood]] {
        var result: [[Neighbourhood]] = []
        var batch: [Neighbourhood] = []
        func close() {
            guard !batch.isEmpty else { return }
            let solving = Set(batch.map(\.part))
            var given = Set<Int>()
            for i in batch.indices {
                let k = batch[i].part
                let candidates = days.multiDay.filter { v in
                    (days.partsOf[v] ?? []).contains(k) && (batch[i].visits?.contains(v) ?? true)
                        && !(days.partsOf[v] ?? []).contains { $0 != k && solving.contains($0) && days.scheduled($0, incumbent[$0]).contains(v) }
                        && !days.scheduled(k, incumbent[k]).contains(v)
                }
                batch[i].pullable = candidates.subtracting(given)
                given.formUnion(candidates)
            }
            result.append(batch)
            batch = []
        }
        for n in neighbourhoods {
            if batch.count == options.threads || batch.contains(where: { $0.part == n.part }) { close() }
            batch.append(n)
        }
        close()
        return result
    }
}

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
    /// The most priority a plan can schedule, from the same relaxation (priced in the rounds).
    private var mostPriority: Double?
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
    /// Per part, the group size for a left-out visit whose smaller group GLPK proved cannot
    /// improve: twice that group's (up to `largestLeftOutGroup`), so that a visit kept out by a
    /// chain of rivals gets a group that reaches along it.
    private var leftOutGroupSize: [Int: [Int: Int]] = [:]
    /// The largest group around one left-out visit.
    static let largestLeftOutGroup = 24
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

    /// Free variables the running neighbourhoods may have together and still be solved in
    /// parallel (issue 17's memory target: two GLPK searches of 30,000 variables each took
    /// 240 MiB together at 400 visits).
    static let parallelFreeVariables = 60_000

    /// The relative gain below which a neighbourhood pass counts as stalled (see `neighbourhoodPasses`).
    static let stalledGain = 1e-4

    /// What one free variable of a neighbourhood costs GLPK while it searches, measured at 400
    /// visits (two neighbourhoods of 30,000 to 36,000 variables added 240 MiB together).
    static let bytesPerFreeVariable = 4_096

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
    mutating func startPricing(from relaxed: LagrangianBound.Prices, mostPriority: Double? = nil) {
        prices = relaxed
        relaxedPrices = relaxed
        self.mostPriority = mostPriority
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
        let lagrangian = LagrangianBound(days: days, mostPriority: mostPriority)
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
        let priorityMoves = mostPriority != nil && g.priority != 0 && (self.prices.priority > 0 || g.priority < 0)
        // The day solutions agree with each other, the budget and the cap: better prices cannot help.
        guard visitNorm > 0 || budgetMoves || priorityMoves else { return false }
        if roundBound >= lastRoundBound - 1e-9 * abs(lastRoundBound) { step /= 2 }
        lastRoundBound = min(lastRoundBound, roundBound)
        let excess = max(0, roundBound - objective)
        if visitNorm > 0 {
            for (v, gv) in g.visits { self.prices.visits[v] = max(0, (self.prices.visits[v] ?? 0) - step * excess / visitNorm * gv) }
        }
        if budgetMoves { self.prices.budget = max(0, self.prices.budget - step * excess / g.budget) }
        if priorityMoves { self.prices.priority = max(0, self.prices.priority - step * excess / g.priority) }
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

    /// Re-optimises the neighbourhoods as threads free up (`solveAsThreadsFree`: two on
    /// different days at once with two threads), pass after pass, until the time limit, a proven
    /// gap, or a pass that improves nothing.
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
            let passLimit = neighbourhoodTime ?? timeLimit
            var queue = neighbourhoods
            let finished = solveAsThreadsFree(&queue, parallelFreeVariables: Self.parallelFreeVariables, parts: { [$0.part] },
                                              freeVariables: { [days] in $0.freeVariables(days) }) { search, n, running, share in
                search.starting(n, running: running, share: share, timeLimit: passLimit)
            } finish: { search, n, outcome in
                if !outcome.optimal { unproven += 1 }
                if search.merge(outcome, of: n, timeLimit: passLimit) { improved = true }
                return []
            }
            guard finished else { return false }
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

    /// A neighbourhood as it starts, `running` the ones being solved: it may pull in the
    /// multi-day visits that are unscheduled or on a day not being solved, and not pulled by
    /// another, and holds the visits others may pull; `share` is its share of the unspent budget.
    /// Returns the neighbourhood so set and the work to run.
    private func starting(_ n: Neighbourhood, running: [Neighbourhood], share: Double,
                          timeLimit: Double) -> (Neighbourhood, @Sendable () -> Neighbourhood.Outcome) {
        var n = n
        let k = n.part
        let days = self.days
        let busy = Set(running.map(\.part))
        let held = running.reduce(into: Set<Int>()) { $0.formUnion($1.pullable) }
        let scheduled = days.parts.indices.map { days.scheduled($0, incumbent[$0]) }
        n.pullable = days.multiDay.filter { v in
            let partsOfV = days.partsOf[v] ?? []
            return partsOfV.contains(k) && (n.visits?.contains(v) ?? true) && !scheduled[k].contains(v)
                && !partsOfV.contains { $0 != k && busy.contains($0) && scheduled[$0].contains(v) }
        }.subtracting(held)
        n.held = held
        let week = incumbent
        let elsewhere = days.spendElsewhere(week, outside: [k], share: share)
        let limit = min(timeLimit, remaining ?? timeLimit)
        let gap = options.relativeGap / 10
        let search = options.search
        let job = n
        return (n, { job.improve(week, days: days, spend: elsewhere, timeLimit: limit, relativeGap: gap, search: search) })
    }

    /// Merges a neighbourhood's outcome into the incumbent and notes what GLPK proved (a day
    /// solved whole within `timeLimit`, a group around a left-out visit). Returns whether the
    /// plan improved.
    private mutating func merge(_ outcome: Neighbourhood.Outcome, of n: Neighbourhood, timeLimit: Double) -> Bool {
        let k = n.part
        if n.visits == nil, outcome.optimal, n.held.isEmpty { provenDays.insert(k) }
        if n.visits == nil, !outcome.optimal, outcome.values == nil { wholeDayTried[k] = (timeLimit, groupSize) }
        if let u = n.leftOutVisit, outcome.optimal, outcome.values == nil, let visits = n.visits {
            settledGroups[k, default: []].insert(visits)
            // What keeps it out reaches further than its closest rivals: look wider next time.
            leftOutGroupSize[k, default: [:]][u] = min(Self.largestLeftOutGroup, 2 * visits.count)
        }
        guard var values = outcome.values else { return false }
        // A visit it held that another neighbourhood moved meanwhile leaves this day.
        let heldHere = n.held.intersection(days.scheduled(k, values))
        if !heldHere.isEmpty {
            let elsewhere = days.parts.indices.filter { $0 != k }.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, incumbent[$1])) }
            let gone = heldHere.intersection(elsewhere)
            if !gone.isEmpty { values = days.dropping(gone, from: k, in: values) }
        }
        var result = outcome
        result.values = values
        let before = objective
        offer(Neighbourhood.applying(result, of: k, to: incumbent, days: days))
        guard objective > before else { return false }
        provenDays.subtract(Set(outcome.moved.values))
        for changed in [k] + outcome.moved.values { settledGroups[changed] = nil }
        if n.visits != nil { provenDays.remove(k) }
        return true
    }

    /// Solves `queue`'s jobs as threads free up (`JobPool`): whenever one finishes, `finish`
    /// merges its outcome (returning jobs to queue again, first) and the first queued job on days no
    /// running job touches starts at once, from the incumbent as it then is. `start` gets the
    /// running jobs and the job's share of the unspent budget not yet shared out, and returns
    /// the job as started and its work. Jobs whose free variables add up to more than
    /// `parallelFreeVariables`, or would take the process over its memory ceiling, are not
    /// solved side by side. Stops starting jobs at the deadline or once the plan is proven and
    /// waits for the running ones; returns false when it stopped so.
    private mutating func solveAsThreadsFree<Job: Sendable, Outcome: Sendable>(
        _ queue: inout [Job], parallelFreeVariables: Int?, parts: (Job) -> [Int], freeVariables: (Job) -> Int,
        start: (WeekSearch, Job, _ running: [Job], _ share: Double) -> (Job, @Sendable () -> Outcome),
        finish: (inout WeekSearch, Job, Outcome) -> [Job]
    ) -> Bool {
        let pool = JobPool<Outcome>()
        var running: [Int: (job: Job, share: Double, free: Int)] = [:]
        var nextID = 0
        var stopped = false
        while true {
            stopped = stopped || isProven || timeIsUp
            while !stopped, running.count < options.threads {
                let busy = Set(running.values.flatMap { parts($0.job) })
                guard let i = queue.firstIndex(where: { busy.isDisjoint(with: parts($0)) }) else { break }
                let reserved = running.values.reduce(0) { $0 + $1.share }
                let share = max(0, days.unspent(incumbent) - reserved) / Double(options.threads - running.count)
                let (job, work) = start(self, queue[i], running.values.map(\.job), share)
                let free = freeVariables(job)
                let together = running.values.reduce(free) { $0 + $1.free }
                if !running.isEmpty, together > (parallelFreeVariables ?? .max) || overMemoryLimit(freeVariables: together) { break }
                queue.remove(at: i)
                running[nextID] = (job, share, free)
                pool.start(nextID, work)
                nextID += 1
            }
            guard let (id, outcome) = pool.next(), let done = running.removeValue(forKey: id) else { break }
            queue = finish(&self, done.job, outcome) + queue
            // The job's submodel and GLPK problem are gone: give their pages back.
            MemoryRelease.now()
        }
        return !stopped
    }

    /// Re-optimises the two-day neighbourhoods (`DayPairs`) not yet settled, as threads free up
    /// on days no running pair touches, each with its share of the unspent budget. Returns
    /// whether any improved the plan, and whether GLPK proved every one optimal (at the first try).
    private mutating func dayPairPass(size: Int, timeLimit: Double) -> (improved: Bool, allOptimal: Bool) {
        var queue = DayPairs(days: days).neighbourhoods(incumbent, size: size).filter { !settledPairs.contains($0) }
        // Pairs stopped at their time limit whose bound promises a real gain get one more try
        // with twice the time, next in this pass (on week-120 such a pair, left for the next
        // pass, held back a visit for 14 s; queued last, it held one back past the minute).
        var retried = Set<DayPair>()
        var improved = false
        var allOptimal = true
        let days = self.days
        let finished = solveAsThreadsFree(&queue, parallelFreeVariables: nil, parts: \.parts,
                                          freeVariables: { pair in pair.parts.reduce(0) { $0 + days.parts[$1].milp.variableCount } }) { search, pair, running, share in
            // A visit scheduled nowhere is free in one running pair at most.
            let anywhere = days.parts.indices.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, search.incumbent[$1])) }
            let taken = running.reduce(into: Set<Int>()) { $0.formUnion($1.visits[0]); $0.formUnion($1.visits[1]) }.subtracting(anywhere)
            var free = pair
            free.visits = pair.visits.map { $0.subtracting(taken) }
            let week = search.incumbent
            let elsewhere = days.spendElsewhere(week, outside: pair.parts, share: share)
            let limit = min(retried.contains(pair) ? 2 * timeLimit : timeLimit, search.remaining ?? timeLimit)
            let gap = search.options.relativeGap / 10
            let settings = search.options.search
            let job = free
            return (pair, { job.improve(week, days: days, spend: elsewhere, timeLimit: limit, relativeGap: gap, search: settings) })
        } finish: { search, pair, outcome in
            allOptimal = allOptimal && outcome.optimal
            guard let values = outcome.values else {
                if outcome.optimal { search.settledPairs.insert(pair) }
                if let promise = outcome.promise, promise >= Self.stalledGain * abs(search.objective), !retried.contains(pair) {
                    retried.insert(pair)
                    return [pair]
                }
                return []
            }
            var merged = search.incumbent
            for (j, k) in pair.parts.enumerated() { merged[k] = values[j] }
            let before = search.objective
            search.offer(merged)
            guard search.objective > before else { return [] }
            improved = true
            let changed = Set(pair.parts)
            search.provenDays.subtract(changed)
            for k in changed { search.settledGroups[k] = nil }
            search.settledPairs = search.settledPairs.filter { $0.parts.allSatisfy { !changed.contains($0) } }
            return []
        }
        trace("day pairs (size \(size)): objective \(objective) at \(reporter.elapsed)")
        return (improved, allOptimal && finished)
    }

    /// This pass's neighbourhoods: the days in `wholeDays` whole; the others first around each
    /// visit left out (`ConflictGroups`, unless settled), then in groups of `size` visits by time
    /// of day (shifting by a third of a group from one pass to the next; every third pass by
    /// building first, then time). Ordered so that neighbourhoods next to each other are on
    /// different days.
    private func neighbourhoods(pass: Int, size: Int, wholeDays: Set<Int>) -> [Neighbourhood] {
        let grown = leftOutGroupSize
        let aroundLeftOut = ConflictGroups(days: days).neighbourhoods(incumbent) { k, u in max(4, size / 2, grown[k]?[u] ?? 0) }
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
}

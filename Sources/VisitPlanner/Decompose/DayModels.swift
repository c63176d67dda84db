import MILP
import VisitDomain

/// The week as one model per day, and the arithmetic that ties the days together: a week
/// solution is one value vector per day; its objective is the sum of the days'; a visit is
/// scheduled on at most one day; the catering costs of all days share the weekly budget.
struct DayModels: Sendable {
    let scenario: Scenario
    /// The day (day number) of each part (a day has one part per resource component).
    let days: [Int]
    let parts: [PlanningModel]
    let indexes: [ChoiceIndex]
    /// Visits with timings on more than one day.
    let multiDay: Set<Int>
    /// Per visit, the parts it has timings in.
    let partsOf: [Int: [Int]]

    init(scenario: Scenario, days: [Int], parts: [PlanningModel], indexes: [ChoiceIndex]) {
        self.scenario = scenario
        self.days = days
        self.parts = parts
        self.indexes = indexes
        var partsOf: [Int: [Int]] = [:]
        for (k, index) in indexes.enumerated() {
            for v in index.timings.keys.sorted() { partsOf[v, default: []].append(k) }
        }
        self.partsOf = partsOf
        multiDay = Set(partsOf.filter { $0.value.count > 1 }.keys)
    }

    /// The week's day models as the decomposition solves them: one per day with a candidate
    /// timing and, within a day, one per component of visits that share no resource
    /// (`ResourceComponents`: a company's sites far apart), sharing the weekly budget, without
    /// names (solved, never written), built and indexed `threads` at a time.
    static func build(view: ScenarioView, generator: CandidateGenerator, week: WeekCandidates, threads: Int) -> DayModels {
        let scenario = view.scenario
        let builder = {
            var builder = ModelBuilder(scenario: scenario, generator: generator)
            builder.sharedBudget = true
            builder.keepsNames = false
            // Its neighbourhoods fix most people's work: an order on whole days would block moves.
            builder.breaksStaffSymmetry = false
            return builder
        }()
        let components = ResourceComponents(scenario: scenario, generator: generator, candidates: week.candidates)
        // (day, component) for every component with a timing on the day, by day then component.
        var pieces: [(day: Int, component: Int)] = []
        for day in week.days {
            let present = Set(week.candidates.filter { $0.timings.contains { $0.day == day } }.map { components.component[$0.visitIndex] })
            pieces += present.sorted().map { (day, $0) }
        }
        let component = components.component
        let pieceList = pieces
        let parts = parallelMap(pieceList.count, threads: threads) { k in
            let piece = pieceList[k]
            return builder.build(candidates: week.onDay(piece.day) { component[$0] == piece.component })
        }
        let indexes = parallelMap(parts.count, threads: threads) { ChoiceIndex(parts[$0]) }
        trace("decomposed: \(Set(pieceList.map(\.component)).count) resource component(s) with timings, \(parts.count) part(s)")
        return DayModels(scenario: scenario, days: pieceList.map(\.day), parts: parts, indexes: indexes)
    }

    var budget: Double? { scenario.policies.weeklyHospitalityBudget }

    /// The week's objective: the sum of the days' (each day's `spentElsewhere` has no cost).
    func objective(_ week: [[Double]]) -> Double {
        parts.indices.reduce(0) { $0 + parts[$1].milp.objectiveValue(week[$1]) }
    }

    func cost(_ k: Int, _ values: [Double]) -> Double { parts[k].cateringCost.value(at: values) }

    /// The visits scheduled in part `k`.
    func scheduled(_ k: Int, _ values: [Double]) -> Set<Int> {
        Set(parts[k].timings.filter { values[$0.variable.index] > 0.5 }.map(\.visit))
    }

    /// What visit `v` adds to part `k`'s objective in `values` (0 when not scheduled there).
    func contribution(of v: Int, in k: Int, _ values: [Double], objective: LinearExpression? = nil) -> Double {
        let objective = objective ?? parts[k].objective
        return (indexes[k].variables[v] ?? []).reduce(0) { $0 + objective.coefficient(of: $1) * values[$1.index] }
    }

    /// The building of each visit of part `k`: that of the room or route of its first item that
    /// holds one in `values`, else of its first candidate room or route (no entry when none names
    /// a building).
    func buildings(_ k: Int, _ values: [Double]) -> [Int: String] {
        var chosen: [Int: (item: Int, building: String)] = [:]
        var candidate: [Int: String] = [:]
        func note(_ choice: ResourceChoice, _ building: String?) {
            guard let building else { return }
            let v = choice.item.visit
            if values[choice.variable.index] > 0.5, choice.item.item < chosen[v]?.item ?? .max { chosen[v] = (choice.item.item, building) }
            if candidate[v] == nil { candidate[v] = building }
        }
        for choice in parts[k].rooms { note(choice, scenario.rooms[choice.resource].building) }
        for choice in parts[k].routes { note(choice, scenario.tourRoutes[choice.resource].building) }
        return candidate.merging(chosen.mapValues(\.building)) { _, held in held }
    }

    /// `values` of part `k` without `visits`, and without IT cover no meeting needs any more.
    /// Taking visits out keeps every row of the day valid.
    func dropping(_ visits: Set<Int>, from k: Int, in values: [Double]) -> [Double] {
        var result = values
        for v in visits {
            for x in indexes[k].variables[v] ?? [] { result[x.index] = 0 }
        }
        for link in parts[k].coverLinks where link.meetings.allSatisfy({ result[$0.index] < 0.5 }) {
            result[link.cover.index] = 0
        }
        return result
    }

    /// The week with each day's `spentElsewhere` set to what the other days spend.
    func withSpend(_ week: [[Double]]) -> [[Double]] {
        let costs = parts.indices.map { cost($0, week[$0]) }
        let total = costs.reduce(0, +)
        var result = week
        for k in parts.indices {
            if let elsewhere = parts[k].spentElsewhere { result[k][elsewhere.index] = total - costs[k] }
        }
        return result
    }

    /// What the week leaves of the budget unspent (0 without a budget).
    func unspent(_ week: [[Double]]) -> Double {
        guard let budget else { return 0 }
        return max(0, budget - parts.indices.reduce(0) { $0 + cost($1, week[$1]) })
    }

    /// What the days outside `parts` may spend while `parts` are re-optimised with `share` of
    /// the unspent budget to spend more: the budget less the parts' own cost and that share (0
    /// without a budget).
    func spendElsewhere(_ week: [[Double]], outside parts: [Int], share: Double) -> Double {
        guard let budget else { return 0 }
        return max(0, budget - parts.reduce(0) { $0 + cost($1, week[$1]) } - share)
    }

    /// Whether every day's rows hold (with the spend of the other days) and no visit is
    /// scheduled on two days; the days are checked `threads` at a time.
    func isFeasible(_ week: [[Double]], threads: Int = 1) -> Bool {
        let week = withSpend(week)
        let parts = self.parts
        var seen = Set<Int>()
        for k in parts.indices {
            let here = scheduled(k, week[k])
            guard seen.isDisjoint(with: here) else { return false }
            seen.formUnion(here)
        }
        return parallelMap(parts.count, threads: threads) { PartialSolution(model: parts[$0].milp, values: week[$0]).isFeasible }
            .allSatisfy { $0 }
    }


    /// Scheduled visits by index, read from every day.
    func read(_ week: [[Double]], view: ScenarioView) -> [Int: PlannedVisit] {
        var result: [Int: PlannedVisit] = [:]
        for k in parts.indices {
            result.merge(SolutionReader(view: view, model: parts[k]).visits(from: week[k])) { first, _ in first }
        }
        return result
    }

    /// A bound on part `k`'s objective under `objective` without the solver: every visit at its
    /// best timing with its best resources, people and host, as if alone (never below 0: a visit
    /// may stay out). Also each visit's best value.
    func standaloneBound(_ k: Int, objective: LinearExpression) -> (total: Double, visits: [Int: Double]) {
        let part = parts[k]
        let index = indexes[k]
        let early = scenario.policies.hostArrivesEarlyMinutes
        // Looked up for every choice: a dense array beats the expression's hash table.
        var dense = [Double](repeating: 0, count: part.milp.variableCount)
        for (x, c) in objective.terms where x.index < dense.count { dense[x.index] = c }
        func coefficient(_ x: Variable) -> Double { x.index < dense.count ? dense[x.index] : objective.coefficient(of: x) }
        var itemBest: [ItemRef: [ItemTiming: Double]] = [:]
        func best(_ ref: ItemRef, _ timing: ItemTiming) -> Double? {
            if let known = itemBest[ref]?[timing] { return known.isFinite ? known : nil }
            var value = -Double.infinity
            for option in index.resources[ref]?[timing] ?? [] {
                var total = coefficient(option.variable)
                let roles: [DutyRole] = switch scenario.visits[ref.visit].agenda[ref.item] {
                case .meeting: [.technical, .sales]
                case .tour: [.guide(route: option.resource)]
                case .meal: []
                }
                for role in roles {
                    let key = SeatKey(item: ref, start: timing.start, role: role)
                    guard let seats = part.seats[key], seats.count > 0 else { continue }
                    let top = (index.staff[key] ?? []).map { coefficient($0.variable) }.max() ?? 0
                    total += Double(seats.count) * max(0, top)
                }
                value = max(value, total)
            }
            itemBest[ref, default: [:]][timing] = value
            return value.isFinite ? value : nil
        }
        var total = objective.constant
        var visits: [Int: Double] = [:]
        for (v, timings) in index.timings {
            var visitBest = 0.0
            for choice in timings {
                let hostKey = HostKey(visit: v, start: choice.timing.start - early, end: choice.timing.end)
                guard let host = (index.hosts[hostKey] ?? []).map({ coefficient($0.variable) }).max() else { continue }
                var value = coefficient(choice.variable) + host
                var possible = true
                for (i, item) in choice.timing.items.enumerated() {
                    guard let itemValue = best(ItemRef(visit: v, item: i), item) else { possible = false; break }
                    value += itemValue
                }
                if possible { visitBest = max(visitBest, value) }
            }
            total += visitBest
            visits[v] = visitBest
        }
        return (total, visits)
    }
}

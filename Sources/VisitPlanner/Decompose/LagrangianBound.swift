import MILP
import VisitDomain

/// The decomposition's bound. Relaxing the two things that tie the days together, each day may
/// schedule a multi-day visit and spend the whole budget; a price per multi-day visit (λ) and per
/// currency unit of catering (μ) is charged instead. When the whole week's relaxation showed how
/// much priority any plan can schedule at most (`mostPriority`, see `WholeWeekBound`), that cap
/// ties the days too, with a price per unit of priority scheduled (ν). For any prices ≥ 0,
///
///     Σ over days of (a bound on the day's best priced objective) + Σ λ + μ · budget + ν · cap
///
/// bounds the week's best score: a valid week is valid for every day and pays no more than it
/// gets back. Subgradient steps adjust the prices between rounds, and each round's day solutions,
/// repaired into a valid week (`WeekRepair`), are candidate plans too.
struct LagrangianBound: Sendable {
    let days: DayModels
    /// The most priority a plan can schedule (nil: no such cap is known, and `Prices.priority`
    /// must stay 0).
    var mostPriority: Double? = nil

    /// The prices of one round.
    struct Prices: Sendable {
        var visits: [Int: Double]
        var budget: Double
        /// Per unit of priority scheduled (each visit charged its priority times this).
        var priority: Double = 0
    }

    /// Part `k`'s objective with the prices charged.
    func objective(_ k: Int, _ prices: Prices) -> LinearExpression {
        let part = days.parts[k]
        var objective = part.objective
        let priorityPrice = mostPriority == nil ? 0 : prices.priority
        for choice in part.timings {
            let price = (prices.visits[choice.visit] ?? 0) + priorityPrice * Double(days.scenario.visits[choice.visit].priority)
            if price != 0 { objective.add(choice.variable, coefficient: -price) }
        }
        if prices.budget > 0 { objective.add(part.cateringCost, multiplier: -prices.budget) }
        return objective
    }

    /// Part `k` relaxed (may spend the whole budget) with the prices charged.
    func model(_ k: Int, _ prices: Prices) -> Model {
        var milp = days.parts[k].milp
        milp.setObjective(objective(k, prices), .maximize)
        if let elsewhere = days.parts[k].spentElsewhere { milp.setBounds(elsewhere, lower: 0, upper: 0) }
        return milp
    }

    /// Part `k`'s values of a week solution, made a solution of the relaxed part.
    func relaxedValues(_ k: Int, _ values: [Double]) -> [Double] {
        var result = values
        if let elsewhere = days.parts[k].spentElsewhere { result[elsewhere.index] = 0 }
        return result
    }

    /// The week bound from one bound per priced day.
    func weekBound(dayBounds: [Double], _ prices: Prices) -> Double {
        dayBounds.reduce(0, +) + prices.visits.values.reduce(0, +) + prices.budget * (days.budget ?? 0)
            + (mostPriority.map { prices.priority * $0 } ?? 0)
    }

    /// The bound without the solver: every visit at its best, alone, on its best day.
    func standalone(_ prices: Prices) -> Double {
        weekBound(dayBounds: days.parts.indices.map { days.standaloneBound($0, objective: objective($0, prices)).total }, prices)
    }

    /// The subgradient of the week bound at `prices` given the priced days' solutions: for each
    /// multi-day visit, 1 − the days it is on; for the budget, budget − the days' total cost; for
    /// the priority cap, the cap − the priority the days schedule (0 without a cap).
    func subgradient(_ solutions: [[Double]]) -> (visits: [Int: Double], budget: Double, priority: Double) {
        var visits: [Int: Double] = [:]
        for v in days.multiDay { visits[v] = 1 }
        var scheduledPriority = 0.0
        for k in days.parts.indices {
            for v in days.scheduled(k, solutions[k]) {
                if days.multiDay.contains(v) { visits[v, default: 1] -= 1 }
                scheduledPriority += Double(days.scenario.visits[v].priority)
            }
        }
        let spent = days.parts.indices.reduce(0) { $0 + days.cost($1, solutions[$1]) }
        return (visits, (days.budget ?? spent) - spent, mostPriority.map { $0 - scheduledPriority } ?? 0)
    }
}

import MILP
import VisitDomain

/// Turns one solution per day that may break the week's coupling (a multi-day visit on two days,
/// the days together over the weekly budget) into a valid week: each visit stays on the day where
/// it adds most and leaves the others, visits with meals leave (least score per currency unit
/// first) until the budget holds, and the construction heuristic then fills what was freed.
struct WeekRepair: Sendable {
    let days: DayModels

    func repaired(_ week: [[Double]]) -> [[Double]]? {
        var week = week
        // Each multi-day visit on its best day only.
        for v in days.multiDay.sorted() {
            let on = (days.partsOf[v] ?? []).filter { days.scheduled($0, week[$0]).contains(v) }
            guard on.count > 1 else { continue }
            let keep = on.max { days.contribution(of: v, in: $0, week[$0]) < days.contribution(of: v, in: $1, week[$1]) }!
            for k in on where k != keep { week[k] = days.dropping([v], from: k, in: week[k]) }
        }
        // The weekly budget.
        if let budget = days.budget {
            var total = days.parts.indices.reduce(0) { $0 + days.cost($1, week[$1]) }
            if total > budget + 1e-6 {
                var meals: [(part: Int, visit: Int, ratio: Double, cost: Double)] = []
                for k in days.parts.indices {
                    for v in days.scheduled(k, week[k]).sorted() {
                        let cost = mealCost(of: v, in: k, week[k])
                        guard cost > 0 else { continue }
                        meals.append((k, v, days.contribution(of: v, in: k, week[k]) / cost, cost))
                    }
                }
                for meal in meals.sorted(by: { ($0.ratio, $0.visit) < ($1.ratio, $1.visit) }) where total > budget + 1e-6 {
                    week[meal.part] = days.dropping([meal.visit], from: meal.part, in: week[meal.part])
                    total -= meal.cost
                }
            }
        }
        // Fill what was freed.
        week = days.withSpend(week)
        let starts = days.parts.indices.map { PartialSolution(model: days.parts[$0].milp, values: week[$0]) }
        guard starts.allSatisfy(\.isFeasible) else { return nil }
        let placed = days.parts.indices.reduce(into: Set<Int>()) { $0.formUnion(days.scheduled($1, week[$1])) }
        let filled = ConstructionHeuristic(scenario: days.scenario, parts: days.parts)
            .complete(starts, placed: placed, indexes: days.indexes)
        return filled.map { $0.parts.map(\.values) }
    }

    private func mealCost(of v: Int, in k: Int, _ values: [Double]) -> Double {
        (days.indexes[k].variables[v] ?? []).reduce(0) { $0 + days.parts[k].cateringCost.coefficient(of: $1) * values[$1.index] }
    }
}

import MILP
import VisitDomain

/// Rule 7 (meal) in the model: a running meal takes one approved caterer offering the service,
/// serving every dietary need and within the per-head budget (only such caterers are candidates).
/// Caterer capacity is shared through rule 8's per-slot rows; the total cost stays within
/// `weeklyHospitalityBudget`.
struct MealRule: Sendable {
    let scenario: Scenario
    /// Whether other models (other days) spend from the same budget: the row then reads
    /// `cost + spentElsewhere ≤ budget`, with `spentElsewhere` a variable the caller fixes.
    var sharedBudget = false

    func apply(to pm: inout PlanningModel) {
        var weeklyCost = LinearExpression()
        for (v, visit) in scenario.visits.enumerated() {
            for (i, item) in visit.agenda.enumerated() {
                guard case .meal(let meal) = item, let runsByTiming = pm.itemRuns[ItemRef(visit: v, item: i)] else { continue }
                let ref = ItemRef(visit: v, item: i)
                for (timing, runs) in runsByTiming {
                    let tag = "\(visit.id).\(i)@\(timing.start)"
                    var catererSum = LinearExpression()
                    for c in pm.candidates[v].options[i][timing] ?? [] {
                        let caterer = scenario.caterers[c]
                        let y = pm.milp.addBinary("caterer[\(tag),\(caterer.id)]")
                        catererSum.add(y)
                        pm.caterers.append(ResourceChoice(item: ref, timing: timing, resource: c, variable: y))
                        let cost = mealCost(visit, meal, caterer, diners: pm.baseline.keptDiners(ref))
                        weeklyCost.add(y, coefficient: cost)
                        pm.objective.add(y, coefficient: scenario.objective.cateringCost * cost)
                    }
                    pm.milp.addConstraint(catererSum - runs, .equal, 0, name: "meal.caterer[\(tag)]")
                }
            }
        }
        pm.cateringCost = weeklyCost
        if let budget = scenario.policies.weeklyHospitalityBudget, !weeklyCost.isEmpty {
            if sharedBudget {
                let elsewhere = pm.milp.addVariable("meal.spentElsewhere", kind: .continuous, lowerBound: 0, upperBound: budget)
                pm.spentElsewhere = elsewhere
                weeklyCost.add(elsewhere)
            }
            pm.budgetRow = pm.milp.addConstraint(weeklyCost, .lessOrEqual, budget, name: "meal.weeklyBudget")
        }
    }

    /// Price per head × diners: headcount + 1, or a frozen meal's kept `diners`.
    func mealCost(_ visit: Visit, _ meal: Meal, _ caterer: Caterer, diners: Int? = nil) -> Double {
        (caterer.services[meal.service]?.pricePerHead ?? 0) * Double(diners ?? scenario.diners(visit))
    }
}

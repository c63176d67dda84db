import Testing
import VisitDomain
import VisitPlanner

/// Rule 7 (meal): approved caterers within the per-head budget serving every dietary need, shared
/// capacity, and the weekly hospitality budget.
@Suite("Rule 7: meal")
struct MealRuleTests {
    @Test("a VIP banquet may cost 450 a head (VIP budget 500)")
    func vipBudget() throws {
        let result = try TestScenarios.plan("meal-budget.yaml")
        let meal = try result.scheduled("V-vip").items[0]
        #expect(meal.caterer == "grand-palace")
        #expect(meal.pricePerHead == 450 && meal.diners == 7 && meal.cost == 3150)
    }

    @Test("a standard-tier banquet over the 300 budget is never catered: a budget reason")
    func overBudget() throws {
        let result = try TestScenarios.plan("meal-budget.yaml")
        let reasons = try result.reasons("V-std")
        #expect(reasons.anyContains("impossible on its own: meal", "budget of 300", "grand-palace", "450"), "reasons: \(reasons)")
    }

    @Test("the caterer serves every dietary restriction; unapproved quickbite is never used although cheapest",
          arguments: [("V-halal", "crescent"), ("V-plain", "canteen")])
    func dietaryAndApproval(visitID: String, caterer: String) throws {
        let result = try TestScenarios.plan("meal-caterers.yaml")
        #expect(try result.scheduled(visitID).items[0].caterer == caterer)
        #expect(!result.plan.visits.flatMap { $0.items ?? [] }.contains { $0.caterer == "quickbite" })
    }

    @Test("a service only an unapproved caterer offers is unscheduled")
    func onlyUnapproved() throws {
        let result = try TestScenarios.plan("meal-caterers.yaml")
        let reasons = try result.reasons("V-banquet")
        #expect(reasons.anyContains("impossible on its own: meal", "unapproved", "quickbite"), "reasons: \(reasons)")
    }

    @Test("overlapping meals share a caterer's capacity: the second lunch goes elsewhere")
    func sharedCapacity() throws {
        let result = try TestScenarios.plan("meal-capacity.yaml")
        let caterers = try ["V-1", "V-2"].map { try result.scheduled($0).items[0].caterer }
        #expect(Set(caterers.compactMap { $0 }) == ["canteen", "bistro"])
    }

    @Test("without another caterer the lower-priority lunch is crowded out by the other")
    func capacityCrowdsOut() throws {
        let result = try TestScenarios.plan("meal-capacity.yaml", [.remove("caterers[1]")])
        #expect(try result.scheduled("V-1").items[0].caterer == "canteen")
        let reasons = try result.reasons("V-2")
        #expect(reasons.anyContains("crowded out", "canteen", "V-1"), "reasons: \(reasons)")
    }

    @Test("the weekly hospitality budget binds: the lower-priority visit is dropped with a budget reason")
    func weeklyBudget() throws {
        let result = try TestScenarios.plan("meal-weekly-budget.yaml")
        _ = try result.scheduled("V-1")
        let reasons = try result.reasons("V-2")
        #expect(reasons.anyContains("crowded out", "weekly hospitality budget"), "reasons: \(reasons)")
        #expect(result.plan.totals.cateringCost <= 1000)
    }

    @Test("with a budget of 1200 both lunches fit")
    func weeklyBudgetLarger() throws {
        let result = try TestScenarios.plan("meal-weekly-budget.yaml", [.set("policies.weeklyHospitalityBudget", 1200)])
        #expect(result.unscheduledIDs.isEmpty)
        #expect(result.plan.totals.cateringCost == 1200)
    }
}

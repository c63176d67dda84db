/// How the planner solves a week.
public enum PlanningStrategy: String, Sendable, CaseIterable, Codable {
    /// One model for the whole week, solved by GLPK with the construction heuristic's plan as its
    /// first incumbent.
    case monolithic
    /// One model per day (and per group of visits that can share no resource: a company's
    /// sites), solved in parallel threads. A master step decides the day of visits
    /// whose window spans several days and shares the weekly catering budget out among the days;
    /// a large-neighbourhood search then re-optimises one day at a time. The bound is a
    /// Lagrangian one: the sum of the day bounds plus the prices of the multi-day visits.
    case decomposed
    /// Decomposed when planning a large week from scratch; monolithic when replanning (a replan
    /// re-optimises a neighbourhood of the events, already a small model), when all visits fall
    /// on one day, or when the week has fewer than `monolithicUpTo` visits (GLPK proves those
    /// optimal as one model).
    case automatic

    /// Weeks with fewer visits than this are solved as one model by `automatic`. Measured on the
    /// ladder (benchmarks/README.md): the 40-visit reference week is proven optimal whole in about
    /// 30 s but not by day; the generated 50-visit week is proven by day in 13 s and not whole in 60 s.
    public static let monolithicUpTo = 45

    /// The strategy to use for a week of `visits` whose candidate timings fall on `days` distinct days.
    func resolved(replanning: Bool, days: Int, visits: Int) -> PlanningStrategy {
        switch self {
        case .monolithic, .decomposed: self
        case .automatic: replanning || days < 2 || visits < Self.monolithicUpTo ? .monolithic : .decomposed
        }
    }
}

import MILP
import VisitDomain

/// What a strategy hands back to the planner: the visits it schedules and how sure it is.
struct SolvedWeek: Sendable {
    /// Scheduled visits by index.
    var scheduled: [Int: PlannedVisit]
    /// `optimal` only when the whole week's optimum is proven (within the relative gap).
    var status: PlanStatus
    /// Why the solve stopped.
    var termination: TerminationStatus
    /// A proven upper bound on the whole week's model objective; nil when none is known.
    var bound: Double?
    /// The model objective of the solution.
    var modelObjective: Double
    /// Every visit's candidates (for the reasons of unscheduled visits).
    var candidates: [VisitCandidates]
    var statistics: ModelStatistics
}

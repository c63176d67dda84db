import MILP

/// GLPK's search settings for the planner's solves (whole week, days and neighbourhoods alike),
/// so the benchmark ladder can compare them; the defaults are what the ladder found best.
public struct SolverTuning: Sendable, Equatable {
    /// Gomory, mixed-integer rounding, cover and clique cuts.
    public var cuts = true
    /// GLPK's feasibility pump heuristic.
    public var feasibilityPump = false
    /// GLPK's proximity search heuristic.
    public var proximitySearch = false
    public var branching: Branching = .driebeckTomlin
    public var backtracking: Backtracking = .bestLocalBound
    /// GLPK prints its log to standard output.
    public var verbose = false

    public init() {}

    func apply(to options: inout SolverOptions) {
        options.cuts = cuts
        options.feasibilityPump = feasibilityPump
        options.proximitySearch = proximitySearch
        options.branching = branching
        options.backtracking = backtracking
        options.verbose = verbose
    }
}

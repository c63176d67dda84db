/// Settings for one `GLPKSolver.solve` call.
public struct SolverOptions: Sendable {
    /// Wall-clock limit for the whole call in seconds (LP relaxation included); nil = none.
    public var timeLimit: Double?
    /// Stop when the relative gap between incumbent and bound is at most this (GLPK's `mip_gap`).
    /// A stop for this reason counts as `.optimal`.
    public var relativeGap: Double
    /// Use GLPK's MIP presolver. Forced off when `incumbent` is given (the LP relaxation is then
    /// solved first by `glp_simplex`), because presolve hides the original columns from the callback.
    /// Pure LPs are always solved by `glp_simplex` without presolve.
    public var presolve: Bool
    /// How branch-and-cut searches: cuts, heuristics, branching and backtracking.
    public var search: SearchSettings
    /// A starting solution, one value per variable; integer columns are rounded. It is checked
    /// against bounds and rows first and offered to GLPK once only if feasible (GLPK itself does
    /// not check it). The result is never worse than a feasible incumbent.
    public var incumbent: [Double]?
    /// Called on the solving thread on each new incumbent and at most about once a second otherwise.
    /// It must not call `GLPKSolver.solve` or `Model.write` (that gives `.error`).
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Let GLPK print its log to standard output. When false, GLPK prints nothing.
    public var verbose: Bool

    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 1e-4,
        presolve: Bool = true,
        cuts: Bool = true,
        feasibilityPump: Bool = false,
        proximitySearch: Bool = false,
        incumbent: [Double]? = nil,
        progress: (@Sendable (SolveProgress) -> Void)? = nil,
        verbose: Bool = false
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.search = SearchSettings(cuts: cuts, feasibilityPump: feasibilityPump, proximitySearch: proximitySearch)
        self.incumbent = incumbent
        self.verbose = verbose
        self.progress = progress
    }

    /// Test hook: offer the incumbent without checking it (to observe what GLPK does with an
    /// infeasible point). Never set outside tests.
    var offerIncumbentUnchecked = false

    /// What is wrong with the options, in words; nil when they are usable.
    var problem: String? {
        if let timeLimit, timeLimit.isNaN || timeLimit < 0 {
            return "the time limit is \(timeLimit) s; it must be a non-negative number of seconds or nil"
        }
        if !relativeGap.isFinite || relativeGap < 0 {
            return "the relative gap is \(relativeGap); it must be a finite non-negative number"
        }
        return nil
    }
}

/// GLPK's branch-and-cut settings beyond limits: what a caller tunes to its problem class.
public struct SearchSettings: Sendable, Equatable {
    /// Gomory mixed-integer, mixed-integer rounding, cover and clique cuts.
    public var cuts: Bool
    /// GLPK's feasibility pump heuristic.
    public var feasibilityPump: Bool
    /// GLPK's proximity search heuristic (good near a known solution).
    public var proximitySearch: Bool
    /// How GLPK chooses the variable to branch on (GLPK's default: Driebeck–Tomlin).
    public var branching: Branching
    /// How GLPK chooses the next subproblem (GLPK's default: best local bound).
    public var backtracking: Backtracking
    /// Scale rows and columns (`glp_scale_prob` with `GLP_SF_AUTO`) before the simplex method
    /// solves the LP relaxation, as `glpsol` and GLPK's MIP presolver do. The API's simplex does
    /// not scale by itself; on the planner's day models (objective terms in the thousands beside
    /// 0/1 rows) scaling makes the LP relaxation markedly faster.
    public var scaling: Bool
    /// Start the simplex method from GLPK's advanced (triangular) basis (`glp_adv_basis`)
    /// instead of the slack basis: a third faster on a whole week's LP relaxation (27,000
    /// columns: 4.5 s instead of 6.6 s), untried on the search's small MIPs.
    public var advancedBasis: Bool

    public init(cuts: Bool = true, feasibilityPump: Bool = false, proximitySearch: Bool = false,
                branching: Branching = .driebeckTomlin, backtracking: Backtracking = .bestLocalBound,
                scaling: Bool = true, advancedBasis: Bool = false) {
        self.scaling = scaling
        self.advancedBasis = advancedBasis
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.branching = branching
        self.backtracking = backtracking
    }
}

/// GLPK's branching techniques (`br_tech`).
public enum Branching: Sendable, Hashable, CaseIterable {
    case firstFractional, lastFractional, mostFractional, driebeckTomlin, hybridPseudoCost
}

/// GLPK's backtracking techniques (`bt_tech`).
public enum Backtracking: Sendable, Hashable, CaseIterable {
    case depthFirst, breadthFirst, bestLocalBound, bestProjection
}

/// A snapshot of a running branch-and-cut search.
public struct SolveProgress: Sendable {
    /// The objective of the best solution found so far.
    public var incumbent: Double?
    /// The best proven bound so far (an upper bound when maximising).
    public var bound: Double?
    /// Seconds since the start of the solve.
    public var seconds: Double

    public init(incumbent: Double?, bound: Double?, seconds: Double) {
        self.incumbent = incumbent
        self.bound = bound
        self.seconds = seconds
    }
}

/// How a solve ended.
public enum SolveStatus: Sendable, Equatable {
    /// Proven optimal (within `SolverOptions.relativeGap`).
    case optimal
    /// Stopped early (time limit, or a GLPK failure after a solution was found; see `message`)
    /// with a solution that is not proven optimal.
    case feasible
    /// The model has no solution.
    case infeasible
    /// The objective is unbounded (for a MIP: its LP relaxation is).
    case unbounded
    /// Stopped at the time limit without any solution.
    case noSolutionFound
    /// The model or the options are invalid, or GLPK failed; `message` says why.
    case error
}

/// Why a solve stopped, apart from whether it has a solution to use (as MathOptInterface's
/// termination status is apart from its primal status).
public enum TerminationStatus: String, Sendable, Equatable, CaseIterable {
    /// The best solution is proven optimal.
    case optimal
    /// Stopped once the relative gap between the best solution and the bound fell below the one asked for.
    case gapReached
    /// Stopped at the time limit.
    case timeLimit
    /// Stopped by the caller (the branch-and-cut callback).
    case stoppedByCaller
    /// The search had nothing left to try before any limit (a decomposed plan's search).
    case searchExhausted
    /// The model has no solution.
    case infeasible
    /// The objective is unbounded.
    case unbounded
    /// The model or options were invalid, or GLPK failed.
    case failed

    /// In words, for the CLI and the API ("stopped at the time limit").
    public var explanation: String {
        switch self {
        case .optimal: "proven optimal"
        case .gapReached: "stopped at the requested gap"
        case .timeLimit: "stopped at the time limit"
        case .stoppedByCaller: "stopped on request"
        case .searchExhausted: "stopped when the search had nothing left to try"
        case .infeasible: "no solution exists"
        case .unbounded: "the objective is unbounded"
        case .failed: "the solver failed"
        }
    }

    /// What `status` alone implies, where the solver said no more.
    init(impliedBy status: SolveStatus) {
        switch status {
        case .optimal: self = .optimal
        case .feasible, .noSolutionFound: self = .timeLimit
        case .infeasible: self = .infeasible
        case .unbounded: self = .unbounded
        case .error: self = .failed
        }
    }
}

/// Whether a solve has a solution to use.
public enum PrimalStatus: String, Sendable, Equatable {
    case feasiblePoint
    case noSolution
}

/// The outcome of `GLPKSolver.solve`: `termination` says why it stopped, `primal` whether
/// `values` holds a solution; `status` combines both as the planner reports them.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// Why the solve stopped.
    public var termination: TerminationStatus
    /// Whether `values` holds a solution.
    public var primal: PrimalStatus { hasSolution ? .feasiblePoint : .noSolution }
    /// The objective of the best solution, constant included; nil without a solution.
    public var objective: Double?
    /// The best proven bound on the objective (an upper bound when maximising, a lower bound
    /// when minimising); equals `objective` when optimal; nil when unknown.
    public var bound: Double?
    /// One value per variable (integer columns exactly integral); empty without a solution.
    public var values: [Double]
    /// For an LP solved to optimality, one dual value (shadow price) per constraint, in the
    /// objective's units per unit of right-hand side; empty otherwise (MIPs have none).
    public var rowDuals: [Double] = []
    /// Wall-clock seconds spent in the call.
    public var seconds: Double
    /// For `.error`, what was wrong; otherwise a remark (e.g. why an incumbent was not used), or nil.
    public var message: String?

    public init(
        status: SolveStatus,
        termination: TerminationStatus? = nil,
        objective: Double? = nil,
        bound: Double? = nil,
        values: [Double] = [],
        seconds: Double = 0,
        message: String? = nil
    ) {
        self.status = status
        self.termination = termination ?? TerminationStatus(impliedBy: status)
        self.objective = objective
        self.bound = bound
        self.values = values
        self.seconds = seconds
        self.message = message
    }

    /// Whether the status is `.optimal` or `.feasible`, i.e. `values` holds a solution.
    public var hasSolution: Bool { status == .optimal || status == .feasible }

    /// The value of `v` in the solution; 0 when there is no solution or `v` is not in it.
    public func value(_ v: Variable) -> Double {
        values.indices.contains(v.index) ? values[v.index] : 0
    }

    /// The dual value of constraint `c` (see `rowDuals`); 0 when there is none.
    public func dual(_ c: ConstraintRef) -> Double {
        rowDuals.indices.contains(c.index) ? rowDuals[c.index] : 0
    }

    /// Whether `v` is set (value > 0.5), for binary variables.
    public func isOne(_ v: Variable) -> Bool {
        value(v) > 0.5
    }

    /// The value of `expression` in the solution.
    public func value(_ expression: LinearExpression) -> Double {
        expression.value(at: values)
    }

    /// The relative gap |bound − objective| / (|objective| + ε), as GLPK computes it; nil when either is unknown.
    public var relativeGap: Double? {
        guard let objective, let bound else { return nil }
        return abs(bound - objective) / (abs(objective) + Double.ulpOfOne)
    }
}

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

/// The outcome of `GLPKSolver.solve`.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// The objective of the best solution, constant included; nil without a solution.
    public var objective: Double?
    /// The best proven bound on the objective (an upper bound when maximising, a lower bound
    /// when minimising); equals `objective` when optimal; nil when unknown.
    public var bound: Double?
    /// One value per variable (integer columns exactly integral); empty without a solution.
    public var values: [Double]
    /// Wall-clock seconds spent in the call.
    public var seconds: Double
    /// For `.error`, what was wrong; otherwise a remark (e.g. why an incumbent was not used), or nil.
    public var message: String?

    public init(
        status: SolveStatus,
        objective: Double? = nil,
        bound: Double? = nil,
        values: [Double] = [],
        seconds: Double = 0,
        message: String? = nil
    ) {
        self.status = status
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

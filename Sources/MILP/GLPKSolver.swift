/// Solves a `Model` with GLPK (simplex for LPs, branch-and-cut for MIPs).
///
/// Each call builds its own `glp_prob`, solves it, reads the solution and deletes it on the
/// calling thread, then frees that thread's GLPK environment: calls on different threads may
/// run concurrently. The call blocks its thread for the whole solve (run it off event loops
/// and cooperative executors when it may take long).
public enum GLPKSolver {
    /// Solves `model`. Never crashes on invalid input: an invalid model or invalid options
    /// give a `.error` result with a message.
    public static func solve(_ model: Model, options: SolverOptions = .init()) -> SolveResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result = solveUntimed(model, options: options, start: start)
        result.seconds = (clock.now - start).inSeconds
        return result
    }

    private static func solveUntimed(_ model: Model, options: SolverOptions, start: ContinuousClock.Instant) -> SolveResult {
        if let problem = options.problem {
            return SolveResult(status: .error, message: problem)
        }
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(model)
        } catch {
            return SolveResult(status: .error, message: error.message)
        }

        var remarks: [String] = []
        var incumbent: CheckedIncumbent?
        if let values = options.incumbent {
            switch CheckedIncumbent.check(values, for: prepared, unchecked: options.offerIncumbentUnchecked) {
            case .invalid(let message):
                return SolveResult(status: .error, message: message)
            case .infeasible(let why):
                remarks.append("the incumbent was not used because it is infeasible: \(why)")
            case .usable(let checked):
                incumbent = checked
            }
        }

        var result: SolveResult
        if let infeasibility = prepared.infeasibility {
            result = SolveResult(status: .infeasible, message: infeasibility)
        } else if prepared.columns.isEmpty {
            result = solveWithoutVariables(prepared)
        } else if let solved = GLPKThread.withEnvironment(verbose: options.verbose, {
            GLPKRun(model: prepared, options: options, incumbent: incumbent, start: start).run()
        }) {
            result = solved
        } else {
            result = SolveResult(status: .error, message: GLPKThread.nestedCallMessage)
        }
        if let message = result.message {
            remarks.insert(message, at: 0)
        }
        result.message = remarks.isEmpty ? nil : remarks.joined(separator: "; ")
        return result
    }

    /// A model without variables: every row reads 0 ≤/=/≥ rhs. GLPK is not needed.
    private static func solveWithoutVariables(_ model: PreparedModel) -> SolveResult {
        if let violation = model.firstViolation([]) {
            return SolveResult(status: .infeasible, message: "the model has no variables and \(violation)")
        }
        return SolveResult(status: .optimal, objective: model.objectiveConstant, bound: model.objectiveConstant, values: [])
    }
}

/// A starting solution that has been checked against the model.
struct CheckedIncumbent: Sendable {
    /// One value per column, integer columns rounded.
    var values: [Double]
    var objective: Double

    enum Outcome {
        case invalid(String)
        case infeasible(String)
        case usable(CheckedIncumbent)
    }

    static func check(_ raw: [Double], for model: PreparedModel, unchecked: Bool) -> Outcome {
        guard raw.count == model.columns.count else {
            return .invalid("the incumbent has \(raw.count) values but the model has \(model.columns.count) variables")
        }
        if let bad = raw.firstIndex(where: { !$0.isFinite }) {
            return .invalid("the incumbent's value for '\(model.columns[bad].name)' is \(raw[bad]); it must be finite")
        }
        let values = zip(raw, model.columns).map { value, column in column.isIntegral ? value.rounded() + 0 : value }
        if !unchecked, let violation = model.firstViolation(values) {
            return .infeasible(violation)
        }
        return .usable(CheckedIncumbent(values: values, objective: model.objectiveValue(values)))
    }
}

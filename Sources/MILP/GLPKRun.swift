import CGLPK

/// One solve inside a GLPK environment on the current thread (see `GLPKThread`).
///
/// - A pure LP is solved by `glp_simplex` alone (primal simplex, no presolve): its statuses
///   are direct and the LP optimum is its own bound.
/// - A MIP with presolve and no incumbent goes straight to `glp_intopt` with GLPK's MIP
///   presolver, which solves the LP relaxation itself.
/// - A MIP without presolve, or with an incumbent, first gets its LP relaxation solved by
///   `glp_simplex` (`glp_intopt` needs an optimal basis then), which also gives a first bound.
struct GLPKRun {
    let model: PreparedModel
    let options: SolverOptions
    let incumbent: CheckedIncumbent?
    let start: ContinuousClock.Instant
    private let clock = ContinuousClock()

    init(model: PreparedModel, options: SolverOptions, incumbent: CheckedIncumbent?, start: ContinuousClock.Instant) {
        self.model = model
        self.options = options
        self.incumbent = incumbent
        self.start = start
    }

    func run() -> SolveResult {
        let problem = GLPKProblem(model)
        return model.hasIntegralColumns ? solveMIP(problem.pointer) : solveLP(problem.pointer)
    }

    // MARK: LP

    private func solveLP(_ p: OpaquePointer) -> SolveResult {
        switch solveRelaxation(p) {
        case .optimal(let objective):
            let values = columnValues { glp_get_col_prim(p, $0) }
            var result = SolveResult(status: .optimal, objective: objective, bound: objective, values: values)
            result.rowDuals = model.rows.indices.map { glp_get_row_dual(p, Int32($0 + 1)) }
            return result
        case .stopped(let result):
            return result
        }
    }

    private enum RelaxationOutcome {
        case optimal(Double)
        case stopped(SolveResult)
    }

    /// Solves the LP (relaxation) with the primal simplex method, scaled (unless the search
    /// settings say otherwise), without presolve, so that infeasible and unbounded are told
    /// apart by `glp_get_status`.
    private func solveRelaxation(_ p: OpaquePointer) -> RelaxationOutcome {
        let what = model.hasIntegralColumns ? "the LP relaxation" : "the LP"
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.presolve = GLP_OFF
        if let limit = remainingMilliseconds {
            parameters.tm_lim = limit
        }
        // Every coefficient is finite and within PreparedModel's magnitudes, so the scale
        // factors are too (GLPK aborts on an invalid one).
        if options.search.scaling, model.rows.count > 0, model.columns.count > 0 {
            glp_scale_prob(p, GLP_SF_AUTO)
        }
        // Flags must be 0 (GLPK aborts otherwise); the basis is built on the scaled problem.
        if options.search.advancedBasis, model.rows.count > 0, model.columns.count > 0 {
            glp_adv_basis(p, 0)
        }
        let code = glp_simplex(p, &parameters)
        if code == GLP_ETMLIM {
            return .stopped(SolveResult(status: .noSolutionFound, message: "the time limit was reached while solving \(what)"))
        }
        guard code == 0 else {
            return .stopped(SolveResult(status: .error, message: "glp_simplex failed on \(what): \(GLPKCodes.describe(code))"))
        }
        switch glp_get_status(p) {
        case GLP_OPT:
            return .optimal(glp_get_obj_val(p))
        case GLP_NOFEAS:
            return .stopped(SolveResult(status: .infeasible, message: model.hasIntegralColumns ? "the LP relaxation is infeasible" : nil))
        case GLP_UNBND:
            return .stopped(SolveResult(status: .unbounded, message: model.hasIntegralColumns ? "the LP relaxation is unbounded" : nil))
        case let status:
            return .stopped(SolveResult(status: .error, message: "glp_simplex ended \(what) with status \(GLPKCodes.describeStatus(status))"))
        }
    }

    // MARK: MIP

    private func solveMIP(_ p: OpaquePointer) -> SolveResult {
        let solveRelaxationFirst = !options.presolve || incumbent != nil
        let context = BranchAndCutContext(
            direction: model.direction, start: start, incumbent: incumbent?.values, progress: options.progress)
        // (A limit of a million seconds or more is no limit here: Duration would overflow near infinity.)
        context.deadline = options.timeLimit.flatMap { $0 < 1e6 ? start + .seconds($0) : nil }
        if solveRelaxationFirst {
            switch solveRelaxation(p) {
            case .optimal(let relaxationBound):
                context.tighten(with: relaxationBound)
            case .stopped(let result):
                return withIncumbentFallback(result, bound: nil)
            }
        }
        if let remaining = remainingSeconds, remaining <= 0 {
            return withIncumbentFallback(
                SolveResult(
                    status: .noSolutionFound,
                    message: "the time limit was reached \(solveRelaxationFirst ? "after the LP relaxation" : "before the search started")"),
                bound: context.bestBound)
        }

        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.presolve = solveRelaxationFirst ? GLP_OFF : GLP_ON
        parameters.mip_gap = options.relativeGap
        let cuts = options.search.cuts ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = cuts
        parameters.mir_cuts = cuts
        // Cover cuts only without GLPK's presolver: in GLPK 5.0, glp_intopt builds the cover-cut
        // generator on the presolved problem, and `glp_cov_init` calls `glp_add_cols` with its
        // column count, which aborts the process when presolve removed every column (seen on a
        // single visit whose meals a budget of 1 priced out). Without presolve the problem keeps
        // its columns, and PreparedModel never lets a problem without columns reach GLPK.
        parameters.cov_cuts = solveRelaxationFirst ? cuts : GLP_OFF
        parameters.clq_cuts = cuts
        parameters.fp_heur = options.search.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.ps_heur = options.search.proximitySearch ? GLP_ON : GLP_OFF
        parameters.br_tech = switch options.search.branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .hybridPseudoCost: GLP_BR_PCH
        }
        parameters.bt_tech = switch options.search.backtracking {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
        if let limit = remainingMilliseconds {
            parameters.tm_lim = limit
            parameters.ps_tm_lim = min(parameters.ps_tm_lim, limit)
        }
        parameters.cb_func = branchAndCutCallback
        let code = withExtendedLifetime(context) {
            parameters.cb_info = Unmanaged.passUnretained(context).toOpaque()
            return glp_intopt(p, &parameters)
        }

        let mipStatus = glp_mip_status(p)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: SolveStatus
        var termination: TerminationStatus?
        var message: String?
        switch code {
        case 0 where mipStatus == GLP_OPT, GLP_EMIPGAP where hasSolution:
            status = .optimal
            termination = code == GLP_EMIPGAP ? .gapReached : .optimal
        case 0 where mipStatus == GLP_NOFEAS:
            status = .infeasible
        case GLP_ETMLIM, GLP_ESTOP:
            status = hasSolution ? .feasible : .noSolutionFound
            let timeUp = code == GLP_ETMLIM || context.stoppedAtDeadline
            termination = timeUp ? .timeLimit : .stoppedByCaller
            message = timeUp ? "the time limit was reached" : "the search was stopped"
        case GLP_ENOPFS:
            status = .infeasible
            message = "the LP relaxation is infeasible"
        case GLP_ENODFS:
            return infeasibleOrUnbounded(p)
        case GLP_EFAIL where hasSolution:
            status = .feasible
            termination = .failed
            message = "glp_intopt failed after finding a solution: \(GLPKCodes.describe(code))"
        default:
            return withIncumbentFallback(
                SolveResult(status: .error, message: "glp_intopt failed: \(GLPKCodes.describe(code)) (MIP status \(GLPKCodes.describeStatus(mipStatus)))"),
                bound: nil)
        }
        guard hasSolution else {
            return withIncumbentFallback(SolveResult(status: status, termination: termination, message: message),
                                         bound: status == .noSolutionFound ? context.bestBound : nil)
        }
        let objective = glp_mip_obj_val(p)
        let values = columnValues { glp_mip_col_val(p, $0) }
        let result = SolveResult(status: status, termination: termination, objective: objective, values: values, message: message)
        return withIncumbentFallback(result, bound: status == .optimal ? objective : context.bestBound)
    }

    /// After the MIP presolver reported "no dual feasible solution", the primal may be unbounded
    /// or infeasible: the simplex on the original LP relaxation tells which.
    private func infeasibleOrUnbounded(_ p: OpaquePointer) -> SolveResult {
        switch solveRelaxation(p) {
        case .stopped(let result):
            return result
        case .optimal:
            return SolveResult(status: .error, message: "GLPK's presolver found the LP relaxation dual infeasible but the simplex solved it")
        }
    }

    /// Completes `result` with its bound and, when GLPK stopped without a solution at least as
    /// good as the checked incumbent, returns the incumbent instead: the result is never worse
    /// than a feasible starting solution (e.g. when the time limit hits during the LP relaxation
    /// or before GLPK asks for a heuristic solution).
    private func withIncumbentFallback(_ result: SolveResult, bound: Double?) -> SolveResult {
        var result = result
        result.bound = bound
        if let incumbent, result.status == .feasible || result.status == .noSolutionFound || result.status == .error,
           result.objective.map({ isBetter(incumbent.objective, than: $0) }) ?? true {
            result.status = .feasible
            result.objective = incumbent.objective
            result.values = incumbent.values
        }
        // The bound can never be on the wrong side of a known solution.
        if let objective = result.objective, let current = result.bound {
            result.bound = model.direction == .maximize ? max(current, objective) : min(current, objective)
        }
        return result
    }

    // MARK: Helpers

    private func isBetter(_ objective: Double, than other: Double) -> Bool {
        model.direction == .maximize ? objective > other : objective < other
    }

    /// Reads one value per column through `read` (1-based), integer columns rounded to integers.
    private func columnValues(_ read: (Int32) -> Double) -> [Double] {
        model.columns.enumerated().map { index, column in
            let value = read(Int32(index + 1))
            return column.isIntegral ? value.rounded() + 0 : value
        }
    }

    private var messageLevel: Int32 { options.verbose ? GLP_MSG_ON : GLP_MSG_OFF }

    /// Seconds left before the time limit; nil without a limit.
    private var remainingSeconds: Double? {
        guard let limit = options.timeLimit, limit.isFinite else { return nil }
        return limit - (clock.now - start).inSeconds
    }

    /// The time left as GLPK's `tm_lim` (at least 1 ms); nil without a limit.
    private var remainingMilliseconds: Int32? {
        guard let remaining = remainingSeconds else { return nil }
        let milliseconds = (remaining * 1000).rounded(.up)
        return Int32(max(1, min(milliseconds, Double(Int32.max - 1))))
    }
}

/// GLPK's return and status codes in words.
enum GLPKCodes {
    static func describe(_ code: Int32) -> String {
        switch code {
        case 0: "success"
        case GLP_EBADB: "invalid initial basis (GLP_EBADB)"
        case GLP_ESING: "singular basis matrix (GLP_ESING)"
        case GLP_ECOND: "ill-conditioned basis matrix (GLP_ECOND)"
        case GLP_EBOUND: "incorrect bounds (GLP_EBOUND)"
        case GLP_EFAIL: "the solver failed (GLP_EFAIL)"
        case GLP_EOBJLL: "objective lower limit reached (GLP_EOBJLL)"
        case GLP_EOBJUL: "objective upper limit reached (GLP_EOBJUL)"
        case GLP_EITLIM: "iteration limit exceeded (GLP_EITLIM)"
        case GLP_ETMLIM: "time limit exceeded (GLP_ETMLIM)"
        case GLP_ENOPFS: "no primal feasible solution (GLP_ENOPFS)"
        case GLP_ENODFS: "no dual feasible solution (GLP_ENODFS)"
        case GLP_EROOT: "no optimal basis for the root LP relaxation (GLP_EROOT)"
        case GLP_ESTOP: "search terminated (GLP_ESTOP)"
        case GLP_EMIPGAP: "relative gap tolerance reached (GLP_EMIPGAP)"
        default: "GLPK error code \(code)"
        }
    }

    static func describeStatus(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: "undefined"
        case GLP_FEAS: "feasible"
        case GLP_INFEAS: "infeasible"
        case GLP_NOFEAS: "no feasible solution"
        case GLP_OPT: "optimal"
        case GLP_UNBND: "unbounded"
        default: "status \(status)"
        }
    }
}

import CGLPK

/// The state that GLPK's branch-and-cut callback works on during one `glp_intopt` call.
///
/// Lives on the solving thread only: it is passed to GLPK as `cb_info` (an unretained
/// `Unmanaged` pointer, kept alive by the caller for the duration of `glp_intopt`).
final class BranchAndCutContext {
    private let direction: ObjectiveDirection
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let progress: (@Sendable (SolveProgress) -> Void)?

    /// The starting solution, 1-based as `glp_ios_heur_sol` wants it (element 0 unused).
    private let incumbent: [Double]?
    private var incumbentOffered = false
    /// Whether GLPK accepted the offered incumbent (nil: never offered, e.g. the root LP was integral).
    private(set) var incumbentAccepted: Bool?

    /// The best bound seen on the tree (for maximising, the smallest upper bound).
    private(set) var bestBound: Double?
    /// The objective of the best incumbent seen.
    private(set) var bestIncumbent: Double?

    /// When the solve's time is up: GLPK checks its own `tm_lim` only between subproblems, and
    /// a round of cuts or a long LP at one node can take seconds past it; the callback stops
    /// the search at its next call after this instant.
    var deadline: ContinuousClock.Instant?
    /// Whether the callback stopped the search at `deadline`.
    private(set) var stoppedAtDeadline = false

    private var lastReport: ContinuousClock.Instant
    private var lastBoundSample: ContinuousClock.Instant

    private static let reportInterval = Duration.seconds(1)
    private static let boundSampleInterval = Duration.milliseconds(100)

    init(
        direction: ObjectiveDirection,
        start: ContinuousClock.Instant,
        incumbent: [Double]?,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) {
        self.direction = direction
        self.start = start
        self.incumbent = incumbent.map { [0] + $0 }
        self.progress = progress
        lastReport = start
        lastBoundSample = start
    }

    /// Handles one callback from GLPK.
    func handle(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        let now = clock.now

        // GLPK asks for heuristic solutions after solving each node's LP when its solution is
        // fractional. The incumbent is offered once. glp_ios_heur_sol only checks that integer
        // columns are integral and that the objective beats the current incumbent: it does NOT
        // check bounds or rows, and would adopt an infeasible point as the incumbent (and prune
        // with it). So the caller offers only a point it has checked itself.
        if reason == GLP_IHEUR, !incumbentOffered, let incumbent {
            incumbentOffered = true
            incumbentAccepted = incumbent.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
        }

        if reason == GLP_ISELECT || reason == GLP_IBINGO || now - lastBoundSample >= Self.boundSampleInterval {
            sampleBound(tree)
            lastBoundSample = now
        }

        // A new incumbent: from the tree (GLP_IBINGO) or from a heuristic (ours, the feasibility
        // pump, proximity search), which stores it without a GLP_IBINGO callback.
        var improved = false
        let problem = glp_ios_get_prob(tree)
        let status = glp_mip_status(problem)
        if status == GLP_FEAS || status == GLP_OPT {
            let objective = glp_mip_obj_val(problem)
            if objective.isFinite, bestIncumbent.map({ isBetter(objective, than: $0) }) ?? true {
                bestIncumbent = objective
                improved = true
            }
        }

        if let progress, improved || now - lastReport >= Self.reportInterval {
            lastReport = now
            progress(SolveProgress(incumbent: bestIncumbent, bound: bestBound, seconds: (now - start).inSeconds))
        }

        if let deadline, now >= deadline, !stoppedAtDeadline {
            stoppedAtDeadline = true
            glp_ios_terminate(tree)
        }
    }

    /// Folds the best local bound of the active subproblems into `bestBound`. The bound of the
    /// best active node is a valid global bound at any callback: the node being processed stays
    /// in the active list until it is branched on or pruned.
    private func sampleBound(_ tree: OpaquePointer) {
        let node = glp_ios_best_node(tree)
        guard node != 0 else { return }
        let bound = glp_ios_node_bound(tree, node)
        // An unsolved root has bound ∓DBL_MAX.
        guard bound.isFinite, abs(bound) < 1e300 else { return }
        tighten(with: bound)
    }

    /// Keeps the tighter of `bestBound` and `bound`.
    func tighten(with bound: Double) {
        guard let current = bestBound else {
            bestBound = bound
            return
        }
        bestBound = direction == .maximize ? min(current, bound) : max(current, bound)
    }

    private func isBetter(_ objective: Double, than other: Double) -> Bool {
        direction == .maximize ? objective > other : objective < other
    }
}

/// The `@convention(c)` entry point GLPK calls; `info` is the unretained `BranchAndCutContext`.
func branchAndCutCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    Unmanaged<BranchAndCutContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
}

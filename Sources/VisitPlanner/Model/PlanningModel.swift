import MILP
import OrderedCollections
import VisitDomain

/// The mixed-integer model of one scenario: the MILP and, beside it, what every variable means,
/// so that the solution can be read back into a plan. Built by `ModelBuilder`, one rule at a time.
struct PlanningModel: Sendable {
    var milp: Model
    var candidates: [VisitCandidates]
    var timings: [TimingChoice] = []
    var rooms: [ResourceChoice] = []
    var routes: [ResourceChoice] = []
    var caterers: [ResourceChoice] = []
    var duties: [DutyChoice] = []
    var objective = LinearExpression()

    /// Σ of timing variables whose item `ref` runs at `timing`: 1 when the item runs then.
    var itemRuns: [ItemRef: OrderedDictionary<ItemTiming, LinearExpression>] = [:]
    /// Σ of timing variables by visit and (start, end): the host's busy span.
    var visitSpans: [Int: OrderedDictionary<Span, LinearExpression>] = [:]

    /// IT cover variables and the equipped meetings (room variables) that need them.
    var coverLinks: [(cover: Variable, meetings: [Variable])] = []
    /// What a replan keeps of the plan it replaces (empty from scratch).
    var baseline: ModelBaseline

    init(name: String, candidates: [VisitCandidates], baseline: ModelBaseline = ModelBaseline()) {
        self.milp = Model(name: name)
        self.candidates = candidates
        self.baseline = baseline
    }
}

/// A visit's overall `[start, end)`.
struct Span: Hashable, Sendable {
    var start: Int
    var end: Int
}

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
    /// Hotel bookings of the visits that stay overnight (rule 10).
    var bookings: [BookingChoice] = []
    var objective = LinearExpression()

    /// Σ of timing variables whose item `ref` runs at `timing`: 1 when the item runs then.
    var itemRuns: [ItemRef: OrderedDictionary<ItemTiming, LinearExpression>] = [:]
    /// Σ of timing variables by visit and (start, end): the host's busy span.
    var visitSpans: [Int: OrderedDictionary<Span, LinearExpression>] = [:]

    /// The staff each item needs at each start (technical, sales, guides per route), as the
    /// rules' equality rows demand them; read by the construction heuristic.
    var seats: [SeatKey: Seats] = [:]

    /// Each visit's rule-1 row (at most one timing), by visit index: its dual value in the LP
    /// relaxation prices the visit where the week is cut into days (`WholeWeekBound`).
    var onceRows: [Int: ConstraintRef] = [:]
    /// The weekly catering budget's row, when there is a budget and something costs.
    var budgetRow: ConstraintRef?

    /// The catering cost of the meals chosen (Σ cost × caterer variable).
    var cateringCost = LinearExpression()
    /// With a budget shared between day models: what the other days spend, a variable in the
    /// budget row whose bounds the caller fixes (at 0 the day may spend the whole budget).
    var spentElsewhere: Variable?

    /// IT cover variables and the equipped meetings (room variables) that need them.
    var coverLinks: [(cover: Variable, meetings: [Variable])] = []
    /// What a replan keeps of the plan it replaces (empty from scratch).
    var baseline: ModelBaseline

    init(name: String, candidates: [VisitCandidates], baseline: ModelBaseline = ModelBaseline(), keepsNames: Bool = true) {
        self.milp = Model(name: name, keepsNames: keepsNames)
        self.candidates = candidates
        self.baseline = baseline
    }

    /// Gives back the room the choice arrays and the MILP grew into while the rules added to
    /// them (`Array.withExactCapacity`): once built, a model only shrinks by being dropped.
    mutating func trimCapacity() {
        milp.trimCapacity()
        timings = timings.withExactCapacity()
        rooms = rooms.withExactCapacity()
        routes = routes.withExactCapacity()
        caterers = caterers.withExactCapacity()
        duties = duties.withExactCapacity()
    }
}

/// Names the staff places of one item at one start in one role (a guide's role names the route).
struct SeatKey: Hashable, Sendable {
    var item: ItemRef
    var start: Int
    var role: DutyRole
}

/// How many people fill the places, and the topics they must cover together (technical staff).
struct Seats: Sendable {
    var count: Int
    var topics: [String]
}

/// A visit's overall `[start, end)`.
struct Span: Hashable, Sendable {
    var start: Int
    var end: Int
}

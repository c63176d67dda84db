import MILP
import VisitDomain

/// Builds the planning model of a scenario: candidates first (rules 1–3 and static fit), then one
/// rule at a time, each in its own file under `Rules/`, then the objective.
struct ModelBuilder: Sendable {
    let scenario: Scenario
    var generator: CandidateGenerator
    /// False only to diagnose whether rule 9 keeps a visit out (see `UnscheduledExplainer`).
    var enforceITCover = true
    /// Visits to include (indexes); nil: all.
    var visitSubset: Set<Int>?
    /// Extra objective terms and fixings (replanning); applied last.
    var adjustments: [@Sendable (inout PlanningModel) -> Void] = []
    /// Whether the weekly catering budget is shared with other models (one model per day): its row
    /// then holds a variable for what the other days spend (see `PlanningModel.spentElsewhere`).
    var sharedBudget = false
    /// Whether the MILP keeps its variable and row names: needed to export the model, not to
    /// solve it (a large week builds faster and smaller without).
    var keepsNames = true
    /// Whether interchangeable people are ordered by the minutes they work (`StaffSymmetry`;
    /// never in a replan).
    var breaksStaffSymmetry = true

    init(scenario: Scenario, generator: CandidateGenerator? = nil) {
        self.scenario = scenario
        self.generator = generator ?? CandidateGenerator(scenario: scenario)
    }

    func build() -> PlanningModel {
        build(candidates: scenario.visits.indices.map { v in
            visitSubset.map { $0.contains(v) } ?? true
                ? generator.candidates(for: v) : VisitCandidates(visitIndex: v, timings: [], options: [])
        })
    }

    /// The model of the given candidates (one per visit, e.g. those of one day).
    func build(candidates: [VisitCandidates]) -> PlanningModel {
        var pm = PlanningModel(name: scenario.name, candidates: candidates, baseline: generator.baseline, keepsNames: keepsNames)
        let eligibility = generator.eligibility
        AgendaRule(scenario: scenario).apply(to: &pm)
        HostRule(scenario: scenario, eligibility: eligibility, calendar: generator.staffCalendar).apply(to: &pm)
        var itCover = ITCoverRule(scenario: scenario)
        itCover.enforced = enforceITCover
        let roomTypes = generator.roomTypes
        MeetingRule(scenario: scenario, roomTypes: roomTypes, eligibility: eligibility, itCover: itCover,
                    calendar: generator.staffCalendar).apply(to: &pm)
        TourRule(scenario: scenario, eligibility: eligibility, calendar: generator.staffCalendar).apply(to: &pm)
        MealRule(scenario: scenario, sharedBudget: sharedBudget).apply(to: &pm)
        HotelRule(scenario: scenario, eligibility: eligibility).apply(to: &pm)
        AvailabilityRule(scenario: scenario, roomTypes: roomTypes).apply(to: &pm)
        if breaksStaffSymmetry, pm.baseline.isEmpty { StaffSymmetry(scenario: scenario).apply(to: &pm) }
        itCover.apply(to: &pm)
        let terms = ObjectiveTerms(scenario: scenario)
        for choice in pm.timings {
            pm.objective.add(choice.variable, coefficient: terms.timingValue(scenario.visits[choice.visit], choice.timing))
        }
        if !pm.baseline.scheduled.isEmpty { BaselineTerms(scenario: scenario).apply(to: &pm) }
        if !pm.baseline.wanted.isEmpty || !pm.baseline.excludedPlacements.isEmpty { PlacementTerms(scenario: scenario).apply(to: &pm) }
        for adjust in adjustments { adjust(&pm) }
        pm.milp.setObjective(pm.objective, .maximize)
        pm.trimCapacity()
        return pm
    }
}

import MILP
import VisitDomain

/// Builds the planning model of a scenario: candidates first (rules 1–3 and static fit), then one
/// rule at a time, each in its own file under `Rules/`, then the objective.
struct ModelBuilder: Sendable {
    let scenario: Scenario
    var generator: CandidateGenerator
    /// Visits to include (indexes); nil: all.
    var visitSubset: Set<Int>?
    /// Extra objective terms and fixings (replanning); applied last.
    var adjustments: [@Sendable (inout PlanningModel) -> Void] = []

    init(scenario: Scenario, generator: CandidateGenerator? = nil) {
        self.scenario = scenario
        self.generator = generator ?? CandidateGenerator(scenario: scenario)
    }

    func build() -> PlanningModel {
        let candidates = scenario.visits.indices.map { v in
            visitSubset.map { $0.contains(v) } ?? true
                ? generator.candidates(for: v) : VisitCandidates(visitIndex: v, timings: [], options: [])
        }
        var pm = PlanningModel(name: scenario.name, candidates: candidates, baseline: generator.baseline)
        let eligibility = generator.eligibility
        AgendaRule(scenario: scenario).apply(to: &pm)
        HostRule(scenario: scenario, eligibility: eligibility).apply(to: &pm)
        let itCover = ITCoverRule(scenario: scenario)
        MeetingRule(scenario: scenario, eligibility: eligibility, itCover: itCover).apply(to: &pm)
        TourRule(scenario: scenario, eligibility: eligibility).apply(to: &pm)
        MealRule(scenario: scenario).apply(to: &pm)
        AvailabilityRule(scenario: scenario).apply(to: &pm)
        itCover.apply(to: &pm)
        let terms = ObjectiveTerms(scenario: scenario)
        for choice in pm.timings {
            pm.objective.add(choice.variable, coefficient: terms.timingValue(scenario.visits[choice.visit], choice.timing))
        }
        if !pm.baseline.scheduled.isEmpty { BaselineTerms(scenario: scenario).apply(to: &pm) }
        for adjust in adjustments { adjust(&pm) }
        pm.milp.setObjective(pm.objective, .maximize)
        return pm
    }
}

import VisitDomain
import VisitPlanner

/// The week an options search works in: the current plan, checked against the scenario, what of
/// it has started (frozen), and how a solve's plan is compared with it.
struct OptionsSetting: Sendable {
    /// The scenario without the requests the plan has not seen, but for the visit asked about.
    let scenario: Scenario
    let current: Plan
    /// The visit asked about.
    let visit: String
    /// Items that started before the scenario's `now`: kept exactly.
    let frozen: Set<ItemKey>
    /// Visits an earlier replan cancelled (still listed, unscheduled, in the plan), with their reasons.
    let cancelled: [String: [String]]
    /// The current plan's score (FORMAT.md's objective without replanning terms).
    let scoreBefore: Double

    /// Checks that `current` belongs to `scenario` and breaks no hard rule; throws with the plan
    /// file's field paths otherwise. Requests the plan does not list yet (saved since it was made)
    /// are left out of the week, except the one asked about.
    init(scenario full: Scenario, current: Plan, visit: String, planFile: String) throws(VisitOptionsError) {
        var scenario = full
        scenario.visits.removeAll { $0.id != visit && current.visit($0.id) == nil }
        var known = scenario
        if current.visit(visit) == nil { known.visits.removeAll { $0.id == visit } }
        let checked: CurrentPlanCheck
        do {
            checked = try CurrentPlanCheck(scenario: known, plan: current, file: planFile)
        } catch {
            throw .invalid(error.issues)
        }
        self.scenario = scenario
        self.current = current
        self.visit = visit
        self.frozen = checked.frozen
        self.cancelled = checked.cancelled
        self.scoreBefore = ScoreCalculator(scenario: known).score(of: current)
    }

    /// What the checker knows of the current plan when it checks an option or a way in (the
    /// replanning terms, frozen items and cancelled visits, as `visitplan check --baseline`).
    var context: ReplanContext {
        ReplanContext(baseline: current, frozen: frozen, cancelledVisits: Set(cancelled.keys))
    }

    /// The visits the plan leaves out, other than the one asked about: they stay out of every solve.
    var otherUnscheduled: Set<String> {
        Set(scenario.visits.map(\.id).filter { $0 != visit && current.visit($0)?.scheduled != true })
    }

    /// The baseline of a solve: the current plan, the visit asked about wanted, the other visits
    /// left out kept out; nothing pinned yet.
    var baseline: PlanBaseline {
        var baseline = PlanBaseline(plan: current, frozen: frozen, excluded: otherUnscheduled, cancelledVisits: cancelled)
        baseline.wanted = [visit]
        return baseline
    }

    /// The baseline with every scheduled visit pinned: only the visit asked about may change.
    var pinnedBaseline: PlanBaseline {
        var baseline = self.baseline
        baseline.pinned = Set(scenario.visits.map(\.id).filter { $0 != visit && current.visit($0)?.scheduled == true })
        return baseline
    }

    /// The week's score of `plan` (FORMAT.md's objective without replanning terms).
    func score(_ plan: Plan) -> Double { ScoreCalculator(scenario: scenario).score(of: plan) }

    /// The replanning terms of `plan` against the current plan (moved items, changed resources
    /// and people, dropped visits): ≤ 0.
    func disruption(_ plan: Plan) -> Double {
        ScoreCalculator(scenario: scenario, replan: context).score(of: plan) - score(plan)
    }

    /// Whether `plan` passes the independent checker against the current plan.
    func passesChecker(_ plan: Plan) -> Bool { PlanChecker(scenario: scenario, replan: context).check(plan).isValid }

    /// Whether every visit but the one asked about is in `plan` exactly as in the current plan
    /// (times, rooms, routes, caterers, people, host; or left out).
    func othersUnchanged(_ plan: Plan) -> Bool {
        scenario.visits.allSatisfy { visit in
            visit.id == self.visit || Self.samePlacement(current.visit(visit.id), plan.visit(visit.id))
        }
    }

    static func samePlacement(_ a: PlannedVisit?, _ b: PlannedVisit?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.scheduled, b.scheduled else { return a.scheduled == b.scheduled }
        guard a.start == b.start, a.end == b.end, a.host == b.host else { return false }
        let x = a.itemsByAgendaIndex, y = b.itemsByAgendaIndex
        guard Set(x.keys) == Set(y.keys) else { return false }
        return x.allSatisfy { index, i in
            guard let j = y[index] else { return false }
            return i.start == j.start && i.end == j.end && i.room == j.room && i.route == j.route && i.caterer == j.caterer
                && Set(i.people) == Set(j.people)
        }
    }
}

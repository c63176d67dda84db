import Foundation
import MILP
import VisitDomain
import VisitPlanner

/// The cheapest way in for a visit that fits nowhere as the week stands: the visit is wanted (a
/// bonus larger than anything else in the week) and solved like a replan, so every move of
/// another visit costs its replanning terms and the cheapest set of moves wins. Smallest
/// neighbourhood first, as the replanner widens: the visits its reasons name as in its way moving
/// in time on their day (keeping host, rooms and people), then those visits free, then every
/// visit of the days its window touches, then the whole week. Once a way in is found, wider
/// neighbourhoods are tried only within the answer time. Other visits left out stay out.
struct WayInSearch {
    let setting: OptionsSetting
    /// The scheduled visits its reasons name as holding what it needs (none under way).
    let inTheWay: Set<String>
    let settings: VisitOptionsSettings
    let clock: ContinuousClock.Instant

    struct Result {
        var wayIn: WayIn?
        var solves: [OptionsSolve] = []
        var note: String?
    }

    func run() throws(VisitOptionsError) -> Result {
        var result = Result()
        var best: (plan: Plan, area: String, proven: Bool, value: Double)?
        var last: (seconds: Double, free: Int)?
        for (name, area) in areas() {
            let free = area.freeCount(in: setting.scenario)
            var remaining = settings.timeLimit - elapsed
            if best != nil {
                // Within the answer time, less what building the wider model and reading its plan
                // take (the solver's limit does not bound them): its last solve, grown with the free visits.
                let expected = last.map { $0.seconds * (Double(free) / Double(max(1, $0.free))).squareRoot() } ?? 0
                let budget = settings.answerSeconds - elapsed - max(Self.overhead, expected / 2)
                guard budget >= Self.overhead, elapsed + expected < settings.answerSeconds else { break }
                remaining = min(remaining, budget)
            }
            guard remaining > 0.05 else { break }
            var baseline = area.baseline(from: setting.baseline, scenario: setting.scenario, plan: setting.current)
            baseline.excluded.formUnion(setting.otherUnscheduled)
            baseline.pinned.subtract([setting.visit])
            let started = elapsed
            let outcome = try solve(baseline, timeLimit: remaining)
            let placed = outcome.plan.visit(setting.visit)?.scheduled == true
            last = (elapsed - started, free)
            result.solves.append(OptionsSolve(name: "way in: " + name, seconds: (elapsed - started).rounded(toPlaces: 3), placed: placed))
            guard placed, setting.passesChecker(outcome.plan) else { continue }
            let value = setting.score(outcome.plan) + setting.disruption(outcome.plan)
            if best.map({ value > $0.value + 1e-6 }) ?? true {
                let proven = outcome.termination == .optimal || outcome.termination == .gapReached
                best = (outcome.plan, name, proven, value)
            }
        }
        guard let best else {
            result.note = "no way in found within \(ScoreText.format(settings.timeLimit)) s ("
                + result.solves.map(\.name).joined(separator: "; ") + ")"
            return result
        }
        result.wayIn = wayIn(best.plan, area: best.area, proven: best.proven)
        return result
    }

    /// The neighbourhoods, smallest first, each with the name the answer gives it.
    private func areas() -> [(String, Neighbourhood)] {
        var applied = AppliedEvents(scenario: setting.scenario)
        applied.frozen = setting.frozen
        let ladder = NeighbourhoodLadder(applied: applied, plan: setting.current)
        var list: [(String, Neighbourhood)] = []
        if !inTheWay.isEmpty {
            list.append(("the visits in its way (\(inTheWay.sorted().joined(separator: ", "))) moving on their day",
                         Neighbourhood(stage: .shiftedBlockers, free: [setting.visit], shiftable: inTheWay)))
            list.append(("the visits in its way free to change", Neighbourhood(stage: .blockers, free: inTheWay.union([setting.visit]))))
        }
        let days = ladder.days(around: [setting.visit])
        if case .days(let dates) = days.stage, !dates.isEmpty {
            list.append(("every visit of " + dates.map(\.description).joined(separator: ", "), days))
        }
        list.append(("the whole week", .wholeWeek))
        return list
    }

    /// The way in of `plan`: the visit's placement, the scores, and each other visit's changes.
    private func wayIn(_ plan: Plan, area: String, proven: Bool) -> WayIn {
        var applied = AppliedEvents(scenario: setting.scenario)
        applied.frozen = setting.frozen
        let report = ChangeReport(before: setting.current, after: plan, oldScenario: setting.scenario,
                                  newScenario: setting.scenario, applied: applied)
        var full = plan
        full.changes = report.changes
        full.notify = report.notifications
        let after = setting.score(plan)
        let disruption = setting.disruption(plan)
        var without = plan
        if let k = without.visits.firstIndex(where: { $0.id == setting.visit }) {
            without.visits[k] = .unscheduled(setting.visit, reasons: ["left out to measure its share"])
        }
        let own = after - setting.score(without)
        let moves: [VisitMove] = setting.scenario.visits.compactMap { visit in
            guard visit.id != setting.visit else { return nil }
            let changes = report.changes.filter { $0.visit == visit.id }
            guard !changes.isEmpty, let old = setting.current.visit(visit.id) else { return nil }
            let new = plan.visit(visit.id)
            return VisitMove(visit: visit.id, dropped: new?.scheduled != true, from: Self.span(old),
                             to: new.flatMap { $0.scheduled ? Self.span($0) : nil }, changes: changes)
        }
        let placement = PlacementOption(rank: 1, planned: plan.visit(setting.visit)!, score: after, before: setting.scoreBefore)!
        return WayIn(placement: placement, scoreBefore: setting.scoreBefore.rounded(toPlaces: 4), scoreAfter: after.rounded(toPlaces: 4),
                     disruption: disruption.rounded(toPlaces: 4),
                     scoreDelta: (after + disruption - setting.scoreBefore).rounded(toPlaces: 4),
                     restOfWeekDrop: (setting.scoreBefore - (after - own) - disruption).rounded(toPlaces: 4),
                     moves: moves, neighbourhood: area, provenInNeighbourhood: proven, plan: full)
    }

    /// Seconds kept for building a wider model and checking its plan, beyond its solve.
    static let overhead = 0.15

    static func span(_ visit: PlannedVisit) -> String? {
        guard let start = visit.start, let end = visit.end else { return nil }
        return TimeInterval(start: start, end: end).description
    }

    private var elapsed: Double { (ContinuousClock.now - clock) / .seconds(1) }

    private func solve(_ baseline: PlanBaseline, timeLimit: Double) throws(VisitOptionsError) -> PlanningOutcome {
        do {
            return try Planner(scenario: setting.scenario).plan(
                options: PlannerOptions(timeLimit: timeLimit, relativeGap: 1e-7, strategy: .monolithic, threads: 1), baseline: baseline)
        } catch {
            throw .planner(error.description)
        }
    }
}

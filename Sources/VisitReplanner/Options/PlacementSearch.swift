import Foundation
import VisitDomain
import VisitPlanner

/// The best distinct placements of one visit with every other visit pinned as planned: GLPK finds
/// the best, then the best but that one (a no-good cut on its start, meeting rooms and host), and
/// so on, each solved to optimality (gap 0), so the options come out best first and exact. The
/// visit carries a bonus in the model (`PlanBaseline.wanted`) so that even a placement that
/// lowers the week's score is offered rather than leaving the visit out.
struct PlacementSearch {
    let setting: OptionsSetting
    let settings: VisitOptionsSettings
    let clock: ContinuousClock.Instant

    /// The options found, the solves made, and, when none fits, the visit's entry from the last
    /// solve (unscheduled, with its reasons against the current plan).
    struct Result {
        var options: [PlacementOption] = []
        var solves: [OptionsSolve] = []
        var unplaced: PlannedVisit?
    }

    func run() throws(VisitOptionsError) -> Result {
        var result = Result()
        var excluded: [PlacementKey] = []
        while result.options.count < settings.count {
            let remaining = settings.timeLimit - elapsed
            guard remaining > 0.05 || excluded.isEmpty else { break }
            var baseline = setting.pinnedBaseline
            baseline.excludedPlacements = excluded
            let started = elapsed
            let outcome = try solve(baseline, timeLimit: max(0.05, remaining))
            let planned = outcome.plan.visit(setting.visit)
            let name = excluded.isEmpty ? "options: the best placement" : "options: the best but \(excluded.count) found"
            result.solves.append(OptionsSolve(name: name, seconds: (elapsed - started).rounded(toPlaces: 3),
                                              placed: planned?.scheduled == true))
            guard let planned, planned.scheduled, let key = PlacementKey(planned), !excluded.contains(key) else {
                if result.options.isEmpty { result.unplaced = planned }
                break
            }
            excluded.append(key)
            // Never offer an option that moves anyone else or whose plan fails the checker (neither is expected).
            guard setting.othersUnchanged(outcome.plan),
                  let option = PlacementOption(rank: result.options.count + 1, planned: planned, score: setting.score(outcome.plan),
                                               before: setting.scoreBefore),
                  setting.passesChecker(option.applied(to: setting.current, in: setting.scenario)) else { continue }
            result.options.append(option)
        }
        result.options.sort { ($0.score, $1.start, $1.host) > ($1.score, $0.start, $0.host) }
        for k in result.options.indices { result.options[k].rank = k + 1 }
        return result
    }

    private var elapsed: Double { (ContinuousClock.now - clock) / .seconds(1) }

    private func solve(_ baseline: PlanBaseline, timeLimit: Double) throws(VisitOptionsError) -> PlanningOutcome {
        do {
            return try Planner(scenario: setting.scenario).plan(
                options: PlannerOptions(timeLimit: timeLimit, relativeGap: 0, strategy: .monolithic, threads: 1), baseline: baseline)
        } catch {
            throw .planner(error.description)
        }
    }
}

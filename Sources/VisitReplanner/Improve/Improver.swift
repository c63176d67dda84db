import Foundation
import VisitDomain
import VisitPlanner

/// Looks for a better week near the current plan, to offer the coordinator as a proposal rather
/// than impose it: a visit left out that now fits, a better host, a cheaper caterer.
///
/// A large-neighbourhood search on the replanner's machinery: each step frees one neighbourhood
/// (the visits left out; a day's visits with the left-out visits that could come that day; two
/// consecutive days) and re-solves it with the rest of the incumbent pinned, the score including
/// the replanning terms (so a change must pay for the disruption it causes). A step is kept only
/// if the checker's score against the current plan rises. Passes repeat until the time limit or a
/// pass that improves nothing. Items that started before the scenario's `now`, and every visit
/// under way, never move. The proposal passes the independent checker before it is returned.
public struct Improver: Sendable {
    public let scenario: Scenario
    public let current: Plan
    /// Names the plan file in messages.
    public var planFile: String

    public init(scenario: Scenario, current: Plan, planFile: String = "plan") {
        self.scenario = scenario; self.current = current; self.planFile = planFile
    }

    public func improve(options: ImproveOptions = .init()) throws(ImprovementError) -> ImprovementOutcome {
        let clock = ContinuousClock.now
        let (frozen, context, currentScore) = try start()
        var search = ImprovementSearch(scenario: scenario, current: current, frozen: frozen, context: context,
                                       score: currentScore, options: options, clock: clock)
        search.run()
        let seconds = search.elapsed.rounded(toPlaces: 3)
        guard search.score > currentScore, search.incumbent != current else {
            return ImprovementOutcome(proposal: nil, currentScore: currentScore, seconds: seconds, steps: search.steps)
        }
        let proposal = try proposal(search.incumbent, frozen: frozen, context: context, oldScore: currentScore, seconds: seconds)
        return ImprovementOutcome(proposal: proposal, currentScore: currentScore, seconds: seconds, steps: search.steps)
    }

    /// Checks the current plan against the scenario and returns what is frozen, the checker's
    /// context and the current plan's score.
    private func start() throws(ImprovementError) -> (Set<ItemKey>, ReplanContext, Double) {
        // Visits an earlier replan cancelled stay in its plan, unscheduled, though the scenario after
        // it has them no more; the proposal leaves them out, as the next replan would.
        do {
            let checked = try CurrentPlanCheck(scenario: scenario, plan: current, file: planFile)
            return (checked.frozen, checked.context, checked.report.score)
        } catch {
            throw .invalid(error.issues)
        }
    }

    /// The incumbent as a proposal: changes and whom to tell against the current plan, the score
    /// against it, and a last check by the independent checker.
    private func proposal(_ incumbent: Plan, frozen: Set<ItemKey>, context: ReplanContext, oldScore: Double,
                          seconds: Double) throws(ImprovementError) -> ImprovementProposal {
        var plan = incumbent
        var applied = AppliedEvents(scenario: scenario)
        applied.frozen = frozen
        let report = ChangeReport(before: current, after: plan, oldScenario: scenario, newScenario: scenario, applied: applied)
        plan.changes = report.changes
        plan.notify = report.notifications
        plan.status = .feasible
        let checker = PlanChecker(scenario: scenario, replan: context)
        plan.score = checker.check(plan).score.rounded(toPlaces: 4)
        plan.bound = max(plan.score, current.bound)
        plan.solveSeconds = seconds
        let verdict = checker.check(plan)
        guard verdict.isValid else { throw .invalidPlan(verdict.violations.map(\.description)) }
        let added = scenario.visits.map(\.id).filter { current.visit($0)?.scheduled != true && plan.visit($0)?.scheduled == true }
        let dropped = scenario.visits.map(\.id).filter { current.visit($0)?.scheduled == true && plan.visit($0)?.scheduled != true }
        return ImprovementProposal(plan: plan, oldScore: oldScore, newScore: plan.score, addedVisits: added,
                                   droppedVisits: dropped, context: context)
    }
}

/// Settings of an improvement search.
public struct ImproveOptions: Sendable {
    /// Seconds for the whole search; the best plan found by then is proposed.
    public var timeLimit: Double
    /// The relative gap at which each neighbourhood's solve stops.
    public var relativeGap: Double
    /// Threads for each solve (at least 1).
    public var threads: Int
    /// Visits that stay unscheduled whatever room the search finds: saved requests waiting for a
    /// coordinator to accept them (only an accept places a request).
    public var held: Set<String>

    public init(timeLimit: Double = 20, relativeGap: Double = 1e-4, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                held: Set<String> = []) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.threads = max(1, threads); self.held = held
    }
}

import Foundation
import VisitDomain
import VisitPlanner

/// The passes of an improvement search (see `Improver`, `ImprovementAreas`): the visits left out,
/// each with the visits in its way, then day after day (a large day in groups) while a pass
/// improves the incumbent; when a pass finds nothing, pairs of consecutive days; when those find
/// nothing either, the search has converged. Neighbourhoods that GLPK
/// proved optimal as they stand are not solved again until the incumbent changes.
struct ImprovementSearch {
    let scenario: Scenario
    let current: Plan
    let frozen: Set<ItemKey>
    let context: ReplanContext
    /// The best plan so far and its checker score against the current plan.
    private(set) var incumbent: Plan
    private(set) var score: Double
    let options: ImproveOptions
    let clock: ContinuousClock.Instant
    private(set) var steps: [ImprovementStep] = []
    /// Areas proven to hold nothing better since the incumbent last changed.
    private var settled: Set<ImprovementArea> = []

    init(scenario: Scenario, current: Plan, frozen: Set<ItemKey>, context: ReplanContext, score: Double,
         options: ImproveOptions, clock: ContinuousClock.Instant) {
        self.scenario = scenario; self.current = current; self.frozen = frozen; self.context = context
        self.incumbent = current; self.score = score; self.options = options; self.clock = clock
    }

    var elapsed: Double { (ContinuousClock.now - clock) / .seconds(1) }
    private var timeIsUp: Bool { options.timeLimit - elapsed <= 0.05 }

    mutating func run() {
        let areas = ImprovementAreas(scenario: scenario, underway: Set(frozen.map(\.visit)), held: options.held)
        var round = 0
        var list = [areas.leftOutArea(incumbent)].compactMap { $0 } + areas.conflictAreas(incumbent) + areas.dayAreas(incumbent)
        var pairs = false
        while !timeIsUp {
            if pass(list) {
                // Something moved: the left-out visits and their rivals again, then the days, groups shifted.
                round += 1
                list = areas.conflictAreas(incumbent) + areas.dayAreas(incumbent, round: round)
                pairs = false
            } else if !pairs {
                // Nothing moved within a day: let visits change day, two days at a time.
                list = areas.dayPairAreas(incumbent)
                pairs = true
            } else {
                return
            }
        }
    }

    /// Solves each area not yet settled, each with its share of the time left; true when one improved.
    private mutating func pass(_ list: [ImprovementArea]) -> Bool {
        let open = list.filter { !settled.contains($0) }
        var improved = false
        for (k, area) in open.enumerated() {
            guard !timeIsUp else { break }
            let remaining = options.timeLimit - elapsed
            let share = min(remaining, max(0.5, remaining / Double(open.count - k)))
            if solve(area, timeLimit: share) { improved = true }
        }
        return improved
    }

    /// One neighbourhood: re-solved with the rest of the incumbent pinned, kept if the checker's
    /// score against the current plan rises.
    private mutating func solve(_ area: ImprovementArea, timeLimit: Double) -> Bool {
        let started = ContinuousClock.now
        var step = ImprovementStep(name: area.name, freeVisits: area.free.count, seconds: 0, score: score, improved: false)
        defer {
            step.seconds = ((ContinuousClock.now - started) / .seconds(1)).rounded(toPlaces: 3)
            steps.append(step)
        }
        let outcome: PlanningOutcome
        do {
            let baseline = area.baseline(incumbent: incumbent, scenario: scenario, frozen: frozen)
            outcome = try Planner(scenario: scenario).plan(
                options: PlannerOptions(timeLimit: timeLimit, relativeGap: options.relativeGap, threads: options.threads),
                baseline: baseline)
        } catch {
            step.failure = error.description
            return false
        }
        let report = PlanChecker(scenario: scenario, replan: context).check(outcome.plan)
        // The plan's own score is measured against the incumbent; only the rules count here.
        let valid = report.violations.allSatisfy { $0.category == .score }
        guard valid, report.score > score + 1e-6 * max(1, abs(score)) else {
            if valid, outcome.termination == .optimal || outcome.termination == .gapReached { settled.insert(area) }
            return false
        }
        incumbent = outcome.plan
        score = report.score
        settled = []
        step.improved = true
        step.score = score
        return true
    }
}

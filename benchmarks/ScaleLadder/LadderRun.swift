import Foundation
import MILP
import ScenarioGenerator
import VisitDomain
import VisitPlanner

/// Plans one week in this process and measures it: the child's side of the ladder.
enum LadderRun {
    /// A generated week of `visits` visits at `sites` sites.
    static func generated(visits: Int, seed: UInt64, tight: Bool, sites: Int = 1, settings: Settings) -> LadderRow {
        let scenario = ScenarioGenerator(visits: visits, seed: seed, tight: tight, sites: sites).scenario()
        return plan(scenario, label: sites > 1 ? "\(visits) (\(sites) sites)" : "\(visits)", settings: settings)
    }

    /// The scenario in the file at `path`.
    static func file(_ path: String, settings: Settings) -> LadderRow {
        let label = (path as NSString).lastPathComponent
        do {
            return plan(try ScenarioLoader.load(path: path), label: label, settings: settings)
        } catch {
            return .failed(label, visits: 0, status: "input error", message: String(describing: error))
        }
    }

    /// The solver's limits for every week of a ladder.
    struct Settings: Sendable {
        var timeLimit: Double
        var relativeGap: Double
        var strategy: PlanningStrategy = .automatic
        var search = SearchSettings()
        /// `PlannerOptions.memoryLimitMiB`.
        var memoryLimitMiB: Int?
    }

    static func plan(_ scenario: Scenario, label: String, settings: Settings) -> LadderRow {
        let clock = FirstPlanClock()
        var options = PlannerOptions(timeLimit: settings.timeLimit, relativeGap: settings.relativeGap, progress: { progress in
            if let score = progress.bestScore { clock.mark(score: score, bound: progress.bound) }
        }, strategy: settings.strategy)
        options.search = settings.search
        options.memoryLimitMiB = settings.memoryLimitMiB
        var row = LadderRow(label: label, visits: scenario.visits.count, status: "error")
        row.strategy = settings.strategy.rawValue
        do {
            let outcome = try Planner(scenario: scenario).plan(options: options)
            row.finalSeconds = clock.elapsed
            row.firstPlanSeconds = clock.firstPlanSeconds
            row.trace = clock.trace
            let report = PlanChecker(scenario: scenario).check(outcome.plan)
            row.timings = outcome.statistics.timings
            row.variables = outcome.statistics.variables
            row.rows = outcome.statistics.rows
            row.status = outcome.plan.status.rawValue
            row.scheduled = outcome.plan.totals.scheduled
            row.score = outcome.plan.score
            row.bound = outcome.plan.bound
            row.modelObjective = outcome.modelObjective
            row.accepted = report.isValid
            row.violations = report.violations.count
            if !report.isValid { row.message = report.violations.prefix(3).map(\.description).joined(separator: "; ") }
        } catch {
            row.finalSeconds = clock.elapsed
            row.message = error.description
            if case .invalidPlan(let violations) = error {
                row.accepted = false
                row.violations = violations.count
            }
        }
        row.peakMemoryMiB = ProcessUsage.peakMebibytes()
        row.cpuSeconds = ProcessUsage.cpuSeconds()
        return row
    }
}

/// Times a planning call and every better plan or bound reported during it (reports may come
/// from any thread).
final class FirstPlanClock: @unchecked Sendable {
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var points: [LadderRow.TracePoint] = []

    func mark(score: Double, bound: Double?) {
        let now = elapsed
        lock.lock()
        defer { lock.unlock() }
        if let last = points.last, score <= last.score, (bound ?? .infinity) >= (last.bound ?? .infinity) { return }
        points.append(.init(seconds: now, score: score, bound: bound))
    }

    var firstPlanSeconds: Double? {
        lock.lock()
        defer { lock.unlock() }
        return points.first?.seconds
    }

    /// Each improvement: when, and the score then.
    var trace: [LadderRow.TracePoint] {
        lock.lock()
        defer { lock.unlock() }
        return points
    }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

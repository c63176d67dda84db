import Foundation
import Synchronization
import VisitDomain
import VisitPlanner

/// A what-if file read and checked: the base scenario and every variant applied to a copy of it,
/// each one a valid scenario ready to plan. `run` plans them all, in parallel, and compares.
public struct WhatIfStudy: Sendable {
    public var file: WhatIfFile
    public var base: Scenario
    /// The base scenario's document tree, as read.
    public var baseDocument: DocumentValue
    public var variants: [ScenarioVariant]

    /// Reads the what-if file at `path`, its base scenario, and applies every variant.
    /// Every problem of every variant is reported at once.
    /// - Parameter defaultNow: the planning moment when the base has no `now` (default: the clock).
    public static func load(path: String, defaultNow: LocalDateTime? = nil) throws(ScenarioError) -> WhatIfStudy {
        try WhatIfStudy(file: WhatIfLoader.load(path: path), defaultNow: defaultNow)
    }

    /// Reads the base scenario named by `file` and applies every variant.
    public init(file: WhatIfFile, defaultNow: LocalDateTime? = nil) throws(ScenarioError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.basePath, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let message = "the base scenario \(file.basePath) does not exist (a relative base is read from the what-if file's folder)"
            throw .invalid([ValidationIssue(file: file.file, path: "base", message: message)])
        }
        try self.init(file: file, baseDocument: DocumentValue.load(path: file.basePath), defaultNow: defaultNow)
    }

    /// Applies every variant to a base scenario already read (`file.basePath` then only names it in messages).
    public init(file: WhatIfFile, baseDocument: DocumentValue, defaultNow: LocalDateTime? = nil) throws(ScenarioError) {
        let base = try ScenarioLoader.decode(baseDocument, file: file.basePath, defaultNow: defaultNow)
        let applier = VariantApplier(whatIf: file, baseDocument: baseDocument, base: base)
        var variants: [ScenarioVariant] = []
        var issues: [ValidationIssue] = []
        for variant in file.variants {
            switch applier.apply(variant) {
            case .success(let applied): variants.append(applied)
            case .failure(let error): issues += error.issues
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        self.file = file
        self.base = base
        self.baseDocument = baseDocument
        self.variants = variants
    }

    /// Plans the base and every variant, at most `options.jobs` at once, and compares each variant
    /// with the base. A run whose planning fails is reported with its error; the others still count.
    public func run(options: WhatIfOptions = .init()) -> WhatIfResult {
        let start = ContinuousClock.now
        let names = ["base"] + variants.map(\.name)
        let scenarios = [base] + variants.map(\.scenario)
        let total = scenarios.count
        let finishedCount = FinishedCounter()
        let progress = options.progress
        let pool = PlanningPool(jobs: options.jobs, options: PlannerOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap,
                                                                            threads: options.threadsPerRun))
        let runs = pool.plan(scenarios) { index, run in
            finishedCount.increment { finished in
                progress?(WhatIfProgress(name: names[index], finished: finished, total: total, run: run))
            }
        }
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let basePlan = try? runs[0].outcome.get().plan
        var summaries = [RunSummary(name: "base", description: nil, isBase: true, notes: [], scenario: base, run: runs[0], basePlan: nil)]
        for (variant, run) in zip(variants, runs.dropFirst()) {
            summaries.append(RunSummary(name: variant.name, description: variant.description, isBase: false, notes: variant.notes,
                                        scenario: variant.scenario, run: run, basePlan: basePlan))
        }
        let comparison = WhatIfComparison(whatIf: file.file, base: file.basePath, jobs: max(1, options.jobs),
                                          wallSeconds: (wall * 1000).rounded() / 1000, runs: summaries)
        let completed = zip(zip(names, [baseDocument] + variants.map(\.document)), zip(scenarios, runs)).map {
            CompletedRun(name: $0.0, document: $0.1, scenario: $1.0, plan: try? $1.1.outcome.get().plan)
        }
        return WhatIfResult(comparison: comparison, runs: completed)
    }
}

/// A variant applied to the base: its scenario, ready to plan, and notes on what the edits implied
/// (a route kept but closed, a preferred host dropped, how demand was scaled).
public struct ScenarioVariant: Sendable {
    public var name: String
    public var description: String?
    public var scenario: Scenario
    /// The edited document tree the scenario was read from.
    public var document: DocumentValue
    public var notes: [String]
}

/// How to plan the runs of a what-if study.
public struct WhatIfOptions: Sendable {
    /// Seconds per run; the best plan found by then is used.
    public var timeLimit: Double?
    public var relativeGap: Double
    /// Runs planned at the same time (each on its own thread).
    public var jobs: Int
    /// Threads each run may use inside the planner (a large week is solved day by day in
    /// parallel): the cores shared out among the `jobs`, at least 1, so the machine is not oversubscribed.
    public var threadsPerRun: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs)) }
    /// Called (from a worker thread, one call at a time) each time a run ends.
    public var progress: (@Sendable (WhatIfProgress) -> Void)?

    public init(timeLimit: Double? = 60, relativeGap: Double = 1e-4, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (WhatIfProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.jobs = jobs; self.progress = progress
    }
}

/// One run has ended.
public struct WhatIfProgress: Sendable {
    /// `base` or the variant's name.
    public var name: String
    /// Runs ended so far, this one included.
    public var finished: Int
    public var total: Int
    /// Wall-clock seconds this run took.
    public var seconds: Double
    public var status: PlanStatus
    /// Scheduled visits, when planning succeeded.
    public var scheduled: Int?
    public var visits: Int?
    /// Why planning failed, when it did.
    public var error: String?

    init(name: String, finished: Int, total: Int, run: PlanRun) {
        self.name = name; self.finished = finished; self.total = total; seconds = run.wallSeconds
        switch run.outcome {
        case .success(let outcome):
            status = outcome.plan.status
            scheduled = outcome.plan.totals.scheduled
            visits = outcome.plan.visits.count
        case .failure(let error):
            status = .error
            self.error = error.description
        }
    }
}

/// What `WhatIfStudy.run` returns: the comparison, and each run's scenario and plan (to write out
/// and check with `visitplan check`).
public struct WhatIfResult: Sendable {
    public var comparison: WhatIfComparison
    /// The base first, then the variants in file order.
    public var runs: [CompletedRun]
}

/// One planned scenario of a study.
public struct CompletedRun: Sendable {
    public var name: String
    public var document: DocumentValue
    public var scenario: Scenario
    /// nil when planning failed (the comparison says why).
    public var plan: Plan?
}

/// Counts ended runs across worker threads.
private final class FinishedCounter: Sendable {
    private let count = Mutex(0)

    /// Counts one more and reports the new count while still holding the lock, so reports come in order.
    func increment(then report: (Int) -> Void) {
        count.withLock { count in
            count += 1
            report(count)
        }
    }
}

import Dispatch
import Synchronization
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitWhatIf

@Suite("Parallel what-if runs")
struct ParallelRunTests {
    static let variants = """
      - name: second-guide
        add: {staff: [{id: g2, roles: [guide], languages: [en], routes: [showroom]}]}
      - name: no-secure-room
        remove: {rooms: [secure-1]}
      - name: banquet-400
        set: {policies.mealBudgetPerHead.banquet: 400}
      - name: double-demand
        scaleDemand: 2
    """

    /// The comparison without anything that depends on timing.
    static func timeless(_ comparison: WhatIfComparison) -> WhatIfComparison {
        var copy = comparison
        copy.jobs = 0
        copy.wallSeconds = 0
        for i in copy.runs.indices {
            copy.runs[i].wallSeconds = 0
            copy.runs[i].solveSeconds = 0
        }
        return copy
    }

    @Test func parallelAndSequentialRunsGiveTheSameResults() throws {
        let study = try MiniWeek.study(Self.variants)
        let sequential = study.run(options: WhatIfOptions(timeLimit: 30, jobs: 1))
        let parallel = study.run(options: WhatIfOptions(timeLimit: 30, jobs: 4))
        #expect(sequential.comparison.jobs == 1)
        #expect(parallel.comparison.jobs == 4)
        #expect(Self.timeless(sequential.comparison) == Self.timeless(parallel.comparison))
        #expect(sequential.runs.map { $0.plan?.timeless } == parallel.runs.map { $0.plan?.timeless })
        #expect(sequential.runs.map(\.name) == ["base", "second-guide", "no-secure-room", "banquet-400", "double-demand"])
        #expect(!parallel.comparison.hasFailures)
    }

    @Test("the pool runs as many plans at once as it has jobs, never more", arguments: [1, 2, 3])
    func runsOverlapUpToTheJobs(jobs: Int) throws {
        let scenario = try #require(MiniWeek.study(Self.variants).variants.last).scenario
        let counter = Mutex((running: 0, most: 0))
        let pool = PlanningPool(jobs: jobs, options: PlannerOptions(timeLimit: 30, threads: 1))
        let runs = pool.plan(Array(repeating: scenario, count: 6),
                             started: { _ in counter.withLock { $0.running += 1; $0.most = max($0.most, $0.running) } },
                             finished: { _, _ in counter.withLock { $0.running -= 1 } })
        #expect(runs.count == 6)
        #expect(runs.allSatisfy { (try? $0.outcome.get()) != nil })
        // Each plan takes far longer than starting a thread: the workers start together and overlap.
        #expect(counter.withLock { $0.most } == jobs)
    }

    @Test func theSameScenarioPlannedOnTwoThreadsAtOnceGivesTheSamePlan() throws {
        let scenario = try #require(MiniWeek.study(Self.variants).variants.last).scenario   // the doubled week: 8 visits
        let reference = try MiniWeek.plan(scenario).timeless
        let plans = Mutex<[Plan]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
                plans.withLock { $0.append(plan.timeless) }
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(plans.withLock { $0 } == [reference, reference])
    }

    @Test func progressReportsEachRunOnce() throws {
        let study = try MiniWeek.study(Self.variants)
        let seen = Mutex<[(String, Int, Int)]>([])
        _ = study.run(options: WhatIfOptions(timeLimit: 30, jobs: 2, progress: { p in
            seen.withLock { $0.append((p.name, p.finished, p.total)) }
        }))
        let reports = seen.withLock { $0 }
        #expect(Set(reports.map(\.0)) == ["base", "second-guide", "no-secure-room", "banquet-400", "double-demand"])
        #expect(reports.map(\.1) == [1, 2, 3, 4, 5])
        #expect(reports.allSatisfy { $0.2 == 5 })
    }
}

import MILP
import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// The decomposed search's bookkeeping: which plans it keeps, and how often it prices again.
@Suite("Week search")
struct WeekSearchTests {
    /// A generated week with multi-day visits, its day models, and the heuristic's plan.
    static func start() throws -> (days: DayModels, constructed: ConstructedSolution) {
        let scenario = ScenarioGenerator(visits: 14, seed: 4, tight: false).scenario()
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let days = DayModels.build(view: view, generator: generator,
                                   week: WeekCandidates(view: view, generator: generator, threads: 1), threads: 1)
        let constructed = try #require(ConstructionHeuristic(scenario: view.scenario, parts: days.parts)
            .complete(nil, placed: [], indexes: days.indexes))
        return (days, constructed)
    }

    static func search(_ days: DayModels) -> WeekSearch {
        WeekSearch(days: days, options: PlannerOptions(timeLimit: 60), deadline: .now + .seconds(60),
                   reporter: ProgressReporter(start: .now, callback: nil), visitsPerNeighbourhood: 12)
    }

    @Test("the heuristic's plan is kept on its own row activities, with the week's objective")
    func keepsTheHeuristicsPlan() throws {
        let (days, constructed) = try Self.start()
        var search = Self.search(days)
        search.offer(constructed)
        let values = constructed.parts.map(\.values)
        #expect(search.objective > 0)
        #expect(abs(search.objective - days.objective(values)) < 1e-6)
        #expect(search.incumbent == days.withSpend(values))
        #expect(days.isFeasible(search.incumbent))
    }

    @Test("a constructed plan whose rows do not hold is checked as any other, and refused")
    func refusesABrokenConstructedPlan() throws {
        let (days, constructed) = try Self.start()
        // Every timing of the first part's first visit switched on: at most one may be.
        let k = try #require(days.parts.indices.first { !days.indexes[$0].timings.isEmpty })
        let choices = try #require(days.indexes[k].timings.values.first { $0.count > 1 })
        var values = constructed.parts[k].values
        for choice in choices { values[choice.variable.index] = 1 }
        var broken = constructed
        broken.parts[k] = PartialSolution(model: days.parts[k].milp, values: values)
        #expect(!broken.parts[k].isFeasible)
        var search = Self.search(days)
        search.offer(broken)
        #expect(search.objective == 0)
        #expect(search.incumbent.allSatisfy { $0.allSatisfy { $0 == 0 } })
    }

    @Test("pricing starts again three times at most")
    func restartsAtMostThreeTimes() throws {
        let (days, constructed) = try Self.start()
        try #require(!days.multiDay.isEmpty, "the week needs a multi-day visit")
        var search = Self.search(days)
        search.start(constructed)
        let answers = (0..<4).map { _ in search.restartPricing() }
        #expect(answers == [true, true, true, false])
    }

    @Test("each visit's building, for the neighbourhoods by building: that of the room or route it holds, else of a candidate")
    func buildingsOfVisits() throws {
        let (days, constructed) = try Self.start()
        let scenario = days.scenario
        let view = ScenarioView(scenario)
        let planned = days.read(constructed.parts.map(\.values), view: view)
        var seen = Set<String>()
        for k in days.parts.indices {
            let buildings = days.buildings(k, constructed.parts[k].values)
            seen.formUnion(buildings.values)
            for v in days.indexes[k].timings.keys.sorted() {
                let here = days.scheduled(k, constructed.parts[k].values).contains(v)
                guard here, let items = planned[v]?.items else { continue }
                // The building of the room or route the plan gives the visit.
                let held = items.compactMap { item -> String? in
                    if let room = item.room { return scenario.rooms.first { $0.id == room }?.building }
                    if let route = item.route { return scenario.tourRoutes.first { $0.id == route }?.building }
                    return nil
                }
                #expect(buildings[v] == held.first, "\(scenario.visits[v].id)")
            }
            // Visits with a room or route candidate all have one.
            let withCandidates = Set(days.parts[k].rooms.map(\.item.visit) + days.parts[k].routes.map(\.item.visit))
            #expect(Set(buildings.keys) == withCandidates)
        }
        #expect(seen == ["A", "B"])
    }

    @Test("the memory ceiling: neighbourhoods side by side only while the resident size plus 4 KiB a free variable stays under it",
          arguments: [
              (free: 30_000, residentMiB: 300, limitMiB: Optional(500), over: false),   // 300 + 117 MiB
              (free: 60_000, residentMiB: 300, limitMiB: Optional(500), over: true),    // 300 + 234 MiB
              (free: 60_000, residentMiB: 300, limitMiB: Optional<Int>.none, over: false),
              (free: 1, residentMiB: 501, limitMiB: Optional(500), over: true),
          ])
    func memoryCeiling(free: Int, residentMiB: Int, limitMiB: Int?, over: Bool) {
        #expect(WeekSearch.overMemoryLimit(freeVariables: free, residentBytes: residentMiB * 1_048_576, limitMiB: limitMiB) == over)
        #expect(!WeekSearch.overMemoryLimit(freeVariables: free, residentBytes: nil, limitMiB: limitMiB), "an unknown size never serialises")
    }

    @Test("a memory ceiling the process is already over (every batch one at a time) still gives a valid plan")
    func plannedUnderCeiling() throws {
        let scenario = ScenarioGenerator(visits: 60, seed: 2, tight: false).scenario()
        var options = PlannerOptions(timeLimit: 10, strategy: .decomposed, threads: 2)
        options.memoryLimitMiB = 64
        let outcome = try Planner(scenario: scenario).plan(options: options)
        #expect(PlanChecker(scenario: scenario).check(outcome.plan).isValid)
        #expect(ProcessMemory.residentBytes() != nil, "Linux reports the resident size")
    }
}

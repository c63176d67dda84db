import MILP
import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// Two-day neighbourhoods: a multi-day visit moved to another day while the day it leaves is
/// re-optimised with it, a move no one-day neighbourhood makes.
@Suite("Day pairs")
struct DayPairTests {
    /// The day-pair week with its two days' parts (`mon`, `tue`) and its two visits.
    static func setting() throws -> (scenario: Scenario, days: DayModels, week: [[Double]], either: Int, monday: Int, mon: Int, tue: Int) {
        let scenario = try TestScenarios.load("day-pair.yaml")
        let (days, week) = try ConflictGroupTests.days(scenario)
        let either = try #require(scenario.visits.firstIndex { $0.id == "V-either" })
        let monday = try #require(scenario.visits.firstIndex { $0.id == "V-monday" })
        let mon = try part(days, dayOf: either, scenario: scenario, offset: 0)
        let tue = try part(days, dayOf: either, scenario: scenario, offset: 1)
        return (scenario, days, week, either, monday, mon, tue)
    }

    /// The part of the day with this date (day number of 2026-12-07 plus `offset`).
    static func part(_ days: DayModels, dayOf visit: Int, scenario: Scenario, offset: Int) throws -> Int {
        let monday = try #require(days.partsOf[visit]?.map { days.days[$0] }.min())
        return try #require(days.days.firstIndex(of: monday + offset))
    }

    @Test("the heuristic puts V-either on Monday and leaves V-monday out; one-day neighbourhoods cannot mend it")
    func stuckOnOneDay() throws {
        let (scenario, days, week, either, monday, mon, tue) = try Self.setting()
        #expect(days.multiDay == [either])
        #expect(days.scheduled(mon, week[mon]) == [either])
        #expect(days.scheduled(tue, week[tue]).isEmpty)
        // Tuesday pulling V-either in: it would lose its preferred start.
        let pull = Neighbourhood(part: tue, visits: nil, pullable: [either])
            .improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings())
        #expect(pull.values == nil)
        #expect(pull.optimal)
        // Monday alone keeps the visit of higher priority.
        let alone = Neighbourhood(part: mon, visits: [either, monday], pullable: [])
            .improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings())
        #expect(alone.values == nil)
    }

    @Test("the pair around V-either moves it to Tuesday and lets V-monday in, and the week stays valid")
    func pairMovesTheVisit() throws {
        let (scenario, days, week, either, monday, mon, tue) = try Self.setting()
        let pairs = DayPairs(days: days).neighbourhoods(week, size: 4)
        let pair = try #require(pairs.first)
        #expect(pairs.count == 1)
        #expect(pair.parts == [tue, mon])
        #expect(pair.visit == either)
        #expect(pair.visits[1] == [either, monday])
        let improved = pair.improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings())
        let values = try #require(improved.values)
        #expect(improved.optimal)
        var moved = week
        moved[tue] = values[0]
        moved[mon] = values[1]
        #expect(days.scheduled(tue, moved[tue]) == [either])
        #expect(days.scheduled(mon, moved[mon]) == [monday])
        #expect(days.isFeasible(moved))
        #expect(days.objective(moved) > days.objective(week) + 1000)
        // Read back as a plan, the independent checker accepts it, with the same score.
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let candidates = WeekCandidates(view: view, generator: generator, threads: 1)
        let plan = try PlanAssembly(view: view, generator: generator, baseline: nil).outcome(
            SolvedWeek(scheduled: days.read(moved, view: view), status: .feasible, termination: .timeLimit, bound: nil, modelObjective: days.objective(moved),
                       candidates: candidates.candidates, statistics: ModelStatistics(visits: 0, timings: 0, variables: 0, rows: 0)),
            seconds: 0)
        #expect(PlanChecker(scenario: scenario).check(plan.plan).isValid)
        #expect(abs(plan.plan.score - days.objective(moved)) < 1e-6 * abs(plan.plan.score))
    }

    @Test("a week that has no multi-day visit has no pairs")
    func noMultiDayVisitNoPairs() throws {
        let scenario = try TestScenarios.load("conflict-groups.yaml")
        let (days, week) = try ConflictGroupTests.days(scenario)
        #expect(DayPairs(days: days).neighbourhoods(week, size: 4).isEmpty)
    }
}

/// Pairs on generated tight weeks, where the weekly budget binds: whatever a pair changes, the
/// week stays valid (one day per visit, the budget) and its score only rises.
@Suite("Day pairs on tight weeks")
struct DayPairWeekTests {
    @Test(arguments: [3, 8] as [UInt64])
    func improvementsKeepTheWeekValid(seed: UInt64) throws {
        let scenario = ScenarioGenerator(visits: 30, seed: seed, tight: true).scenario()
        let (days, start) = try ConflictGroupTests.days(scenario)
        let budget = try #require(days.budget)
        var week = days.withSpend(start)
        var improvements = 0
        for pair in DayPairs(days: days).neighbourhoods(week, size: 6).prefix(12) {
            let total = days.parts.indices.reduce(0) { $0 + days.cost($1, week[$1]) }
            let own = pair.parts.reduce(0) { $0 + days.cost($1, week[$1]) }
            // The other days may spend what they do now: the pair gets the rest of the budget.
            let outcome = pair.improve(week, days: days, spend: total - own, timeLimit: 5, relativeGap: 0,
                                       search: SearchSettings())
            guard let values = outcome.values else { continue }
            var next = week
            for (j, k) in pair.parts.enumerated() { next[k] = values[j] }
            next = days.withSpend(next)
            let valid = days.isFeasible(next)
            #expect(valid)
            #expect(days.objective(next) > days.objective(week))
            #expect(days.parts.indices.reduce(0) { $0 + days.cost($1, next[$1]) } <= budget + 1e-6)
            let onDays = days.parts.indices.flatMap { days.scheduled($0, next[$0]) }
            #expect(onDays.count == Set(onDays).count, "a visit is on two days")
            week = next
            improvements += 1
        }
        #expect(improvements > 0, "no pair improved the heuristic's week: the test checks nothing")
    }
}

/// Pairs built around a visit left out: its multi-day rival moves to another day so that it gets
/// in, the move that placed two visits on week-120 (`DayPairs.insertions`).
@Suite("Insertion pairs")
struct InsertionPairTests {
    @Test("V-monday, left out behind V-either, gets the pair that moves V-either to Tuesday and lets it in")
    func leftOutVisitGetsItsPair() throws {
        let (_, days, week, either, monday, mon, tue) = try DayPairTests.setting()
        let insertions = DayPairs(days: days).insertions(week, size: 4)
        let pair = try #require(insertions.first)
        #expect(insertions.count == 1)
        #expect(pair.parts == [tue, mon])
        #expect(pair.visit == either)
        #expect(pair.visits[1].isSuperset(of: [either, monday]))
        #expect(pair.visits[0].contains(either))
        let outcome = pair.improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings())
        let values = try #require(outcome.values)
        #expect(days.scheduled(mon, values[1]).contains(monday))
        #expect(days.scheduled(tue, values[0]) == [either])
        // The insertion pairs come first among all the pairs, each once.
        let all = DayPairs(days: days).neighbourhoods(week, size: 4)
        #expect(all.first == pair)
        #expect(all.count == Set(all).count)
    }

    @Test("the pair that moves a visit back to the day an insertion took it from has it free on both days, with the visit let in among those in its way, and finds nothing better than the insertion's plan")
    func moveBackAfterInsertion() throws {
        let (_, days, week, either, monday, mon, tue) = try DayPairTests.setting()
        let pairs = DayPairs(days: days)
        // Before: moving V-either is one of the week's pairs, the same as `move` builds.
        #expect(pairs.neighbourhoods(week, size: 4).contains(pairs.move(either, from: mon, to: tue, week, size: 4)))
        let insertion = try #require(pairs.insertions(week, size: 4).first)
        let values = try #require(insertion.improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings()).values)
        var inserted = week
        inserted[tue] = values[0]
        inserted[mon] = values[1]
        let back = pairs.move(either, from: tue, to: mon, inserted, size: 9)
        #expect(back.parts == [mon, tue] && back.visit == either)
        #expect(back.visits[0].isSuperset(of: [either, monday]), "V-monday now holds what V-either needs on Monday")
        #expect(back.visits[1].contains(either))
        #expect(back.visits.allSatisfy { $0.count <= 9 })
        let outcome = back.improve(inserted, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings())
        #expect(outcome.values == nil && outcome.optimal, "the insertion's plan is the best of the two days")
    }

    @Test("a visit left out behind rivals that take place on one day only gets no insertion pair")
    func noMultiDayRivalNoPair() throws {
        let scenario = try TestScenarios.load("conflict-groups.yaml")
        let (days, week) = try ConflictGroupTests.days(scenario)
        #expect(!ConflictGroups(days: days).neighbourhoods(week, size: 2).flatMap { $0 }.isEmpty, "nobody is left out: the test checks nothing")
        #expect(DayPairs(days: days).insertions(week, size: 4).isEmpty)
    }

    @Test("a week with a visit on two days is not valid, although each day's rows hold")
    func visitOnTwoDaysIsRefused() throws {
        let (_, days, week, either, _, mon, tue) = try DayPairTests.setting()
        let pair = try #require(DayPairs(days: days).insertions(week, size: 4).first)
        let values = try #require(pair.improve(week, days: days, spend: 0, timeLimit: 10, relativeGap: 0, search: SearchSettings()).values)
        var twice = week
        twice[tue] = values[0]
        #expect(days.scheduled(mon, twice[mon]).contains(either))
        #expect(days.scheduled(tue, twice[tue]).contains(either))
        #expect(!days.isFeasible(twice))
        var moved = twice
        moved[mon] = values[1]
        #expect(days.isFeasible(moved))
    }
}

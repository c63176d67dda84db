import MILP
import Testing
import VisitDomain
@testable import VisitPlanner

/// Neighbourhoods around a visit the plan leaves out: the visit with the scheduled visits that
/// hold what it needs, closest rivals first.
@Suite("Conflict groups")
struct ConflictGroupTests {
    /// The week as `DecomposedSolve` sees it, with the construction heuristic's plan.
    static func days(_ scenario: Scenario) throws -> (days: DayModels, week: [[Double]]) {
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let days = DayModels.build(view: view, generator: generator, week: week, threads: 1)
        let constructed = try #require(ConstructionHeuristic(scenario: view.scenario, parts: days.parts).complete(nil, placed: [], indexes: days.indexes))
        return (days, constructed.parts.map(\.values))
    }

    static func id(_ scenario: Scenario, _ visits: Set<Int>?) -> Set<String> { Set((visits ?? []).map { scenario.visits[$0].id }) }

    @Test("the left-out visit comes with the visit holding the only secure room first, then the one holding only a host")
    func leftOutVisitWithItsRivals() throws {
        let scenario = try TestScenarios.load("conflict-groups.yaml")
        let (days, week) = try Self.days(scenario)
        let scheduled = days.parts.indices.reduce(into: Set<String>()) { result, k in
            result.formUnion(days.scheduled(k, week[k]).map { scenario.visits[$0].id })
        }
        #expect(scheduled == ["V-high", "V-other"])
        let pairs = ConflictGroups(days: days).neighbourhoods(week, size: 2).flatMap { $0 }
        #expect(pairs.map { Self.id(scenario, $0.visits) } == [["V-low", "V-high"]])
        #expect(pairs.map { $0.leftOutVisit.map { scenario.visits[$0].id } } == ["V-low"])
        let triples = ConflictGroups(days: days).neighbourhoods(week, size: 3).flatMap { $0 }
        #expect(triples.map { Self.id(scenario, $0.visits) } == [["V-low", "V-high", "V-other"]])
    }

    @Test("left-out visits with nobody in their way get no group: there is nothing to move for them")
    func noRivalsNoGroup() throws {
        let scenario = try TestScenarios.load("crowded-secure-room.yaml")
        let (days, week) = try Self.days(scenario)
        let low = try #require(scenario.visits.firstIndex { $0.id == "V-low" })
        let high = try #require(scenario.visits.firstIndex { $0.id == "V-high" })
        let withoutHigh = days.parts.indices.map { days.dropping([high], from: $0, in: week[$0]) }
        let groups = ConflictGroups(days: days).neighbourhoods(withoutHigh, size: 4).flatMap { $0 }
        // V-high and V-low are both out now, and nothing is scheduled that they compete with.
        #expect(groups.isEmpty)
        #expect(!days.parts.indices.contains { days.scheduled($0, withoutHigh[$0]).contains(low) })
    }
}

import Testing
import ScenarioGenerator
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// The property tests' change-event generator draws only valid events: the loader reads back
/// exactly what it drew and the replanner accepts them; every kind and report moment occurs.
@Suite("Change-event generator")
struct EventGeneratorTests {
    @Test("hundreds of drawn batches load, read back equal and are accepted by the replanner; every kind and moment occurs")
    func drawnEventsAreValid() throws {
        var kinds: Set<EventKind> = [], moments: Set<ReportMoment> = []
        for seed in UInt64(1)...6 {
            let week = ScenarioGenerator.drawn(seed: seed, visits: 5...15)
            let scenario = week.scenario()
            let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 2)).plan
            var generator = ChangeEventGenerator(seed: seed)
            for n in 0..<50 {
                let batch = generator.batch(scenario: scenario, plan: plan, first: EventKind.allCases[n % EventKind.allCases.count])
                let yaml = batch.yaml(in: scenario)
                let events = try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario)
                #expect(events == batch.changeEvents, "\(week.name) batch \(n):\n\(yaml)")
                #expect((1...3).contains(events.count))
                #expect(events.allSatisfy { $0.at >= scenario.now })
                #expect(batch.at == events.map(\.at).max())
                #expect(throws: Never.self, "\(week.name) batch \(n):\n\(yaml)") {
                    try Replanner(scenario: scenario, current: plan).checkingContext(for: events)
                }
                kinds.formUnion(batch.events.map(\.kind))
                moments.insert(batch.moment)
            }
        }
        #expect(kinds == Set(EventKind.allCases))
        #expect(moments == Set(ReportMoment.allCases))
    }

    @Test("the same seed draws the same batches")
    func reproducible() throws {
        let scenario = ScenarioGenerator(visits: 8, seed: 3, days: 2).scenario()
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 2)).plan
        var a = ChangeEventGenerator(seed: 9), b = ChangeEventGenerator(seed: 9)
        for _ in 0..<10 {
            #expect(a.batch(scenario: scenario, plan: plan).yaml(in: scenario) == b.batch(scenario: scenario, plan: plan).yaml(in: scenario))
        }
    }
}

import Foundation
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// A replan changes only what the events need (issue 17): it solves the visits the events affect
/// with the rest of the week pinned, and widens only while a visit it must keep is left out though
/// it would fit on its own.
@Suite("Replan neighbourhoods")
struct NeighbourhoodTests {
    /// The demo week and its plan, made once.
    static let demo: (scenario: Scenario, plan: Plan) = {
        let scenario = try! ScenarioLoader.load(path: repoPath("scenarios/demo-week.yaml"))
        let plan = try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        return (scenario, plan)
    }()

    static let eventFiles = ["busy-monday", "cancel-visit", "drop-tour", "late-arrival", "more-guests", "new-visit",
                             "projector-failure", "run-over", "sick-guide"]

    /// The visits whose plan differs between `a` and `b` (times, host, rooms, people, or scheduled or not).
    static func changedVisits(_ a: Plan, _ b: Plan) -> Set<String> {
        var changed = Set<String>()
        for visit in b.visits where a.visit(visit.id) != visit {
            var before = a.visit(visit.id)
            var after = visit
            before?.reasons = nil; before?.reasonDetails = nil; after.reasons = nil; after.reasonDetails = nil
            if before != after { changed.insert(visit.id) }
        }
        return changed
    }

    @Test("every example event is absorbed without the whole week; only visits a solve could move change", arguments: eventFiles)
    func changesStayInTheNeighbourhood(file: String) throws {
        let (scenario, plan) = Self.demo
        let events = try EventsLoader.load(path: repoPath("scenarios/events/\(file).yaml"), scenario: scenario)
        let outcome = try Replanner(scenario: scenario, current: plan, eventsFile: file).replan(events)
        let report = PlanChecker(scenario: outcome.scenario, replan: outcome.context).check(outcome.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(!outcome.phases.isEmpty)
        #expect(outcome.phases.allSatisfy { $0.movable != nil }, "no whole-week solve: \(outcome.phases.map(\.name))")
        #expect(outcome.phases[0].name == "affected visits")
        let movable = outcome.phases.reduce(into: Set<String>()) { $0.formUnion($1.movable ?? []) }
        let changed = Self.changedVisits(plan, outcome.plan)
        #expect(changed.isSubset(of: movable.union(outcome.applied.cancelledVisits.keys)),
                "changed \(changed.sorted()) beyond the neighbourhoods \(movable.sorted())")
    }

    @Test("once the host's answer is due, no wider area is solved: the events' own neighbourhood answers, and the plan checks")
    func answerTimeStopsWidening() throws {
        let (scenario, plan) = Self.demo
        var widenedSomewhere = false
        for file in Self.eventFiles {
            let events = try EventsLoader.load(path: repoPath("scenarios/events/\(file).yaml"), scenario: scenario)
            let replanner = Replanner(scenario: scenario, current: plan, eventsFile: file)
            let free = try replanner.replan(events)
            let prompt = try replanner.replan(events, options: ReplanOptions(answerSeconds: 1e-6))
            func solves(_ outcome: ReplanOutcome) -> [String] {
                outcome.phases.map(\.name).filter { !$0.contains("not tried") && !$0.contains("cannot go on") }
            }
            #expect(solves(prompt).count == 1, "\(file): \(prompt.phases.map(\.name))")
            if solves(free).count > 1 {
                widenedSomewhere = true
                #expect(prompt.phases.last?.name.contains("not tried, the answer was due") == true, "\(file): \(prompt.phases.map(\.name))")
                #expect(prompt.plan.score <= free.plan.score + 1e-6)
            }
            let report = PlanChecker(scenario: prompt.scenario, replan: prompt.context).check(prompt.plan)
            #expect(report.violations.isEmpty, "\(file): \(report.violations)")
        }
        #expect(widenedSomewhere, "no example event widens: this test would show nothing")
    }

    @Test("a closed room frees exactly the visits using it then; a person's closure, those they host or join then")
    func closuresFreeTheirUsers() throws {
        let (scenario, plan) = Self.demo
        let meetings = plan.visits.compactMap { visit -> (String, PlannedItem)? in
            guard let item = visit.items?.first(where: { $0.room != nil }) else { return nil }
            return (visit.id, item)
        }
        let (visitID, item) = try #require(meetings.first)
        let room = try #require(item.room)
        let yaml = "- {type: unavailable, at: '\(scenario.now)', resource: \(room), start: '\(item.start)', end: '\(item.end)'}"
        let events = try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario)
        let applied = try EventApplier(scenario: scenario, plan: plan, file: "events.yaml").apply(events)
        let affected = NeighbourhoodLadder(applied: applied, plan: plan).affected()
        let users = Set(plan.visits.filter { visit in
            (visit.items ?? []).contains { $0.room == room && $0.start < item.end.adding(minutes: scenario.policies.roomTurnoverMinutes)
                && item.start < $0.end.adding(minutes: scenario.policies.roomTurnoverMinutes) }
        }.map(\.id))
        #expect(affected.free == users)
        #expect(users.contains(visitID))

        let host = try #require(plan.visit(visitID)?.host)
        let start = try #require(plan.visit(visitID)?.start), end = try #require(plan.visit(visitID)?.end)
        let sick = "- {type: unavailable, at: '\(scenario.now)', resource: \(host), start: '\(start)', end: '\(end)'}"
        let sickApplied = try EventApplier(scenario: scenario, plan: plan, file: "events.yaml")
            .apply(try EventsLoader.parse(sick, format: .yaml, file: "events.yaml", scenario: scenario))
        let freed = try #require(NeighbourhoodLadder(applied: sickApplied, plan: plan).affected().free)
        #expect(freed.contains(visitID))
        #expect(freed.allSatisfy { id in
            let v = plan.visit(id)
            return v?.host == host || (v?.items ?? []).contains { $0.people.contains(host) }
        })
    }

    @Test("the ladder widens step by step: blockers moving on their day, then free, then the days, then the week")
    func ladderOrder() throws {
        let (scenario, plan) = Self.demo
        let scheduled = plan.visits.filter(\.scheduled)
        let dropped = scheduled[0].id, blocker = scheduled[1].id
        let yaml = "- {type: headcountChange, at: '\(scenario.now)', visit: \(dropped), headcount: 2}"
        let applied = try EventApplier(scenario: scenario, plan: plan, file: "events.yaml")
            .apply(try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario))
        let ladder = NeighbourhoodLadder(applied: applied, plan: plan)
        let first = ladder.affected()
        #expect(first.free == [dropped])
        var result = plan
        let reason = UnscheduledReason(kind: .crowdedOut, rule: .meeting, "the room is taken", visits: [blocker])
        result.visits = result.visits.map { $0.id == dropped ? .unscheduled(dropped, details: [reason]) : $0 }

        let second = try #require(ladder.widened(first, after: result))
        #expect(second.stage == .shiftedBlockers && second.free == [dropped] && second.shiftable == [blocker])
        let third = try #require(ladder.widened(second, after: result))
        #expect(third.stage == .blockers && third.free == [dropped, blocker] && third.shiftable.isEmpty)
        let fourth = try #require(ladder.widened(third, after: result))
        guard case .days(let days) = fourth.stage else { Issue.record("expected whole days, got \(fourth.name)"); return }
        #expect(!days.isEmpty && (fourth.free ?? []).isSuperset(of: [dropped, blocker]))
        #expect(ladder.widened(fourth, after: result) == .wholeWeek)
        #expect(ladder.widened(.wholeWeek, after: result) == nil)
        // A solve that kept every visit it must keep does not widen: the replanner stops there.
        #expect(Replanner.absorbs(plan, replacing: plan, in: applied.scenario))
    }
}

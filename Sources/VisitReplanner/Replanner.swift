import Foundation
import VisitDomain
import MILP
import VisitPlanner

/// Re-plans the week when a client changes plans: applies the change events to the scenario,
/// keeps what has already started, and finds the new plan that maximises the score including the
/// replanning terms (moved items, changed resources and people, dropped visits) against the
/// current plan. It re-optimises only the visits the events affect, with the rest of the week
/// pinned, and widens (`NeighbourhoodLadder`: to the visits holding what they need, their days,
/// the whole week) only while a visit it must keep is left out though it would fit on its own.
public struct Replanner: Sendable {
    public let scenario: Scenario
    public let current: Plan
    /// Names the events file in messages.
    public var eventsFile: String

    public init(scenario: Scenario, current: Plan, eventsFile: String = "events") {
        self.scenario = scenario; self.current = current; self.eventsFile = eventsFile
    }

    public func replan(_ events: [ChangeEvent], options: ReplanOptions = .init()) throws(ReplanError) -> ReplanOutcome {
        let clock = ContinuousClock.now
        try PlanMatch(scenario: scenario, plan: current, file: eventsFile).validate()
        var applied = try EventApplier(scenario: scenario, plan: current, file: eventsFile).apply(events)
        var solved: Solved
        var phases: [ReplanPhase] = []
        do {
            solved = try solveAll(applied, options, since: clock, phases: &phases)
        } catch let error where error.underwayCannotGoOn {
            // A visit under way whose items still to come no longer fit ends early.
            applied = try endingEarly(applied, options)
            solved = try solveAll(applied, options, since: clock, phases: &phases)
        }
        var plan = solved.outcome.plan
        let report = ChangeReport(before: current, after: plan, oldScenario: scenario, newScenario: applied.scenario, applied: applied)
        plan.changes = report.changes
        plan.notify = report.notifications
        plan.solveSeconds = ((ContinuousClock.now - clock) / .seconds(1)).rounded(toPlaces: 3)
        return ReplanOutcome(plan: plan, scenario: applied.scenario, applied: applied, phases: phases,
                             context: solved.baseline.checkContext, termination: solved.outcome.termination)
    }

    /// A replan's plan and the baseline it kept to.
    private struct Solved {
        var outcome: PlanningOutcome
        var baseline: PlanBaseline
    }

    /// The visits the events affect first, wider neighbourhoods only while they cannot absorb them.
    /// Each solve made is added to `phases`, those before a failure too.
    private func solveAll(_ applied: AppliedEvents, _ options: ReplanOptions, since clock: ContinuousClock.Instant,
                          phases: inout [ReplanPhase]) throws(ReplanError) -> Solved {
        func elapsed() -> Double { (ContinuousClock.now - clock) / .seconds(1) }
        var full = PlanBaseline(plan: current, frozen: applied.frozen, cancelledVisits: applied.cancelledVisits,
                                cancelledItems: applied.cancelledItems)
        // Requests on hold keep their unscheduled entry (and its reason) in every neighbourhood.
        full.excluded = options.held.filter { current.visit($0).map { !$0.scheduled } ?? false }
        let ladder = NeighbourhoodLadder(applied: applied, plan: current)
        var neighbourhood: Neighbourhood? = options.neighbourhoodFirst ? ladder.affected() : .wholeWeek
        var best: PlanningOutcome?
        // Smallest neighbourhood first; wider only while a visit that must be kept is left out
        // though it would fit on its own. Each solve is bounded by what is left of the time limit.
        var canGoOnSomewhere: Bool?
        var last: (seconds: Double, free: Int)?
        while let area = neighbourhood {
            var remaining = options.timeLimit.map { max(0.05, $0 - elapsed()) }
            let free = area.freeCount(in: applied.scenario)
            // GLPK's share of the answer time: the rest is kept for reading, explaining and
            // checking the plan (which the solver's time limit does not bound).
            let solveShare = options.answerSeconds.map { $0 * (1 - ReplanOptions.answerReserve) }
            if best != nil, let answer = solveShare {
                // The host has an answer: wider areas only within the time promised for it, and
                // only when the last solve's time, grown with the free visits, says it may fit
                // (building a wider model takes time the solver's limit does not bound).
                let expected = last.map { $0.seconds * (Double(free) / Double(max(1, $0.free))).squareRoot() } ?? 0
                guard elapsed() + expected < answer else {
                    phases.append(ReplanPhase(name: area.name + ": not tried, the answer was due (\(options.answerSeconds ?? answer) s)", seconds: 0,
                                              score: best?.plan.score ?? 0, freeVisits: free, movable: area.movable))
                    break
                }
                remaining = min(remaining ?? .infinity, max(0.05, answer - elapsed()))
            } else if best == nil, let answer = solveShare {
                // The first answer too: the best plan GLPK has by then (proven optimal for the
                // neighbourhood when it gets there; the current plan, as far as it holds, is its
                // first incumbent), so that a hard neighbourhood never keeps the host waiting.
                remaining = min(remaining ?? .infinity, max(0.05, answer - elapsed()))
            }
            let started = elapsed()
            let outcome: PlanningOutcome
            do {
                outcome = try solve(applied.scenario, area.baseline(from: full, scenario: applied.scenario, plan: current),
                                    options, timeLimit: remaining)
            } catch let error where error.underwayCannotGoOn && area.free != nil {
                // Widening helps only if the visits under way go on in the whole week: not when
                // one free to move has no timing at all, nor when they cannot go on among the
                // visits holding frozen items (a quick test); those end early instead.
                phases.append(ReplanPhase(name: area.name + " (a visit under way cannot go on)", seconds: 0, score: 0,
                                          freeVisits: area.freeCount(in: applied.scenario), movable: area.movable))
                if error.noTimingLeftWhileFree(in: area) { throw error }
                if canGoOnSomewhere == nil { canGoOnSomewhere = goesOn(applied, options) }
                if canGoOnSomewhere == false { throw error }
                // A visit under way cannot go on around the pinned rest: the visits of its days may move.
                if case .days = area.stage { neighbourhood = .wholeWeek } else { neighbourhood = ladder.days(around: area.free ?? []) }
                continue
            }
            last = (elapsed() - started, free)
            phases.append(ReplanPhase(name: area.name, seconds: outcome.plan.solveSeconds, score: outcome.plan.score,
                                      freeVisits: free, movable: area.movable))
            if best.map({ outcome.plan.score > $0.plan.score }) ?? true { best = outcome }
            if Self.absorbs(outcome.plan, replacing: current, in: applied.scenario) { break }
            if let limit = options.timeLimit, elapsed() >= limit { break }
            neighbourhood = ladder.widened(area, after: outcome.plan)
        }
        guard let outcome = best else { throw .planner(PlannerErrorDescription(text: "no solve was made")) }
        return Solved(outcome: outcome, baseline: full)
    }

    /// The events with the visits under way that cannot go on ended early: their items still to
    /// come are cancelled (the frozen ones stay). First those that cannot go on even alone (the
    /// rest of the week aside); if the others still cannot all go on, also the first (in scenario
    /// order) whose ending early lets them; failing that, every visit under way.
    private func endingEarly(_ applied: AppliedEvents, _ options: ReplanOptions) throws(ReplanError) -> AppliedEvents {
        let underway: [(id: String, rest: [Int])] = applied.scenario.visits.compactMap { visit in
            let frozen = Set(applied.frozen.filter { $0.visit == visit.id }.map(\.agendaIndex))
            let rest = visit.activeItemIndexes.filter { !frozen.contains($0) }
            return frozen.isEmpty || rest.isEmpty ? nil : (visit.id, rest)
        }
        func ended(_ ids: Set<String>) -> AppliedEvents {
            var result = applied
            for (id, rest) in underway where ids.contains(id) {
                guard let v = result.scenario.visits.firstIndex(where: { $0.id == id }) else { continue }
                result.scenario.visits[v].cancelledItems.formUnion(rest)
                result.cancelledItems.formUnion(rest.map { ItemKey(visit: id, agendaIndex: $0) })
                result.endedEarly[id] = rest
                result.touchedVisits.insert(id)
            }
            return result
        }
        func goesOn(_ candidate: AppliedEvents, only id: String? = nil) -> Bool { self.goesOn(candidate, only: id, options) }
        var ending = Set(underway.filter { !goesOn(applied, only: $0.id) }.map(\.id))
        if !ending.isEmpty, goesOn(ended(ending)) { return ended(ending) }
        for (id, _) in underway where !ending.contains(id) && goesOn(ended(ending.union([id]))) {
            ending.insert(id)
            return ended(ending)
        }
        return ended(Set(underway.map(\.id)))
    }

    /// Whether the visits under way in `candidate` can all go on (only `id`'s, alone, when given):
    /// a quick feasibility test, any plan will do. Only the visits holding frozen items take part:
    /// any other may be left out of a plan, so the visits under way go on in the whole week
    /// exactly when they go on among these; a model of a few visits, not the week.
    private func goesOn(_ candidate: AppliedEvents, only id: String? = nil, _ options: ReplanOptions) -> Bool {
        var quick = options
        quick.timeLimit = min(options.timeLimit ?? 5, 5)
        quick.relativeGap = 1
        var scenario = candidate.scenario
        var frozen = candidate.frozen
        if let id {
            scenario.visits.removeAll { $0.id != id }
            frozen = frozen.filter { $0.visit == id }
        } else {
            let holding = Set(frozen.map(\.visit))
            scenario.visits.removeAll { !holding.contains($0.id) }
        }
        let baseline = PlanBaseline(plan: current, frozen: frozen, cancelledItems: candidate.cancelledItems)
        do {
            _ = try solve(scenario, baseline, quick, timeLimit: quick.timeLimit)
            return true
        } catch {
            return !error.underwayCannotGoOn
        }
    }

    /// The scenario after `events` and what the checker needs to verify a plan made from them
    /// (`visitplan check --baseline --events`).
    public func checkingContext(for events: [ChangeEvent]) throws(ReplanError) -> (scenario: Scenario, context: ReplanContext) {
        try PlanMatch(scenario: scenario, plan: current, file: eventsFile).validate()
        let applied = try EventApplier(scenario: scenario, plan: current, file: eventsFile).apply(events)
        let baseline = PlanBaseline(plan: current, frozen: applied.frozen, cancelledVisits: applied.cancelledVisits,
                                    cancelledItems: applied.cancelledItems)
        return (applied.scenario, baseline.checkContext)
    }

    private func solve(_ scenario: Scenario, _ baseline: PlanBaseline, _ options: ReplanOptions,
                       timeLimit: Double?) throws(ReplanError) -> PlanningOutcome {
        let plannerOptions = PlannerOptions(timeLimit: timeLimit, relativeGap: options.relativeGap)
        do {
            return try Planner(scenario: scenario).plan(options: plannerOptions,
                                                        baseline: baseline)
        } catch {
            var description = PlannerErrorDescription(text: error.description, underwayCannotGoOn: error.isUnderwayCannotGoOn)
            if case .underwayCannotGoOn(let stuck) = error { description.noTimingLeft = stuck }
            throw .planner(description)
        }
    }

    /// Whether the neighbourhood plan absorbed the events: every visit kept or newly requested is
    /// placed, or could not be placed even alone (more freedom elsewhere would not help it).
    static func absorbs(_ plan: Plan, replacing current: Plan, in scenario: Scenario) -> Bool {
        for visit in scenario.visits {
            let wasScheduled = current.visit(visit.id)?.scheduled == true
            let isNew = current.visit(visit.id) == nil
            guard wasScheduled || isNew, let planned = plan.visit(visit.id), !planned.scheduled else { continue }
            // Facts, not sentences: a plan without them is treated as crowded out (widen).
            guard let details = planned.reasonDetails, details.allSatisfy({ $0.kind == .impossible }) else { return false }
        }
        return true
    }
}

/// Settings of a replan.
public struct ReplanOptions: Sendable {
    /// Seconds for the whole replan (every neighbourhood solved); the best plan found by then is returned.
    public var timeLimit: Double?
    public var relativeGap: Double
    /// Re-optimise the affected visits first, wider only if needed (false: the whole week at once).
    public var neighbourhoodFirst: Bool

    /// Seconds within which the host's answer is wanted: once a neighbourhood has a plan, wider
    /// ones are tried only in what is left of this (nil: widen as far as needed, within
    /// `timeLimit`). Gains the wider areas would have found are left to `visitplan improve`.
    public var answerSeconds: Double?
    /// The share of `answerSeconds` kept for what follows the last solve (reading the solution,
    /// explaining the visits left out, the checker, the change report): solves get the rest.
    public static let answerReserve = 0.25

    /// Visits unscheduled in the current plan that stay unscheduled whatever room the replan finds:
    /// saved requests waiting for a coordinator to accept them (only an accept places a request).
    /// A scheduled visit named here is replanned as any other.
    public var held: Set<String>

    public init(timeLimit: Double? = 20, relativeGap: Double = 1e-4, neighbourhoodFirst: Bool = true, answerSeconds: Double? = nil,
                held: Set<String> = []) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.neighbourhoodFirst = neighbourhoodFirst
        self.answerSeconds = answerSeconds; self.held = held
    }
}

/// The new plan and how it was reached.
public struct ReplanOutcome: Sendable {
    /// The new plan, with `changes` and `notify`.
    public var plan: Plan
    /// The scenario after the events (the new scenario version).
    public var scenario: Scenario
    public var applied: AppliedEvents
    /// The solves made: the neighbourhood, and the whole week when it was needed.
    public var phases: [ReplanPhase]
    /// What the checker needs to re-verify `plan` against the plan it replaced.
    public var context: ReplanContext
    /// Why the solve that gave `plan` stopped (its neighbourhood's optimum proven, or a limit).
    public var termination: TerminationStatus
}

/// One solve of a replan.
public struct ReplanPhase: Sendable, Hashable {
    public var name: String
    public var seconds: Double
    public var score: Double
    /// Visits free to change in this solve.
    public var freeVisits: Int
    /// The visits this solve could change (free or moving on their day); nil for the whole week.
    public var movable: Set<String>?
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}

extension PlannerError {
    var isUnderwayCannotGoOn: Bool { if case .underwayCannotGoOn = self { true } else { false } }
}

extension ReplanError {
    /// No plan keeps every visit under way going.
    var underwayCannotGoOn: Bool { if case .planner(let p) = self { p.underwayCannotGoOn } else { false } }

    /// Whether a visit under way that was free to move in `area` had no timing at all: its
    /// candidates do not depend on the pinned rest, so widening cannot help it.
    func noTimingLeftWhileFree(in area: Neighbourhood) -> Bool {
        guard case .planner(let p) = self, !p.noTimingLeft.isEmpty, let free = area.free else { return false }
        return p.noTimingLeft.contains { free.contains($0) }
    }
}

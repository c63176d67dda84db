import Foundation
import ScenarioGenerator
import VisitDomain
import VisitPlanner
import VisitReplanner

/// Settings of a property run.
public struct PropertySettings: Sendable {
    /// Seconds per solve (the plan, and each solve of a replan).
    public var timeLimit: Double
    /// Replans per week, one after another: each absorbs a batch of events into the plan the one
    /// before made, from the scenario it left.
    public var rounds: Int
    /// Events per batch.
    public var eventsPerBatch: ClosedRange<Int>
    /// Threads for the planner's day models.
    public var threads: Int

    public init(timeLimit: Double = 5, rounds: Int = 2, eventsPerBatch: ClosedRange<Int> = 1...3,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.timeLimit = timeLimit; self.rounds = max(0, rounds); self.eventsPerBatch = eventsPerBatch; self.threads = max(1, threads)
    }
}

/// Where a week failed.
public enum PropertyStage: String, Sendable, Hashable, Comparable, CaseIterable {
    /// The planner threw.
    case plan
    /// The independent checker rejected the plan, or its score differs from the plan's.
    case planCheck
    /// The event generator drew events the loader refuses, or that do not read back equal (a generator bug).
    case events
    /// The replanner refused the events as invalid input.
    case replanRefused
    /// The replanner threw (the solver failed, or its own check rejected the plan).
    case replan
    /// The independent checker, told the baseline and events, rejected the new plan or its score.
    case replanCheck
    /// The new scenario or plan did not survive being written and read back (`--scenario-out`, `-o`).
    case roundTrip

    public static func < (a: PropertyStage, b: PropertyStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A failed step, with what reproduces it.
public struct PropertyFailure: Sendable, CustomStringConvertible {
    public var week: ScenarioGenerator
    /// The replan round (0 first), nil for the plan.
    public var round: Int?
    public var stage: PropertyStage
    public var message: String
    /// The scenario and plan the failing round started from, and its events (YAML), when the
    /// failure is in a replan: `visitplan replan SCENARIO --plan PLAN --events EVENTS` repeats it.
    public var scenarioYAML: String?
    public var planJSON: String?
    public var eventsYAML: String?

    public var description: String {
        var text = "\(week.name) (seed \(week.seed), \(week.visits) visits, \(week.days) days\(week.tight ? ", tight" : ""))"
        text += round.map { ", replan \($0 + 1)" } ?? ", plan"
        text += ": \(stage.rawValue): \(message)"
        if let eventsYAML { text += "\nevents:\n" + eventsYAML }
        return text
    }
}

/// What one week did.
public struct WeekResult: Sendable {
    public var week: ScenarioGenerator
    public var plans = 0
    public var planChecks = 0
    public var replans = 0
    public var replanChecks = 0
    public var events: [EventKind: Int] = [:]
    public var moments: [ReportMoment: Int] = [:]
    /// Events the replanner found too late to change anything (an arrival shift of a visit under way, say).
    public var ignoredEvents = 0
    /// Replans that re-optimised the whole week after the neighbourhood.
    public var widened = 0
    /// Visits under way that could no longer go on as planned and ended early.
    public var endedEarly = 0
    /// What the replans noted beyond the counts (visits that ended early, with the events).
    public var notes: [String] = []
    public var scheduled = 0
    public var unscheduled = 0
    public var failures: [PropertyFailure] = []
    public var seconds = 0.0
}

/// The property of issue 12: a generated week plans, its plan passes the independent checker;
/// after each batch of random change events the replan succeeds, passes the checker told the
/// baseline and the events (as `visitplan check --baseline --events`), scores what it says, and
/// its scenario and plan survive being written and read back; the next batch starts from them.
public enum PropertyCheck {
    /// The kind of the first event of round `round` of the week of `seed`: consecutive seeds go
    /// round every kind, so a few weeks meet each at least once.
    public static func firstKind(seed: UInt64, round: Int, rounds: Int) -> EventKind {
        let kinds = EventKind.allCases
        let turn = (seed % UInt64(kinds.count)) &* UInt64(max(1, rounds)) &+ UInt64(round)
        return kinds[Int(turn % UInt64(kinds.count))]
    }

    public static func run(_ week: ScenarioGenerator, settings: PropertySettings = .init()) -> WeekResult {
        let clock = ContinuousClock.now
        var result = WeekResult(week: week)
        check(week, settings: settings, into: &result)
        result.seconds = (ContinuousClock.now - clock) / .seconds(1)
        return result
    }

    private static func check(_ week: ScenarioGenerator, settings: PropertySettings, into result: inout WeekResult) {
        var scenario = week.scenario()
        func fail(_ stage: PropertyStage, _ message: String, round: Int? = nil, plan: Plan? = nil, events: String? = nil) {
            result.failures.append(PropertyFailure(
                week: week, round: round, stage: stage, message: message,
                scenarioYAML: round == nil ? nil : try? ScenarioDocument.yamlText(scenario),
                planJSON: plan.map(json), eventsYAML: events))
        }

        // Plan, and check it independently.
        var plan: Plan
        do {
            plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: settings.timeLimit, threads: settings.threads)).plan
            result.plans += 1
        } catch {
            fail(.plan, error.description)
            return
        }
        let report = PlanChecker(scenario: scenario).check(plan)
        guard report.isValid, abs(report.score - plan.score) <= 1e-6 * max(1, abs(plan.score)) else {
            fail(.planCheck, report.isValid ? "score \(plan.score), checker \(report.score)" : violations(report))
            return
        }
        result.planChecks += 1

        var generator = ChangeEventGenerator(seed: week.seed)
        for round in 0..<settings.rounds {
            let batch = generator.batch(scenario: scenario, plan: plan, count: settings.eventsPerBatch,
                                        first: firstKind(seed: week.seed, round: round, rounds: settings.rounds))
            let yaml = batch.yaml(in: scenario)
            func failRound(_ stage: PropertyStage, _ message: String) { fail(stage, message, round: round, plan: plan, events: yaml) }

            // The events as a host would send them: written as YAML, read by the loader.
            let events: [ChangeEvent]
            do {
                events = try EventsLoader.parse(yaml, format: .yaml, file: "events.yaml", scenario: scenario)
            } catch {
                failRound(.events, "the loader refuses the generated events: \(error)")
                return
            }
            guard events == batch.changeEvents else {
                failRound(.events, "the events read back differ from those generated")
                return
            }
            for event in batch.events { result.events[event.kind, default: 0] += 1 }
            result.moments[batch.moment, default: 0] += 1

            // Replan, and check the new plan as `visitplan check --baseline --events` does.
            let replanner = Replanner(scenario: scenario, current: plan, eventsFile: "events.yaml")
            let outcome: ReplanOutcome
            do {
                outcome = try replanner.replan(events, options: ReplanOptions(timeLimit: settings.timeLimit))
                result.replans += 1
            } catch {
                failRound(error.issues.isEmpty ? .replan : .replanRefused, error.description)
                return
            }
            let checking: (scenario: Scenario, context: ReplanContext)
            do {
                checking = try replanner.checkingContext(for: events)
            } catch {
                failRound(.replanCheck, "no checking context: \(error)")
                return
            }
            // The events' scenario, but for the visits that ended early (their items still to come cancelled).
            var expected = checking.scenario
            for (id, items) in outcome.applied.endedEarly {
                if let v = expected.visits.firstIndex(where: { $0.id == id }) { expected.visits[v].cancelledItems.formUnion(items) }
            }
            guard expected == outcome.scenario else {
                failRound(.replanCheck, "the checking context's scenario differs from the replan's")
                return
            }
            // As `visitplan check --baseline --events` checks it, and with the replan's own context.
            for (scenario, context) in [(checking.scenario, checking.context), (outcome.scenario, outcome.context)] {
                let check = PlanChecker(scenario: scenario, replan: context).check(outcome.plan)
                guard check.isValid, abs(check.score - outcome.plan.score) <= 1e-6 * max(1, abs(outcome.plan.score)) else {
                    failRound(.replanCheck, check.isValid ? "score \(outcome.plan.score), checker \(check.score)" : violations(check))
                    return
                }
            }
            for id in outcome.applied.cancelledVisits.keys where outcome.plan.visit(id)?.scheduled != false {
                failRound(.replanCheck, "\(id) was cancelled but is not listed unscheduled")
                return
            }
            result.replanChecks += 1
            result.ignoredEvents += outcome.applied.ignored.count
            if outcome.phases.count > 1 { result.widened += 1 }
            result.endedEarly += outcome.applied.endedEarly.count
            for (id, items) in outcome.applied.endedEarly.sorted(by: { $0.key < $1.key }) {
                result.notes.append("replan \(round + 1): \(id) ended early (items \(items.map(String.init).joined(separator: ", ")) cancelled) after:\n\(yaml)")
            }

            // The next round starts from the written scenario and plan, as `--scenario-out` and `-o` leave them.
            do {
                let text = try ScenarioDocument.yamlText(outcome.scenario)
                let reloaded = try ScenarioLoader.parse(text, format: .yaml, file: "scenario.yaml", defaultNow: outcome.scenario.now)
                let planText = json(outcome.plan)
                let decoded = try JSONDecoder().decode(Plan.self, from: Data(planText.utf8))
                try PlanValidation.validate(decoded, file: "plan.json")
                guard reloaded == outcome.scenario, decoded == outcome.plan else {
                    failRound(.roundTrip, "the scenario or plan reads back different")
                    return
                }
                scenario = reloaded
                plan = decoded
            } catch {
                failRound(.roundTrip, "\(error)")
                return
            }
        }
        result.scheduled = plan.totals.scheduled
        result.unscheduled = plan.totals.unscheduled
    }

    private static func violations(_ report: CheckReport) -> String {
        "the checker finds \(report.violations.count) violation(s): " + report.violations.prefix(5).map(\.description).joined(separator: "; ")
    }

    /// The plan JSON as `visitplan plan --format json` writes it.
    public static func json(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(plan)) ?? Data(), as: UTF8.self) + "\n"
    }
}

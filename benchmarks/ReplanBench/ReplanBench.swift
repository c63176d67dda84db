import ArgumentParser
import Foundation
import ScenarioGenerator
import VisitDomain
import VisitPlanner
import VisitReplanner

/// `replan-bench SCENARIO EVENTS...`: for each events file, the replan (neighbourhood first, warm
/// started) against a from-scratch solve of the same changed scenario: time, score and how many
/// items each changes relative to the current plan.
///
/// `replan-bench --sizes 50,100,200,400`: the ladder of generated weeks, each planned once, then
/// replanned after seeded single events of every kind (and batches of five): per size and kind,
/// the p50 / p95 / max replan time, the changes, and the changes of a from-scratch solve
/// (`ReplanLadder`).
@main
struct ReplanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan-bench",
        abstract: "Time replanning against planning the changed scenario from scratch.")

    @Argument(help: "Scenario file (without --sizes).")
    var scenario: String?

    @Argument(help: "Change-event files, one replan each.")
    var events: [String] = []

    @Option(name: .long, help: "Seconds per solve.")
    var timeLimit: Double = 60

    @Option(help: "Comma-separated sizes of generated weeks to replan (the ladder mode).")
    var sizes: String?

    @Option(help: "Replans per event kind and size (ladder mode).")
    var samples: Int = 5

    @Option(help: "Seed of the generated weeks and events (ladder mode).")
    var seed: UInt64 = 1

    @Option(help: "Seconds for each week's first plan (ladder mode).")
    var planTimeLimit: Double = 30

    @Option(help: "Seconds for the from-scratch solve of each kind's first sample (ladder mode; 0: none).")
    var scratchTimeLimit: Double = 10

    @Flag(help: "Print GitHub Markdown tables.")
    var markdown = false

    @Option(help: "Comma-separated event kinds to replan, \"batch\" for the batches of five (ladder mode; default: all).")
    var kinds: String?

    @Flag(help: "Print each replan's solves as it ends (ladder mode).")
    var verbose = false

    @Option(help: "Seconds for the host's answer: wider neighbourhoods only within this (ladder mode; default: as far as needed).")
    var answerTime: Double?

    /// `--kinds` as a set, each checked against the event kinds.
    var kindFilter: Set<String>? {
        kinds.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    func validate() throws {
        if let filter = kindFilter {
            let known = Set(EventKind.allCases.map(\.rawValue)).union(["batch"])
            if let unknown = filter.subtracting(known).sorted().first {
                throw ValidationError("--kinds: unknown kind \"\(unknown)\"; kinds are \(known.sorted().joined(separator: ", "))")
            }
        }
        if sizes == nil, scenario == nil { throw ValidationError("give a scenario and events files, or --sizes") }
        guard samples >= 1, samples <= 100 else { throw ValidationError("--samples must be 1 to 100") }
    }

    func run() throws {
        if let sizes {
            let list = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !list.isEmpty, list.allSatisfy({ (1...2000).contains($0) }) else { throw ValidationError("--sizes: visits from 1 to 2000") }
            try ReplanLadder(sizes: list, samples: samples, seed: seed, planTimeLimit: planTimeLimit,
                             replanTimeLimit: timeLimit, scratchTimeLimit: scratchTimeLimit, markdown: markdown,
                             only: kindFilter, verbose: verbose, answerSeconds: answerTime).run()
            return
        }
        guard let scenario = self.scenario else { return }
        try compare(scenarioPath: scenario)
    }

    private func compare(scenarioPath: String) throws {
        let scenario = try ScenarioLoader.load(path: scenarioPath)
        let clock = ContinuousClock.now
        let current = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: timeLimit)).plan
        let planSeconds = (ContinuousClock.now - clock) / .seconds(1)
        print("Current plan: \(current.status.rawValue), score \(current.score), \(String(format: "%.2f", planSeconds)) s")
        print("")
        print("| events | replan s | replan score | changed items | from scratch s | scratch score (with replanning terms) | changed items |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for file in events {
            let changes = try EventsLoader.load(path: file, scenario: scenario)
            let replanner = Replanner(scenario: scenario, current: current, eventsFile: file)
            var start = ContinuousClock.now
            let outcome = try replanner.replan(changes, options: ReplanOptions(timeLimit: timeLimit))
            let replanSeconds = (ContinuousClock.now - start) / .seconds(1)
            let (changed, context) = try replanner.checkingContext(for: changes)
            start = ContinuousClock.now
            var scratch = try Planner(scenario: changed).plan(options: PlannerOptions(timeLimit: timeLimit)).plan
            let scratchSeconds = (ContinuousClock.now - start) / .seconds(1)
            for (id, reasons) in outcome.applied.cancelledVisits { scratch.visits.append(.unscheduled(id, reasons: reasons)) }
            let calculator = ScoreCalculator(scenario: changed, replan: context)
            let replanned = calculator.breakdown(of: outcome.plan), fresh = calculator.breakdown(of: scratch)
            print("| \((file as NSString).lastPathComponent) | \(String(format: "%.2f", replanSeconds)) | \(replanned.total) | \(count(replanned, changed.objective)) | \(String(format: "%.2f", scratchSeconds)) | \(fresh.total) | \(count(fresh, changed.objective)) |")
        }
    }

    /// Items moved or given another resource, people added or taken off, and visits dropped, as
    /// the replanning terms of the score count them.
    func count(_ b: ScoreBreakdown, _ w: ObjectiveWeights) -> String {
        let moved = Int((b.moved / w.movedItem).rounded()), resources = Int((b.changedResource / w.changedResource).rounded())
        let people = Int((b.changedPerson / w.changedPerson).rounded()), dropped = Int((b.dropped / w.droppedVisit).rounded())
        return "\(moved) moved, \(resources) resources, \(people) people, \(dropped) dropped"
    }
}

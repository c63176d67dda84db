import ArgumentParser
import Foundation
import PropertyCheck
import ScenarioGenerator

/// `property-run`: the full property run of issue 12. Plans a few hundred generated weeks (5 to 60
/// visits over 1 to 5 days, tight and normal), replans each after batches of random change events
/// of every type, checks every plan and replan with the independent checker, and prints the counts.
@main
struct PropertyRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "property-run",
        abstract: "Plan generated weeks, replan them after random change events, and check every plan.")

    @Option(name: .long, help: "Weeks to run (seeds seed, seed+1, ...).")
    var weeks = 300

    @Option(name: .long, help: "The first week's seed; a week is named by its seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Seconds per solve (the plan and each solve of a replan).")
    var timeLimit: Double = 5

    @Option(name: .long, help: "Replans per week, each after a batch of 1 to 3 events, from the plan and scenario the last left.")
    var rounds = 2

    @Option(name: .long, help: "Fewest visits in a week.")
    var minVisits = 5

    @Option(name: .long, help: "Most visits in a week.")
    var maxVisits = 60

    @Option(name: .long, help: "Write each failure's scenario, plan and events here, to repeat it with `visitplan replan`.")
    var writeFailures: String?

    @Flag(name: .long, help: "Also print what the replans noted (visits under way that ended early, with the events).")
    var verbose = false

    func validate() throws {
        guard weeks >= 1 else { throw ValidationError("--weeks must be at least 1") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard rounds >= 0 else { throw ValidationError("--rounds must be at least 0") }
        guard 1 <= minVisits, minVisits <= maxVisits else { throw ValidationError("--min-visits must be at least 1 and at most --max-visits") }
    }

    func run() throws {
        let settings = PropertySettings(timeLimit: timeLimit, rounds: rounds)
        let clock = ContinuousClock.now
        var results: [WeekResult] = []
        for n in 0..<weeks {
            let weekSeed = seed &+ UInt64(n)
            let week = ScenarioGenerator.drawn(seed: weekSeed, visits: minVisits...maxVisits)
            // Named before it runs: a crash names the week.
            FileHandle.standardError.write(Data("[\(n + 1)/\(weeks)] \(week.name) (seed \(weekSeed))…".utf8))
            let result = PropertyCheck.run(week, settings: settings)
            let verdict = result.failures.isEmpty ? "ok" : "FAILED (\(result.failures.map(\.stage.rawValue).joined(separator: ", ")))"
            FileHandle.standardError.write(Data(" \(verdict), \(result.replans) replans, \(String(format: "%.1f", result.seconds)) s\n".utf8))
            if verbose { for note in result.notes { FileHandle.standardError.write(Data("  \(note)\n".utf8)) } }
            for failure in result.failures {
                FileHandle.standardError.write(Data("  \(failure)\n".utf8))
                if let writeFailures { try write(failure, to: writeFailures) }
            }
            results.append(result)
        }
        let seconds = (ContinuousClock.now - clock) / .seconds(1)
        print(PropertySummary(results: results, settings: settings, seed: seed, visits: minVisits...maxVisits, seconds: seconds).text)
        if results.contains(where: { !$0.failures.isEmpty }) { throw ExitCode(1) }
    }

    /// `DIR/NAME-replanK/` with `scenario.yaml`, `plan.json` and `events.yaml`.
    private func write(_ failure: PropertyFailure, to directory: String) throws {
        let folder = (directory as NSString).appendingPathComponent(failure.week.name + (failure.round.map { "-replan\($0 + 1)" } ?? "-plan"))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let scenario = try failure.scenarioYAML ?? failure.week.yaml()
        try scenario.write(toFile: (folder as NSString).appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        if let plan = failure.planJSON {
            try plan.write(toFile: (folder as NSString).appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        }
        if let events = failure.eventsYAML {
            try events.write(toFile: (folder as NSString).appendingPathComponent("events.yaml"), atomically: true, encoding: .utf8)
        }
        try (failure.description + "\n").write(toFile: (folder as NSString).appendingPathComponent("failure.txt"), atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("  wrote \(folder)\n".utf8))
    }
}

/// The counts of a run, as printed at its end.
struct PropertySummary {
    let results: [WeekResult]
    let settings: PropertySettings
    let seed: UInt64
    let visits: ClosedRange<Int>
    let seconds: Double

    var text: String {
        func sum(_ value: (WeekResult) -> Int) -> Int { results.reduce(0) { $0 + value($1) } }
        var events: [EventKind: Int] = [:], moments: [ReportMoment: Int] = [:], failures: [PropertyStage: Int] = [:]
        for r in results {
            events.merge(r.events, uniquingKeysWith: +)
            moments.merge(r.moments, uniquingKeysWith: +)
            for f in r.failures { failures[f.stage, default: 0] += 1 }
        }
        let tight = results.filter(\.week.tight).count
        let byDays = (1...5).map { d in "\(d): \(results.filter { $0.week.days == d }.count)" }.joined(separator: ", ")
        let sizes = results.map(\.week.visits)
        let slowest = results.max { $0.seconds < $1.seconds }
        var lines: [String] = []
        lines.append("property-run: weeks from seed \(seed), \(visits.lowerBound)-\(visits.upperBound) visits over 1-5 days, "
                     + "time limit \(format(settings.timeLimit)) s per solve, \(settings.rounds) replans a week of "
                     + "\(settings.eventsPerBatch.lowerBound)-\(settings.eventsPerBatch.upperBound) events each")
        lines.append("weeks: \(results.count) (\(tight) tight, \(results.count - tight) normal; days \(byDays); "
                     + "visits \(sizes.min() ?? 0)-\(sizes.max() ?? 0), \(sum(\.week.visits)) in all)")
        lines.append("plans: \(sum(\.plans)), passed the checker: \(sum(\.planChecks))")
        lines.append("replans: \(sum(\.replans)), passed the checker: \(sum(\.replanChecks)) "
                     + "(widened to the whole week: \(sum(\.widened)); visits under way ended early: \(sum(\.endedEarly)))")
        lines.append("events: \(events.values.reduce(0, +)) (ignored as too late to change anything: \(sum(\.ignoredEvents)))")
        for kind in EventKind.allCases { lines.append("  \(kind.rawValue) (\(kind.type)): \(events[kind] ?? 0)") }
        lines.append("batches by report moment: " + ReportMoment.allCases.map { "\($0.rawValue) \(moments[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("visits scheduled at the end: \(sum(\.scheduled)) of \(sum(\.scheduled) + sum(\.unscheduled)) (cancelled ones included)")
        let failed = results.filter { !$0.failures.isEmpty }
        lines.append("failures: \(failed.count) weeks" + (failures.isEmpty ? "" : " ("
            + PropertyStage.allCases.compactMap { s in failures[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", ") + ")"))
        for r in failed {
            for f in r.failures {
                lines.append("  seed \(r.week.seed): \(f.week.name) \(f.round.map { "replan \($0 + 1)" } ?? "plan"): \(f.stage.rawValue): "
                             + f.message.split(separator: "\n").first.map(String.init)!)
                lines.append("    repeat: property-run --seed \(r.week.seed) --weeks 1 --rounds \(settings.rounds) --time-limit \(format(settings.timeLimit))"
                             + " --min-visits \(visits.lowerBound) --max-visits \(visits.upperBound) --write-failures DIR")
            }
        }
        lines.append("time: \(format(seconds)) s, \(format(seconds / Double(max(1, results.count)))) s a week on average, slowest "
                     + (slowest.map { "\($0.week.name) \(format($0.seconds)) s" } ?? "-"))
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String { String(format: value == value.rounded() ? "%.0f" : "%.1f", value) }
}
